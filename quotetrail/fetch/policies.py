"""The pluggable parts of the fetcher, as protocols with in-process defaults.

Workers swap in Redis-backed versions (shared cache, cluster-wide per-host limits, shared
robots.txt) without the fetcher knowing: it only calls the methods below.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from quotetrail.fetch.client import FetchResult


@dataclass(frozen=True)
class CachedPage:
    """A stored response and the validators to revalidate it with."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content_type: str | None
    body: bytes
    fetched_at: str
    sha256: str
    redirects: tuple[str, ...] = ()
    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def from_result(cls, result: FetchResult) -> CachedPage:
        return cls(
            url=result.url,
            final_url=result.final_url,
            status=result.status,
            headers=dict(result.headers),
            content_type=result.content_type,
            body=result.body,
            fetched_at=result.fetched_at,
            sha256=result.sha256,
            redirects=result.redirects,
            etag=result.headers.get("etag"),
            last_modified=result.headers.get("last-modified"),
        )


@runtime_checkable
class FetchCache(Protocol):
    def get(self, url: str) -> CachedPage | None: ...

    def put(self, url: str, result: FetchResult) -> None: ...


@runtime_checkable
class Politeness(Protocol):
    def slot(self, host: str) -> AbstractContextManager[None]:
        """Held for the duration of one request to `host`."""
        ...


@runtime_checkable
class RobotsCache(Protocol):
    def get(self, origin: str) -> str | None: ...

    def put(self, origin: str, robots_txt: str) -> None: ...


class MemoryFetchCache:
    """Keeps the latest response per URL, only for responses that can be revalidated."""

    def __init__(self) -> None:
        self._pages: dict[str, CachedPage] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> CachedPage | None:
        with self._lock:
            return self._pages.get(url)

    def put(self, url: str, result: FetchResult) -> None:
        page = CachedPage.from_result(result)
        if page.etag or page.last_modified:
            with self._lock:
                self._pages[url] = page


@dataclass
class _HostState:
    gate: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = float("-inf")


class HostPoliteness:
    """At most `concurrency` requests at a time per host, starting `min_interval` s apart."""

    def __init__(self, min_interval: float = 1.0, concurrency: int = 1) -> None:
        self.min_interval = min_interval
        self.concurrency = concurrency
        self._hosts: dict[str, _HostState] = {}
        self._lock = threading.Lock()

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        state = self._state(host.lower())
        with state.gate:
            with state.lock:
                wait = state.last + self.min_interval - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                state.last = time.monotonic()
            yield

    def _state(self, host: str) -> _HostState:
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = _HostState(threading.Semaphore(self.concurrency))
            return self._hosts[host]


class MemoryRobotsCache:
    """robots.txt per origin for `ttl` seconds (RFC 9309 asks for at most 24 hours)."""

    def __init__(self, ttl: float = 24 * 3600) -> None:
        self.ttl = ttl
        self._entries: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def get(self, origin: str) -> str | None:
        with self._lock:
            entry = self._entries.get(origin)
            if entry is None or time.monotonic() - entry[0] > self.ttl:
                self._entries.pop(origin, None)
                return None
            return entry[1]

    def put(self, origin: str, robots_txt: str) -> None:
        with self._lock:
            self._entries[origin] = (time.monotonic(), robots_txt)
