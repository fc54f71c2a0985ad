"""Find the spans of text that stand between quotation marks.

One left-to-right pass with a stack handles every common style: "…", “…”, «…»,
„…“, ‘…’, '…', ‹…›, nesting (« … „…“ … »), and the English convention for a quote
that runs over several paragraphs (each continued paragraph reopens the mark and
only the last one closes it). Only top-level spans are returned: a quote inside a
quote is part of its parent's words.

Web copy is forgiven two habits: a no-break space before an opening mark, and a
quote opened with a straight mark and closed with a curly one (or back: "…” / “…").

Marks that cannot be paired are dropped without harm: an opening mark left open at
the end of a paragraph is forgotten, and any complete quotes found inside it are
promoted to the top level, so one stray mark never hides the real quotes after it.

The pass stays (near-)linear on hostile input — a 400,000-character run of
alternating marks, every one an opener: abandoned marks hand their quotes up by
merging the smaller list into the larger, the stack counts its marks so closing
"the nearest «" never scans a stack that has none, and the look-aheads for a
single closer and for the paragraph's end remember what they found.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import dataclass, field

__all__ = ["QuoteSpan", "find_quote_spans"]

_MARKS = re.compile("[\"'«»“”„‘’‹›\n]")
# A closing single mark after a word and before a non-letter ("…the end' he", "‘no’,").
_SINGLE_CLOSER = re.compile(r"(?<=\S)['’](?![^\W_])")
_OPENER_CONTEXT = set(" \t\r\n([{—–-/:;,")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quoted stretch of one paragraph.

    `open`/`close` are the positions of the marks (`close` is the paragraph end for a
    fragment continued in the next paragraph); `start`/`end` bound the words, trimmed
    of spaces and a trailing comma. Fragments of one multi-paragraph quote share `group`.
    """

    open: int
    close: int
    start: int
    end: int
    group: int
    closed: bool = True


@dataclass
class _Open:
    mark: str
    pos: int
    children: deque[tuple[int, int]] = field(default_factory=deque)


def _opener_context(before: str) -> bool:
    # any space counts: web copy puts a no-break space (U+00A0) between sentences
    return before in _OPENER_CONTEXT or before.isspace()


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (_opener_context(before) or before in "«“„‘\"'") and not after.isspace()


def _looks_spaced_opening(text: str, i: int) -> bool:
    """`: " We won. "`: an opener typed with one space inside, before a word."""
    before = text[i - 1] if i else " "
    return _opener_context(before) and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].isalnum()


def _looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _paragraph_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


