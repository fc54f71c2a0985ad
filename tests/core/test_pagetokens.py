"""The bulk page tokeniser gives exactly the tokens `normalize.tokenize` gives.

`tokenize_page` folds the whole text at once, splits it with a faster form of the
token pattern and fixes numbers, contractions, invisible characters and [editorial]
words afterwards; any slip would move an offset or change a word, so every field of
every token is compared — on the dev set's pages and on generated hostile text.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrail.core.align import _prepare_page, find_exact, prepare_quote
from quotetrail.core.normalize import tokenize
from quotetrail.core.pagetokens import PageTokens, tokenize_page

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


def _same(text: str) -> None:
    fast = tokenize_page(text)
    assert isinstance(fast, PageTokens)
    assert _fields(fast) == _fields(tokenize(text).tokens)


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
