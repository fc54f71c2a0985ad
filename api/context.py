"""What every request handler needs, built once per app: store, dispatcher, limiter…"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request

from api.ratelimit import make_rate_limiter
from api.settings import ApiSettings
from api.url_policy import Resolver, system_resolver
from quotetrail.config import ServiceConfig
from quotetrail.store import Store

log = logging.getLogger("quotetrail.api")


@dataclass
class ApiContext:
    config: ServiceConfig
    settings: ApiSettings
    store: Store
    dispatcher_instance: Any | None = None
    redis: Any | None = None
    resolver: Resolver = system_resolver
    limiter: Any = None
    # `serve`'s supervisor: "ok" | "starting" | "dead" | "silent" for /readyz (None: no
    # embedded worker to watch, e.g. uvicorn alone or `serve --no-worker`).
    worker_status: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if self.limiter is None:
            self.limiter = make_rate_limiter(
                self.settings.rate_limit, self.settings.rate_window, self.redis
            )

    @property
    def dispatcher(self) -> Any:
        """worker.dispatch.get_dispatcher(config), made on first use (imports Celery)."""
        with self._lock:
            if self.dispatcher_instance is None:
                from worker.dispatch import get_dispatcher

                self.dispatcher_instance = get_dispatcher(self.config)
            return self.dispatcher_instance


def redis_client(url: str | None) -> Any | None:
    if not url:
        return None
    import redis

    return redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


def get_context(request: Request) -> ApiContext:
    return request.app.state.quotetrail


Context = Annotated[ApiContext, Depends(get_context)]  # a handler parameter: the app's context
