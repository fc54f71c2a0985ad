"""A normalised, tokenised view of a text that never loses its way back to the original.

Matching happens on normalised word tokens, but journalists must be shown the source
exactly as published, so every token keeps the character offsets of the original
words: a passage found in normalised space maps back to `text[start:end]`.

What normalisation forgives (and nothing else): letter case, Unicode quote marks,
dashes and other punctuation, whitespace, ё/е, soft hyphens and zero-width
characters, apostrophe variants, thousands separators in numbers ("4,000" = "4 000"
= "4000"), decomposed accents. Omission marks and [bracketed editorial insertions]
are recognised here and forgiven later, by the verdict, so that what they hide can
still be inspected (an ellipsis must not swallow a "not").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_COMBINING = "\u0300-\u036f"
# Length-preserving character folds, applied after lower-casing.
_FOLD = str.maketrans({"ё": "е", "’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})

_NUMBER_GROUPED = r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f\u2009 ]\d{3})+(?![\d])(?:[.,]\d+(?![\d]))?"
_NUMBER_PLAIN = r"\d+(?:[.,]\d+)?"
_TOKEN_RE = re.compile(
    rf"(?P<grouped>{_NUMBER_GROUPED})|(?P<plain>{_NUMBER_PLAIN})|(?P<word>[^\W\d_](?:[^\W_]|[{_INVISIBLE}{_COMBINING}])*(?:['’ʼ‘`][^\W_]+)*)"
)
_SENTENCE_END = re.compile(r"[.!?…:\n]")
_EDITORIAL_RE = re.compile(r"\[[^\[\]\n]{1,80}\]")
# Omission marks: "…", "...", "<...>", "[…]", "(...)". Only quotes use them.
OMISSION_RE = re.compile(
    r"<\s*(?:\.{2,}|…)\s*>|\[\s*(?:\.{2,}|…)\s*\]|\(\s*(?:\.{2,}|…)\s*\)|\.{3,}|…"
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word or number: its normalised form and where it sits in the original.

    `capital` and `sentence_start` let the meaning checks tell proper nouns from
    sentence-initial words; `fragment` counts the omission marks before the token
    (quotes only); `editorial` marks words inside [square brackets].
    """

    norm: str
    start: int
    end: int
    capital: bool = False
    sentence_start: bool = False
    editorial: bool = False
    fragment: int = 0
    number: bool = False


@dataclass(frozen=True, slots=True)
class NormText:
    """A text with its tokens; `text` is the normalised view (tokens joined by spaces)."""

    original: str
    tokens: tuple[Token, ...]

    @property
    def text(self) -> str:
        return " ".join(t.norm for t in self.tokens)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Original character offsets covering tokens first..last (inclusive)."""
        return self.tokens[first].start, self.tokens[last].end

    def original_span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Map a character range of `text` back to the smallest original range covering it.

        Why: callers may search the normalised string with rapidfuzz character
        alignment and still need exact source offsets.
        """
        if not self.tokens or norm_end <= norm_start:
            return -1, -1
        starts = []
        pos = 0
        for tok in self.tokens:
            starts.append(pos)
            pos += len(tok.norm) + 1
        first = max(0, bisect_right(starts, norm_start) - 1)
        last = max(first, bisect_right(starts, max(norm_start, norm_end - 1)) - 1)
        return self.span(first, last)


def fold(word: str) -> str:
    """Normalise one word the same way tokens are normalised."""
    out = word.lower().translate(_FOLD)
    if _INVISIBLE_RE.search(out):
        out = _INVISIBLE_RE.sub("", out)
    if not out.isascii():
        out = unicodedata.normalize("NFC", out).translate(_FOLD)
    return out


def _starts_sentence(gap: str, raw: str) -> bool:
    """A new sentence: after a line break, or after . ! ? … : unless a lowercase word
    follows (abbreviations such as "тыс. рублей", "Dr. med.")."""
    if "\n" in gap:
        return True
    return bool(_SENTENCE_END.search(gap)) and not raw[0].islower()


def _number_norm(raw: str, grouped: bool) -> str:
    if grouped:
        head, sep, tail = raw, "", ""
        m = re.match(r"^(.*?)([.,])(\d{1,2}|\d{4,})$", raw)
        if m and not re.search(r"[,.\u00a0\u202f\u2009 ]\d{3}$", raw):
            head, sep, tail = m.group(1), ".", m.group(3)
        digits = re.sub(r"\D", "", head)
        return digits + (sep + tail if sep else "")
    return raw.replace(",", ".")


_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}


def _negative_contraction(norm: str) -> tuple[str, int] | None:
    """("could", 5) for "couldn't", ("can", 3) for "cannot": the word and where "not" starts.

    Why: "could not" and "couldn't" say the same; as two words they align and
    compare (negation included) like any other pair.
    """
    if norm == "cannot":
        return "can", 3
    if len(norm) > 4 and norm.endswith("n't"):
        head = norm[:-3]
        return _CONTRACTED.get(head, head), len(norm) - 3
    return None


def _editorial_spans(text: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in _EDITORIAL_RE.finditer(text)
        if not OMISSION_RE.fullmatch(m.group())
    ]


def tokenize(text: str, *, with_fragments: bool = False) -> NormText:
    """Split `text` into normalised tokens carrying original offsets.

    `with_fragments=True` (for quotes) numbers the pieces between omission marks.
    """
    editorial = _editorial_spans(text) if "[" in text else []
    omissions = [m.start() for m in OMISSION_RE.finditer(text)] if with_fragments else []
    tokens: list[Token] = []
    prev_end = 0
    ed_i = om_i = 0
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        raw = m.group()
        gap = text[prev_end:start]
        sentence_start = not tokens or _starts_sentence(gap, raw)
        if m.lastgroup == "word":
            norm = fold(raw)
            number = False
            capital = raw[0].isupper()
        else:
            norm = _number_norm(raw, m.lastgroup == "grouped")
            number = True
            capital = False
        while ed_i < len(editorial) and editorial[ed_i][1] <= start:
            ed_i += 1
        in_editorial = ed_i < len(editorial) and editorial[ed_i][0] < start
        while om_i < len(omissions) and omissions[om_i] < start:
            om_i += 1
        split = _negative_contraction(norm) if not number else None
        pieces = [(norm, start, end)]
        if split is not None:
            word, cut = split
            pieces = [(word, start, start + cut), ("not", start + cut, end)]
        for k, (piece, a, b) in enumerate(pieces):
            tokens.append(
                Token(
                    norm=piece,
                    start=a,
                    end=b,
                    capital=capital and k == 0,
                    sentence_start=sentence_start and k == 0,
                    editorial=in_editorial,
                    fragment=om_i,
                    number=number,
                )
            )
        prev_end = end
    if with_fragments and tokens:
        tokens = _renumber_fragments(tokens)
    return NormText(original=text, tokens=tuple(tokens))


def _renumber_fragments(tokens: list[Token]) -> list[Token]:
    """Make fragment ids consecutive from 0 (a leading "..." must not start at 1)."""
    ids: dict[int, int] = {}
    out = []
    for t in tokens:
        new = ids.setdefault(t.fragment, len(ids))
        out.append(t if new == t.fragment else _replace_fragment(t, new))
    return out


def _replace_fragment(t: Token, fragment: int) -> Token:
    return Token(
        t.norm, t.start, t.end, t.capital, t.sentence_start, t.editorial, fragment, t.number
    )


def normalize(text: str) -> str:
    """The normalised view of `text` as one string (for display and quick comparison)."""
    return tokenize(text).text
