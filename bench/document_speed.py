"""How long reading a large page takes, up to the 10 MB input limit, and that past it the
refusal is immediate. Prints seconds per size; no assertions (see tests for behaviour).

    python bench/document_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quotetrail.core.document import document_from_bytes
from quotetrail.errors import InputError

PARAGRAPH = (
    "<p>Министр заявил, что «переговоры продолжатся на следующей неделе», "
    "и добавил: “we will not move the deadline”.</p>\n"
)
SIDEBAR = (
    "<div class='most-read'><h3>Самое читаемое</h3>" + "<a href='/n'>Новость</a>" * 50 + "</div>"
)


def page(megabytes: float) -> bytes:
    unit = PARAGRAPH.encode("utf-8")
    count = int(megabytes * 1024 * 1024 / len(unit))
    html = f"<html><body>{SIDEBAR}<article>{PARAGRAPH * count}</article></body></html>"
    return html.encode("utf-8")


def deep(levels: int) -> bytes:
    return ("<div>" * levels + PARAGRAPH + "</div>" * levels).encode("utf-8")


def main() -> int:
    print(f"{'input':28} {'bytes':>10} {'seconds':>8}  outcome")
    cases = [(f"article {mb} MB", page(mb)) for mb in (0.1, 1, 5, 9.5)]
    cases += [("article 10.5 MB (over limit)", page(10.5)), ("20,000 nested <div>s", deep(20_000))]
    for label, body in cases:
        started = time.perf_counter()
        try:
            doc = document_from_bytes(body, "text/html; charset=utf-8")
            outcome = f"{len(doc.blocks)} paragraphs"
        except InputError as exc:
            outcome = f"InputError: {exc}"
        print(f"{label:28} {len(body):>10} {time.perf_counter() - started:8.2f}  {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
