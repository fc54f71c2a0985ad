"""Word-level diffs between a quote and a source passage.

Words are compared in normalised form (case, quote marks, ё/е… do not count as
differences) but each run carries the original words, so the diff can be shown as
is in a terminal or on a web page.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel

from quotetrail.core.models import DiffOp
from quotetrail.core.normalize import Token, tokenize

Run = tuple[str, int, int, int, int]  # (op, quote i1, i2, source j1, j2) over token lists


def token_runs(quote: Sequence[Token], source: Sequence[Token]) -> list[Run]:
    """Equal/insert/delete/replace runs over two token lists (adjacent edits merged)."""
    runs: list[Run] = []
    for op in Indel.opcodes([t.norm for t in quote], [t.norm for t in source]):
        tag = "equal" if op.tag == "equal" else "edit"
        i1, i2, j1, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if runs and tag == "edit" and runs[-1][0] != "equal":
            _, pi1, _, pj1, _ = runs[-1]
            runs[-1] = ("edit", pi1, i2, pj1, j2)
        else:
            runs.append((tag, i1, i2, j1, j2))
    return [(_edit_name(r) if r[0] == "edit" else "equal", *r[1:]) for r in runs]  # type: ignore[misc]


def _edit_name(run: Run) -> str:
    # Editors' suggestion mode, the source being the original and the quote the edit:
    # words the quote adds are an insert, source words the quote drops a delete.
    _, i1, i2, j1, j2 = run
    if i2 > i1 and j2 > j1:
        return "replace"
    return "insert" if i2 > i1 else "delete"


def _words(text: str, tokens: Sequence[Token], a: int, b: int) -> str:
    if b <= a:
        return ""
    return text[tokens[a].start : tokens[b - 1].end]


def ops_from_runs(
    runs: Sequence[Run],
    quote_text: str,
    quote: Sequence[Token],
    source_text: str,
    source: Sequence[Token],
) -> tuple[DiffOp, ...]:
    return tuple(
        DiffOp(op, _words(quote_text, quote, i1, i2), _words(source_text, source, j1, j2))  # type: ignore[arg-type]
        for op, i1, i2, j1, j2 in runs
    )


def word_diff(quote: str, passage: str) -> tuple[DiffOp, ...]:
    """Diff a quote against a passage; [editorial insertions] on either side are left out."""
    q = [t for t in tokenize(quote, with_fragments=True).tokens if not t.editorial]
    s = [t for t in tokenize(passage).tokens if not t.editorial]
    return ops_from_runs(token_runs(q, s), quote, q, passage, s)


def render_diff(ops: Sequence[DiffOp]) -> str:
    """One-line wdiff-style rendering: [-dropped source words-] {+words the quote adds+}."""
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(op.quote)
        else:
            if op.source:
                parts.append(f"[-{op.source}-]")
            if op.quote:
                parts.append(f"{{+{op.quote}+}}")
    return " ".join(parts)
