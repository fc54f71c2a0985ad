"""Fetching sources safely: SSRF guard, robots.txt, politeness, size and type limits.

    from quotetrail.fetch import Fetcher, FetchSettings
    with Fetcher(FetchSettings.from_env()) as fetcher:
        result = fetcher.fetch("https://outlet.example/news/1")

Failures raise a `FetchError` subclass with `reason`, `retryable` and `retry_after`.
"""

from typing import TYPE_CHECKING

from quotetrail.lazy import lazy_exports

if TYPE_CHECKING:
    from quotetrail.fetch.client import Fetcher, FetchResult, parse_retry_after
    from quotetrail.fetch.errors import (
        BadEncoding,
        BlockedAddress,
        EgressDenied,
        FetchError,
        HTTPStatusError,
        InvalidURL,
        NetworkError,
        RobotsDisallowed,
        TooLarge,
        TooManyRedirects,
        TooSlow,
        UnsupportedContentType,
        UnsupportedScheme,
    )
    from quotetrail.fetch.guard import (
        GuardedTransport,
        NetworkPolicy,
        check_address,
        parse_ip_host,
        resolve_host,
    )
    from quotetrail.fetch.policies import (
        CachedPage,
        FetchCache,
        HostPoliteness,
        MemoryFetchCache,
        MemoryRobotsCache,
        Politeness,
        RobotsCache,
    )
    from quotetrail.fetch.settings import FetchSettings, parse_networks

# Loaded on first use: `quotetrail.fetch.errors` or `.settings` must not pull in httpx,
# which a CLI run on local files never needs (it costs more than the run itself).
_LAZY = {
    "Fetcher": "quotetrail.fetch.client",
    "FetchResult": "quotetrail.fetch.client",
    "parse_retry_after": "quotetrail.fetch.client",
    "BadEncoding": "quotetrail.fetch.errors",
    "BlockedAddress": "quotetrail.fetch.errors",
    "EgressDenied": "quotetrail.fetch.errors",
    "FetchError": "quotetrail.fetch.errors",
    "HTTPStatusError": "quotetrail.fetch.errors",
    "InvalidURL": "quotetrail.fetch.errors",
    "NetworkError": "quotetrail.fetch.errors",
    "RobotsDisallowed": "quotetrail.fetch.errors",
    "TooLarge": "quotetrail.fetch.errors",
    "TooManyRedirects": "quotetrail.fetch.errors",
    "TooSlow": "quotetrail.fetch.errors",
    "UnsupportedContentType": "quotetrail.fetch.errors",
    "UnsupportedScheme": "quotetrail.fetch.errors",
    "GuardedTransport": "quotetrail.fetch.guard",
    "NetworkPolicy": "quotetrail.fetch.guard",
    "check_address": "quotetrail.fetch.guard",
    "parse_ip_host": "quotetrail.fetch.guard",
    "resolve_host": "quotetrail.fetch.guard",
    "CachedPage": "quotetrail.fetch.policies",
    "FetchCache": "quotetrail.fetch.policies",
    "HostPoliteness": "quotetrail.fetch.policies",
    "MemoryFetchCache": "quotetrail.fetch.policies",
    "MemoryRobotsCache": "quotetrail.fetch.policies",
    "Politeness": "quotetrail.fetch.policies",
    "RobotsCache": "quotetrail.fetch.policies",
    "FetchSettings": "quotetrail.fetch.settings",
    "parse_networks": "quotetrail.fetch.settings",
}


__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY)


__all__ = [
    "BadEncoding",
    "BlockedAddress",
    "CachedPage",
    "EgressDenied",
    "FetchCache",
    "FetchError",
    "FetchResult",
    "FetchSettings",
    "Fetcher",
    "GuardedTransport",
    "HTTPStatusError",
    "HostPoliteness",
    "InvalidURL",
    "MemoryFetchCache",
    "MemoryRobotsCache",
    "NetworkError",
    "NetworkPolicy",
    "Politeness",
    "RobotsCache",
    "RobotsDisallowed",
    "TooLarge",
    "TooManyRedirects",
    "TooSlow",
    "UnsupportedContentType",
    "UnsupportedScheme",
    "check_address",
    "parse_ip_host",
    "parse_networks",
    "parse_retry_after",
    "resolve_host",
]
