"""Discovery: find the page of the outlet an article credits, without a link to it.

    quotetrail.pipeline.verify ─► discover(quotes, read sources, article) ─► Discovery
        dates.py        article date (htmldate, URL, --date) and the window
        listings.py     [[outlet.listing]]: sitemap.py, feed.py, archive_page.py, wayback
        rank.py         which listed articles to fetch first for a quote
        session.py      one job's requests: refusals, archive fallback, pages read once
        search.py       pluggable search provider (SearXNG), off by default
        cache.py        listing caches (directory for the CLI; Redis in worker/discovery.py)
        driver.py       the loop over outlets and quotes, with caps; searches[] entries

Discovery uses the fetcher (robots.txt, politeness, SSRF guard) for every request and
the pure core to judge pages; it never imports the service.
"""

from quotetrail.discover.cache import DirectoryListingCache, ListingCache, MemoryListingCache
from quotetrail.discover.driver import (
    PER_JOB,
    PER_OUTLET,
    PER_QUOTE,
    Discovery,
    DiscoveryOptions,
    article_fields,
    discover,
)

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
