"""The quotes to check: the article's own, or the user's, placed in the article.

    Document ─► extract_quotes (core) ─► [Quote] ─┐
    --quote texts ─► locate_quote ────────────────┴─► the quotes a check judges

A quote the user typed borrows the speaker, outlet and offsets of the article's own
quote it matches (the same words, or one inside the other), else gets its own span
when the article holds it nearly verbatim. Shorter fragments than `_MIN_PART` borrow
nothing: "we will" would take a stranger's speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from quotetrail.core.document import Document
from quotetrail.core.extract import extract_quotes
from quotetrail.core.models import Quote
from quotetrail.core.outlets import OutletRegistry
from quotetrail.errors import InputError


def quotes_for(
    document: Document | None,
    given: Sequence[str],
    registry: OutletRegistry,
    *,
    min_confidence: float = 0.0,
) -> list[Quote]:
    """The quotes to check: the user's (located in the article when possible) or the article's own.

    `min_confidence` hides the article's own low-confidence items; a quote the user gave
    is always checked.
    """
    found = (
        extract_quotes(document.text, registry, min_confidence=min_confidence)
        if document is not None
        else []
    )
    if not given:
        return found
    quotes = []
    for text in given:
        text = " ".join(text.split())
        if not text:
            raise InputError("--quote was given an empty text")
        quotes.append(locate_quote(text, document, found))
    return quotes


def locate_quote(text: str, document: Document | None, found: Sequence[Quote]) -> Quote:
    """A user-given quote, with offsets, speaker and outlet borrowed from the article if it is there."""
    if document is None:
        return Quote(text=text)
    key = _match_key(text)
    for quote in found:
        other = _match_key(quote.text)
        if key and (key == other or _contains(other, key) or _contains(key, other)):
            start, end = _find_span(text, document.text) or (quote.start, quote.end)
            return replace(quote, text=text, start=start, end=end)
    span = _find_span(text, document.text)
    if span is None:
        return Quote(text=text)
    return Quote(text=text, start=span[0], end=span[1])


_NON_WORD = re.compile(r"[\W_]+")
_MIN_PART = 15  # shorter fragments ("the", "we will") would borrow a stranger's speaker


def _contains(whole: str, part: str) -> bool:
    return len(part) >= _MIN_PART and f" {part} " in f" {whole} "


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def _match_key(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold().replace("ё", "е")).strip()


def _find_span(text: str, haystack: str) -> tuple[int, int] | None:
    """Where `text` stands in `haystack`: exactly, or nearly (rapidfuzz alignment, score ≥ 90).

    Case and ё/е are folded first when that keeps every offset in place, so a quote
    typed in capitals gets its own span rather than the whole quote around it.
    """
    at = haystack.find(text)
    if at >= 0:
        return at, at + len(text)
    folded, folded_hay = _fold(text), _fold(haystack)
    if len(folded) == len(text) and len(folded_hay) == len(haystack):
        text, haystack = folded, folded_hay
        at = haystack.find(text)
        if at >= 0:
            return at, at + len(text)
    alignment = fuzz.partial_ratio_alignment(text, haystack, score_cutoff=90)
    if alignment is None:
        return None
    return alignment.dest_start, alignment.dest_end
