"""One job's discovery requests: the fetchers, the refusal list, the counters and the pages read.

    get(listing url) ─► host refused? ─► fetch (robots.txt, politeness, caps) ─► FetchResult
    read_page(url)   ─► read for this job already? ─► read_source ─► dead/unreachable/refused?
                                                                   └► archived copy (labelled)

A 401/403/429/451 or a challenge page is a refusal: the host is asked nothing more for
this job and the reason is kept for the report; the archive's copies may still be read,
labelled as archived. A page is never fetched twice in one job.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

from quotetrail.core.outlets import OutletRegistry
from quotetrail.discover.wayback import Wayback
from quotetrail.fetch import Fetcher, FetchResult
from quotetrail.fetch.errors import HTTPStatusError
from quotetrail.pipeline import SourceSpec, SourceText, read_source

REFUSAL_STATUSES = frozenset({401, 403, 429, 451})
DEAD_STATUSES = frozenset({404, 410})
LISTING_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/gzip",
        "application/x-gzip",
        "application/json",
    }
)
_CHALLENGE = re.compile(
    rb"cf-browser-verification|challenge-platform|cf_chl_|<title>\s*just a moment"
    rb"|ddos-guard|g-recaptcha|h-captcha|checking your browser|are you a robot",
    re.I,
)


class Refused(Exception):
    """The host refused (status or challenge page); the message is the report's reason."""


def host_of(url: str) -> str:
    return (urlsplit(url).netloc or "").lower()


def is_challenge(body: bytes | None) -> bool:
    """A bot-check page instead of the content (looked for in the first 16 KB only)."""
    return bool(body) and bool(_CHALLENGE.search(body[:16384]))


class Session:
    """Everything one job's discovery shares: fetchers, refusals, counters, pages read."""

    def __init__(
        self,
        fetcher: Fetcher,
        registry: OutletRegistry,
        *,
        wayback: Wayback | None = None,
        anchor: date | None = None,
    ) -> None:
        types = fetcher.settings.allowed_content_types | LISTING_TYPES
        self.page_fetcher = fetcher
        self.listing_fetcher = fetcher.derive(allowed_content_types=types)
        # APIs the operator chose (archive, search provider): their own limits, no robots.txt
        self.api_fetcher = fetcher.derive(allowed_content_types=types, obey_robots=False)
        self.registry = registry
        self.anchor = anchor or date.today()
        self.today = date.today()
        self.wayback = wayback
        self.refused: dict[str, str] = {}
        self.requests = 0
        self.pages: dict[str, SourceText] = {}
        self.given: set[str] = set()  # URLs of the sources the check already had
        self._lock = threading.Lock()

    def close(self) -> None:
        self.listing_fetcher.close()
        self.api_fetcher.close()

    def count(self) -> None:
        with self._lock:
            self.requests += 1

    # --- listings ------------------------------------------------------------------

    def get(self, url: str) -> FetchResult:
        """A listing (or the outlet's search page); Refused / FetchError say why not."""
        host = host_of(url)
        if host in self.refused:
            raise Refused(self.refused[host])
        self.count()
        try:
            result = self.listing_fetcher.fetch(url)
        except HTTPStatusError as exc:
            if exc.status in REFUSAL_STATUSES:
                raise Refused(self.refuse(host, f"{host} answered HTTP {exc.status}")) from None
            raise
        if is_challenge(result.body):
            raise Refused(self.refuse(host, f"{host} answered with a bot challenge page"))
        return result

    def refuse(self, host: str, reason: str) -> str:
        self.refused.setdefault(host, reason)
        return self.refused[host]

    # --- pages ---------------------------------------------------------------------

    def read_page(
        self, url: str, outlet: str | None, found_by: str, found_via: str | None
    ) -> SourceText:
        """The page as a source (archived copy when it is gone, unreachable or refused)."""
        if url in self.pages:
            return self.pages[url]
        spec = SourceSpec(
            source=url,
            kind="url",
            value=url,
            name=outlet,
            origin="outlet",
            found_by=found_by,
            found_via=found_via,
        )
        host = host_of(url)
        if host in self.refused:
            read = self._archived(spec, self.refused[host])
        else:
            self.count()
            read = read_source(spec, self.page_fetcher, self.registry)
            read = self.after_read(read)
        self.pages[url] = read
        return read

    def after_read(self, read: SourceText) -> SourceText:
        """A read source, checked for refusal and replaced by its archived copy when gone."""
        spec = read.spec
        host = host_of(spec.value)
        if read.status.status == "ok" and is_challenge(read.body):
            reason = self.refuse(host, f"{host} answered with a bot challenge page")
            return self._archived(spec, reason)
        if read.status.status == "ok" or spec.kind != "url":
            return read
        status = read.http_status
        if status in REFUSAL_STATUSES:
            return self._archived(spec, self.refuse(host, f"{host} answered HTTP {status}"))
        if status in DEAD_STATUSES or (status is None and _unreachable(read)):
            return self._archived(spec, read.status.error or "unreachable", fallback=read)
        return read

    def _archived(
        self, spec: SourceSpec, reason: str, fallback: SourceText | None = None
    ) -> SourceText:
        """The archive's copy closest to the article date, labelled with its timestamp."""
        failed = fallback or SourceText(
            spec,
            _status(spec, self.registry, error=reason),
        )
        if self.wayback is None or not self.wayback.available:
            return failed
        found = self.wayback.closest(spec.value, self.anchor)
        if found is None:
            return failed
        timestamp, raw = found
        archived = replace(spec, value=raw, archived_at=_ts_iso(timestamp))
        self.count()
        read = read_source(archived, self.wayback.fetcher, self.registry)
        if read.status.status != "ok":
            return failed
        return replace(read, status=replace(read.status, outlet=spec.name or read.status.outlet))


def _unreachable(read: SourceText) -> bool:
    error = read.status.error or ""
    return any(w in error for w in ("network error", "timed out", "took longer"))


def _status(spec: SourceSpec, registry: OutletRegistry, *, error: str):
    from quotetrail.core.models import SourceStatus
    from quotetrail.pipeline import source_outlet

    return SourceStatus(
        source=spec.source,
        status="error",
        error=error,
        outlet=source_outlet(spec, registry),
        found_by=spec.how_found,
        found_via=spec.found_via,
    )


def _ts_iso(timestamp: str) -> str:
    ts = timestamp.ljust(14, "0")
    return f"{ts[0:4]}-{ts[4:6]}-{ts[6:8]}T{ts[8:10]}:{ts[10:12]}:{ts[12:14]}Z"
