"""A refused address says how to allow it — unless the operator's egress limit refused it."""

from __future__ import annotations

from ipaddress import ip_address, ip_network

import pytest

from quotetrail.cli import main
from quotetrail.fetch import BlockedAddress, EgressDenied, NetworkPolicy, check_address
from quotetrail.fetch.guard import resolve_host


@pytest.mark.parametrize(
    ("ip", "cidr"),
    [("10.0.0.1", "10.0.0.1/32"), ("127.0.0.2", "127.0.0.2/32"), ("fd00::1", "fd00::1/128")],
)
def test_a_blocked_address_names_the_flag_and_variable_that_allow_it(ip: str, cidr: str) -> None:
    with pytest.raises(BlockedAddress) as caught:
        check_address(ip_address(ip), NetworkPolicy())
    message = str(caught.value)
    assert f"--allow-network {cidr}" in message
    assert f"QUOTETRAIL_ALLOW_NETWORKS={cidr}" in message
    assert "EGRESS" not in message


def test_an_ipv4_mapped_address_is_allowed_by_its_ipv4_network() -> None:
    """The hint must name what the allow list is checked against: the IPv4 address."""
    with pytest.raises(BlockedAddress, match=r"--allow-network 192\.168\.1\.1/32"):
        check_address(ip_address("::ffff:192.168.1.1"), NetworkPolicy())
    allowed = NetworkPolicy(allow=(ip_network("192.168.1.1/32"),))
    check_address(ip_address("::ffff:192.168.1.1"), allowed)  # following the hint works


def test_egress_refusal_names_the_operator_limit_not_the_user_flag() -> None:
    policy = NetworkPolicy(allow=(ip_network("10.0.0.0/8"),), egress=(ip_network("127.0.0.0/8"),))
    with pytest.raises(EgressDenied) as caught:
        check_address(ip_address("10.0.0.1"), policy)
    message = str(caught.value)
    assert "QUOTETRAIL_EGRESS_NETWORKS" in message
    assert "--allow-network" not in message and "QUOTETRAIL_ALLOW_NETWORKS" not in message


def test_a_name_resolving_to_a_refused_address_carries_the_hint() -> None:
    with pytest.raises(BlockedAddress, match=r"--allow-network 10\.1\.2\.3/32"):
        resolve_host("tass.example", 443, NetworkPolicy(), lambda host, port: ["10.1.2.3"])


def test_the_cli_shows_the_hint_for_a_refused_article(capsys) -> None:
    """127.0.0.2 is loopback but off the suite's allow list: refused before connecting."""
    code = main(["verify", "http://127.0.0.2:9/article", "--quote", "We will reopen the pier"])
    err = capsys.readouterr().err
    assert code != 0
    assert "refusing to connect to 127.0.0.2" in err
    assert "--allow-network 127.0.0.2/32" in err
