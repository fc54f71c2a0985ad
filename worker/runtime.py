"""Per-process resources of a worker: the store, the Redis client, the fetcher.

Created lazily and keyed by pid: Celery's prefork pool forks after the main process
may have opened connections, and a database or Redis socket must never be shared
between a parent and its children.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

from quotetrail.config import ServiceConfig
from worker.settings import REDIS_PREFIX_ENV, WorkerSettings, env_text

if TYPE_CHECKING:
    import redis

    from quotetrail.fetch import Fetcher
    from quotetrail.store import Store


@cache
def _store(pid: int) -> Store:
    from quotetrail.store import Store

    return Store.from_config(config())


@cache
def _redis(pid: int, url: str) -> redis.Redis:
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    # One immediate retry (a pooled socket that died with a Redis restart), then fail
    # fast: everything the workers keep in Redis degrades instead of waiting.
    return redis.Redis.from_url(
        url, socket_timeout=10, socket_connect_timeout=2, retry=Retry(NoBackoff(), 1)
    )


@cache
def _fetcher(pid: int) -> Fetcher:
    from worker.fetching import build_fetcher

    return build_fetcher(redis_client(), prefix=redis_prefix())


@cache
def config() -> ServiceConfig:
    return ServiceConfig.from_env()


@cache
def settings() -> WorkerSettings:
    return WorkerSettings.from_env()


def redis_prefix() -> str:
    """Prefix of every key the workers own in Redis (cache, politeness, progress)."""
    return env_text(REDIS_PREFIX_ENV, "qt")


def store() -> Store:
    return _store(os.getpid())


def redis_client() -> redis.Redis | None:
    """The shared Redis, or None in the embedded mode (which then keeps state per process)."""
    url = config().redis_url
    return _redis(os.getpid(), url) if url else None


def fetcher() -> Fetcher:
    return _fetcher(os.getpid())


def reset() -> None:
    """Forget everything (tests that change the environment between runs)."""
    for cached in (_store, _redis, _fetcher, config, settings):
        cached.cache_clear()
