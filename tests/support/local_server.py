"""A tiny threaded HTTP server on 127.0.0.1 that imitates outlets for tests and benchmarks.

Routes map a path to a `Route` (status, headers, body, optional delay) or to a
callable that gets the request handler and returns a `Route`, so a test can script
"503 then 200", slow pages, redirects and odd charsets without any real network.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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


class LocalServer:
    """Serves `routes`; records every request path in `hits` (in order)."""

    def __init__(self, routes: dict[str, Route | Handler] | None = None, host: str = "127.0.0.1"):
        self.routes: dict[str, Route | Handler] = dict(routes or {})
        self.hits: list[str] = []
        self.request_headers: list[dict[str, str]] = []
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self._answer(send_body=True)

            def do_HEAD(self) -> None:
                self._answer(send_body=False)

            def _answer(self, send_body: bool) -> None:
                server.hits.append(self.path)
                server.request_headers.append({k.lower(): v for k, v in self.headers.items()})
                path = self.path.split("?", 1)[0]
                route = server.routes.get(self.path) or server.routes.get(path)
                if route is None:
                    route = Route(b"not found", status=404, headers={"Content-Type": "text/plain"})
                elif callable(route):
                    route = route(self)
                if route.delay:
                    time.sleep(route.delay)
                body = route.payload()
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if send_body:
                    with suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(body)

        self._httpd = ThreadingHTTPServer((host, 0), _Handler)
        self._httpd.daemon_threads = True
        self.host = host
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@contextmanager
def serving(routes: dict[str, Route | Handler] | None = None) -> Iterator[LocalServer]:
    server = LocalServer(routes).start()
    try:
        yield server
    finally:
        server.stop()
