"""The fetcher a check uses, built from the environment plus what the user allowed.

    env (QUOTETRAIL_*) + --allow-network + --no-robots + interval ─► fetch_settings ─► FetchSettings
                                                                         └─► build_fetcher ─► Fetcher

`fetch_settings` checks the settings without importing httpx, so a command that reads
only files never builds an HTTPS client; a malformed CIDR or interval is an InputError
in words, because the user typed it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from quotetrail.errors import InputError
from quotetrail.fetch.settings import FetchSettings

if TYPE_CHECKING:  # httpx (the fetcher's client) loads only when something is fetched
    from quotetrail.fetch import Fetcher


def build_fetcher(
    *,
    allow_networks: Sequence[str] = (),
    respect_robots: bool = True,
    min_interval: float | None = None,
    env: Mapping[str, str] | None = None,
) -> Fetcher:
    """A fetcher from the environment's settings, plus the networks the user allowed.

    A malformed CIDR is an InputError (the user typed it). QUOTETRAIL_HOST_INTERVAL (the
    workers' per-host spacing, seconds) sets the CLI's too when `min_interval` is not given.
    """
    from quotetrail.fetch import Fetcher

    return Fetcher(
        fetch_settings(
            allow_networks=allow_networks,
            respect_robots=respect_robots,
            min_interval=min_interval,
            env=env,
        )
    )


def fetch_settings(
    *,
    allow_networks: Sequence[str] = (),
    respect_robots: bool = True,
    min_interval: float | None = None,
    env: Mapping[str, str] | None = None,
) -> FetchSettings:
    """The fetcher's settings, checked without building its HTTP client (no httpx import).

    A malformed CIDR is an InputError (the user typed it).
    """
    overrides: dict[str, Any] = {"obey_robots": respect_robots}
    source_env = os.environ if env is None else env
    if min_interval is None and source_env.get("QUOTETRAIL_HOST_INTERVAL", "").strip():
        try:
            min_interval = max(0.0, float(source_env["QUOTETRAIL_HOST_INTERVAL"]))
        except ValueError:
            raise InputError("QUOTETRAIL_HOST_INTERVAL must be a number of seconds") from None
    if min_interval is not None:
        overrides["min_interval"] = min_interval
    try:
        settings = FetchSettings.from_env(dict(env) if env is not None else None, **overrides)
        return settings.with_allowed(*allow_networks)
    except ValueError as exc:
        raise InputError(str(exc)) from None
