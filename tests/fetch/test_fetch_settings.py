"""FetchSettings from the environment and overrides; the Fetcher's defaults honour them."""

from __future__ import annotations

from ipaddress import ip_network

import pytest

from quotetrail import __version__
from quotetrail.fetch import EgressDenied, Fetcher, FetchSettings, parse_networks


def test_environment_networks_are_read() -> None:
    settings = FetchSettings.from_env(
        {
            "QUOTETRAIL_ALLOW_NETWORKS": "10.0.0.0/8, 192.168.1.0/24",
            "QUOTETRAIL_EGRESS_NETWORKS": "10.0.0.0/8",
        }
    )
    assert settings.allow_networks == (ip_network("10.0.0.0/8"), ip_network("192.168.1.0/24"))
    assert settings.egress_networks == (ip_network("10.0.0.0/8"),)


def test_no_environment_means_no_allow_list_and_no_egress_limit() -> None:
    settings = FetchSettings.from_env({})
    assert settings.allow_networks == () and settings.egress_networks is None


def test_overrides_win_and_defaults_match_the_contract() -> None:
    settings = FetchSettings.from_env(
        {"QUOTETRAIL_EGRESS_NETWORKS": "127.0.0.0/8"}, egress_networks=None, max_redirects=2
    )
    assert settings.egress_networks is None and settings.max_redirects == 2
    default = FetchSettings()
    assert (default.connect_timeout, default.read_timeout, default.max_redirects) == (5, 15, 5)
    assert default.max_bytes == 10 * 1024 * 1024 and default.obey_robots
    assert default.user_agent == (
        f"quotetrail/{__version__} (+https://github.com/quotetrail/quotetrail; quote verification bot)"
    )
    assert {"text/html", "application/xhtml+xml", "text/plain"} <= default.allowed_content_types


def test_allow_network_flag_adds_to_the_list() -> None:
    settings = FetchSettings.from_env({}).with_allowed("10.20.0.0/16")
    assert settings.allow_networks == (ip_network("10.20.0.0/16"),)
    assert FetchSettings(allow_networks=("127.0.0.1/32",)).allow_networks == (
        ip_network("127.0.0.1/32"),
    )


@pytest.mark.parametrize("bad", ["10.0.0.0/33", "not-a-net", "10.0.0.0/8,,nope"])
def test_invalid_networks_are_reported(bad: str) -> None:
    with pytest.raises(ValueError, match="CIDR"):
        parse_networks(bad)


def test_fetcher_without_settings_uses_the_suite_egress_limit(transport) -> None:
    with Fetcher(transport=transport, resolver=lambda h, p: ["8.8.8.8"]) as fetcher:
        assert [str(n) for n in fetcher.settings.egress_networks or ()] == [
            "127.0.0.0/8",
            "::1/128",
        ]
        with pytest.raises(EgressDenied):
            fetcher.fetch("http://outlet.example/")
    assert transport.targets == []
