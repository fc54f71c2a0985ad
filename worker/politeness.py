"""Per-host politeness shared by every worker: at most N fetches in flight per host, and
at least `interval` seconds between two fetch starts on the same host.

State lives in Redis so ten workers on five machines behave like one polite client.
A slot is a member of a sorted set scored by its start time; a lease expires on its
own after `lease` seconds, so a worker killed while holding a slot cannot block a host
forever. One Lua script decides atomically, on the Redis clock (workers' clocks may
disagree).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - lease)
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nxt > now then return nxt - now end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], lease)
local interval = tonumber(ARGV[4])
if interval > 0 then redis.call('SET', KEYS[2], now + interval, 'PX', interval) end
return 0
"""


class PolitenessTimeout(TimeoutError):
    """No slot for the host within the wait budget: the task is re-queued with a countdown
    (`retry_after`, the expected wait) instead of sleeping in a worker other jobs need."""

    retryable = True  # read like a FetchError by the tasks' retry policy
    reason = "host_busy"

    def __init__(self, host: str, waited: float, retry_after: float | None = None):
        super().__init__(f"no fetch slot for {host} after {waited:.1f} s (host busy)")
        self.host = host
        self.waited = waited
        self.retry_after = retry_after


class RedisPoliteness:
    """Shared rate and concurrency limit per host."""

    def __init__(
        self,
        client: Any,
        *,
        concurrency: int = 2,
        interval: float = 0.5,
        lease: float = 120.0,
        max_wait: float = 30.0,
        prefix: str = "qt:polite",
    ) -> None:
        self.client = client
        self.concurrency = max(1, concurrency)
        self.interval = max(0.0, interval)
        self.lease = max(1.0, lease)
        self.max_wait = max_wait
        self.prefix = prefix
        self._acquire = client.register_script(ACQUIRE)

    def _keys(self, host: str) -> list[str]:
        host = host.lower()
        return [f"{self.prefix}:slots:{host}", f"{self.prefix}:next:{host}"]

    def try_acquire(self, host: str, token: str) -> float:
        """0 when the slot is taken; otherwise seconds to wait before asking again."""
        answer = int(
            self._acquire(
                keys=self._keys(host),
                args=[token, self.concurrency, int(self.lease * 1000), int(self.interval * 1000)],
            )
        )
        if answer == 0:
            return 0.0
        return 0.05 if answer < 0 else answer / 1000

    def acquire(self, host: str) -> str:
        token = uuid.uuid4().hex
        started = time.monotonic()
        while True:
            wait = self.try_acquire(host, token)
            if wait == 0:
                return token
            waited = time.monotonic() - started
            if waited + wait > self.max_wait:
                raise PolitenessTimeout(host, waited, retry_after=wait)
            time.sleep(wait)

    def release(self, host: str, token: str) -> None:
        self.client.zrem(self._keys(host)[0], token)

    def in_flight(self, host: str) -> int:
        return int(self.client.zcard(self._keys(host)[0]))

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        token = self.acquire(host)
        try:
            yield
        finally:
            self.release(host, token)


class LocalPoliteness:
    """The embedded mode's per-process limits, with the same rule as RedisPoliteness: a
    wait longer than `max_wait` raises PolitenessTimeout instead of sleeping."""

    def __init__(self, interval: float, concurrency: int, *, max_wait: float) -> None:
        import threading

        self.interval = max(0.0, interval)
        self.concurrency = max(1, concurrency)
        self.max_wait = max_wait
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self._busy: dict[str, int] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        host = host.lower()
        started = time.monotonic()
        while True:
            with self._lock:
                now = time.monotonic()
                wait = self._next.get(host, 0.0) - now
                if wait <= 0 and self._busy.get(host, 0) < self.concurrency:
                    self._busy[host] = self._busy.get(host, 0) + 1
                    self._next[host] = now + self.interval
                    break
                wait = max(wait, 0.05)
            waited = time.monotonic() - started
            if waited + wait > self.max_wait:
                raise PolitenessTimeout(host, waited, retry_after=wait)
            time.sleep(wait)
        try:
            yield
        finally:
            with self._lock:
                self._busy[host] -= 1
