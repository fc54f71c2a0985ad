"""How the fetcher behaves: limits, timeouts, identity, and which networks it may reach.

`FetchSettings.from_env()` reads the two network lists an operator sets:

- QUOTETRAIL_ALLOW_NETWORKS: comma-separated CIDRs that may be reached even though they are
  not globally routable (an intranet wiki, a local test server); same as `--allow-network`.
- QUOTETRAIL_EGRESS_NETWORKS: if set, ALL fetching is confined to these CIDRs — an
  operator's egress limit, and what the test suite uses to pin every fetch to loopback.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from quotetrail import __version__

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOW_ENV = "QUOTETRAIL_ALLOW_NETWORKS"
EGRESS_ENV = "QUOTETRAIL_EGRESS_NETWORKS"
# The whole-response budget (a drip feed past it is refused as final, `too_slow`).
TOTAL_TIMEOUT_ENV = "QUOTETRAIL_FETCH_TOTAL_TIMEOUT"

DEFAULT_USER_AGENT = (
    f"quotetrail/{__version__} (+https://github.com/quotetrail/quotetrail; quote verification bot)"
)
DEFAULT_CONTENT_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "application/xml",
        "text/xml",
    }
)


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    # A server that drips one byte every few seconds never trips the read timeout.
    total_timeout: float = 60.0
    max_bytes: int = 10 * 1024 * 1024  # decoded bytes, checked as they are decoded
    max_ratio: float = 100.0  # decoded / wire bytes, judged past the first MB
    max_redirects: int = 5
    allowed_content_types: frozenset[str] = DEFAULT_CONTENT_TYPES
    user_agent: str = DEFAULT_USER_AGENT
    robots_agent: str = "quotetrail"  # the product token robots.txt groups are matched on
    obey_robots: bool = True
    robots_max_bytes: int = 512 * 1024  # RFC 9309: parse at least 500 KiB
    min_interval: float = 1.0  # seconds between two requests to one host
    allow_networks: tuple[IPNetwork, ...] = ()
    egress_networks: tuple[IPNetwork, ...] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "allow_networks", parse_networks(self.allow_networks))
        if self.egress_networks is not None:
            object.__setattr__(self, "egress_networks", parse_networks(self.egress_networks))
        object.__setattr__(self, "allowed_content_types", frozenset(self.allowed_content_types))

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: Any) -> FetchSettings:
        """Settings from QUOTETRAIL_* variables; keyword overrides win (e.g. from CLI flags)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        if env.get(ALLOW_ENV, "").strip():
            values["allow_networks"] = parse_networks(env[ALLOW_ENV])
        if env.get(EGRESS_ENV, "").strip():
            values["egress_networks"] = parse_networks(env[EGRESS_ENV])
        if env.get(TOTAL_TIMEOUT_ENV, "").strip():
            values["total_timeout"] = _seconds(env[TOTAL_TIMEOUT_ENV], TOTAL_TIMEOUT_ENV)
        values.update(overrides)
        return cls(**values)

    def with_allowed(self, *networks: str | IPNetwork) -> FetchSettings:
        """A copy that may also reach `networks` (what `--allow-network` adds)."""
        return replace(self, allow_networks=(*self.allow_networks, *parse_networks(networks)))


def _seconds(text: str, name: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{name} must be a number of seconds, not {text!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be above 0, not {text!r}")
    return value


def parse_networks(value: str | Iterable[str | IPNetwork]) -> tuple[IPNetwork, ...]:
    """'10.0.0.0/8, ::1/128' or an iterable of CIDRs/networks → networks; ValueError if invalid."""
    items = value.split(",") if isinstance(value, str) else value
    networks: list[IPNetwork] = []
    for item in items:
        if isinstance(item, ipaddress.IPv4Network | ipaddress.IPv6Network):
            networks.append(item)
            continue
        text = str(item).strip()
        if not text:
            continue
        try:
            networks.append(ipaddress.ip_network(text, strict=False))
        except ValueError as exc:
            raise ValueError(f"not a network in CIDR form: {text!r}") from exc
    return tuple(networks)
