"""The discovery stage between reading the sources and judging them, for CLI and workers.

    CheckPlan + sources read ─► discover() ─► sources (+ archived copies, + found pages),
                                              article (+ date, date_source, window), searches[]

What ends it: `discover` returns (it never raises for a source or outlet problem).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from quotetrail.core.charset import decode_body
from quotetrail.core.outlets import OutletRegistry
from quotetrail.errors import InputError
from quotetrail.pipeline import CheckPlan, LoadedArticle, SourceText

if TYPE_CHECKING:
    from quotetrail.discover.options import DiscoveryOptions
    from quotetrail.fetch import Fetcher


def article_html(loaded: LoadedArticle | None) -> str | None:
    """The article's HTML (for its date), or None for text or a bare list of quotes."""
    if loaded is None:
        return None
    if isinstance(loaded.content, str):
        return loaded.content
    try:
        return decode_body(loaded.content, loaded.content_type)
    except InputError:
        return None


def article_dating(
    loaded: LoadedArticle | None, given: str | None, window: str | None
) -> dict[str, Any]:
    """The article's date, where it was read, and the window: the report's article fields.

    Computed by `plan_check` where the article's HTML is in hand (the service's discovery
    task no longer has it). InputError for a bad date or window.
    """
    from quotetrail.discover.dates import article_fields, dating, parse_date

    day = parse_date(given) if given else None
    url = loaded.link_base if loaded is not None else None
    return article_fields(*dating(article_html(loaded), url, day, window))


def run_discovery(
    plan: CheckPlan,
    read: Sequence[SourceText],
    fetcher: Fetcher,
    registry: OutletRegistry,
    options: DiscoveryOptions,
) -> tuple[list[SourceText], dict[str, Any], list[dict[str, Any]]]:
    """The sources to judge, the article object and searches[] after discovery."""
    from quotetrail.discover.driver import discover

    found = discover(
        plan.quotes,
        read,
        text=plan.document.text if plan.document is not None else "",
        html=article_html(plan.loaded),
        url=plan.loaded.link_base if plan.loaded is not None else None,
        fetcher=fetcher,
        registry=registry,
        options=options,
    )
    sources = [found.replaced.get(i, r) for i, r in enumerate(read)] + found.sources
    return sources, {**plan.article, **found.article}, found.searches
