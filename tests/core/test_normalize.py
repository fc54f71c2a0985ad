"""Normalisation forgives only what cannot change meaning, and never loses offsets."""

from __future__ import annotations

import pytest

from quotetrail.core.normalize import normalize, tokenize


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("We Will Not Pay", "we will not pay"),  # case
        ("“We will pay,” he said", '"We will pay", he said'),  # quote marks
        ("«Мы заплатим» — сказал он", '"Мы заплатим" - сказал он'),  # guillemets, dashes
        ("we  will\n\tpay\u00a0now", "we will pay now"),  # whitespace
        ("Всё решено, ёлки", "Все решено, елки"),  # ё/е
        ("in\u00adcre\u00addi\u00adble", "incredible"),  # soft hyphens
        ("wo\u200brd zero\u200dwidth", "word zerowidth"),  # zero-width characters
        ("don’t it‘s", "don't it's"),  # apostrophes
        ("4,000 and 4 000 and 4\u00a0000", "4000 and 4000 and 4000"),  # thousands separators
        ("2,8 млрд", "2.8 млрд"),  # decimal comma
        ("e\u0301te", "\u00e9te"),  # decomposed accents
    ],
)
def test_forgiven_differences_normalise_equal(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("we will not pay", "we will pay"),
        ("4,000 people", "40,000 people"),
        ("Aliyev said", "Pashinyan said"),
        ("4.5", "45"),
    ],
)
def test_meaningful_differences_survive(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


def test_tokens_map_back_to_original_offsets() -> None:
    text = "  “Ёлкин’s   4 000 wo\u00adrds” — said."
    norm = tokenize(text)
    assert [t.norm for t in norm.tokens] == ["елкин's", "4000", "words", "said"]
    for t in norm.tokens:
        assert normalize(text[t.start : t.end]) == t.norm
    assert text[slice(*norm.span(1, 2))] == "4 000 wo\u00adrds"


def test_original_span_maps_normalised_character_ranges() -> None:
    text = "The MINISTER said: «не  будет»."
    norm = tokenize(text)
    at = norm.text.index("said не")
    start, end = norm.original_span(at, at + len("said не"))
    assert text[start:end] == "said: «не"


def test_omission_marks_split_quote_into_fragments() -> None:
    for mark in ("…", "...", "<...>", "[…]", "(...)", "[...]"):
        norm = tokenize(f"one two {mark} three four", with_fragments=True)
        assert [t.fragment for t in norm.tokens] == [0, 0, 1, 1], mark
        assert not any(t.editorial for t in norm.tokens)


def test_leading_ellipsis_does_not_create_an_empty_fragment() -> None:
    norm = tokenize("... and then we left", with_fragments=True)
    assert {t.fragment for t in norm.tokens} == {0}


def test_bracketed_insertions_are_marked_editorial() -> None:
    norm = tokenize("the [Azerbaijani] president [sic] said")
    assert [(t.norm, t.editorial) for t in norm.tokens] == [
        ("the", False),
        ("azerbaijani", True),
        ("president", False),
        ("sic", True),
        ("said", False),
    ]


def test_capitals_and_sentence_starts_are_recorded() -> None:
    norm = tokenize("Officials met. Then Okafor spoke to «Волна» fans")
    flags = {t.norm: (t.capital, t.sentence_start) for t in norm.tokens}
    assert flags["officials"] == (True, True)
    assert flags["then"] == (True, True)
    assert flags["okafor"] == (True, False)
    assert flags["волна"] == (True, False)
    assert flags["spoke"] == (False, False)


def test_empty_and_punctuation_only_text() -> None:
    assert tokenize("").tokens == ()
    assert tokenize(" — «…» !!! ").tokens == ()
    assert tokenize("").original_span(0, 3) == (-1, -1)


@pytest.mark.parametrize(
    ("text", "norms"),
    [
        ("I couldn't agree", ["i", "could", "not", "agree"]),
        ("we can’t and won't", ["we", "can", "not", "and", "will", "not"]),
        ("They cannot stay", ["they", "can", "not", "stay"]),
    ],
)
def test_negative_contractions_become_two_words_with_their_own_offsets(text, norms):
    nt = tokenize(text)
    assert [t.norm for t in nt.tokens] == norms
    for t in nt.tokens:
        assert text[t.start : t.end]  # every piece maps to some original characters
    spans = [(t.start, t.end) for t in nt.tokens]
    assert spans == sorted(spans)
