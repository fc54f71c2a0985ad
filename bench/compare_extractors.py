"""Compare main-text extractors on the synthetic pages in tests/core/fixtures_pages.

For each page (`NAME.html`, raw bytes in whatever charset the page uses) there is a
hand-written `NAME.expected.txt`. Prints token-level precision / recall / F1 (multiset
of lower-cased word tokens) and the share of expected paragraphs found verbatim as a
paragraph of the output (paragraph breaks matter downstream), per page and mean.

Pages are averaged in three groups so the bs4 figures are not only self-fitted:
`tuning` pages were written first and the BeautifulSoup heuristics tuned on them;
`heldout_*` pages were written after that tuning (bs4 then scored F1 0.22 on them and one
generic fix — text-only <div>s count as paragraphs — followed); `heldout2_*` pages were
written after that fix and nothing was tuned on them.

    python bench/compare_extractors.py [--show NAME]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quotetrail.core import html_trafilatura
from quotetrail.core.charset import decode_body
from quotetrail.core.document import document_from_html

PAGES = Path(__file__).resolve().parents[1] / "tests" / "core" / "fixtures_pages"
TOKEN = re.compile(r"\w+", re.UNICODE)


def bs4_text(html: str) -> str:
    return document_from_html(html, "https://outlet.example/news/1", extractor="bs4").text


def trafilatura_raw_text(html: str) -> str:
    paragraphs = html_trafilatura.extract_paragraphs(html, "https://outlet.example/news/1")
    return "\n\n".join(text for _, text in paragraphs or [])


def trafilatura_headline_text(html: str) -> str:
    return document_from_html(html, "https://outlet.example/news/1", extractor="trafilatura").text


def auto_text(html: str) -> str:
    return document_from_html(html, "https://outlet.example/news/1").text


EXTRACTORS = {
    "bs4": bs4_text,
    "trafilatura": trafilatura_raw_text,
    "trafilatura+h1": trafilatura_headline_text,
    "auto": auto_text,
}


def group_of(stem: str) -> str:
    return stem.split("_", 1)[0] if stem.startswith("heldout") else "tuning"


def scores(got: str, expected: str) -> tuple[float, float, float, float]:
    g = Counter(t.lower() for t in TOKEN.findall(got))
    e = Counter(t.lower() for t in TOKEN.findall(expected))
    overlap = sum((g & e).values())
    precision = overlap / sum(g.values()) if g else 0.0
    recall = overlap / sum(e.values()) if e else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    got_paragraphs = {p.strip() for p in got.split("\n\n")}
    wanted = [p.strip() for p in expected.strip().split("\n\n")]
    exact = sum(p in got_paragraphs for p in wanted) / len(wanted)
    return precision, recall, f1, exact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print each extractor's output for this page name")
    args = parser.parse_args()
    pages = sorted(PAGES.glob("*.html"))
    totals: dict[tuple[str, bool], list[tuple[float, float, float, float]]] = {}
    seconds: dict[str, float] = dict.fromkeys(EXTRACTORS, 0.0)
    warm = decode_body(pages[0].read_bytes())
    for extract in EXTRACTORS.values():
        extract(warm)  # imports and caches out of the timings
    print(f"{'page':28} {'extractor':15} {'P':>5} {'R':>5} {'F1':>5} {'para':>5}")
    for page in pages:
        html = decode_body(page.read_bytes())
        expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8")
        for name, extract in EXTRACTORS.items():
            started = time.perf_counter()
            got = extract(html)
            seconds[name] += time.perf_counter() - started
            result = scores(got, expected)
            totals.setdefault((name, group_of(page.stem)), []).append(result)
            p, r, f, x = result
            print(f"{page.stem:28} {name:15} {p:5.2f} {r:5.2f} {f:5.2f} {x:5.2f}")
            if args.show and args.show in page.stem:
                print("-" * 60, "\n" + got + "\n" + "-" * 60)
    print()
    print(f"{'MEAN':28} {'extractor':15} {'P':>5} {'R':>5} {'F1':>5} {'para':>5} {'ms/page':>8}")
    for group in ("tuning", "heldout", "heldout2", "all"):
        for name in EXTRACTORS:
            rows = [
                r for (n, g), rs in totals.items() if n == name and group in (g, "all") for r in rs
            ]
            if not rows:
                continue
            mean = [sum(col) / len(rows) for col in zip(*rows, strict=True)]
            label = f"{group} pages ({len(rows)})"
            ms = 1000 * seconds[name] / len(pages)
            print(
                f"{label:28} {name:15} {mean[0]:5.2f} {mean[1]:5.2f} {mean[2]:5.2f} {mean[3]:5.2f} {ms:8.1f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
