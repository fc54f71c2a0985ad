"""Redis-backed versions of the fetcher's pluggable parts, shared by every worker:

- `RedisFetchCache` — the latest response per URL that carries a validator (ETag or
  Last-Modified), so any worker can revalidate with If-None-Match / If-Modified-Since
  instead of downloading again (the fetcher decides; this only stores);
- `RedisRobotsCache` — robots.txt per origin for a day (RFC 9309's upper bound);
- `SharedPoliteness` — worker.politeness over Redis, falling back to per-process limits
  while Redis is unreachable, so a broker restart slows nothing down into a failure.

Redis is a cache here, never the record: every read tolerates a miss, every error is
logged and swallowed. Large pages are not cached (Redis runs with noeviction, so memory
must stay bounded by TTLs and this size cap).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict
from typing import Any

from quotetrail.fetch.policies import CachedPage, HostPoliteness
from worker.politeness import RedisPoliteness
from worker.settings import WorkerSettings

log = logging.getLogger("quotetrail.worker")

CACHE_TTL = 24 * 3600
ROBOTS_TTL = 24 * 3600
CACHE_MAX_BYTES = 2 * 1024 * 1024


def _url_key(prefix: str, kind: str, value: str) -> str:
    return f"{prefix}:{kind}:{hashlib.sha256(value.encode('utf-8')).hexdigest()}"


class RedisFetchCache:
    def __init__(
        self,
        client: Any,
        *,
        prefix: str = "qt",
        ttl: int = CACHE_TTL,
        max_bytes: int = CACHE_MAX_BYTES,
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.ttl = ttl
        self.max_bytes = max_bytes

    def get(self, url: str) -> CachedPage | None:
        try:
            meta, body = self.client.hmget(_url_key(self.prefix, "page", url), ["meta", "body"])
        except Exception as exc:
            log.warning("fetch cache unavailable (%s); fetching without it", exc)
            return None
        if meta is None or body is None:
            return None
        try:
            fields = json.loads(meta)
            fields["redirects"] = tuple(fields.get("redirects") or ())
            return CachedPage(body=body, **fields)
        except (ValueError, TypeError):
            return None  # written by another version: treat as a miss

    def put(self, url: str, result: Any) -> None:
        page = CachedPage.from_result(result)
        if not (page.etag or page.last_modified) or len(page.body) > self.max_bytes:
            return
        fields = asdict(page)
        body = fields.pop("body")
        fields["redirects"] = list(fields["redirects"])
        key = _url_key(self.prefix, "page", url)
        try:
            pipe = self.client.pipeline()
            pipe.hset(key, mapping={"meta": json.dumps(fields), "body": body})
            pipe.expire(key, self.ttl)
            pipe.execute()
        except Exception as exc:
            log.warning("fetch cache unavailable (%s); page not cached", exc)


class RedisRobotsCache:
    def __init__(self, client: Any, *, prefix: str = "qt", ttl: int = ROBOTS_TTL) -> None:
        self.client = client
        self.prefix = prefix
        self.ttl = ttl

    def get(self, origin: str) -> str | None:
        try:
            value = self.client.get(_url_key(self.prefix, "robots", origin))
        except Exception as exc:
            log.warning("robots cache unavailable (%s)", exc)
            return None
        return value.decode("utf-8", "replace") if value is not None else None

    def put(self, origin: str, robots_txt: str) -> None:
        try:
            self.client.set(_url_key(self.prefix, "robots", origin), robots_txt, ex=self.ttl)
        except Exception as exc:
            log.warning("robots cache unavailable (%s)", exc)


class SharedPoliteness:
    """Cluster-wide per-host limits; per-process limits while Redis cannot be reached."""

    def __init__(self, shared: RedisPoliteness, fallback: HostPoliteness) -> None:
        self.shared = shared
        self.fallback = fallback

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        import redis.exceptions

        try:
            token = self.shared.acquire(host)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            log.warning("shared politeness unavailable (%s); limiting %s per process", exc, host)
            with self.fallback.slot(host):
                yield
            return
        try:
            yield
        finally:
            with suppress(Exception):  # the lease expires on its own
                self.shared.release(host, token)


def redis_fetch_backends(
    client: Any, *, prefix: str, lease: float, max_wait: float
) -> dict[str, Any]:
    """Keyword arguments for `Fetcher(...)`: cache, politeness and robots cache on Redis.

    `lease` bounds how long a dead worker's slot blocks a host (the task's hard time
    limit); `max_wait` how long a task queues for a slot before it retries later.
    """
    concurrency, interval = WorkerSettings.from_env().host_limits()
    shared = RedisPoliteness(
        client,
        concurrency=concurrency,
        interval=interval,
        lease=lease,
        max_wait=max_wait,
        prefix=f"{prefix}:polite",
    )
    return {
        "cache": RedisFetchCache(client, prefix=prefix),
        "politeness": SharedPoliteness(shared, HostPoliteness(interval, concurrency)),
        "robots_cache": RedisRobotsCache(client, prefix=prefix),
    }
