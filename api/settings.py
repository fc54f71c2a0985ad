"""The API's own knobs, read from ServiceConfig.extra first and then the environment.

Tests pass `ServiceConfig(..., extra={...})` instead of touching os.environ.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from quotetrail.config import ServiceConfig
from quotetrail.errors import QuotetrailError

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"", "0", "false", "no", "off"})


class SettingsError(QuotetrailError):
    """An environment variable holds something the API cannot use."""


@dataclass(frozen=True)
class ApiSettings:
    # True: always; False: never (the operator opted out); None ("auto", the default):
    # required whenever the API listens beyond loopback (see api.security.beyond_loopback).
    require_api_key: bool | None = None
    bind_host: str | None = None  # QUOTETRAIL_BIND_HOST: what the server listens on, when known
    metrics_key: str | None = None  # QUOTETRAIL_METRICS_KEY: bearer token for /metrics
    metrics_hosts: bool = False  # QUOTETRAIL_METRICS_HOSTS=1 labels fetch metrics by host
    rate_limit: int = 100  # requests per window, per API key (or client IP when anonymous)
    rate_window: int = 60  # seconds
    max_body_bytes: int = 2 * 1024 * 1024
    retry_after_seconds: int = 2  # polling hint while a job is unfinished

    @classmethod
    def from_config(cls, config: ServiceConfig) -> ApiSettings:
        def get(name: str, default: str) -> str:
            value = config.extra.get(name)
            return (value if value is not None else os.environ.get(name, default)).strip()

        def whole(name: str, default: int, minimum: int) -> int:
            text = get(name, str(default))
            try:
                value = int(text)
            except ValueError:
                raise SettingsError(f"{name} must be a whole number, not {text!r}") from None
            if value < minimum:
                raise SettingsError(f"{name} must be at least {minimum}, not {value}")
            return value

        flag = get("QUOTETRAIL_REQUIRE_API_KEY", "auto").lower()
        if flag not in TRUE_WORDS | FALSE_WORDS | {"auto"}:
            raise SettingsError(f"QUOTETRAIL_REQUIRE_API_KEY must be 1, 0 or auto, not {flag!r}")
        hosts = get("QUOTETRAIL_METRICS_HOSTS", "0").lower()
        if hosts not in TRUE_WORDS | FALSE_WORDS:
            raise SettingsError(f"QUOTETRAIL_METRICS_HOSTS must be 1 or 0, not {hosts!r}")
        return cls(
            require_api_key=None if flag == "auto" else flag in TRUE_WORDS,
            bind_host=get("QUOTETRAIL_BIND_HOST", "") or None,
            metrics_key=get("QUOTETRAIL_METRICS_KEY", "") or None,
            metrics_hosts=hosts in TRUE_WORDS,
            rate_limit=whole("QUOTETRAIL_RATE_LIMIT", 100, 0),
            rate_window=whole("QUOTETRAIL_RATE_WINDOW", 60, 1),
            max_body_bytes=whole("QUOTETRAIL_MAX_BODY_BYTES", 2 * 1024 * 1024, 1024),
            retry_after_seconds=whole("QUOTETRAIL_POLL_INTERVAL", 2, 1),
        )
