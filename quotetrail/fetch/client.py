"""The safe fetcher: one `Fetcher.fetch(url)` that either returns the page or says why not.

Every request — the page, each redirect hop, robots.txt — goes through the same path:
scheme check → robots.txt (for pages) → per-host politeness slot → `GuardedTransport`
(resolve once, refuse non-global or out-of-egress addresses, connect to the checked IP)
→ status, content type and size checks while the body streams in. Redirects are followed
here, hop by hop, never by httpx, so no hop skips a check.
"""

from __future__ import annotations

import hashlib
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from types import TracebackType
from typing import Any

import httpx

from quotetrail.fetch.decoding import ACCEPT_ENCODING, BodyDecoder
from quotetrail.fetch.errors import (
    BadEncoding,
    BlockedAddress,
    FetchError,
    HTTPStatusError,
    InvalidURL,
    NetworkError,
    RobotsDisallowed,
    TooLarge,
    TooManyRedirects,
    TooSlow,
    UnsupportedContentType,
)
from quotetrail.fetch.guard import GuardedTransport, NetworkPolicy, Resolver, check_url
from quotetrail.fetch.policies import (
    CachedPage,
    FetchCache,
    HostPoliteness,
    MemoryRobotsCache,
    Politeness,
    RobotsCache,
)
from quotetrail.fetch.robots import ALLOW_ALL, is_allowed, origin_of, robots_text_for, robots_url
from quotetrail.fetch.settings import FetchSettings
from quotetrail.fetch.sniff import UNKNOWN_TYPES, sniff_media_type

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"


@cache
def _tls_context() -> ssl.SSLContext:
    """The one TLS context of this process, as httpx would build it (system CA bundle,
    SSL_CERT_FILE honoured). Loading the CA bundle costs ~25 ms of CPU, and every Fetcher
    would load it again: discovery derives two per job, which was most of a small job's
    discovery stage. A context is safe to share between clients and threads."""
    return httpx.create_ssl_context(verify=True, trust_env=True)


@dataclass(frozen=True)
class FetchResult:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    content_type: str | None
    body: bytes
    fetched_at: str  # UTC, ISO 8601
    sha256: str  # of body
    redirects: tuple[str, ...] = ()
    from_cache: bool = False


@dataclass(frozen=True)
class _Hop:
    """The last response of a redirect chain."""

    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    redirects: tuple[str, ...]
    content_type: str | None = None  # the header's, or the sniffed type when it told nothing


