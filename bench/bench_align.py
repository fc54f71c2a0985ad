"""Benchmark quote–page alignment: quotetrail's judge vs a naive difflib baseline.

Prints (a) the median time to judge one 25-word quote against a 50,000-character
page, (b) quote–page pairs per second over 200 quotes x 20 pages, and (c) a naive
baseline (difflib.SequenceMatcher over every word window of the quote's length) on
a subset, with the speed-up. Pages are synthetic and seeded, so runs are repeatable.

    python bench/bench_align.py [--seed 7] [--baseline-pairs 6]
"""

from __future__ import annotations

import argparse
import difflib
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrail.core.align import prepare_page
from quotetrail.core.verdict import judge

PAGE_CHARS = 50_000
QUOTE_WORDS = 25
FUNCTION_WORDS = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "is",
    "was",
    "he",
    "she",
    "said",
    "for",
    "on",
    "with",
    "as",
    "not",
    "it",
    "at",
    "by",
    "from",
]


def make_vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size)}
    return sorted(words)


def make_page(rng: random.Random, vocab: list[str]) -> str:
    """Paragraphs of sentences; Zipf-like word choice so some words repeat a lot."""
    weights = [1 / (i + 1) for i in range(len(vocab))]
    paragraphs, size = [], 0
    while size < PAGE_CHARS:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            n = rng.randint(8, 28)
            words = [
                rng.choice(FUNCTION_WORDS) if rng.random() < 0.4 else rng.choices(vocab, weights)[0]
                for _ in range(n)
            ]
            words[0] = words[0].capitalize()
            if rng.random() < 0.3:
                words.insert(rng.randint(1, n - 1), str(rng.randint(2, 9999)))
            sentences.append(" ".join(words) + rng.choice(".!?."))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:PAGE_CHARS]


def make_quote(rng: random.Random, page: str, vocab: list[str]) -> str:
    """A 25-word quote: verbatim, with a "not" inserted, a word swapped, or absent."""
    words = page.split()
    start = rng.randrange(0, len(words) - QUOTE_WORDS)
    quote = words[start : start + QUOTE_WORDS]
    kind = rng.random()
    if kind < 0.5:
        pass
    elif kind < 0.65:
        quote.insert(rng.randint(1, QUOTE_WORDS - 1), "not")
    elif kind < 0.8:
        quote[rng.randrange(QUOTE_WORDS)] = rng.choice(vocab)
    else:
        quote = [rng.choice(vocab) for _ in range(QUOTE_WORDS)]
    return " ".join(quote)


def naive_best_window(quote: str, page: str) -> float:
    """The baseline: SequenceMatcher ratio of the quote against every word window."""
    words = page.split()
    n = len(quote.split())
    best = 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote.lower())
    for i in range(0, max(1, len(words) - n + 1)):
        matcher.set_seq1(" ".join(words[i : i + n]).lower())
        best = max(best, matcher.ratio())
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--quotes", type=int, default=200)
    parser.add_argument("--baseline-pairs", type=int, default=6)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    vocab = make_vocabulary(rng)
    pages = [make_page(rng, vocab) for _ in range(args.pages)]
    quotes = [make_quote(rng, rng.choice(pages), vocab) for _ in range(args.quotes)]
    print(
        f"pages: {len(pages)} x {len(pages[0]):,} chars; quotes: {len(quotes)} x {QUOTE_WORDS} words"
    )

    # (a) one quote vs one (already prepared) page: the per-pair cost the pipeline pays.
    page = pages[0]
    t0 = time.perf_counter()
    prepare_page(page)
    cold = time.perf_counter() - t0
    times = []
    for q in quotes:
        t0 = time.perf_counter()
        judge(q, page)
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    p95 = sorted(times)[int(0.95 * len(times))]
    print(
        f"(a) judge 25-word quote vs 50,000-char page: median {median * 1e3:.3f} ms, p95 {p95 * 1e3:.3f} ms"
    )
    print(
        f"    one-off page preparation (tokenise, stem, index; cached per page): {cold * 1e3:.1f} ms"
    )

    # (b) the whole batch, page preparation included.
    prepare_page.cache_clear()
    verdicts: Counter[str] = Counter()
    t0 = time.perf_counter()
    for p in pages:
        for q in quotes:
            verdicts[judge(q, p).verdict] += 1
    total = time.perf_counter() - t0
    pairs = len(pages) * len(quotes)
    print(
        f"(b) {pairs} pairs in {total:.2f} s = {pairs / total:,.0f} pairs/s (incl. page preparation)"
    )
    print(f"    verdicts: {dict(verdicts)}")

    # (c) naive baseline on a subset.
    subset = quotes[: args.baseline_pairs]
    t0 = time.perf_counter()
    for q in subset:
        naive_best_window(q, page)
    naive = (time.perf_counter() - t0) / len(subset)
    ours = total / pairs
    print(f"(c) naive difflib windows: {naive * 1e3:.1f} ms/pair over {len(subset)} pairs")
    print(
        f"    speed-up: {naive / median:,.0f}x vs (a) median, {naive / ours:,.0f}x vs (b) average"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
