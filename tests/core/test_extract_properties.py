"""Property tests: extraction never fails and its offsets always hold, whatever the text."""

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrail.core.extract import extract_quotes
from quotetrail.core.outlets import OutletRegistry
from quotetrail.core.quotemarks import find_quote_spans

# Text built from the pieces the extractor reacts to, so the search reaches deep paths.
PIECES = st.sampled_from(
    [
        '"', "'", "«", "»", "“", "”", "„", "‘", "’", "\n", "\n\n", " ", ", ", ". ", "! ", "? ",
        " — ", ": ", "said", " he said", " she added", "заявил", " сказала она", "по словам",
        "Как сообщил", "according to", "that", "что", "Vladimir Putin", "Дмитрия Пескова",
        "the president", "глава государства", "TASS", "ТАСС", "«Интерфаксу»", "Gazeta.ru",
        "This was reported by", "Об этом", "the film", "партия", "We will win", "Мы победим",
        "В.", "Mr.", "x", "Ё", "́", "\u00a0", "\t",
    ]
)  # fmt: skip
ARTICLES = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=80).map("".join))
REGISTRY = OutletRegistry.default()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES, st.booleans())
def test_extract_never_raises_and_offsets_hold(text, include_terms):
    found = extract_quotes(text, REGISTRY, include_terms=include_terms)
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.text.strip()
        assert q.kind in (
            ("direct", "reported", "claim", "term")
            if include_terms
            else ("direct", "reported", "claim")
        )
        if q.kind == "term":
            assert q.speaker is None and q.cited_source is None
        assert 0.0 <= q.confidence <= 1.0
        if q.cited_source is not None:
            assert REGISTRY.resolve(q.cited_source) is not None
    assert [q.start for q in found] == sorted(q.start for q in found)


@settings(max_examples=300, deadline=None)
@given(ARTICLES)
def test_quote_spans_are_ordered_and_inside_their_marks(text):
    spans = find_quote_spans(text)
    for span in spans:
        assert 0 <= span.open < span.start < span.end <= span.close <= len(text)
        assert "\n" not in text[span.start : span.end]
    opens = [s.open for s in spans]
    assert opens == sorted(opens)
    for a, b in pairwise(spans):
        assert a.close <= b.open


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_registry_lookups_never_raise(text):
    REGISTRY.resolve(text)
    REGISTRY.for_url(text)
    for start, end, outlet in REGISTRY.find_mentions(text):
        assert 0 <= start < end <= len(text)
        assert outlet in REGISTRY.outlets
