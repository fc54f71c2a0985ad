"""The SSRF decision on address objects and host strings — no connection is made here."""

from __future__ import annotations

import socket
from ipaddress import ip_address, ip_network

import pytest

from quotetrail.fetch import (
    BlockedAddress,
    EgressDenied,
    InvalidURL,
    NetworkError,
    NetworkPolicy,
    check_address,
    parse_ip_host,
    resolve_host,
)

OPEN = NetworkPolicy()  # no allow list, no egress limit: the production default

NOT_GLOBAL = [
    ("0.0.0.0", "unspecified"),
    ("10.0.0.1", "private"),
    ("172.16.5.4", "private"),
    ("172.31.255.255", "private"),
    ("192.168.1.1", "private"),
    ("127.0.0.1", "loopback"),
    ("127.255.255.254", "loopback"),
    ("169.254.169.254", "link-local"),  # cloud metadata
    ("100.64.0.1", "carrier-grade NAT"),
    ("100.127.255.254", "carrier-grade NAT"),
    ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "broadcast"),
    ("198.18.0.1", "benchmarking"),
    ("198.19.255.1", "benchmarking"),
    ("192.0.2.1", "documentation"),
    ("198.51.100.7", "documentation"),
    ("203.0.113.9", "documentation"),
    ("192.0.0.8", "IETF"),
    ("::", "unspecified"),
    ("::1", "loopback"),
    ("fe80::1", "link-local"),
    ("fc00::1", "unique local"),
    ("fd12:3456:789a::1", "unique local"),
    ("fec0::1", "site-local"),
    ("ff02::1", "multicast"),
    ("ff0e::1", "multicast"),
    ("2001:db8::1", "documentation"),
    ("::ffff:10.0.0.1", "private"),  # IPv4-mapped
    ("::ffff:127.0.0.1", "loopback"),
    ("::ffff:169.254.169.254", "link-local"),
    ("2002:a00:1::", "private"),  # 6to4 wrapping 10.0.0.1
    ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
    ("64:ff9b::a00:1", "private"),  # NAT64 wrapping 10.0.0.1
    ("64:ff9b:1::1", "NAT64"),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "documentation|IETF"),  # Teredo, client 192.0.2.45
    ("::a00:1", "IPv4-compatible"),
]

GLOBAL = ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2002:808:808::", "64:ff9b::808:808"]


@pytest.mark.parametrize(("address", "why"), NOT_GLOBAL)
def test_non_global_addresses_are_refused(address: str, why: str) -> None:
    with pytest.raises(BlockedAddress, match=why) as info:
        check_address(ip_address(address), OPEN)
    assert not info.value.retryable
    assert info.value.reason == "blocked_address"


@pytest.mark.parametrize("address", GLOBAL)
def test_global_addresses_pass(address: str) -> None:
    check_address(ip_address(address), OPEN)


def test_allow_networks_lift_the_rule_only_inside_them() -> None:
    policy = NetworkPolicy(allow=(ip_network("10.0.0.0/8"),))
    check_address(ip_address("10.1.2.3"), policy)
    check_address(ip_address("::ffff:10.1.2.3"), policy)  # the mapped form is the same host
    with pytest.raises(BlockedAddress):
        check_address(ip_address("192.168.0.1"), policy)


def test_egress_networks_are_a_hard_limit() -> None:
    policy = NetworkPolicy(allow=(ip_network("10.0.0.0/8"),), egress=(ip_network("127.0.0.0/8"),))
    with pytest.raises(EgressDenied):
        check_address(ip_address("8.8.8.8"), policy)
    with pytest.raises(EgressDenied):
        check_address(ip_address("10.1.2.3"), policy)  # allowed, but outside egress
    with pytest.raises(BlockedAddress, match="loopback"):
        check_address(ip_address("127.0.0.2"), policy)  # inside egress, still not global
    policy = NetworkPolicy(allow=(ip_network("127.0.0.1/32"),), egress=policy.egress)
    check_address(ip_address("127.0.0.1"), policy)
    check_address(ip_address("::ffff:127.0.0.1"), policy)


