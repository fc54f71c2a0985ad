"""Speed at the scale discovery brings: many pages, big pages, hostile pages, start-up, memory.

    python bench/bench_scale.py [all|scale|prepare|worst|startup|rss] [--before TREE]
                                [--timeout 120] [--quick]

    parent ──► for each tree (this one, and --before TREE, e.g. a `git worktree` of an
               older commit) ──► `bench_scale.py _child WHAT ...` with PYTHONPATH=TREE
           ──► one JSON line back per measurement ──► the tables below

What ends a measurement: its figures, or the --timeout (printed as "> N s"), so an
old tree's 84-minute case cannot hold the run. Every measurement runs in a fresh
process, so caches, imports and peak RSS belong to that measurement alone.

- scale   — report.evaluate (the pipeline's judging step) on sources × quotes of 1×500,
            10×10, 10×100, 100×1, 100×500 with synthetic 50,000-character pages; a
            quote mix as discovery brings it (verbatim, altered, absent). Targets:
            10×100 < 1.5 s, 100×500 < 60 s.
- prepare — page preparation (prepare_page: tokenise, stem, index; its cache emptied)
            in MB/s (millions of characters per CPU second, best of 15, 5 and 3 runs) for 50k, 500k,
            2M pages of English, Russian and unique-word text. Target ≥ 5 MB/s. Then
            "+5 quotes": CPU seconds to prepare the page and judge 5 quotes against
            it (verbatim, altered, absent; best of 3), so work a tree defers from
            preparation to the first judgement still shows.
- worst   — extraction on 400k characters of alternating quotation marks (< 2 s; wall
            and CPU, as a shared machine's load inflates wall time);
            2 MB pages of one repeated word and without punctuation, worst pair over
            several quotes (< 50 ms); then a property run (hypothesis): random and
            adversarial 1 MB inputs must each finish extraction + judging within 20 s
            (an input still running then is stopped and listed).
- startup — wall and CPU time (median of 5) and peak RSS of `quotetrail --help` and of
            `quotetrail verify` on a tiny text file, with compiled bytecode cached
            (an installed package) and without it (PYTHONDONTWRITEBYTECODE=1). Target < 0.3 s.
- rss     — peak RSS of a process evaluating 10 quotes against 100 pages of 500,000
            characters (texts included). Target < 500 MB.

Pages and quotes are synthetic and seeded (English from a made-up vocabulary, Russian
from the dev set's own synthetic pages), so runs are repeatable and hold no real news.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TREE = HERE.parent
SCALE_CASES = ((1, 500), (10, 10), (10, 100), (100, 1), (100, 500))
PREP_SIZES = (50_000, 500_000, 2_000_000)
PROPERTY_BOUND = 20  # seconds: extraction + two judgements of one 1 MB input

# --- synthetic text ----------------------------------------------------------------------

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
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words = {"".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 10))) for _ in range(size)}
    return sorted(words)


def english_page(rng: random.Random, vocab: list[str], chars: int) -> str:
    """Paragraphs of sentences, Zipf-like word choice, some numbers (like bench_align's)."""
    cum: list[float] = []
    total = 0.0
    for i in range(len(vocab)):
        total += 1 / (i + 1)
        cum.append(total)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            n = rng.randint(8, 28)
            content = rng.choices(vocab, cum_weights=cum, k=n)
            words = [rng.choice(FUNCTION_WORDS) if rng.random() < 0.4 else w for w in content]
            words[0] = words[0].capitalize()
            if rng.random() < 0.3:
                words.insert(rng.randint(1, n - 1), str(rng.randint(2, 9999)))
            sentences.append(" ".join(words) + rng.choice(".!?."))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:chars]