class _Scanner:
    """Holds the stack and the spans found so far while one text is scanned."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[_Open] = []
        self.marks: Counter[str] = Counter()  # how many of each mark the stack holds
        self.spans: list[QuoteSpan] = []
        self.fragments: list[tuple[int, int]] = []  # earlier paragraphs of the open quote
        self.group = 0
        self._para_end = -1  # end of the paragraph last looked up
        self._closer = -1  # the next single closer at or after the last look-up start

    def run(self) -> list[QuoteSpan]:
        text = self.text
        pos = 0
        for m in _MARKS.finditer(text):
            i = m.start()
            if i < pos:  # skipped: the reopening mark of a continued paragraph
                continue
            ch = text[i]
            if ch == "\n":
                pos = self._paragraph_break(i)
            else:
                self._mark(ch, i)
        self._paragraph_break(len(text))
        self.spans.sort(key=lambda s: s.open)
        return self.spans

    # --- one mark ------------------------------------------------------------

    def _mark(self, ch: str, i: int) -> None:
        text = self.text
        top = self.stack[-1].mark if self.stack else None
        if ch in "«„‹":
            self._push(ch, i)
        elif ch == "»":
            self._close_nearest("«", i)
        elif ch == "›":
            self._close_nearest("‹", i)
        elif ch == "“":
            if top == "„" or (top == "“" and _looks_closing(text, i)):
                self._close(i)
            elif _looks_opening(text, i) or (top is None and _looks_spaced_opening(text, i)):
                self._push(ch, i)
            elif top == "“":
                self._close(i)
        elif ch == "”":
            if top in ("“", "„", "”") or (top == '"' and _looks_closing(text, i)):
                self._close(i)  # `"…”`: copy that mixes straight and curly marks
            elif self.marks["“"] or self.marks["„"]:
                self._close_nearest("“„", i)
            elif _looks_opening(text, i):
                self._push(ch, i)
        elif ch == '"':
            if top == '"' and (_looks_closing(text, i) or not _looks_opening(text, i)):
                self._close(i)
            elif top == "“" and _looks_closing(text, i) and not _looks_opening(text, i):
                self._close(i)  # `“…"`
            elif _looks_opening(text, i) or (top is None and _looks_spaced_opening(text, i)):
                self._push(ch, i)
            elif self.marks['"'] and _looks_closing(text, i):
                self._close_nearest('"', i)
        elif ch in "'‘’":
            self._single(ch, i, top)

    def _single(self, ch: str, i: int, top: str | None) -> None:
        """Single marks double as apostrophes, so they open only where a closer follows."""
        text = self.text
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        apostrophe = before.isalpha() and after.isalpha()
        if top in ("'", "‘") and ch in "'’" and not apostrophe and _looks_closing(text, i):
            self._close(i)
            return
        if ch in "'‘" and _looks_opening(text, i) and after.isalnum() and self._closer_follows(i):
            self._push(ch, i)

    def _closer_follows(self, i: int) -> bool:
        """Whether a single closing mark follows in the paragraph (look-ups remembered)."""
        text = self.text
        if self._para_end < i:
            self._para_end = _paragraph_end(text, i)
        if self._closer < i + 2:
            m = _SINGLE_CLOSER.search(text, i + 2)
            self._closer = m.start() if m else len(text) + 1
        return self._closer < self._para_end

    # --- stack -----------------------------------------------------------------

    def _push(self, ch: str, i: int) -> None:
        self.stack.append(_Open(ch, i))
        self.marks[ch] += 1

    def _pop(self) -> _Open:
        entry = self.stack.pop()
        self.marks[entry.mark] -= 1
        return entry

    def _close_nearest(self, marks: str, i: int) -> None:
        if not any(self.marks[m] for m in marks):
            return
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].mark in marks:
                while len(self.stack) - 1 > depth:
                    self._abandon()
                self._close(i)
                return

    def _close(self, i: int) -> None:
        entry = self._pop()
        if self.stack:
            self.stack[-1].children.append((entry.pos, i))
            return
        self._emit(entry.pos, i, closed=True)

    def _abandon(self) -> None:
        """Forget an unclosed mark; quotes completed inside it move up a level."""
        entry = self._pop()
        if self.stack:
            _append_children(self.stack[-1], entry.children)
            return
        self.fragments.clear()
        for open_, close in entry.children:
            self._emit(open_, close, closed=True)

    def _emit(self, open_: int, close: int, *, closed: bool) -> None:
        group = self.group
        for f_open, f_close in self.fragments:
            self._add(f_open, f_close, group, closed=False)
        self.fragments.clear()
        self._add(open_, close, group, closed=closed)
        self.group += 1

    def _add(self, open_: int, close: int, group: int, *, closed: bool) -> None:
        text = self.text
        start, end = open_ + 1, close
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        if start < end:
            self.spans.append(QuoteSpan(open_, close, start, end, group, closed))

    # --- paragraphs ------------------------------------------------------------

    def _paragraph_break(self, i: int) -> int:
        """End of a paragraph: continue a reopened quote, or drop unclosed marks.

        Returns where scanning resumes (after the reopening mark when there is one).
        """
        if not self.stack:
            return i + 1
        text = self.text
        nxt = i
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        bottom = self.stack[0]
        if nxt < len(text) and nxt > i and _reopens(bottom.mark, text[nxt]):
            end = i
            while end > bottom.pos and text[end - 1].isspace():
                end -= 1
            self.fragments.append((bottom.pos, end))
            self.stack = [_Open(bottom.mark, nxt)]
            self.marks = Counter({bottom.mark: 1})
            return nxt + 1
        while self.stack:
            self._abandon()
        return i + 1


def _append_children(parent: _Open, later: deque[tuple[int, int]]) -> None:
    """parent.children + later, in order, copying the shorter side (O(n log n) overall)."""
    if len(later) <= len(parent.children):
        parent.children.extend(later)
    else:
        later.extendleft(reversed(parent.children))
        parent.children = later


def _reopens(mark: str, ch: str) -> bool:
    same = {"“": "“", "„": "„«“", "«": "«", '"': '"', "‘": "‘", "'": "'", "”": "”", "‹": "‹"}
    return ch in same.get(mark, mark)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quoted spans of `text` in order, multi-paragraph quotes as fragments."""
    return _Scanner(text).run()
