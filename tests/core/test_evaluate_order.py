"""Evaluating source by source gives exactly the report quote-by-quote evaluation gave.

The old order (every quote against every source, quote after quote) is kept here as
the reference; the dev set's quotes and pages are the data, so every verdict kind
and both languages are covered.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from quotetrail.core.align import prepare_page
from quotetrail.core.compare import summarize
from quotetrail.core.models import Quote, Report, SourceStatus
from quotetrail.core.pagecache import PageCache, estimated_bytes
from quotetrail.core.report import credited_source_rule, evaluate, evidence_for

DEVSET = Path(__file__).resolve().parents[2] / "devset"


@dataclass(frozen=True)
class _Source:
    status: SourceStatus
    text: str | None


def _devset():
    spec = importlib.util.spec_from_file_location("devset_evaluate", DEVSET / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _old_order(quotes, sources) -> Report:
    results = []
    for quote in quotes:
        evidence = [evidence_for(quote, source) for source in sources]
        results.append(credited_source_rule(summarize(quote, evidence), sources))
    return Report(tuple(results), tuple(s.status for s in sources), {})


@pytest.fixture(scope="module")
def devset_job():
    dev = _devset()
    cases = [c for c in dev.load_cases() if c["page"] is not None]
    texts = list(dict.fromkeys(dev.page_text(c) for c in cases))
    quotes = [
        Quote(c["quote"], cited_source="TASS" if i % 7 == 0 else None)
        for i, c in enumerate(cases[::9])
    ]
    sources = [
        _Source(SourceStatus(f"page-{i}", "ok", outlet=None), t) for i, t in enumerate(texts[::3])
    ]
    sources.append(_Source(SourceStatus("dead", "error", error="answered HTTP 404"), None))
    return quotes, sources


def test_source_by_source_equals_quote_by_quote_on_the_devset(devset_job) -> None:
    quotes, sources = devset_job
    assert len(quotes) >= 30 and len(sources) >= 9  # more pages than the old 8-entry cache
    prepare_page.cache_clear()
    old = _old_order(quotes, sources)
    prepare_page.cache_clear()
    new = evaluate(quotes, sources)
    assert new == old
    verdicts = {e.verdict for r in new.quotes for e in r.evidence}
    assert {"matched", "not_found", "unverifiable"} <= verdicts


def test_each_page_is_prepared_once_even_when_none_fits_the_cache(devset_job) -> None:
    quotes, sources = devset_job
    budget = prepare_page.budget
    prepare_page.budget = 0  # nothing is cached: only the pin keeps a page
    prepare_page.cache_clear()
    try:
        before = prepare_page.builds
        evaluate(quotes[:5], sources)
        assert prepare_page.builds - before == sum(1 for s in sources if s.text)
    finally:
        prepare_page.budget = budget


def test_page_cache_is_bounded_by_bytes_and_evicts_the_least_recent() -> None:
    built: list[str] = []
    cache: PageCache[str] = PageCache(lambda t: built.append(t) or t.upper(), budget=0)
    small = ["a" * 100, "b" * 100, "c" * 100]
    cache.budget = estimated_bytes(small[0]) * 2
    for text in small:
        assert cache(text) == text.upper()
    assert len(cache) == 2 and cache.cached_bytes <= cache.budget
    cache(small[2])  # still cached
    cache(small[0])  # evicted: built again
    assert built == [*small, small[0]]
    huge = "d" * 10_000
    cache(huge)
    assert huge not in {t for t in cache._pages} and cache.cached_bytes <= cache.budget


def test_a_pinned_page_is_built_once_even_when_too_big_to_cache() -> None:
    built: list[str] = []
    cache: PageCache[str] = PageCache(lambda t: built.append(t) or t, budget=10)
    with cache.pinned("x" * 1000):
        for _ in range(5):
            cache("x" * 1000)
    assert len(built) == 1
    cache("x" * 1000)  # released: built again
    assert len(built) == 2
