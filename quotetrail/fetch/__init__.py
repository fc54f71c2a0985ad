"""Fetching sources safely: SSRF guard, robots.txt, politeness, size and type limits.

    from quotetrail.fetch import Fetcher, FetchSettings
    with Fetcher(FetchSettings.from_env()) as fetcher:
        result = fetcher.fetch("https://outlet.example/news/1")

Failures raise a `FetchError` subclass with `reason`, `retryable` and `retry_after`.
"""

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
