"""The SSRF guard: decide whether an address may be reached, and make sure the connection
goes to exactly the address that was checked.

Three layers, each testable on its own:

- `check_address(ip, policy)` — a pure decision on an `ipaddress` object: refuses every
  address that is not globally routable (loopback, private, link-local, CGNAT, multicast,
  reserved, benchmarking, documentation, ULA, site-local, …), looking inside IPv4-mapped,
  6to4, Teredo and NAT64 IPv6 addresses, unless the address is in `policy.allow`; and,
  when `policy.egress` is set, refuses anything outside it whatever else is allowed.
- `resolve_host(host, port, policy, resolver)` — numeric hosts are parsed the way
  `inet_aton` and browsers do ("2130706433", "0177.0.0.1", "0x7f.1" are all 127.0.0.1),
  names are resolved once, and the first address that passes is returned.
- `GuardedTransport` — an httpx transport that runs every request (pages, redirects,
  robots.txt) through the two above, then rewrites the request to the checked IP, keeping
  the Host header and giving TLS the real name (`sni_hostname`) for SNI and certificate
  checks. A DNS answer that changes between check and connect (rebinding) cannot matter:
  nothing resolves the name a second time.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import httpx

from quotetrail.fetch.errors import (
    BlockedAddress,
    EgressDenied,
    InvalidURL,
    NetworkError,
    UnsupportedScheme,
)
from quotetrail.fetch.settings import ALLOW_ENV, EGRESS_ENV, FetchSettings, IPNetwork

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

ALLOWED_SCHEMES = frozenset({"http", "https"})

# Not globally routable, with the words used in the refusal. Checked in order.
_BLOCKED: tuple[tuple[str, str], ...] = (
    ("0.0.0.0/8", "unspecified / 'this network'"),
    ("10.0.0.0/8", "private"),
    ("100.64.0.0/10", "carrier-grade NAT (shared)"),
    ("127.0.0.0/8", "loopback"),
    ("169.254.0.0/16", "link-local"),
    ("172.16.0.0/12", "private"),
    ("192.0.0.0/24", "IETF protocol assignments"),
    ("192.0.2.0/24", "documentation"),
    ("192.88.99.0/24", "6to4 relay anycast"),
    ("192.168.0.0/16", "private"),
    ("198.18.0.0/15", "benchmarking"),
    ("198.51.100.0/24", "documentation"),
    ("203.0.113.0/24", "documentation"),
    ("224.0.0.0/4", "multicast"),
    ("255.255.255.255/32", "broadcast"),
    ("240.0.0.0/4", "reserved"),
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    ("::/96", "IPv4-compatible (deprecated)"),
    ("64:ff9b:1::/48", "local-use NAT64"),
    ("100::/64", "discard-only"),
    ("2001::/23", "IETF protocol assignments"),
    ("2001:db8::/32", "documentation"),
    ("3fff::/20", "documentation"),
    ("5f00::/16", "segment routing"),
    ("fc00::/7", "unique local (ULA)"),
    ("fe80::/10", "link-local"),
    ("fec0::/10", "site-local"),
    ("ff00::/8", "multicast"),
)
_BLOCKED_NETS = tuple((ipaddress.ip_network(net), why) for net, why in _BLOCKED)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_HOST_CHARS = re.compile(r"^([a-z0-9_-]+(\.[a-z0-9_-]+)*\.?|[0-9a-f:.]+(%[\w.-]+)?)$", re.I)
_NUMERIC_LABEL = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$", re.I)


@dataclass(frozen=True)
class NetworkPolicy:
    """Which addresses may be reached: `allow` lifts the global-routability rule for some
    networks; `egress`, when set, is a hard outer limit that nothing lifts."""

    allow: tuple[IPNetwork, ...] = ()
    egress: tuple[IPNetwork, ...] | None = None

    @classmethod
    def from_settings(cls, settings: FetchSettings) -> NetworkPolicy:
        return cls(allow=settings.allow_networks, egress=settings.egress_networks)

    @classmethod
    def from_env(cls) -> NetworkPolicy:
        """The operator's policy, for checks made outside a Fetcher (job URLs, webhooks)."""
        return cls.from_settings(FetchSettings.from_env())


def check_address(ip: IPAddress, policy: NetworkPolicy) -> None:
    """Raise BlockedAddress (or EgressDenied) unless `ip` may be connected to under `policy`."""
    target = _connect_address(ip)
    if policy.egress is not None and not _within(target, policy.egress):
        # The operator's hard limit: no user flag lifts it, so the message names it instead.
        raise EgressDenied(
            f"refusing to connect to {ip}: outside the egress networks the operator "
            f"allows ({EGRESS_ENV})"
        )
    if _within(target, policy.allow):
        return
    for address in _addresses_to_vet(ip):
        why = blocked_reason(address)
        if why is not None:
            shown = f"{ip} ({address})" if address != ip else str(ip)
            raise BlockedAddress(
                f"refusing to connect to {shown}: {why} address; {allow_hint(target)}"
            )


def allow_hint(ip: IPAddress) -> str:
    """How a user who means it lets quotetrail reach `ip` (a local test site, an intranet)."""
    network = f"{ip}/{ip.max_prefixlen}"
    return f"to allow it, pass --allow-network {network} or set {ALLOW_ENV}={network}"


def blocked_reason(ip: IPAddress) -> str | None:
    """Why `ip` is not globally routable, or None if it is."""
    for network, why in _BLOCKED_NETS:
        if ip.version == network.version and ip in network:
            return why
    if not ip.is_global:
        return "non-global"
    return None


