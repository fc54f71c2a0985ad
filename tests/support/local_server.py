"""A tiny threaded HTTP server on 127.0.0.1 that imitates outlets for tests and benchmarks
(the demo's `LoopbackServer`, with scripted routes).

Routes map a path to a `Route` (status, headers, body, optional delay) or to a
callable that gets the request handler and returns a `Route`, so a test can script
"503 then 200", slow pages, redirects and odd charsets without any real network.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from quotetrail.demo.site import LoopbackServer, Reply


@dataclass
class Route:
    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(
        default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"}
    )
    delay: float = 0.0

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


Handler = Callable[[BaseHTTPRequestHandler], Route]


class LocalServer(LoopbackServer):
    """Serves `routes`; records every request path in `hits` (in order)."""

    def __init__(self, routes: dict[str, Route | Handler] | None = None, host: str = "127.0.0.1"):
        self.routes: dict[str, Route | Handler] = dict(routes or {})
        self.hits: list[str] = []
        self.request_headers: list[dict[str, str]] = []
        super().__init__(self._reply, host)

    def _reply(self, request: BaseHTTPRequestHandler) -> Reply:
        self.hits.append(request.path)
        self.request_headers.append({k.lower(): v for k, v in request.headers.items()})
        route = self.routes.get(request.path) or self.routes.get(request.path.split("?", 1)[0])
        if route is None:
            route = Route(b"not found", status=404, headers={"Content-Type": "text/plain"})
        elif callable(route):
            route = route(request)
        if route.delay:
            time.sleep(route.delay)
        return route.status, route.headers, route.payload()


@contextmanager
def serving(routes: dict[str, Route | Handler] | None = None) -> Iterator[LocalServer]:
    server = LocalServer(routes).start()
    try:
        yield server
    finally:
        server.stop()


class PrefixRoutes(dict):
    """Routes where a key ending in '*' answers every path starting with it (fake outlets
    with thousands of article pages answer them from one callable)."""

    def get(self, key, default=None):
        if key in self:
            return self[key]
        for prefix, route in self.items():
            if prefix.endswith("*") and key.startswith(prefix[:-1]):
                return route
        return default
