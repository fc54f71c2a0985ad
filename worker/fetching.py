"""The workers' fetcher: the SSRF-guarded quotetrail.fetch.Fetcher, with its cache,
politeness and robots.txt cache on Redis when there is one (shared by every worker),
or per process in the embedded mode.

Webhooks go out through the same guard (`GuardedTransport` with the fetcher's network
policy): a callback URL is user input and must not reach what a source URL may not.
"""

from __future__ import annotations

from typing import Any

import httpx

from quotetrail.fetch.client import Fetcher
from quotetrail.fetch.errors import NetworkError
from quotetrail.fetch.guard import GuardedTransport, NetworkPolicy
from quotetrail.fetch.settings import FetchSettings
from worker.politeness import LocalPoliteness
from worker.redis_cache import redis_fetch_backends
from worker.settings import WorkerSettings


def build_fetcher(client: Any, *, prefix: str = "qt") -> Fetcher:
    """The worker's Fetcher: per-host limits shared through Redis `client`, or per process
    when there is none (the embedded mode)."""
    settings = FetchSettings.from_env()
    limits = WorkerSettings.from_env()
    if client is None:
        concurrency, interval = limits.host_limits()
        politeness = LocalPoliteness(interval, concurrency, max_wait=limits.host_max_wait)
        return Fetcher(settings, politeness=politeness)
    backends = redis_fetch_backends(
        client, prefix=prefix, lease=limits.time_limit + 1, max_wait=limits.host_max_wait
    )
    return Fetcher(settings, **backends)


def post_guarded(url: str, body: bytes, headers: dict[str, str], *, timeout: float) -> int:
    """POST `body` to `url` through the SSRF guard, without following redirects; the status."""
    transport = GuardedTransport(httpx.HTTPTransport(), NetworkPolicy.from_env())
    with httpx.Client(transport=transport, timeout=timeout, follow_redirects=False) as client:
        try:
            return client.post(url, content=body, headers=headers).status_code
        except httpx.HTTPError as exc:
            raise NetworkError(f"{url}: {exc}") from exc
