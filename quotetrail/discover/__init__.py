"""Discovery: find the page of the outlet an article credits, without a link to it.

    quotetrail.pipeline.verify ─► discover(quotes, read sources, article) ─► Discovery
        dates.py        article date (htmldate, URL, --date) and the window
        listings.py     [[outlet.listing]]: sitemap.py, feed.py, archive_page.py, wayback
        rank.py         which listed articles to fetch first for a quote
        session.py      one job's requests: refusals, archive fallback, pages read once
        search.py       pluggable search provider (SearXNG), off by default
        cache.py        listing caches (directory for the CLI; Redis in worker/discovery.py)
        options.py      DiscoveryOptions: date, window, caps, cache, providers (light)
        driver.py       the loop over outlets and quotes, with caps; searches[] entries

Discovery uses the fetcher (robots.txt, politeness, SSRF guard) for every request and
the pure core to judge pages; it never imports the service.
"""

from typing import TYPE_CHECKING

from quotetrail.lazy import lazy_exports

if TYPE_CHECKING:
    from quotetrail.discover.cache import DirectoryListingCache, ListingCache, MemoryListingCache
    from quotetrail.discover.driver import Discovery, article_fields, discover
    from quotetrail.discover.options import PER_JOB, PER_OUTLET, PER_QUOTE, DiscoveryOptions

# Loaded on first use: the CLI builds its options (options.py, cache.py: light) without
# importing the fetcher and the parsers that only a real search needs.
_LAZY = {
    "PER_JOB": "quotetrail.discover.options",
    "PER_OUTLET": "quotetrail.discover.options",
    "PER_QUOTE": "quotetrail.discover.options",
    "DiscoveryOptions": "quotetrail.discover.options",
    "DirectoryListingCache": "quotetrail.discover.cache",
    "ListingCache": "quotetrail.discover.cache",
    "MemoryListingCache": "quotetrail.discover.cache",
    "Discovery": "quotetrail.discover.driver",
    "article_fields": "quotetrail.discover.driver",
    "discover": "quotetrail.discover.driver",
}


__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY)


__all__ = [
    "PER_JOB",
    "PER_OUTLET",
    "PER_QUOTE",
    "DirectoryListingCache",
    "Discovery",
    "DiscoveryOptions",
    "ListingCache",
    "MemoryListingCache",
    "article_fields",
    "discover",
]
