"""The bulk page tokeniser gives exactly the tokens `normalize.tokenize` gives.

`tokenize_page` folds the whole text at once, splits it with a faster form of the
token pattern and fixes numbers, contractions, invisible characters and [editorial]
words afterwards; any slip would move an offset or change a word, so every field of
every token is compared — on the dev set's pages and on generated hostile text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrail.core import pagetokens
from quotetrail.core.align import _prepare_page, find_exact, prepare_quote
from quotetrail.core.normalize import _COMBINING, _FOLD, _INVISIBLE, tokenize
from quotetrail.core.pagetokens import FOLDS_THAT_MOVE_TOKENS, PageTokens, tokenize_page

PAGES = sorted((Path(__file__).resolve().parents[2] / "devset" / "pages").glob("*.txt"))

PIECES = [
    "word", "Word", "WORD", "слово", "Слово", "ёлка", "Ёж", " ", "  ", "\n", "\n\n", ".", ". ",
    "!", "?", "…", ":", ",", ";", "«", "»", "“", "”", '"', "'", "’", "ʼ", "‘", "`", "´",
    "don't", "couldn’t", "cannot", "Can't", "wo", "n't", "4", "4,000", "4 000", "1.5", "12,5",
    "2,000.50", "3.14159", "10\u00a0000", "1,23", "[", "]", "[not]", "[1]", "[the city]", "[…]",
    "...", "_", "snake_case", "\u00ad", "inter\u00adnational", "\u200b", "cafe\u0301", "e\u0301",
    "İstanbul", "ΟΔΟΣ", "Σ", "straße", "Ⅻ", "٣", "x²", "O'Neil", "rock'n'roll", "-", "—", "Mr.",
    "Dr. Smith", "т.е.", "тыс.", "(", ")", "\t",
]  # fmt: skip


def _fields(tokens) -> list[tuple]:
    return [
        (t.norm, t.start, t.end, t.capital, t.sentence_start, t.editorial, t.fragment, t.number)
        for t in tokens
    ]


@contextmanager
def _numpy_path_from(chars: int) -> Iterator[None]:
    """Send texts of `chars` characters or more down the numpy path (big pages only, else)."""
    saved = pagetokens.NUMPY_CHARS
    pagetokens.NUMPY_CHARS = chars
    try:
        yield
    finally:
        pagetokens.NUMPY_CHARS = saved


def _same(text: str) -> None:
    """Both bulk paths (plain and numpy) give `tokenize`'s tokens, every field."""
    want = _fields(tokenize(text).tokens)
    fast = tokenize_page(text)
    assert isinstance(fast, PageTokens)
    assert _fields(fast) == want
    with _numpy_path_from(0):
        assert _fields(tokenize_page(text)) == want


def test_same_tokens_on_every_devset_page() -> None:
    assert PAGES
    for path in PAGES:
        _same(path.read_text(encoding="utf-8"))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_same_tokens_on_generated_text(pieces: list[str]) -> None:
    _same("".join(pieces))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_same_tokens_on_any_text(text: str) -> None:
    _same(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_same_tokens_on_ascii_text(text: str) -> None:
    """ASCII text is split by its own pattern (ASCII classes): same tokens."""
    _same(text)


def test_same_tokens_on_a_big_page_of_every_kind_of_piece() -> None:
    """A page past NUMPY_CHARS, as prepare_page gets it: numbers, contractions, marks…"""
    pieces = [p for p in PIECES if p not in FOLDS_THAT_MOVE_TOKENS]
    text = " ".join(pieces[(i * 7) % len(pieces)] for i in range(6_000))
    assert len(text) >= pagetokens.NUMPY_CHARS
    _same(text)
    _same(" ".join(path.read_text(encoding="utf-8") for path in PAGES) * 2)


# every character class the token pattern (and the sentence rule) tells apart
_CLASSES = [
    r"[^\W\d]",
    r"\w",
    r"\d",
    "_",
    f"[{_INVISIBLE}{_COMBINING}]",
    "['’ʼ‘`]",
    "[,.\u00a0\u202f\u2009 ]",
    "[.,]",
    r"[\d.,]",
    r"[.!?…:\n]",
    r"[\[\]]",
]


def test_folding_keeps_every_character_in_its_token_classes_but_the_listed_ones() -> None:
    """The numpy path splits the folded text instead of the text: it may only when no
    character changes class by lower-casing and folding. Checked on every code point."""
    classes = [re.compile(c) for c in _CLASSES]
    moved = set()
    for point in range(sys.maxunicode + 1):
        c = chr(point)
        low = c.lower()
        if len(low) != 1 or low.translate(_FOLD) == c:
            continue  # a length change sends the text down the slow path anyway
        folded = low.translate(_FOLD)
        if any(bool(rx.match(c)) != bool(rx.match(folded)) for rx in classes):
            moved.add(c)
    assert moved == set(FOLDS_THAT_MOVE_TOKENS)


def test_page_tokens_are_made_once_and_sliced_like_a_tuple() -> None:
    tokens = tokenize_page("One two. Three [four] couldn't 4,000")
    assert tokens[1] is tokens[1]
    assert tokens[-1].norm == "4000" and tokens[-1].number
    assert tokens[1:3] == tuple(tokens)[1:3]
    assert [t.norm for t in tokens] == ["one", "two", "three", "four", "could", "not", "4000"]


def test_prepared_page_drops_editorial_words_but_keeps_a_bracketed_negation() -> None:
    page = _prepare_page("We will [not] pay [the city] now.")
    assert [t.norm for t in page.tokens] == ["we", "will", "not", "pay", "now"]
    assert page.joined == " we will not pay now "
    assert find_exact(prepare_quote("not pay now"), page).first == 2  # type: ignore[union-attr]


def test_a_contraction_broken_by_an_invisible_character_splits_as_tokenize_does() -> None:
    for text in ["We can\u200bnot pay.", "They could\u00adn't wait", "cannot can\u200bnot n't"]:
        _same(text)
    assert [t.norm for t in tokenize_page("We can\u200bnot pay.")] == ["we", "can", "not", "pay"]
