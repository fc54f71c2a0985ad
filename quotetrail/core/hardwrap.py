"""Undo hard wrapping: plain text broken at ~70 columns inside its paragraphs.

Every later step treats a newline as a paragraph end, so a wrapped quote
would be cut at each line. :func:`unwrap` returns a copy of the text in which
the newlines that only wrap a line are spaces. It changes no length, so offsets
found in the copy index the original text unchanged.

A text counts as wrapped when its lines are short (≤ 100 characters) and most
line ends are *soft*: the first word of the next line would not have fitted on
the line before — the rule every word-wrapping program follows. A newline
stays a paragraph end when the line before is short (it ends a paragraph), the
next line is blank, opens with a dialogue dash, or opens a quote after a
sentence end. Texts with one paragraph per line are left as they are.
"""

from __future__ import annotations

import re

__all__ = ["unwrap"]

_MAX_WIDTH = 100
_MIN_WIDTH = 40  # shorter lines are a list or verse, not wrapped prose
_SLACK = 2  # wrappers differ by a column or two in where they break
_TERMINAL = tuple(".!?…:") + tuple(f"{p}{c}" for p in ".!?…" for c in "\"'»”“’)")
_DASH = re.compile(r"[—–-]\s")
_OPENERS = "\"'«“„‘‹"


def unwrap(text: str) -> str:
    """`text` with wrapping newlines replaced by spaces (same length, same offsets)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    stripped = [line.rstrip() for line in lines]
    width = max(len(line) for line in stripped)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return text
    joins = [i for i in range(len(lines) - 1) if _soft(stripped[i], lines[i + 1], width)]
    junctions = sum(1 for i in range(len(lines) - 1) if stripped[i] and lines[i + 1].strip())
    # one break in mid-sentence of a long line is wrapping too ("…resume in\nMarch…")
    mid_sentence = any(not stripped[i].endswith(_TERMINAL) for i in joins)
    if not joins or len(joins) * 2 < junctions or (len(joins) < 2 and not mid_sentence):
        return text
    chars = list(text)
    pos = 0
    ends = []
    for line in lines:
        pos += len(line)
        ends.append(pos)
        pos += 1
    for i in joins:
        chars[ends[i]] = " "
    return "".join(chars)


def _soft(line: str, following: str, width: int) -> bool:
    """Was this newline put in only because the next word did not fit?"""
    nxt = following.strip()
    indented = len(following) - len(following.lstrip()) > 1
    if not line.strip() or not nxt or indented:
        return False
    if _DASH.match(nxt) or (nxt[0] in _OPENERS and line.endswith(_TERMINAL)):
        return False
    first_word = nxt.split(None, 1)[0]
    return len(line) + 1 + len(first_word) > width - _SLACK
