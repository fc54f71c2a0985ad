"""Russian speaker names in the nominative: our rules vs the natasha parser (if installed).

    sentences (written for this bench, invented people) with the speaker in an oblique
    case --> rules: extract_quotes(...).speaker --> natasha: NER PER span, normalised
    --> accuracy and milliseconds per sentence for each, plus natasha's load time

Run: python bench/bench_ru_names.py
natasha (MIT, models inside its wheels) is optional: without it only the rules are
measured. It ends with one line per method.
"""

from __future__ import annotations

import time

from quotetrail.core.extract import extract_quotes
from quotetrail.core.outlets import OutletRegistry

CASES = [
    ("По словам Марии Захаровой, визит состоится.", "Мария Захарова"),
    ("По словам Тимура Рашидова, граница открыта.", "Тимур Рашидов"),
    ("Как заявила Ольга Веретенникова, причалы обновят.", "Ольга Веретенникова"),
    ("По мнению Семёна Гарипова, тарифы останутся прежними.", "Семён Гарипов"),
    ("По словам Игоря Самойлова, мост откроют осенью.", "Игорь Самойлов"),
    ("Со слов Анны Ершовой, школа откроется весной.", "Анна Ершова"),
    ("По словам Павла Лыкова, бюджет утвердят в декабре.", "Павел Лыков"),
    ("По оценке Натальи Беловой, общежитие достроят к сентябрю.", "Наталья Белова"),
    ("По словам Руслана Ибрагимова, очередь сократится.", "Руслан Ибрагимов"),
    ("По словам Ирины Лосевой, встреча пройдёт в Казани.", "Ирина Лосева"),
    ("По словам Льва Гурова, завод расширят.", "Лев Гуров"),
    ("По словам Петра Ланского, проект одобрен.", "Петр Ланской"),
]


def rules(sentence: str, registry: OutletRegistry) -> str | None:
    found = extract_quotes(sentence, registry)
    return found[0].speaker if found else None


def main() -> None:
    registry = OutletRegistry.default()
    extract_quotes("warm up", registry)
    t0 = time.process_time()
    got = [rules(s, registry) for s, _ in CASES]
    ms = (time.process_time() - t0) * 1000 / len(CASES)
    ok = sum(
        (g or "").replace("ё", "е") == want.replace("ё", "е")
        for g, (_, want) in zip(got, CASES, strict=True)
    )
    print(f"rules    {ok}/{len(CASES)} names right  {ms:7.2f} ms cpu/sentence")
    try:
        from natasha import (
            Doc,
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            Segmenter,
        )
    except ImportError:
        print("natasha  not installed: skipped")
        return
    t0 = time.process_time()
    segmenter, vocab = Segmenter(), MorphVocab()
    embedding = NewsEmbedding()
    ner, morph = NewsNERTagger(embedding), NewsMorphTagger(embedding)
    load = (time.process_time() - t0) * 1000
    t0 = time.process_time()
    right = 0
    for sentence, want in CASES:
        doc = Doc(sentence)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        people = [s for s in doc.spans if s.type == "PER"]
        for span in people:
            span.normalize(vocab)
        right += bool(people) and people[0].normal.replace("ё", "е") == want.replace("ё", "е")
    ms = (time.process_time() - t0) * 1000 / len(CASES)
    print(
        f"natasha  {right}/{len(CASES)} names right  {ms:7.2f} ms cpu/sentence (load {load:.0f} ms)"
    )


if __name__ == "__main__":
    main()
