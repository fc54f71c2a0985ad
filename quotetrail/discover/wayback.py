"""The web archive: CDX look-ups and raw archived copies, spaced out and backing off on 429.

    cdx(url, prefix?, from, to) ─► [(timestamp, original url)]
    closest(url, day)           ─► (timestamp, raw copy URL /web/{ts}id_/{url}) | None

QUOTETRAIL_WAYBACK_URL sets the base (default https://web.archive.org; "off" disables).
The archive publishes about 60 requests a minute per client and blocks clients that
ignore its 429s, so requests are at least QUOTETRAIL_WAYBACK_INTERVAL seconds apart
(default 1) and a 429 waits its Retry-After (at most 60 s) once, then stops the
archive for the rest of the job. It is an API the operator chose, so it is called
without robots.txt, through the same fetcher (SSRF guard, egress limit, size caps).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Mapping
from datetime import date
from urllib.parse import urlencode

from quotetrail.fetch import Fetcher
from quotetrail.fetch.errors import FetchError, HTTPStatusError

DEFAULT_WAYBACK = "https://web.archive.org"
MAX_RETRY_AFTER = 60.0


class Wayback:
    def __init__(self, base: str, fetcher: Fetcher, *, interval: float = 1.0, count=None) -> None:
        self.base = base.rstrip("/")
        self.fetcher = fetcher
        self.interval = interval
        self.available = True
        self.reason = ""
        self._count = count or (lambda: None)
        self._last = 0.0
        self._lock = threading.Lock()

    @classmethod
    def from_env(
        cls, fetcher: Fetcher, env: Mapping[str, str] | None = None, **kw
    ) -> Wayback | None:
        env = os.environ if env is None else env
        base = env.get("QUOTETRAIL_WAYBACK_URL", DEFAULT_WAYBACK).strip()
        if not base or base.lower() in ("off", "none", "0"):
            return None
        interval = float(env.get("QUOTETRAIL_WAYBACK_INTERVAL", "1") or 1)
        return cls(base, fetcher, interval=interval, **kw)

    def raw_url(self, timestamp: str, url: str) -> str:
        return f"{self.base}/web/{timestamp}id_/{url}"

    def cdx(
        self, url: str, *, prefix: bool, start: date | None, end: date | None, limit: int = 2000
    ) -> list[tuple[str, str]]:
        """Archived captures (timestamp, original URL), one per URL; [] when unavailable."""
        params = {
            "url": url,
            "matchType": "prefix" if prefix else "exact",
            "output": "json",
            "fl": "timestamp,original,statuscode",
            "filter": "statuscode:200",
            "limit": str(limit),
        }
        if prefix:
            params["collapse"] = "urlkey"
        if start:
            params["from"] = start.strftime("%Y%m%d")
        if end:
            params["to"] = end.strftime("%Y%m%d")
        body = self._get(f"{self.base}/cdx/search/cdx?{urlencode(params)}")
        if body is None:
            return []
        try:
            rows = json.loads(body.decode("utf-8") or "[]")
        except (UnicodeDecodeError, ValueError):
            return []
        out = []
        for row in rows[1:] if rows and rows[0][:1] == ["timestamp"] else rows:
            if isinstance(row, list) and len(row) >= 2:
                out.append((str(row[0]), str(row[1])))
        return out

    def closest(self, url: str, day: date) -> tuple[str, str] | None:
        """The capture of `url` closest to `day`, as (timestamp, raw copy URL)."""
        captures = self.cdx(url, prefix=False, start=None, end=None, limit=200)
        if not captures:
            return None
        target = day.strftime("%Y%m%d") + "120000"
        ts, original = min(captures, key=lambda c: abs(int(c[0][:14].ljust(14, "0")) - int(target)))
        return ts, self.raw_url(ts, original)

    def _get(self, url: str) -> bytes | None:
        for attempt in (1, 2):
            if not self.available:
                return None
            self._space_out()
            self._count()
            try:
                return self.fetcher.fetch(url).body
            except HTTPStatusError as exc:
                if exc.status == 429 and attempt == 1 and (exc.retry_after or 0) <= MAX_RETRY_AFTER:
                    time.sleep(max(exc.retry_after or self.interval * 5, self.interval))
                    continue
                if exc.status in (403, 429):
                    self.available = False
                    self.reason = f"the web archive refused: HTTP {exc.status}"
                return None
            except FetchError as exc:
                if getattr(exc, "reason", "") in ("blocked_address", "egress_denied"):
                    self.available = False
                    self.reason = f"the web archive cannot be reached: {exc}"
                return None
        return None

    def _space_out(self) -> None:
        with self._lock:
            wait = self._last + self.interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last = time.monotonic()
