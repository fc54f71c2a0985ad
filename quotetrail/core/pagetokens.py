"""A source page's tokens as columns, built in bulk: the fast twin of `normalize.tokenize`.

    text ──► lower + fold once for the whole text (when that is length-preserving)
         ──► one compiled-regex pass (an ASCII-class pattern for ASCII text)
             small page: split the text; norms = its tokens folded in one string
             big page (NUMPY_CHARS): split the folded text — its tokens are the norms;
                 offsets, capitals and digits from numpy (cumsum of piece lengths,
                 one gather of the tokens' first characters)
         ──► numbers, contractions, invisible characters and [editorial] words fixed
             up where they occur
         ──► sentence starts judged once per distinct gap between tokens (" ", ". ", "\n")
         ──► PageTokens: parallel columns; a Token object is made only when asked for

What ends it: nothing fails — text the bulk path cannot vouch for (lower-casing that
changes length, Greek final sigma, text not in NFC) goes through `tokenize` instead;
a big page with a fold that changes a character's class (FOLDS_THAT_MOVE_TOKENS)
takes the small page's path.

Why: a page of 2 MB holds ~350,000 tokens. Making a frozen Token for each one, and
folding each word on its own, was most of the 0.4–0.6 MB/s page preparation; the
aligner reads the columns (norms, offsets) and the verdict looks at a few dozen
tokens around a passage. `tests/core/test_pagetokens.py` checks that both paths give
the same tokens.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress
from operator import itemgetter
from typing import TYPE_CHECKING, overload

from quotetrail.core.normalize import (
    _COMBINING,
    _FOLD,
    _INVISIBLE,
    _INVISIBLE_RE,
    _NUMBER_PLAIN,
    _SENTENCE_END,
    _TOKEN_RE,
    Token,
    _editorial_spans,
    _negative_contraction,
    _number_norm,
    fold,
    tokenize,
)

if TYPE_CHECKING:
    import numpy as np

CAPITAL, SENTENCE_START, EDITORIAL, NUMBER = 1, 2, 4, 8
_MANY = 256  # Tokens made at once from which numpy offsets are turned into tuples first


class PageTokens(Sequence[Token]):
    """Tokens stored column by column; `page[i]` makes (once) and returns the Token.

    A made Token is kept, so the same position always gives the same object: the
    verdict compares tokens by identity (`id(t)`) to leave out skipped words.
    """

    __slots__ = ("_made", "ends", "flags", "norms", "starts")

    def __init__(
        self,
        norms: Sequence[str],
        starts: Sequence[int],
        ends: Sequence[int],
        flags: bytearray,
    ) -> None:
        # Tuples, not lists: a tuple of strings or ints leaves the cyclic collector's
        # view after its first pass, a list is walked again by every later collection
        # (25 ms for a 2 MB page, landing in whichever quote's judging set it off).
        # Offsets from the numpy path stay int64 arrays (8 bytes an offset instead of an
        # int object's 32, and nothing for the collector to walk either).
        self.norms = tuple(norms)
        self.starts = tuple(starts) if isinstance(starts, list) else starts
        self.ends = tuple(ends) if isinstance(ends, list) else ends
        self.flags = flags
        self._made: dict[int, Token] = {}  # the Tokens asked for, by position

    def __len__(self) -> int:
        return len(self.norms)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Token, ...]: ...

    def __getitem__(self, i: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(i, slice):
            positions = range(*i.indices(len(self.norms)))
            if len(positions) > _MANY:
                self._plain_offsets()
            return tuple(map(self._token, positions))
        if i < 0:
            i += len(self.norms)
        if not 0 <= i < len(self.norms):
            raise IndexError("token index out of range")
        return self._token(i)

    def __iter__(self) -> Iterator[Token]:
        self._plain_offsets()
        return map(self._token, range(len(self.norms)))

    def _plain_offsets(self) -> None:
        """Numpy offsets as tuples of ints, once, before Tokens are made by the thousand.

        Why: one numpy item costs ~5x a tuple's; a few dozen Tokens for a verdict do not
        notice, a pass over the whole page (the sentence model's page_sentences) does.
        """
        if not isinstance(self.starts, tuple):
            self.starts = tuple(self.starts.tolist())
            self.ends = tuple(self.ends.tolist())

    def _token(self, i: int) -> Token:
        made = self._made.get(i)
        if made is None:
            f = self.flags[i]
            made = self._made[i] = Token(
                self.norms[i],
                int(self.starts[i]),  # a plain int, also from a numpy column
                int(self.ends[i]),
                bool(f & CAPITAL),
                bool(f & SENTENCE_START),
                bool(f & EDITORIAL),
                0,
                bool(f & NUMBER),
            )
        return made

    def keep(self, mask: Sequence[bool]) -> PageTokens:
        """Only the tokens where `mask` is true (e.g. without [editorial] words)."""
        if not isinstance(self.starts, tuple):  # numpy columns: select with numpy
            import numpy as np

            chosen = np.fromiter(mask, dtype=bool, count=len(self.norms))
            return PageTokens(
                list(compress(self.norms, mask)),
                self.starts[chosen],
                self.ends[chosen],
                bytearray(compress(self.flags, mask)),
            )
        return PageTokens(
            list(compress(self.norms, mask)),
            list(compress(self.starts, mask)),
            list(compress(self.ends, mask)),
            bytearray(compress(self.flags, mask)),
        )

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> PageTokens:
        """Columns of tokens made one by one (the fallback path)."""
        flags = bytearray(
            CAPITAL * t.capital
            + SENTENCE_START * t.sentence_start
            + EDITORIAL * t.editorial
            + NUMBER * t.number
            for t in tokens
        )
        return cls(
            [t.norm for t in tokens], [t.start for t in tokens], [t.end for t in tokens], flags
        )


# The token pattern of normalize.py, in a form the regex engine runs ~5× faster: words
# first (no alternative shares a first character, so the order changes no match), the
# number's look-behind after its first digit, and — valid only for text without "_" —
# \w in place of [^\W_]. One capturing group: `split` gives gap, token, gap, token, …
_FAST_TOKEN_RE = re.compile(
    rf"([^\W\d][\w{_INVISIBLE}{_COMBINING}]*(?:['’ʼ‘`]\w+)*"
    r"|\d(?<![\d.,]\d)\d{0,2}(?:[,.\u00a0\u202f\u2009 ]\d{3})+(?![\d])(?:[.,]\d+(?![\d]))?"
    rf"|{_NUMBER_PLAIN})"
)
# The same for ASCII text, where \w is [A-Za-z0-9] (no "_": see above), no invisible or
# combining character can occur and the only apostrophes are ' and `: ASCII classes are
# one table look-up a character, and nothing backtracks into a word's letters (*+).
_ASCII_TOKEN_RE = re.compile(
    r"([A-Za-z][A-Za-z0-9]*+(?:['`][A-Za-z0-9]+)*"
    r"|\d(?<![\d.,]\d)\d{0,2}(?:[,.\u00a0\u202f\u2009 ]\d{3})+(?![\d])(?:[.,]\d+(?![\d]))?"
    rf"|{_NUMBER_PLAIN})",
    re.ASCII,
)
_EXACT_TOKEN_RE = re.compile("(" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_RE.pattern) + ")")
_CONTRACTIONS = (re.compile("n't"), re.compile("cannot"))  # literals: searched fast


def _contraction_marks(low: str) -> list[int]:
    """Where "n't" and "cannot" start, in order (they never overlap)."""
    marks: list[int] = []
    for pattern in _CONTRACTIONS:
        if pattern.pattern in low:
            marks += (m.start() for m in pattern.finditer(low))
    return sorted(marks)


def tokenize_page(text: str) -> PageTokens:
    """The tokens `tokenize(text)` gives, as columns, without a Python object per token."""
    low = text.lower()
    if len(low) != len(text) or "Σ" in text:  # case folding that moves offsets: slow path
        return PageTokens.of(tokenize(text).tokens)
    low = _fold_chars(low)
    if not low.isascii() and not unicodedata.is_normalized("NFC", low):
        return PageTokens.of(tokenize(text).tokens)
    if len(text) >= NUMPY_CHARS and not any(map(text.__contains__, FOLDS_THAT_MOVE_TOKENS)):
        return _tokenize_folded(text, low)
    pieces = _token_pattern(text).split(text)
    raws = pieces[1::2]
    n = len(raws)
    offsets = tuple(accumulate(map(len, pieces), initial=0))  # its slices are tuples too
    starts = offsets[1 : 2 * n : 2]
    ends = offsets[2 : 2 * n + 1 : 2]
    # Tokens hold no NUL: fold them all in one string (the whole text folded to the same
    # length above, so folding token by token would give the same words).
    norms = _fold_chars("\x00".join(raws).lower()).split("\x00") if n else []
    firsts = list(map(itemgetter(0), raws))
    flags = bytearray(map(str.isupper, firsts))  # CAPITAL is 1
    for i in compress(range(n), map(str.isdecimal, firsts)):  # only numbers start with a digit
        grouped = _TOKEN_RE.match(text, starts[i]).lastgroup == "grouped"  # type: ignore[union-attr]
        norms[i] = _number_norm(raws[i], grouped)
        flags[i] = NUMBER
    invisible = any(map(text.__contains__, _INVISIBLE))  # six memchr-speed scans
    if invisible:
        for i in _covering(starts, ends, (m.start() for m in _INVISIBLE_RE.finditer(text))):
            if not flags[i] & NUMBER:
                norms[i] = fold(raws[i])
    _mark_sentence_starts(pieces[0 : 2 * n : 2], firsts, flags)
    if "[" in text:
        for a, b in _editorial_spans(text):
            for i in range(bisect_right(starts, a), bisect_left(starts, b)):
                flags[i] |= EDITORIAL
    if invisible:  # "can\u200bnot" is "cannot" once folded: look at the words themselves
        contracted = [i for i, w in enumerate(norms) if w == "cannot" or w.endswith("n't")]
    else:
        contracted = _covering(starts, ends, _contraction_marks(low))
    if contracted:
        return _split_contractions(norms, starts, ends, flags, contracted)
    return PageTokens(norms, starts, ends, flags)


NUMPY_CHARS = 12_000  # from this many characters on, the columns are built with numpy
# Folds that change what the token pattern sees: "ʼ" is a letter, folded an apostrophe;
# "´" is neither, folded an apostrophe. Every other lower-casing or fold keeps each
# character in the same classes (tests/core/test_pagetokens.py checks every code point).
FOLDS_THAT_MOVE_TOKENS = ("ʼ", "´")


def _token_pattern(text: str) -> re.Pattern[str]:
    """The fastest pattern that splits `text` as `_TOKEN_RE` does."""
    if "_" in text:
        return _EXACT_TOKEN_RE
    return _ASCII_TOKEN_RE if text.isascii() else _FAST_TOKEN_RE


def _tokenize_folded(text: str, low: str) -> PageTokens:
    """`tokenize_page` for a big page: split the folded text, so the pieces are the norms.

    `low` is `text` lower-cased and folded, of the same length, and (without
    FOLDS_THAT_MOVE_TOKENS) every character in it falls in the same classes of the
    token pattern as the one it came from: the pattern cuts both at the same offsets.
    So the split of `low` gives the norms themselves (no second fold of the tokens),
    and what needs the original — capitals, the lowercase test after a full stop,
    digits — is read from the first character of each token in one numpy gather.
    """
    import numpy as np

    pieces = _token_pattern(low).split(low)
    n = len(pieces) // 2
    norms = pieces[1::2]
    bounds = np.cumsum(np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)))
    starts, ends = bounds[0 : 2 * n : 2], bounds[1 : 2 * n : 2]
    kinds = _first_char_kinds(text, starts)
    flags = kinds & CAPITAL  # a digit is not upper-case: numbers get NUMBER alone below
    for i in np.flatnonzero(kinds & _DIGIT).tolist():  # only numbers start with a digit
        a, b = int(starts[i]), int(ends[i])
        grouped = _TOKEN_RE.match(text, a).lastgroup == "grouped"  # type: ignore[union-attr]
        norms[i] = _number_norm(text[a:b], grouped)
        flags[i] = NUMBER
    invisible = any(map(text.__contains__, _INVISIBLE))
    if invisible:
        for i in _covering_np(starts, ends, [m.start() for m in _INVISIBLE_RE.finditer(text)]):
            if not flags[i] & NUMBER:
                norms[i] = fold(text[int(starts[i]) : int(ends[i])])
    if n:
        gaps = pieces[0 : 2 * n : 2]
        kind = {gap: _gap_kind(gap) for gap in set(gaps)}
        marks = np.frombuffer(bytes(map(kind.__getitem__, gaps)), dtype=np.uint8)
        new = (marks == _LINE_BREAK) | ((marks == _MARK) & (kinds & _LOWER == 0))
        new[0] = True
        flags[new] |= SENTENCE_START
    if "[" in text:
        for a, b in _editorial_spans(text):
            flags[np.searchsorted(starts, a, "right") : np.searchsorted(starts, b, "left")] |= (
                EDITORIAL
            )
    if invisible:  # "can\u200bnot" is "cannot" once folded: look at the words themselves
        contracted = [i for i, w in enumerate(norms) if w == "cannot" or w.endswith("n't")]
    else:
        contracted = _covering_np(starts, ends, _contraction_marks(low))
    if contracted:
        return _split_contractions_np(norms, starts, ends, flags, contracted)
    return PageTokens(norms, starts, ends, bytearray(flags))


_LOWER, _DIGIT = 2, 4  # _first_char_kinds' other bits (CAPITAL is 1)


def _first_char_kinds(text: str, starts: np.ndarray) -> np.ndarray:
    """CAPITAL | _LOWER | _DIGIT of each token's first character in the original text.

    The code points are gathered from the text's fixed-width encoding; each distinct
    one (a page uses a few hundred) is judged once by `str.isupper` and friends.
    """
    import numpy as np

    if text.isascii():
        points = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    else:
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    firsts = points[starts]
    if not len(firsts):
        return np.zeros(0, dtype=np.uint8)
    present = np.bincount(firsts)
    table = np.zeros(len(present), dtype=np.uint8)
    for c in np.flatnonzero(present).tolist():
        ch = chr(c)
        table[c] = CAPITAL * ch.isupper() + _LOWER * ch.islower() + _DIGIT * ch.isdecimal()
    return table[firsts]


def _covering_np(starts: np.ndarray, ends: np.ndarray, positions: list[int]) -> list[int]:
    """`_covering` on numpy columns: the tokens that contain any of `positions`, in order."""
    import numpy as np

    if not positions:
        return []
    at = np.asarray(positions, dtype=np.int64)
    i = np.searchsorted(starts, at, "right") - 1
    inside = i >= 0
    inside[inside] = at[inside] < ends[i[inside]]
    return list(dict.fromkeys(i[inside].tolist()))


_FOLD_PAIRS = tuple((chr(a), b) for a, b in _FOLD.items())


def _fold_chars(text: str) -> str:
    """text.translate(_FOLD), one `replace` per folded character.

    Why: translate walks a non-ASCII string character by character through a dict;
    each fold maps one character to one that is never folded again, so replacing them
    in turn gives the same string, at memchr speed (Russian pages are all non-ASCII).
    """
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def flag_selector(flags: bytearray, want: int, mask: int) -> bytes:
    """1 where `flags & mask == want`, else 0: a `compress` selector built in C."""
    return flags.translate(bytes(int(b & mask == want) for b in range(256)))


def _covering(starts: Sequence[int], ends: Sequence[int], positions: Iterator[int]) -> list[int]:
    """Indices of the tokens that contain any of `positions`."""
    found: list[int] = []
    for p in positions:
        i = bisect_right(starts, p) - 1
        if i >= 0 and p < ends[i] and (not found or found[-1] != i):
            found.append(i)
    return found


def _mark_sentence_starts(gaps: Sequence[str], firsts: Sequence[str], flags: bytearray) -> None:
    """A token starts a sentence after a line break, or after . ! ? … : unless lowercase.

    `gaps[j]` is the text between token j-1 and token j (the regex split's pieces).
    A page holds few distinct gaps (" ", ", ", ". ", "\n\n"…), so each is judged
    once, and only the tokens after a gap with a mark get a look at their first
    letter. Same rule as `normalize._starts_sentence` (a loop over the sentence
    marks with a bisection each was a fifth of a page of new words).
    """
    if not firsts:
        return
    flags[0] |= SENTENCE_START
    kind = {gap: _gap_kind(gap) for gap in set(gaps)}
    kinds = list(map(kind.__getitem__, gaps))
    kinds[0] = _NO_MARK  # the first token is a sentence start anyway
    for j in compress(range(len(kinds)), kinds):
        if kinds[j] == _LINE_BREAK or not firsts[j].islower():
            flags[j] |= SENTENCE_START


_NO_MARK, _MARK, _LINE_BREAK = 0, 1, 2


def _gap_kind(gap: str) -> int:
    """Whether the text between two tokens ends a sentence: always, unless lowercase, never."""
    if "\n" in gap:
        return _LINE_BREAK
    return _MARK if _SENTENCE_END.search(gap) else _NO_MARK


def _contractions(
    norms: Sequence[str], flags: Sequence[int], candidates: list[int]
) -> Iterator[tuple[int, str, int]]:
    """(position, first half, cut) of each candidate that is a negative contraction
    ("couldn't" → "could" at 5); numbers never are. Both column builders split these."""
    for i in candidates:
        if flags[i] & NUMBER:
            continue
        split = _negative_contraction(norms[i])
        if split is not None:
            yield i, *split


def _split_contractions(
    norms: list[str],
    starts: Sequence[int],
    ends: Sequence[int],
    flags: bytearray,
    candidates: list[int],
) -> PageTokens:
    """ "couldn't" → "could" + "not", "cannot" → "can" + "not" (as `tokenize` does)."""
    out_n: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    out_f = bytearray()
    prev = 0
    for i, word, cut in _contractions(norms, flags, candidates):
        out_n += norms[prev:i]
        out_s += starts[prev:i]
        out_e += ends[prev:i]
        out_f += flags[prev:i]
        a, b, f = starts[i], ends[i], flags[i]
        out_n += (word, "not")
        out_s += (a, a + cut)
        out_e += (a + cut, b)
        out_f += bytes((f, f & EDITORIAL))
        prev = i + 1
    out_n += norms[prev:]
    out_s += starts[prev:]
    out_e += ends[prev:]
    out_f += flags[prev:]
    return PageTokens(out_n, out_s, out_e, out_f)


def _split_contractions_np(
    norms: list[str],
    starts: np.ndarray,
    ends: np.ndarray,
    flags: np.ndarray,
    candidates: list[int],
) -> PageTokens:
    """`_split_contractions` on numpy columns: the "not" halves inserted all at once."""
    import numpy as np

    at: list[int] = []
    cuts: list[int] = []
    out_n: list[str] = []
    prev = 0
    for i, word, cut in _contractions(norms, flags, candidates):
        out_n += norms[prev:i]
        out_n += (word, "not")
        at.append(i)
        cuts.append(cut)
        prev = i + 1
    if not at:
        return PageTokens(norms, starts, ends, bytearray(flags))
    out_n += norms[prev:]
    idx = np.asarray(at, dtype=np.int64)
    middle = starts[idx] + np.asarray(cuts, dtype=np.int64)
    return PageTokens(
        out_n,
        np.insert(starts, idx + 1, middle),
        np.insert(ends, idx, middle),
        bytearray(np.insert(flags, idx + 1, flags[idx] & EDITORIAL)),
    )
