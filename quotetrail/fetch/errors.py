"""Why a fetch failed, in words a journalist can read, and whether trying again may help.

Every error carries `reason` (a short machine-readable slug), `retryable` and
`retry_after` (seconds, from a Retry-After header) so a Celery task can decide between
retrying later and reporting the source as unreadable.
"""

from __future__ import annotations

from quotetrail.errors import QuotetrailError


class FetchError(QuotetrailError):
    """A source could not be fetched. The message is one line, fit for a report."""

    reason: str = "fetch_failed"
    retryable: bool = False

    def __init__(
        self,
        message: str,
        *,
        reason: str | None = None,
        retryable: bool | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason
        if retryable is not None:
            self.retryable = retryable
        self.retry_after = retry_after


class InvalidURL(FetchError):
    reason = "invalid_url"


class UnsupportedScheme(FetchError):
    """Only http and https are fetched: never file://, ftp://, data:, gopher:// …"""

    reason = "unsupported_scheme"


class BlockedAddress(FetchError):
    """The host is, or resolves to, an address that is not globally routable (SSRF guard)."""

    reason = "blocked_address"


class EgressDenied(BlockedAddress):
    """The address is outside the operator's egress networks (QUOTETRAIL_EGRESS_NETWORKS)."""

    reason = "egress_denied"


class RobotsDisallowed(FetchError):
    reason = "robots_disallowed"


class TooLarge(FetchError):
    reason = "too_large"


class BadEncoding(FetchError):
    """Stacked, unknown or corrupt content-encoding, or a decompression bomb."""

    reason = "bad_encoding"


class TooSlow(FetchError):
    """The whole response took longer than the total time budget (a drip feed). Final: the
    same server would hold a worker just as long again."""

    reason = "too_slow"


class TooManyRedirects(FetchError):
    reason = "too_many_redirects"


class UnsupportedContentType(FetchError):
    reason = "unsupported_content_type"


class HTTPStatusError(FetchError):
    """The server answered with an error status; 429 and 5xx are worth retrying."""

    reason = "http_status"

    def __init__(self, status: int, url: str, *, retry_after: float | None = None) -> None:
        retryable = status == 429 or status >= 500
        super().__init__(
            f"{url} answered HTTP {status}", retryable=retryable, retry_after=retry_after
        )
        self.status = status


class NetworkError(FetchError):
    """Timeouts, refused connections, DNS failures: usually passing, so retryable."""

    reason = "network"
    retryable = True
