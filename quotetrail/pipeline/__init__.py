"""From an article and its sources to a Report, one stage at a time.

    plan_check (plan.py):  load_article ─► quotes_for ─┐
                                 │                     ├─► CheckPlan
                                 └─► sources_for ──────┘
    verify:  CheckPlan ─► read_sources (sources.py; small thread pool) ─► [discovery] ─► judge_all ─► Report

Each stage is usable alone so a worker can run them one by one (and store what each
produced); `verify` runs them all. The modules follow the stages: inputs.py (what the
user gives, vetted), article.py, quotes.py, sources.py, plan.py, fetching.py (the
fetcher from the environment). The stages that touch the outside world (files and the
fetcher) live here; the judging is the pure `quotetrail.core.report`.

What ends a check:
- the article cannot be read, or there is nothing to check (no quotes; no sources and
  no credited outlet for discovery to look for): InputError, one line in words;
- everything else ends in the report: a source that cannot be fetched, decoded or
  read is a `SourceStatus` with status "error" and `unverifiable` evidence.

The outlet an article credits is checked when the article links to it or the user
gives its page as a source; such sources are labelled with the outlet's name. When
none carries a quote, `verify(discovery=...)` runs quotetrail.discover (lazily imported:
discovery builds on this package) to find the outlet's page in its listings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from quotetrail.core import semantic
from quotetrail.core.models import Quote, Report
from quotetrail.core.outlets import OutletRegistry
from quotetrail.core.report import evaluate
from quotetrail.pipeline.article import (
    LoadedArticle,
    article_meta,
    document_of,
    link_outlets,
    load_article,
    read_article,
)
from quotetrail.pipeline.fetching import build_fetcher, fetch_settings
from quotetrail.pipeline.inputs import (
    DEFAULT_WORKERS,
    MAX_LINK_SOURCES,
    ArticleInput,
    Progress,
    SourceSpec,
    SourceText,
    guess_content_type,
    is_web_url,
    read_file_bytes,
    source_spec,
    url_problem,
)
from quotetrail.pipeline.plan import CLI_HINTS, CheckPlan, Hints, plan_check
from quotetrail.pipeline.quotes import locate_quote, quotes_for
from quotetrail.pipeline.sources import (
    duplicate_sources,
    page_outlet,
    read_source,
    read_sources,
    source_outlet,
    sources_for,
)

if TYPE_CHECKING:  # httpx (the fetcher's client) loads only when something is fetched
    from quotetrail.fetch import Fetcher

__all__ = [
    "CLI_HINTS",
    "DEFAULT_WORKERS",
    "MAX_LINK_SOURCES",
    "ArticleInput",
    "CheckPlan",
    "Hints",
    "LoadedArticle",
    "Progress",
    "SourceSpec",
    "SourceText",
    "article_meta",
    "build_fetcher",
    "document_of",
    "duplicate_sources",
    "fetch_settings",
    "guess_content_type",
    "is_web_url",
    "judge_all",
    "link_outlets",
    "load_article",
    "locate_quote",
    "page_outlet",
    "plan_check",
    "quotes_for",
    "read_article",
    "read_file_bytes",
    "read_source",
    "read_sources",
    "source_outlet",
    "source_spec",
    "sources_for",
    "url_problem",
    "verify",
]


def verify(
    article: ArticleInput | None,
    quotes: Sequence[str],
    sources: Sequence[SourceSpec],
    *,
    fetcher: Fetcher | None,
    registry: OutletRegistry | None = None,
    progress: Progress | None = None,
    workers: int = DEFAULT_WORKERS,
    follow_links: bool = True,
    min_confidence: float = 0.0,
    discovery: Any = None,
) -> Report:
    """Read the article, pick the quotes and sources, read the sources, judge everything.

    `discovery` (quotetrail.discover.DiscoveryOptions) turns on the search for credited
    outlets' pages. Raises InputError when the article cannot be read or there is nothing
    to check (no quotes, or no sources); source problems end up in the report instead.
    """
    registry = registry or OutletRegistry.default()
    plan = plan_check(
        article,
        quotes,
        sources,
        fetcher=fetcher,
        registry=registry,
        follow_links=follow_links,
        min_confidence=min_confidence,
        discover=discovery is not None and fetcher is not None,
        date=discovery.date.isoformat() if discovery is not None and discovery.date else None,
        window=discovery.window if discovery is not None else None,
    )
    read = read_sources(plan.specs, fetcher, registry, progress=progress, workers=workers)
    from quotetrail.discover.options import has_work  # light: no fetcher, no parsers

    if discovery is None or fetcher is None or not has_work(plan.quotes, read):
        return judge_all(plan.quotes, read, plan.article)
    from quotetrail.discover.stage import run_discovery  # lazy: discovery uses this module
    from quotetrail.embed import install

    install()  # candidates are judged during discovery, with the same models as the report
    read, meta, searches = run_discovery(plan, read, fetcher, registry, discovery)
    return judge_all(plan.quotes, read, meta, searches)


def judge_all(
    quotes: Sequence[Quote],
    read: Sequence[Any],
    article: Mapping[str, Any] | None,
    searches: Sequence[Mapping[str, Any]] = (),
    *,
    on_quote: Callable[[int, int], None] | None = None,
) -> Report:
    """evaluate() with this process's models: the embedder (loaded once, when a verdict
    first needs it; its absence is reported in the evidence) and the optional
    display-only passage translator."""
    from quotetrail.translate import add_translations, load_translator

    semantic.use_similarity_when_needed(_install_embedder)
    report = evaluate(quotes, read, article, searches, on_quote=on_quote)
    return add_translations(report, load_translator())


def _install_embedder() -> None:
    """Load the embedder and plug it into the core (imports numpy: only when needed)."""
    from quotetrail.embed import install

    install()
