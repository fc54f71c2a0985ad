"""The API's own knobs, read from ServiceConfig.extra first and then the environment.

Tests pass `ServiceConfig(..., extra={...})` instead of touching os.environ.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from quotetrail.config import ServiceConfig

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


@dataclass(frozen=True)
class ApiSettings:
    require_api_key: bool = False
    rate_limit: int = 100  # requests per window, per API key (or client IP when anonymous)
    rate_window: int = 60  # seconds
    max_body_bytes: int = 2 * 1024 * 1024
    retry_after_seconds: int = 2  # polling hint while a job is unfinished

    @classmethod
    def from_config(cls, config: ServiceConfig) -> ApiSettings:
        def get(name: str, default: str) -> str:
            value = config.extra.get(name)
            return value if value is not None else os.environ.get(name, default)

        return cls(
            require_api_key=get("QUOTETRAIL_REQUIRE_API_KEY", "0").strip().lower() in TRUE_WORDS,
            rate_limit=max(0, int(get("QUOTETRAIL_RATE_LIMIT", "100"))),
            rate_window=max(1, int(get("QUOTETRAIL_RATE_WINDOW", "60"))),
            max_body_bytes=max(1024, int(get("QUOTETRAIL_MAX_BODY_BYTES", str(2 * 1024 * 1024)))),
            retry_after_seconds=max(1, int(get("QUOTETRAIL_POLL_INTERVAL", "2"))),
        )
