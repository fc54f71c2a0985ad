"""Extraction does work linear in the article's length on hostile input (no timing).

An article of 1 MB is accepted, and one sentence may then span all of it (no
punctuation the splitter trusts). A helper that copies "the sentence up to here"
for every cue or quote turns that into quadratic work: 30 s for one submission.
Counted here as characters copied by slicing the text, per character of input, at
two lengths: linear work keeps the ratio flat where quadratic work multiplies it.
"""

from __future__ import annotations

import pytest

from quotetrail.core.extract import extract_quotes
from quotetrail.core.outlets import OutletRegistry


class _CountingText(str):
    """A str that adds up the characters every slice of it copies."""

    copied = 0

    def __getitem__(self, key):  # type: ignore[override]
        out = str.__getitem__(self, key)
        if isinstance(key, slice):
            _CountingText.copied += len(out)
        return out


def _copied_per_char(unit: str, size: int) -> float:
    text = _CountingText((unit * (size // len(unit) + 1))[:size])
    _CountingText.copied = 0
    extract_quotes(text, OutletRegistry.default(), include_terms=True)
    return _CountingText.copied / size


@pytest.mark.parametrize(
    "unit",
    [
        "сказал.©Oê\U0008e431ß𤊅Èâ¯",  # a cue verb in every "sentence" of one long sentence
        "Putin'»‘«,Putin\u1889\u20d1",  # a quote per unit, none closing a sentence
        "Mr. Hale, 41, a farmer, said the bridge will open, ",  # appositive chains
        "«„“‘'\"",  # alternating quotation marks
    ],
)
def test_text_copied_grows_linearly_with_the_article(unit: str) -> None:
    small, large = _copied_per_char(unit, 10_000), _copied_per_char(unit, 40_000)
    assert large <= 1.5 * small + 2, (small, large)  # quadratic work would give 4x
