"""Per-client request quotas, announced with the IETF RateLimit headers.

    RateLimit-Policy: "default";q=100;w=60
    RateLimit: "default";r=42;t=17

One process: an in-memory token bucket (smooth refill). Several API processes:
with REDIS_URL a fixed window kept in Redis (one atomic Lua INCR+PEXPIRE), so they
share the quota. If Redis fails the request is let through — a rate limiter must not
take the API down — and /readyz reports Redis as unreachable.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger("quotetrail.api")

POLICY_NAME = "default"


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    limit: int
    window: int
    remaining: int
    reset_after: int  # seconds until the quota is whole again
    retry_after: int = 0  # when refused: seconds until one request is allowed

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Policy": f'"{POLICY_NAME}";q={self.limit};w={self.window}',
            "RateLimit": f'"{POLICY_NAME}";r={max(0, self.remaining)};t={max(0, self.reset_after)}',
        }


class RateLimiter(Protocol):
    limit: int
    window: int

    def hit(self, identity: str) -> RateDecision: ...


class MemoryRateLimiter:
    """Token bucket per identity: `limit` tokens, refilled evenly over `window` seconds."""

    def __init__(
        self,
        limit: int,
        window: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 100_000,
    ):
        self.limit = limit
        self.window = window
        self._clock = clock
        self._rate = limit / window
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._max_clients = max_clients

    def hit(self, identity: str) -> RateDecision:
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.pop(identity, (float(self.limit), now))
            tokens = min(float(self.limit), tokens + (now - last) * self._rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[identity] = (tokens, now)
            while len(self._buckets) > self._max_clients:  # forget the longest-idle client
                self._buckets.popitem(last=False)
        reset_after = math.ceil((self.limit - tokens) / self._rate) if self._rate else 0
        retry_after = 0 if allowed else max(1, math.ceil((1.0 - tokens) / self._rate))
        return RateDecision(allowed, self.limit, self.window, int(tokens), reset_after, retry_after)


_FIXED_WINDOW_LUA = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
"""


class RedisRateLimiter:
    """Fixed window shared by every API process through Redis."""

    def __init__(self, client: Any, limit: int, window: int, *, prefix: str | None = None):
        self.limit = limit
        self.window = window
        self._client = client
        # QUOTETRAIL_REDIS_PREFIX, like every other key: deployments sharing a Redis (or
        # parallel test runs) never share quotas.
        self._prefix = prefix if prefix is not None else f"{redis_prefix()}:ratelimit:"
        self._script = client.register_script(_FIXED_WINDOW_LUA)

    def hit(self, identity: str) -> RateDecision:
        try:
            count, ttl_ms = self._script(keys=[self._prefix + identity], args=[self.window * 1000])
        except Exception as exc:  # fail open: see the module docstring
            log.warning(
                "rate limiter: Redis unavailable (%s); request let through", exc.__class__.__name__
            )
            return RateDecision(True, self.limit, self.window, self.limit, self.window)
        reset_after = max(1, math.ceil(int(ttl_ms) / 1000))
        remaining = self.limit - int(count)
        allowed = remaining >= 0
        return RateDecision(
            allowed,
            self.limit,
            self.window,
            max(0, remaining),
            reset_after,
            0 if allowed else reset_after,
        )


class NoRateLimit:
    """QUOTETRAIL_RATE_LIMIT=0: no quota, no headers."""

    limit = 0
    window = 0

    def hit(self, identity: str) -> RateDecision | None:  # type: ignore[override]
        return None


def redis_prefix() -> str:
    """The worker's rule (worker.runtime.redis_prefix), read here without importing it."""
    return os.environ.get("QUOTETRAIL_REDIS_PREFIX", "").strip() or "qt"


def make_rate_limiter(limit: int, window: int, redis_client: Any | None) -> Any:
    if limit <= 0:
        return NoRateLimit()
    if redis_client is not None:
        return RedisRateLimiter(redis_client, limit, window)
    return MemoryRateLimiter(limit, window)