def russian_text(chars: int) -> str:
    pages = sorted((TREE / "devset" / "pages").glob("ru_*.txt"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in pages)
    return (text * (chars // len(text) + 1))[:chars]


def unique_words(rng: random.Random, chars: int) -> str:
    out: list[str] = []
    size = 0
    i = 0
    while size < chars:
        w = "".join(rng.choice(LETTERS) for _ in range(rng.randint(5, 11)))
        i += 1
        w = w.capitalize() if i % 15 == 1 else w + ("." if i % 15 == 0 else "")
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:chars]


def quote_mix(rng: random.Random, pages: list[str], vocab: list[str], n: int) -> list[str]:
    """Quotes as discovery brings them: verbatim, altered ("not" added) and absent, 20 words."""
    quotes = []
    for k in range(n):
        words = rng.choice(pages).split()
        start = rng.randrange(0, len(words) - 20)
        quote = words[start : start + 20]
        if k % 3 == 1:
            quote.insert(rng.randint(1, 19), "not")
        elif k % 3 == 2:
            quote = [rng.choice(vocab) for _ in range(20)]
        quotes.append(" ".join(quote))
    return quotes


# --- the child: one measurement in a fresh process ----------------------------------------


def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class _Source:
    status: object
    text: str


def child_scale(n_sources: int, n_quotes: int) -> dict:
    from quotetrail.core.models import Quote, SourceStatus
    from quotetrail.core.report import evaluate

    rng = random.Random(11)
    vocab = vocabulary(rng)
    pages = [english_page(rng, vocab, 50_000) for _ in range(n_sources)]
    quotes = [Quote(q) for q in quote_mix(rng, pages, vocab, n_quotes)]
    sources = [_Source(SourceStatus(f"page-{i}", "ok"), p) for i, p in enumerate(pages)]
    import numpy  # noqa: F401  imported lazily by newer trees: not inside the timing

    t0 = time.perf_counter()
    c0 = time.process_time()
    report = evaluate(quotes, sources)
    verdicts: dict[str, int] = {}
    for r in report.quotes:
        verdicts[r.verdict] = verdicts.get(r.verdict, 0) + 1
    return {
        "wall": time.perf_counter() - t0,
        "cpu": time.process_time() - c0,
        "verdicts": verdicts,
        "rss": _rss_mb(),
    }


def _prepare_function():
    """The pipeline's entry point, its page cache emptied after each call (so every
    call prepares), or the bare builder of a tree whose cache cannot be emptied."""
    from quotetrail.core import align

    cached = align.prepare_page
    clear = getattr(cached, "cache_clear", None)
    if clear is None:
        return getattr(align, "_prepare_page", None) or cached.__wrapped__

    def prepare(text: str) -> object:
        page = cached(text)
        clear()  # the caller holds the page: nothing is freed inside the timing
        return page

    return prepare


def child_prepare(kind: str, chars: int) -> dict:
    prepare = _prepare_function()
    prepare("Warm up the stemmers. Прогрев.")
    rng = random.Random(5)
    best = float("inf")
    # best of more runs for small pages: a 50k page takes ~10 ms, within a shared machine's noise
    for run in range(15 if chars <= 50_000 else 5 if chars <= 500_000 else 3):
        if kind == "english":
            text = english_page(random.Random(3), vocabulary(random.Random(3)), chars)
        elif kind == "russian":
            text = russian_text(chars)
        else:  # fresh words every run: the stem cache cannot help
            text = unique_words(random.Random(run + rng.random()), chars)
        c0 = time.process_time()
        page = prepare(text)
        best = min(best, time.process_time() - c0)
        del page
    return {"seconds": best, "mb_s": chars / best / 1e6, "with_judging": _prepare_and_judge(text)}


JUDGED_QUOTES = 5


def _prepare_and_judge(text: str) -> float:
    """CPU seconds to judge JUDGED_QUOTES quotes (verbatim, altered, absent) against a page
    not prepared yet: its preparation plus the judging, best of 3. Preparation alone
    says nothing if work left out of it lands on the first quotes; this is the total."""
    from quotetrail.core import align
    from quotetrail.core.verdict import judge

    quotes = quote_mix(random.Random(9), [text], vocabulary(random.Random(9)), JUDGED_QUOTES)
    clear = getattr(align.prepare_page, "cache_clear", None)
    best = float("inf")
    for _ in range(3):
        if clear is not None:
            clear()
        c0 = time.process_time()
        for quote in quotes:
            judge(quote, text)
        best = min(best, time.process_time() - c0)
    return best


def _worst_pages() -> dict[str, str]:
    rng = random.Random(1)
    n = 2_000_000
    vocab = vocabulary(rng, 3000)
    return {
        "one repeated word": ("word " * (n // 5))[:n],
        "no punctuation": " ".join(rng.choice(vocab) for _ in range(n // 6))[:n],
    }


WORST_QUOTES = (
    "word word word",
    "word " * 30,
    "The minister said the budget will not be cut next year",
    "Putin said: we will never word the word of Word",
)


def child_worst(what: str) -> dict:
    if what == "alternating marks":
        from quotetrail.core.extract import extract_quotes
        from quotetrail.core.outlets import OutletRegistry

        registry = OutletRegistry.default()
        text = ("«„“‘'\"" * 400_000)[:400_000]
        c0, p0 = time.perf_counter(), time.process_time()
        extract_quotes(text, registry, include_terms=True)
        return {"seconds": time.perf_counter() - c0, "cpu": time.process_time() - p0}
    from quotetrail.core.verdict import judge

    page = _worst_pages()[what]
    vocab_quotes = [" ".join(page.split()[1000:1020]), " ".join(page.split()[5000:5012][::-1])]
    t0 = time.perf_counter()
    judge("warm up", page)
    prep = time.perf_counter() - t0
    worst = worst_cpu = 0.0
    for q in (*WORST_QUOTES, *vocab_quotes):
        t0, p0 = time.perf_counter(), time.process_time()
        judge(q, page)
        worst = max(worst, time.perf_counter() - t0)
        worst_cpu = max(worst_cpu, time.process_time() - p0)
    return {"prepare": prep, "worst_pair_ms": 1000 * worst, "worst_pair_cpu_ms": 1000 * worst_cpu}


def child_property(examples: int) -> dict:
    """Random and adversarial 1 MB inputs: extraction and judging finish (hypothesis).

    Hypothesis draws the repeated units; each input then runs in a process of its own,
    stopped at PROPERTY_BOUND seconds (a signal cannot stop a long regex call).
    """
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            "«", "»", "“", "”", "„", '"', "'", "‘", "’", "\n", "\n\n", " ", ".", "…", ":", "—",
            "said", "сказал", "Putin", "Путин", "not", "не", "4,000", "[", "]", "[…]", "word",
            "he said that", "по словам", "TASS", "ТАСС", "x" * 50, "Mr.", "-", ",",
        ]
    )  # fmt: skip
    units: list[str] = []

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(pieces, min_size=1, max_size=30), st.text(min_size=1, max_size=60))
    def draw(unit: list[str], noise: str) -> None:
        units.append("".join(unit) + noise)

    draw()
    import resource

    times: list[float] = []
    cpus: list[tuple[float, str]] = []  # the child's CPU: less at the mercy of the load
    over: list[str] = []
    for unit in units:
        t0 = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "_child", "property_one"],
                input=json.dumps(unit),
                text=True,
                capture_output=True,
                timeout=PROPERTY_BOUND,
                check=True,
            )
        except subprocess.TimeoutExpired:
            over.append(unit[:60])
        times.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        cpus.append((cpu, unit[:60]))
    return {
        "examples": len(times),
        "max": max(times),
        "median": statistics.median(times),
        "max_cpu": max(cpus)[0],
        "slowest": max(cpus)[1],
        "over": over,
    }


def child_property_one() -> dict:
    """One 1 MB input made of a repeated unit (read from stdin as JSON)."""
    from quotetrail.core.extract import extract_quotes
    from quotetrail.core.outlets import OutletRegistry
    from quotetrail.core.verdict import judge

    unit = json.loads(sys.stdin.read())
    text = (unit * (1_000_000 // max(1, len(unit)) + 1))[:1_000_000]
    extract_quotes(text, OutletRegistry.default(), include_terms=True)
    judge(unit[:200] or "x", text)
    judge("We will never accept these terms, the minister said", text)
    return {"chars": len(text)}


def child_rss(n_pages: int, chars: int) -> dict:
    from quotetrail.core.models import Quote, SourceStatus
    from quotetrail.core.report import evaluate

    rng = random.Random(21)
    vocab = vocabulary(rng)
    base = english_page(rng, vocab, chars)
    # distinct pages (so no cache can share them) without paying to generate each one
    pages = [
        f"Page {i} {vocab[i % len(vocab)]}. " + base[i * 997 :] + base[: i * 997]
        for i in range(n_pages)
    ]
    quotes = [Quote(q) for q in quote_mix(rng, pages[:3], vocab, 10)]
    sources = [_Source(SourceStatus(f"page-{i}", "ok"), p) for i, p in enumerate(pages)]
    before = _rss_mb()
    t0 = time.perf_counter()
    evaluate(quotes, sources)
    return {"seconds": time.perf_counter() - t0, "rss_before": before, "rss_peak": _rss_mb()}


def child_main(argv: list[str]) -> None:
    what, *args = argv
    if what == "scale":
        out = child_scale(int(args[0]), int(args[1]))
    elif what == "prepare":
        out = child_prepare(args[0], int(args[1]))
    elif what == "worst":
        out = child_worst(args[0])
    elif what == "property":
        out = child_property(int(args[0]))
    elif what == "property_one":
        out = child_property_one()
    elif what == "rss":
        out = child_rss(int(args[0]), int(args[1]))
    else:
        raise SystemExit(f"unknown child measurement {what}")
    print(json.dumps(out))


# --- the parent ------------------------------------------------------------------------------


def run_child(tree: Path, timeout: float, *args: object) -> dict | None:
    """One measurement in a fresh interpreter importing quotetrail from `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    try:
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "_child", *map(str, args)],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cell(result: dict | None, key: str, fmt: str, timeout: float) -> str:
    if result is None:
        return f"> {timeout:.0f} s"
    if "error" in result:
        return "error: " + result["error"][:40]
    return fmt.format(result[key])


def _table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


def bench_scale(trees: dict[str, Path], timeout: float, quick: bool) -> None:
    rows = []
    for n_sources, n_quotes in SCALE_CASES:
        if quick and n_sources * n_quotes > 1000:
            continue
        row = [f"{n_sources}×{n_quotes}"]
        for tree in trees.values():
            r = run_child(tree, timeout, "scale", n_sources, n_quotes)
            row.append(_cell(r, "wall", "{:.2f} s", timeout))
            row.append(_cell(r, "cpu", "{:.2f} s", timeout))
            row.append(_cell(r, "rss", "{:.0f} MB", timeout))
        rows.append(row)
    header = ["sources×quotes"]
    for name in trees:
        header += [f"{name} wall", f"{name} CPU", f"{name} peak RSS"]
    _table("Pages and quotes at once: report.evaluate on 50,000-char pages", header, rows)


def bench_prepare(trees: dict[str, Path], timeout: float, quick: bool) -> None:
    rows = []
    for kind in ("english", "russian", "unique words"):
        for chars in PREP_SIZES:
            if quick and chars > 500_000:
                continue
            row = [kind, f"{chars:,}"]
            for tree in trees.values():
                r = run_child(tree, timeout, "prepare", kind.split()[0], chars)
                row.append(_cell(r, "mb_s", "{:.2f} MB/s", timeout))
                row.append(_cell(r, "seconds", "{:.3f} s", timeout))
                row.append(_cell(r, "with_judging", "{:.3f} s", timeout))
            rows.append(row)
    header = ["text", "chars"]
    for name in trees:
        header += [f"{name} MB/s", f"{name} CPU", f"{name} +{JUDGED_QUOTES} quotes"]
    _table("Page preparation (million chars per CPU second, best of 15 / 5 / 3 runs)", header, rows)


def bench_worst(trees: dict[str, Path], timeout: float, quick: bool) -> None:
    rows = []
    r_by_tree = {n: run_child(t, timeout, "worst", "alternating marks") for n, t in trees.items()}
    rows.append(
        ["alternating marks, 400k chars", "extraction"]
        + [_cell(r, "seconds", "{:.2f} s", timeout) for r in r_by_tree.values()]
    )
    rows.append(
        ["alternating marks, 400k chars", "extraction, CPU"]
        + [_cell(r, "cpu", "{:.2f} s", timeout) for r in r_by_tree.values()]
    )
    for page in ("one repeated word", "no punctuation"):
        results = {n: run_child(t, timeout, "worst", page) for n, t in trees.items()}
        rows.append(
            [f"2 MB, {page}", "worst pair"]
            + [_cell(r, "worst_pair_ms", "{:.1f} ms", timeout) for r in results.values()]
        )
        rows.append(
            [f"2 MB, {page}", "worst pair, CPU"]
            + [_cell(r, "worst_pair_cpu_ms", "{:.1f} ms", timeout) for r in results.values()]
        )
        rows.append(
            [f"2 MB, {page}", "page preparation"]
            + [_cell(r, "prepare", "{:.2f} s", timeout) for r in results.values()]
        )
    _table("Worst cases (wall time)", ["input", "what", *trees], rows)
    examples = 3 if quick else 10
    r = run_child(TREE, examples * (PROPERTY_BOUND + 10), "property", examples)
    if r is None or "error" in r:
        print(f"\nproperty run (this tree): {r}")
    else:
        print(
            f"\nproperty run (this tree, hypothesis): {r['examples']} random/adversarial 1 MB"
            f" inputs, extraction + 2 judgements each: median {r['median']:.2f} s,"
            f" max {r['max']:.2f} s (max CPU {r['max_cpu']:.2f} s, for {r['slowest']!r});"
            f" over the {PROPERTY_BOUND} s bound: {len(r['over'])}"
            + "".join(f"\n  repeated unit {u!r}" for u in r["over"])
        )


def _startup_run(tree: Path, argv: list[str], pyc: bool, cache: str) -> tuple[float, float, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    if pyc:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotetrail.cli", *argv],
        cwd=cache,  # not the repository: `-m` puts the working directory first on sys.path
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"quotetrail {' '.join(argv)} exited {proc.returncode} in {tree}")
    cpu = usage.ru_utime + usage.ru_stime  # less at the mercy of a shared machine's load
    return time.perf_counter() - t0, usage.ru_maxrss / 1024, cpu


def bench_startup(trees: dict[str, Path], timeout: float, quick: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp, "article.txt")
        article.write_text('The mayor said: "We will open four new bridges this year."\n')
        source = Path(tmp, "source.txt")
        source.write_text("We will open four new bridges this year, the mayor said.\n")
        commands = {
            "--help": ["--help"],
            "verify tiny file": ["verify", str(article), "--source", str(source)],
        }
        rows = []
        for pyc in (True, False):
            for label, argv in commands.items():
                row = [label, "cached .pyc" if pyc else "no .pyc"]
                for tree in trees.values():
                    Path(tmp, "pyc").mkdir(exist_ok=True)
                    _startup_run(tree, argv, pyc, tmp + "/pyc")  # warm the disk and .pyc
                    runs = [_startup_run(tree, argv, pyc, tmp + "/pyc") for _ in range(5)]
                    row.append(f"{statistics.median(t for t, _, _ in runs):.3f} s")
                    row.append(f"{statistics.median(c for _, _, c in runs):.3f} s")
                    row.append(f"{max(m for _, m, _ in runs):.0f} MB")
                rows.append(row)
    header = ["command", "bytecode"]
    for name in trees:
        header += [f"{name} time", f"{name} CPU", f"{name} RSS"]
    _table("CLI start-up (wall and CPU time, median of 5; peak RSS)", header, rows)


def bench_rss(trees: dict[str, Path], timeout: float, quick: bool) -> None:
    n_pages = 20 if quick else 100
    rows = []
    for name, tree in trees.items():
        r = run_child(tree, max(timeout, 900), "rss", n_pages, 500_000)
        rows.append(
            [
                name,
                _cell(r, "rss_before", "{:.0f} MB", timeout),
                _cell(r, "rss_peak", "{:.0f} MB", timeout),
                _cell(r, "seconds", "{:.1f} s", timeout),
            ]
        )
    _table(
        f"Peak RSS: 10 quotes × {n_pages} pages of 500,000 chars (one process)",
        ["tree", "RSS with texts loaded", "peak RSS", "time"],
        rows,
    )


BENCHES = {
    "scale": bench_scale,
    "prepare": bench_prepare,
    "worst": bench_worst,
    "startup": bench_startup,
    "rss": bench_rss,
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        child_main(argv[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", default="all", choices=["all", *BENCHES])
    parser.add_argument("--before", type=Path, help="another tree to measure side by side")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per measurement")
    parser.add_argument("--quick", action="store_true", help="small cases only")
    args = parser.parse_args(argv)
    trees = {}
    if args.before:
        trees["before"] = args.before.resolve()
    trees["after" if args.before else "this tree"] = TREE
    print(
        f"python {sys.version.split()[0]}; trees: {', '.join(f'{k}={v}' for k, v in trees.items())}"
    )
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    for name, bench in BENCHES.items():
        if args.what in ("all", name):
            bench(trees, args.timeout, args.quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
