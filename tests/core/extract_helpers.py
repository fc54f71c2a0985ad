"""Shared helpers for the extraction tests (not a test module)."""

from quotetrail.core.extract import extract_quotes
from quotetrail.core.models import Quote


def quotes(text: str, **kwargs) -> list[Quote]:
    """Extract, and check the offsets contract on every quote on the way."""
    found = extract_quotes(text, **kwargs)
    for q in found:
        assert text[q.start : q.end] == q.text
    assert [q.start for q in found] == sorted(q.start for q in found)
    return found


def by_text(found: list[Quote], words: str) -> Quote:
    matches = [q for q in found if q.text == words]
    assert len(matches) == 1, f"{words!r} not found once in {[q.text for q in found]}"
    return matches[0]


def summary(found: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in found]
