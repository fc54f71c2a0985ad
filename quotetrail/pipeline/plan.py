"""The left half of a check: article → quotes + outlet-labelled sources, before any source is read.

    ArticleInput ─► load_article ─► document_of ─► quotes_for ─► quotes
                         └─► link_outlets ─► sources_for (user's sources, then the links) ─► specs
                                                 └─► CheckPlan(quotes, specs, article object)

`plan_check` is the one place both the CLI (`verify`) and the service's workers decide
what to check, so both give the same report. It raises InputError when there is
nothing to check — no quotes, or no sources (unless discovery will look for the
outlets the quotes credit) — with a hint worded for the caller (`Hints`: CLI flags or
API fields). A saved page whose links are all relative is told so, not just "no sources".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from quotetrail.core.document import Document
from quotetrail.core.models import Quote
from quotetrail.core.outlets import OutletRegistry
from quotetrail.errors import InputError
from quotetrail.pipeline.article import (
    LoadedArticle,
    article_meta,
    document_of,
    link_outlets,
    load_article,
    relative_links,
)
from quotetrail.pipeline.inputs import ArticleInput, SourceSpec
from quotetrail.pipeline.quotes import quotes_for
from quotetrail.pipeline.sources import sources_for

if TYPE_CHECKING:  # httpx (the fetcher's client) loads only when something is fetched
    from quotetrail.fetch import Fetcher


@dataclass(frozen=True, slots=True)
class Hints:
    """How an error tells the user to give what is missing: CLI flags, or an API request's fields."""

    nothing: str = "give an ARTICLE or at least one --quote"
    quotes: str = "give the quotes with --quote"
    sources: str = "give --source, or an HTML article that links to them"
    relative: str = "give the pages with --source"


CLI_HINTS = Hints()


@dataclass(frozen=True, slots=True)
class CheckPlan:
    """What one check will judge, decided before any source is read.

    The single answer to "article → quotes + labelled sources", shared by `verify`
    (the CLI) and the service's workers, so both find and label the same sources.
    """

    quotes: list[Quote]
    specs: list[SourceSpec]
    article: dict[str, Any]  # the report's `article` object (article_meta)
    document: Document | None = field(default=None, compare=False, repr=False)
    loaded: LoadedArticle | None = field(default=None, compare=False, repr=False)


def plan_check(
    article: ArticleInput | None,
    quotes: Sequence[str],
    sources: Sequence[SourceSpec],
    *,
    fetcher: Fetcher | None,
    registry: OutletRegistry | None = None,
    follow_links: bool = True,
    hints: Hints = CLI_HINTS,
    min_confidence: float = 0.0,
    discover: bool = False,
    date: str | None = None,
    window: str | None = None,
) -> CheckPlan:
    """Read the article, pick the quotes, and the sources with their outlet labels.

    Links are labelled by their anchor text (`link_outlets`), links back to the article
    are skipped, a saved page's relative links resolve against its canonical URL, and at
    most MAX_LINK_SOURCES links are kept. InputError when there is nothing to check
    (with `discover`, quotes crediting an outlet are something to check: discovery looks,
    and the article object gains its date, date_source and the `window` searched — from
    the user's `date` (YYYY-MM-DD) and `window` when given).
    """
    registry = registry or OutletRegistry.default()
    if article is None and not quotes:
        raise InputError(f"nothing to check: {hints.nothing}")
    document, labels, url = None, {}, None
    loaded: LoadedArticle | None = None
    if article is not None:
        loaded = load_article(article, fetcher)
        document = document_of(loaded)
        labels = link_outlets(loaded, registry) if follow_links else {}
        url = loaded.url
    checked = quotes_for(document, quotes, registry, min_confidence=min_confidence)
    if not checked:
        raise InputError(f"no quotations found in the article; {hints.quotes}")
    specs = sources_for(
        document if follow_links else None,
        sources,
        registry,
        labels=labels,
        article_urls=(url, article.url if article else None, loaded.base if loaded else None),
    )
    if not specs and not (discover and any(q.cited_source for q in checked)):
        relative = relative_links(loaded) if loaded is not None and follow_links else 0
        if relative:
            raise InputError(
                f"no sources to check against: the article's {relative} link(s) are relative "
                f"and it gives no address to resolve them (no URL, no canonical link); "
                f"{hints.relative}"
            )
        raise InputError(f"no sources to check against: {hints.sources}")
    meta = article_meta(article or ArticleInput(), document, len(checked), url=url)
    if discover:
        from quotetrail.discover.stage import article_dating  # lazy: discovery uses this module

        meta.update(article_dating(loaded, date, window))
    return CheckPlan(checked, specs, meta, document, loaded)