def test_egress_denial_is_a_blocked_address_for_callers() -> None:
    assert issubclass(EgressDenied, BlockedAddress)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("0x7f.0.0.1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("0x0a.0x00.0x00.0x01", "10.0.0.1"),
        ("012.0.0.1", "10.0.0.1"),
        ("167772161", "10.0.0.1"),
        ("10.0.0.1.", "10.0.0.1"),
        ("0", "0.0.0.0"),
        ("[::1]", "::1"),
        ("::ffff:a00:1", "::ffff:10.0.0.1"),
        ("[fe80::1%25eth0]", "fe80::1"),
    ],
)
def test_numeric_host_forms_are_parsed_like_inet_aton(host: str, expected: str) -> None:
    assert parse_ip_host(host) == ip_address(expected)


@pytest.mark.parametrize(
    "host", ["example.com", "tass.example", "1example.com", "bad.cafe", "localhost"]
)
def test_names_are_not_addresses(host: str) -> None:
    assert parse_ip_host(host) is None


@pytest.mark.parametrize(
    "host", ["256.0.0.1", "1.2.3.4.5", "08.0.0.1", "0x1g.0.0.1", "1..1", "4294967296"]
)
def test_malformed_numeric_hosts_are_invalid_not_looked_up(host: str) -> None:
    with pytest.raises(InvalidURL):
        parse_ip_host(host)


@pytest.mark.parametrize("host", ["2130706433", "0177.0.0.1", "0x7f.1", "[::ffff:127.0.0.1]"])
def test_numeric_loopback_forms_are_refused_without_dns(host: str) -> None:
    def no_dns(name: str, port: int) -> list[str]:
        raise AssertionError("numeric hosts must not be resolved")

    with pytest.raises(BlockedAddress, match="loopback"):
        resolve_host(host, 80, OPEN, no_dns)


def test_name_resolving_to_a_private_address_is_refused() -> None:
    with pytest.raises(BlockedAddress, match=r"tass\.example resolves to a refused address"):
        resolve_host("tass.example", 443, OPEN, lambda host, port: ["10.1.2.3"])


def test_localhost_resolving_to_loopback_is_refused_unless_allowed() -> None:
    resolver = {"localhost": ["127.0.0.1", "::1"]}
    with pytest.raises(BlockedAddress, match="loopback"):
        resolve_host("localhost", 80, OPEN, lambda h, p: resolver[h])
    allowed = NetworkPolicy(allow=(ip_network("127.0.0.1/32"),))
    assert resolve_host("localhost", 80, allowed, lambda h, p: resolver[h]) == ip_address(
        "127.0.0.1"
    )


def test_first_acceptable_answer_is_used_and_refused_ones_skipped() -> None:
    policy = NetworkPolicy(allow=(ip_network("127.0.0.1/32"),))
    got = resolve_host("mixed.example", 80, policy, lambda h, p: ["10.0.0.1", "127.0.0.1"])
    assert got == ip_address("127.0.0.1")


def test_dns_failure_is_a_retryable_network_error() -> None:
    def failing(host: str, port: int) -> list[str]:
        raise socket.gaierror(-2, "Name or service not known")

    with pytest.raises(NetworkError, match=r"could not resolve nowhere\.example") as info:
        resolve_host("nowhere.example", 80, OPEN, failing)
    assert info.value.retryable and info.value.reason == "dns"


def test_mapped_answers_are_connected_to_as_ipv4() -> None:
    policy = NetworkPolicy(allow=(ip_network("127.0.0.1/32"),))
    assert resolve_host("[::ffff:127.0.0.1]", 80, policy) == ip_address("127.0.0.1")
    got = resolve_host("m.example", 80, policy, lambda h, p: ["::ffff:127.0.0.1"])
    assert got == ip_address("127.0.0.1")
