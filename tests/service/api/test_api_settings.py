"""API settings from ServiceConfig.extra / the environment, with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.settings import ApiSettings, SettingsError
from quotetrail.config import ServiceConfig


def _config(**extra: str) -> ServiceConfig:
    return ServiceConfig("sqlite://", None, Path("."), "", extra=extra)


def test_defaults(monkeypatch) -> None:
    for name in (
        "QUOTETRAIL_REQUIRE_API_KEY",
        "QUOTETRAIL_RATE_LIMIT",
        "QUOTETRAIL_MAX_BODY_BYTES",
    ):
        monkeypatch.delenv(name, raising=False)
    settings = ApiSettings.from_config(_config())
    assert not settings.require_api_key
    assert (settings.rate_limit, settings.rate_window) == (100, 60)
    assert settings.max_body_bytes == 2 * 1024 * 1024


def test_environment_and_extra(monkeypatch) -> None:
    monkeypatch.setenv("QUOTETRAIL_REQUIRE_API_KEY", "yes")
    monkeypatch.setenv("QUOTETRAIL_RATE_LIMIT", "7")
    settings = ApiSettings.from_config(_config(QUOTETRAIL_RATE_LIMIT="9"))
    assert settings.require_api_key and settings.rate_limit == 9


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("QUOTETRAIL_RATE_LIMIT", "lots"),
        ("QUOTETRAIL_RATE_WINDOW", "0"),
        ("QUOTETRAIL_MAX_BODY_BYTES", "12"),
        ("QUOTETRAIL_REQUIRE_API_KEY", "maybe"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        ApiSettings.from_config(_config(**{name: value}))
