"""Search providers: an API the operator chose, asked for an outlet's page by query.

    SearchProvider.search(query, outlet, window) ─► [Listed(found_by="search")]

Off by default. SearXNG (`GET {QUOTETRAIL_SEARCH_URL}/search?q=…&format=json`, the json
format enabled on the instance) is the implementation shipped. Results are kept only on
the outlet's own domains and inside the window (by the result's date, or the date in its
URL; undated results pass and are checked on the page). Requests are spaced at least
QUOTETRAIL_SEARCH_INTERVAL seconds apart (default 2) — the provider's own limit, not
robots.txt, governs an API.

Adding a provider (GDELT's DOC API for recent news, a paid web search API): write a
class with `name` and `search(query, outlet, window) -> list[Listed]` that fetches
through the fetcher it is given, and return it from `provider_from_env`.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Mapping
from datetime import date
from typing import Protocol
from urllib.parse import urlencode

from quotetrail.core.outlets import Outlet
from quotetrail.discover.dates import Window, url_date
from quotetrail.discover.listed import Listed
from quotetrail.fetch import Fetcher

MAX_RESULTS = 30


class SearchProvider(Protocol):
    name: str

    def search(self, query: str, outlet: Outlet, window: Window) -> list[Listed]: ...


class SearXNG:
    """A SearXNG instance's JSON API."""

    name = "searxng"

    def __init__(self, base: str, fetcher: Fetcher, *, interval: float = 2.0, count=None):
        self.base = base.rstrip("/")
        self.fetcher = fetcher
        self.interval = interval
        self._count = count or (lambda: None)
        self._last = 0.0
        self._lock = threading.Lock()

    def search(self, query: str, outlet: Outlet, window: Window) -> list[Listed]:
        site = next((d for d in outlet.domains if ":" not in d), None)
        q = f"{query} site:{site}" if site else query
        url = f"{self.base}/search?{urlencode({'q': q, 'format': 'json'})}"
        with self._lock:
            wait = self._last + self.interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last = time.monotonic()
        self._count()
        body = self.fetcher.fetch(url).body  # FetchError goes to the caller: recorded there
        try:
            results = json.loads(body.decode("utf-8")).get("results", [])
        except (UnicodeDecodeError, ValueError, AttributeError):
            return []
        found = []
        for item in results[: MAX_RESULTS * 3]:
            link = str(item.get("url") or "")
            if not link.startswith(("http://", "https://")) or not outlet.serves(link):
                continue
            day = _result_day(item.get("publishedDate")) or url_date(link)
            if not window.holds(day):
                continue
            found.append(Listed(link, str(item.get("title") or ""), day, "search", query))
            if len(found) >= MAX_RESULTS:
                break
        return found


def _result_day(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def provider_from_env(
    fetcher: Fetcher, env: Mapping[str, str] | None = None, count=None
) -> SearchProvider | None:
    """The configured provider (QUOTETRAIL_SEARCH_URL), or None: search is off by default."""
    env = os.environ if env is None else env
    base = env.get("QUOTETRAIL_SEARCH_URL", "").strip()
    if not base:
        return None
    interval = float(env.get("QUOTETRAIL_SEARCH_INTERVAL", "2") or 2)
    return SearXNG(base, fetcher, interval=interval, count=count)