def parse_ip_host(host: str) -> IPAddress | None:
    """The address a numeric host denotes, or None for a name.

    Accepts IPv6 (with or without brackets) and every IPv4 form inet_aton accepts:
    dotted quads, fewer parts ("127.1"), decimal ("2130706433"), octal ("0177.0.0.1")
    and hex ("0x7f000001"). A host whose last label is numeric but that is not a valid
    address raises InvalidURL rather than being sent to DNS (as the WHATWG URL spec does).
    """
    text = host.strip().rstrip(".").lower()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if ":" in text:
        try:
            return ipaddress.IPv6Address(text.split("%", 1)[0])
        except ValueError as exc:
            raise InvalidURL(f"not a valid IPv6 address: {host}") from exc
    labels = text.split(".")
    if not labels or not _NUMERIC_LABEL.match(labels[-1]):
        return None
    try:
        return ipaddress.IPv4Address(_inet_aton(labels))
    except ValueError as exc:
        raise InvalidURL(f"not a valid IPv4 address: {host}") from exc


def resolve_host(
    host: str, port: int, policy: NetworkPolicy, resolver: Resolver | None = None
) -> IPAddress:
    """The one address to connect to for `host`: checked, never resolved again. An
    IPv4-mapped IPv6 answer comes back as the IPv4 address it stands for."""
    literal = parse_ip_host(host)
    if literal is not None:
        check_address(literal, policy)
        return _connect_address(literal)
    if resolver is None and _loopback_only(policy) and not _is_localhost(host):
        # Not even a DNS query leaves the machine: no answer could be allowed anyway.
        raise EgressDenied(
            f"refusing to look up {host}: the egress networks the operator allows "
            f"({EGRESS_ENV}) are loopback only, so only IP addresses and localhost are used"
        )
    try:
        answers = (resolver or system_resolver)(host, port)
    except OSError as exc:
        raise NetworkError(f"could not resolve {host}: {exc}", reason="dns") from exc
    if not answers:
        raise NetworkError(f"could not resolve {host}: no addresses", reason="dns")
    refusals: list[BlockedAddress] = []
    for answer in answers:
        ip = ipaddress.ip_address(answer.split("%", 1)[0])
        try:
            check_address(ip, policy)
        except BlockedAddress as exc:
            refusals.append(exc)
            continue
        return _connect_address(ip)
    first = refusals[0]
    raise type(first)(f"{host} resolves to a refused address: {first}")


def _loopback_only(policy: NetworkPolicy) -> bool:
    """Whether the operator's egress limit admits nothing but loopback addresses."""
    return policy.egress is not None and all(
        net.network_address.is_loopback for net in policy.egress
    )


def _is_localhost(host: str) -> bool:
    name = host.rstrip(".").lower()
    return name == "localhost" or name.endswith(".localhost")


def system_resolver(host: str, port: int) -> list[str]:
    """Addresses from getaddrinfo, in the system's order of preference, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedTransport(httpx.BaseTransport):
    """Checks and pins every request to a vetted IP before handing it to `inner`."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: NetworkPolicy,
        resolver: Resolver | None = None,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._resolver = resolver

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        check_url(url)
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if url.scheme == "https" else 80)
        ip = resolve_host(host, port, self._policy, self._resolver)
        extensions = dict(request.extensions)
        if url.scheme == "https" and parse_ip_host(host) is None:
            extensions["sni_hostname"] = host
        pinned = httpx.Request(
            request.method,
            url.copy_with(host=str(ip)),
            headers=request.headers,  # keeps Host: the original name
            stream=request.stream,
            extensions=extensions,
        )
        return self._inner.handle_request(pinned)

    def close(self) -> None:
        self._inner.close()


def check_url(url: httpx.URL) -> None:
    if url.scheme not in ALLOWED_SCHEMES:
        raise UnsupportedScheme(f"only http and https URLs are fetched, not {url.scheme or '?'}:")
    host = url.raw_host.decode("ascii", "replace")
    if not host:
        raise InvalidURL(f"the URL has no host: {url}")
    if not _HOST_CHARS.match(host):
        raise InvalidURL(f"not a valid host name: {host}")


def _connect_address(ip: IPAddress) -> IPAddress:
    """What a socket really talks to: ::ffff:a.b.c.d is a.b.c.d."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _addresses_to_vet(ip: IPAddress) -> list[IPAddress]:
    """Any IPv4 address `ip` carries inside (6to4, Teredo, NAT64), then `ip` itself; for an
    IPv4-mapped address only the IPv4 address, which is what the socket talks to."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return [ip]
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]
    embedded: list[IPAddress] = []
    if ip.sixtofour is not None:
        embedded.append(ip.sixtofour)
    if ip.teredo is not None:
        embedded.extend(ip.teredo)
    if ip in _NAT64:
        embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [*embedded, ip]


def _within(ip: IPAddress, networks: Iterable[IPNetwork]) -> bool:
    return any(ip.version == net.version and ip in net for net in networks)


def _inet_aton(labels: list[str]) -> int:
    if not 1 <= len(labels) <= 4 or any(label == "" for label in labels):
        raise ValueError("bad number of parts")
    numbers = [_parse_number(label) for label in labels]
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        raise ValueError("part out of range")
    value = 0
    for n in head:
        value = value * 256 + n
    return value * 256 ** (5 - len(numbers)) + last


def _parse_number(label: str) -> int:
    if label.startswith("0x"):
        return int(label[2:] or "0", 16)
    if len(label) > 1 and label.startswith("0"):
        return int(label, 8)
    return int(label, 10)
