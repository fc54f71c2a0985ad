"""Which URLs a job may name: http(s) only, and only hosts the fetch guard would reach.

Checked at submission so a user learns at once (422) that `file:///etc/passwd` or an
internal address will never be fetched. The decision is the fetch guard's own
(`quotetrail.fetch.guard.resolve_host` under the QUOTETRAIL_ALLOW/EGRESS_NETWORKS
policy), so the API refuses exactly what the workers would refuse; the guard checks
again at connect time, since a name can re-resolve.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from quotetrail.fetch.errors import BlockedAddress, FetchError, NetworkError
from quotetrail.fetch.guard import (
    ALLOWED_SCHEMES,
    NetworkPolicy,
    Resolver,
    resolve_host,
    system_resolver,
)

__all__ = ["Resolver", "UrlRefusal", "check_url", "system_resolver"]


@dataclass(frozen=True)
class UrlRefusal:
    reason: str


@lru_cache(maxsize=1)
def _policy() -> NetworkPolicy:
    return NetworkPolicy.from_env()


def check_url(url: str, resolver: Resolver | None = None) -> UrlRefusal | None:
    """None if the URL may be fetched, else why not (in words for the problem body)."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        port = parts.port
    except ValueError:
        return UrlRefusal("not a valid URL")
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        return UrlRefusal(f"only http and https URLs are fetched, not {scheme or 'a bare path'}")
    if not host:
        return UrlRefusal("the URL names no host")
    try:
        resolve_host(host, port or (443 if scheme == "https" else 80), _policy(), resolver)
    except NetworkError:
        return UrlRefusal(f"the host {host} does not resolve")
    except BlockedAddress as exc:
        if _is_ip_literal(host):
            return UrlRefusal(str(exc))
        # Never say what a name resolved to: that maps an internal network for a caller.
        return UrlRefusal(f"the host {host} is not reachable from this service")
    except FetchError as exc:
        return UrlRefusal(str(exc))
    except (ValueError, UnicodeError):
        return UrlRefusal("not a valid URL")
    return None


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
