"""How one discovery runs: the user's date and window, the caps, the cache and providers.

    CLI flags / API fields ─► DiscoveryOptions ─► driver.discover()

Kept apart from the driver so the command line can check its flags and build the
options without importing the fetcher, the parsers or the providers (a check of local
files never needs them). Nothing here does I/O.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotetrail.core.models import Quote
    from quotetrail.discover.cache import ListingCache
    from quotetrail.discover.search import SearchProvider
    from quotetrail.discover.wayback import Wayback
    from quotetrail.fetch import Fetcher
    from quotetrail.pipeline import SourceText

PER_QUOTE = 20  # pages fetched per quote and outlet
PER_OUTLET = 40  # pages fetched per outlet
PER_JOB = 100  # pages fetched per job


def search_from_env(fetcher: Fetcher) -> SearchProvider | None:
    """The configured search provider (QUOTETRAIL_SEARCH_URL), or None: off by default."""
    from quotetrail.discover.search import provider_from_env

    return provider_from_env(fetcher)


def wayback_from_env(fetcher: Fetcher) -> Wayback | None:
    """The web archive (QUOTETRAIL_WAYBACK_URL; "off" turns it off)."""
    from quotetrail.discover.wayback import Wayback

    return Wayback.from_env(fetcher)


@dataclass(frozen=True)
class DiscoveryOptions:
    """How discovery runs; `search` and `wayback` None turn those providers off."""

    date: date | None = None
    window: str | None = None
    per_quote: int = PER_QUOTE
    per_outlet: int = PER_OUTLET
    per_job: int = PER_JOB
    cache: ListingCache | None = None
    search: Callable[[Fetcher], SearchProvider | None] | None = search_from_env
    wayback: Callable[[Fetcher], Wayback | None] | None = wayback_from_env
    note: Callable[[str], None] | None = None


def has_work(
    quotes: Sequence[Quote], read: Sequence[SourceText], env: Mapping[str, str] | None = None
) -> bool:
    """Whether discovery has anything to do: a credited outlet to search, a dead web
    source to look up in the archive, or a configured search provider.

    Asked before the driver is imported, so a check of local files stays light.
    """
    env = os.environ if env is None else env
    if any(q.cited_source for q in quotes) or env.get("QUOTETRAIL_SEARCH_URL", "").strip():
        return True
    return any(r.status.status == "error" and r.spec.kind == "url" for r in read)
