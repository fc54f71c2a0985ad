"""With egress confined to loopback (as in this suite), a host name is never looked up.

Why: a DNS query is traffic beyond the machine too, and with loopback-only egress no
answer could be connected to anyway. IP literals and localhost still work.
"""

from __future__ import annotations

import ipaddress

import pytest

from quotetrail.fetch import EgressDenied, NetworkPolicy, guard

LOOPBACK = NetworkPolicy(
    allow=(ipaddress.ip_network("127.0.0.0/8"),),
    egress=(ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128")),
)


def test_a_name_is_refused_before_any_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError(f"looked up {host}")

    monkeypatch.setattr(guard, "system_resolver", no_dns)
    with pytest.raises(EgressDenied, match="loopback only"):
        guard.resolve_host("tass.ru", 443, LOOPBACK)


def test_ip_literals_and_localhost_still_resolve() -> None:
    assert str(guard.resolve_host("127.0.0.11", 80, LOOPBACK)) == "127.0.0.11"
    assert guard.resolve_host("localhost", 80, LOOPBACK).is_loopback


def test_a_wider_egress_still_resolves_names(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def fake_dns(host: str, port: int) -> list[str]:
        seen.append(host)
        return ["127.0.0.12"]

    monkeypatch.setattr(guard, "system_resolver", fake_dns)
    wider = NetworkPolicy(allow=LOOPBACK.allow, egress=(ipaddress.ip_network("0.0.0.0/0"),))
    assert str(guard.resolve_host("outlet.example", 80, wider)) == "127.0.0.12"
    assert seen == ["outlet.example"]


def test_the_suite_itself_runs_loopback_only() -> None:
    assert guard._loopback_only(NetworkPolicy.from_env())