class Fetcher:
    """Fetches pages safely. Thread-safe; reuse one per process and close it (or use `with`)."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
        cache: FetchCache | None = None,
        politeness: Politeness | None = None,
        robots_cache: RobotsCache | None = None,
    ) -> None:
        self.settings = settings or FetchSettings.from_env()
        s = self.settings
        self.policy = NetworkPolicy.from_settings(s)
        inner = transport or httpx.HTTPTransport(retries=0, verify=_tls_context())
        self._client = httpx.Client(
            transport=GuardedTransport(inner, self.policy, resolver),
            timeout=httpx.Timeout(
                connect=s.connect_timeout,
                read=s.read_timeout,
                write=s.read_timeout,
                pool=s.connect_timeout,
            ),
            follow_redirects=False,
            trust_env=False,  # an HTTP(S)_PROXY from the environment would bypass the pinning
            headers={
                "User-Agent": s.user_agent,
                "Accept": _ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,  # only what BodyDecoder decodes
            },
        )
        self._cache = cache
        self._politeness = politeness or HostPoliteness(min_interval=s.min_interval)
        self._robots = robots_cache or MemoryRobotsCache()

    def fetch(self, url: str) -> FetchResult:
        """GET `url`; raise a FetchError subclass saying why when the page cannot be had."""
        url = _without_credentials(url.strip())
        cached = self._cache.get(url) if self._cache is not None else None
        deadline = time.monotonic() + self.settings.total_timeout
        hop = self._follow(url, deadline, cached=cached)
        if hop.status == 304 and cached is not None:
            return FetchResult(
                url=url,
                final_url=cached.final_url,
                status=cached.status,
                headers=dict(cached.headers),
                content_type=cached.content_type,
                body=cached.body,
                fetched_at=_now(),
                sha256=cached.sha256,
                redirects=hop.redirects,
                from_cache=True,
            )
        result = FetchResult(
            url=url,
            final_url=hop.final_url,
            status=hop.status,
            headers=hop.headers,
            content_type=hop.content_type or hop.headers.get("content-type"),
            body=hop.body,
            fetched_at=_now(),
            sha256=hashlib.sha256(hop.body).hexdigest(),
            redirects=hop.redirects,
        )
        if self._cache is not None:
            self._cache.put(url, result)
        return result

    def derive(self, **overrides: Any) -> Fetcher:
        """A fetcher with some settings changed (discovery: sitemap, feed and JSON types)
        sharing this one's politeness, robots.txt cache and fetch cache, so per-host
        limits hold across both. Close it when done."""
        return Fetcher(
            replace(self.settings, **overrides),
            cache=self._cache,
            politeness=self._politeness,
            robots_cache=self._robots,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- one redirect chain -------------------------------------------------------------

    def _follow(
        self,
        url: str,
        deadline: float,
        *,
        cached: CachedPage | None = None,
        for_robots: bool = False,
    ) -> _Hop:
        s = self.settings
        current = _parse_url(url)
        redirects: list[str] = []
        while True:
            if time.monotonic() > deadline:
                raise TooSlow(f"fetching {url} took longer than {s.total_timeout:g} s")
            if s.obey_robots and not for_robots:
                self._check_robots(current, deadline)
            headers = _validators(cached) if cached and str(current) == cached.final_url else {}
            request = self._client.build_request("GET", current, headers=headers)
            with self._politeness.slot(current.raw_host.decode("ascii")), _network_errors(current):
                response = self._client.send(request, stream=True)
                try:
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECTS and location:
                        if len(redirects) >= s.max_redirects:
                            raise TooManyRedirects(
                                f"{url} redirects more than {s.max_redirects} times"
                            )
                        current = _parse_url(str(current.join(location.strip())))
                        redirects.append(str(current))
                        continue
                    status = response.status_code
                    if for_robots or (status == 304 and cached is not None):
                        body = (
                            b"" if status == 304 else self._read(response, deadline, truncate=True)
                        )
                        return _Hop(
                            str(current), status, _headers(response), body, tuple(redirects)
                        )
                    if not 200 <= status < 300:
                        raise HTTPStatusError(
                            status,
                            str(current),
                            retry_after=parse_retry_after(response.headers.get("retry-after")),
                        )
                    self._check_content_type(response, current)
                    body = self._read(response, deadline, truncate=False)
                    sniffed = self._sniffed_type(response, current, body)
                    return _Hop(
                        str(current), status, _headers(response), body, tuple(redirects), sniffed
                    )
                finally:
                    response.close()

    def _read(self, response: httpx.Response, deadline: float, *, truncate: bool) -> bytes:
        """The decoded body, refusing (or for robots.txt, cutting) it past the size limit.

        Wire bytes are decoded here, a bounded piece at a time (`BodyDecoder`), never by
        httpx, which would inflate a whole chunk before anything could count it."""
        limit = self.settings.robots_max_bytes if truncate else self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if not truncate and declared.isdigit() and int(declared) > limit:
            raise TooLarge(
                f"{response.request.headers.get('host')} announces {_mb(int(declared))}, over the {_mb(limit)} limit"
            )
        decoder = BodyDecoder(
            response.headers.get("content-encoding"),
            limit=limit,
            max_ratio=self.settings.max_ratio,
            truncate=truncate,
        )
        chunks: list[bytes] = []
        for raw in response.iter_raw():
            chunks.append(decoder.feed(raw))
            if decoder.done:
                break
            if time.monotonic() > deadline:
                raise TooSlow(
                    f"reading the page took longer than {self.settings.total_timeout:g} s"
                )
        else:
            chunks.append(decoder.finish())
        return b"".join(chunks)

    def _check_content_type(self, response: httpx.Response, url: httpx.URL) -> None:
        media = _media_type(response)
        if media in UNKNOWN_TYPES:
            return  # judged by its bytes once read (`_sniffed_type`)
        if media not in self.settings.allowed_content_types:
            raise UnsupportedContentType(f"{url} is {media}, not a web page or text")

    def _sniffed_type(self, response: httpx.Response, url: httpx.URL, body: bytes) -> str | None:
        """For a body served as octet-stream or untyped: its type from its first bytes.

        None when the header is a real type; UnsupportedContentType for a binary body.
        """
        media = _media_type(response)
        if media not in UNKNOWN_TYPES:
            return None
        sniffed = sniff_media_type(body)
        if sniffed is None or sniffed not in self.settings.allowed_content_types:
            served = media or "served without a content type"
            raise UnsupportedContentType(
                f"{url} is {served} and its content is binary, not a web page or text"
            )
        return sniffed

    # -- robots.txt ---------------------------------------------------------------------

    def _check_robots(self, url: httpx.URL, deadline: float) -> None:
        origin = origin_of(url)
        robots_txt = self._robots.get(origin)
        if robots_txt is None:
            robots_txt = self._load_robots(url, origin, deadline)
            self._robots.put(origin, robots_txt)
        if not is_allowed(robots_txt, str(url), self.settings.robots_agent):
            raise RobotsDisallowed(f"robots.txt of {origin} disallows {url}")

    def _load_robots(self, url: httpx.URL, origin: str, deadline: float) -> str:
        """robots.txt text to remember; an unreachable one raises a retryable refusal and is
        not remembered, so one passing 503 does not lock a source out for a day."""
        try:
            hop = self._follow(robots_url(url), deadline, for_robots=True)
        except TooManyRedirects:
            return ALLOW_ALL  # RFC 9309 2.3.1.2: treat as unavailable (like 4xx)
        except (BlockedAddress, TooSlow, TooLarge, BadEncoding):
            raise  # final: the same robots.txt would hold or flood a worker again
        except FetchError as exc:
            raise RobotsDisallowed(
                f"robots.txt of {origin} could not be read ({exc}); not fetching until it can",
                reason="robots_unreachable",
                retryable=True,
            ) from exc
        if not (200 <= hop.status < 300 or 400 <= hop.status < 500):
            raise RobotsDisallowed(
                f"robots.txt of {origin} answered HTTP {hop.status}; not fetching until it can be read",
                reason="robots_unreachable",
                retryable=True,
            )
        return robots_text_for(hop.status, hop.body)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


@contextmanager
def _network_errors(url: httpx.URL) -> Iterator[None]:
    """Turns httpx's transport exceptions into NetworkError / InvalidURL with the host named."""
    host = url.host
    try:
        yield
    except FetchError:
        raise
    except httpx.TimeoutException as exc:
        kind = (
            "connecting to"
            if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout)
            else "reading from"
        )
        raise NetworkError(f"timed out {kind} {host}", reason="timeout") from exc
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise InvalidURL(f"cannot fetch from {host}: {exc}") from exc
    except httpx.TransportError as exc:
        raise NetworkError(f"network error with {host}: {_first_line(exc)}") from exc


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise InvalidURL(f"not a valid URL: {url!r}") from exc
    check_url(parsed)
    # Credentials in a URL are never sent nor kept (final_url, reports, the store).
    return parsed.copy_with(fragment=None, userinfo=b"")


def _without_credentials(url: str) -> str:
    """The URL as given, minus any `user:pw@` (kept out of FetchResult.url and caches)."""
    scheme, sep, rest = url.partition("://")
    end = next((i for i, c in enumerate(rest) if c in "/?#"), len(rest))
    authority = rest[:end]
    if not sep or "@" not in authority:
        return url
    return f"{scheme}://{authority.rsplit('@', 1)[1]}{rest[end:]}"


def _media_type(response: httpx.Response) -> str:
    return (response.headers.get("content-type") or "").split(";", 1)[0].strip().lower()


def _validators(cached: CachedPage) -> dict[str, str]:
    headers = {}
    if cached.etag:
        headers["If-None-Match"] = cached.etag
    if cached.last_modified:
        headers["If-Modified-Since"] = cached.last_modified
    return headers


def _headers(response: httpx.Response) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in response.headers.multi_items():
        key = name.lower()
        out[key] = f"{out[key]}, {value}" if key in out else value
    return out


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
