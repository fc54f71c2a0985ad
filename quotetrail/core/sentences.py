"""Split an article into paragraphs and sentences without cutting through a quote.

Quoted words are masked before boundaries are looked for, so "Mr." or a full
stop inside « … » never ends the sentence that holds the quote. A quote that
itself ends a sentence ("He said: "We won." Then he left.") does end it, except
when a dash follows (Russian «…!» — заявил он keeps the attribution attached).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from quotetrail.core.quotemarks import QuoteSpan

__all__ = ["Sentence", "Sentences"]


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one block of text."""
    return tuple(text.split())


_TERMINAL = re.compile(r"[.!?…]+")
_CLOSERS = "\"'»”“’)]›"
_STARTERS = "\"'«“„‘([‹"
# Words that end with a dot without ending the sentence.
_ABBREVIATIONS = frozenset(
    _words(
        """
    mr mrs ms dr st jr sr gen col lt sgt prof rep sen gov inc co corp ltd vs etc jan feb aug
    sept oct nov dec no u.s u.k e.g i.e approx dept maj capt adm г гг т им ул д н э млн млрд
    тыс руб см т.е т.д т.п др проф ген акад
    """
    )
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    para: int
    index: int


class Sentences:
    """The sentences of one text, with lookup by position."""

    def __init__(self, text: str, spans: Sequence[QuoteSpan]) -> None:
        self.text = text
        self.items: list[Sentence] = []
        masked = _mask(text, spans)
        quote_ends = sorted((s.close, s) for s in spans if s.closed)
        self._closes = [close for close, _ in quote_ends]
        para = 0
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            if line.strip():
                self._split_paragraph(masked, quote_ends, pos, end, para)
                para += 1
            pos = end + 1
        self._starts = [s.start for s in self.items]

    def _split_paragraph(self, masked: str, quote_ends, start: int, end: int, para: int) -> None:
        cuts = sorted(set(self._boundaries(masked, quote_ends, start, end)))
        begin = start
        for cut in [*cuts, end]:
            a, b = _strip(self.text, begin, cut)
            if a < b:
                self.items.append(Sentence(a, b, para, len(self.items)))
            begin = cut

    def _boundaries(self, masked: str, quote_ends, start: int, end: int):
        text = self.text
        for m in _TERMINAL.finditer(masked, start, end):
            if m.group() == "." and _is_abbreviation(text, m.start()):
                continue
            cut = m.end()
            while cut < end and text[cut] in _CLOSERS:
                cut += 1
            if _starts_sentence(text, cut, end):
                yield cut
        first = bisect_left(self._closes, start)
        last = bisect_left(self._closes, end)
        for close, span in quote_ends[first:last]:
            ends_sentence = _TERMINAL.fullmatch(text[span.end - 1 : span.end] or "x")
            if start <= close < end and ends_sentence and _starts_sentence(text, close + 1, end):
                yield close + 1

    def at(self, pos: int) -> Sentence | None:
        """The sentence containing `pos` (or the nearest one starting before it)."""
        i = bisect_right(self._starts, pos) - 1
        return self.items[i] if i >= 0 else None

    def next(self, sentence: Sentence) -> Sentence | None:
        i = sentence.index + 1
        return self.items[i] if i < len(self.items) else None

    def previous(self, sentence: Sentence) -> Sentence | None:
        i = sentence.index - 1
        return self.items[i] if i >= 0 else None


def _mask(text: str, spans: Sequence[QuoteSpan]) -> str:
    parts = []
    pos = 0
    for span in spans:
        if span.open + 1 < pos:
            continue
        parts.append(text[pos : span.open + 1])
        parts.append("x" * (span.close - span.open - 1))
        pos = span.close
    parts.append(text[pos:])
    return "".join(parts)


_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _is_abbreviation(text: str, dot: int) -> bool:
    i = dot
    # Never look further back than the longest abbreviation: "a.a.a.a…" without spaces
    # would otherwise walk back to the start of the run at every dot.
    stop = max(0, dot - _LONGEST_ABBREVIATION - 1)
    while i > stop and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    if i == stop and stop > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        return False  # a longer word: no abbreviation, and no single initial
    word = text[i:dot].lower()
    if len(word) == 1 and text[i].isupper():
        return True  # an initial: "V. Putin", "В. Путин"
    return word in _ABBREVIATIONS


def _starts_sentence(text: str, i: int, end: int) -> bool:
    """A boundary needs a space and then a capital, digit or opening mark."""
    if i >= end:
        return False
    if not text[i].isspace():
        return False
    while i < end and text[i].isspace():
        i += 1
    return i < end and (text[i].isupper() or text[i].isdigit() or text[i] in _STARTERS)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
