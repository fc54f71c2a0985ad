"""A local server that behaves like the outlets a job meets: fast, slow, flaky (503 then
200), gone (404), and one that redirects to 127.0.0.2 — loopback, but off the allowed
list (127.0.0.1/32), so the fetch guard must refuse it without connecting.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.service.worker.articles import OTHER_PAGE, SOURCE_PAGE
from tests.support.local_server import LocalServer, Route


@dataclass
class Outlets:
    server: LocalServer
    forbidden: LocalServer  # on 127.0.0.2: must never see a request
    webhooks: list[tuple[dict[str, str], bytes]]
    hook_url: str

    def url(self, path: str) -> str:
        return self.server.url(path)

    def hits(self, path: str) -> int:
        return sum(1 for hit in self.server.hits if hit.split("?", 1)[0] == path)


@contextmanager
def outlets(slow_delay: float = 2.0) -> Iterator[Outlets]:
    forbidden = LocalServer({"/": Route(SOURCE_PAGE)}, host="127.0.0.2").start()
    flaky_calls: dict[str, int] = {}
    lock = threading.Lock()
    webhooks: list[tuple[dict[str, str], bytes]] = []

    def flaky(handler) -> Route:
        with lock:
            flaky_calls[handler.path] = flaky_calls.get(handler.path, 0) + 1
            first = flaky_calls[handler.path] == 1
        if first:
            return Route(
                "busy", status=503, headers={"Content-Type": "text/plain", "Retry-After": "0"}
            )
        return Route(SOURCE_PAGE)

    routes = {
        "/fast": Route(SOURCE_PAGE),
        "/other": Route(OTHER_PAGE),
        "/slow": Route(SOURCE_PAGE, delay=slow_delay),
        "/flaky": flaky,
        "/gone": Route("gone", status=404, headers={"Content-Type": "text/plain"}),
        "/redirect": Route(
            "", status=302, headers={"Location": forbidden.url("/"), "Content-Type": "text/plain"}
        ),
    }
    server = LocalServer(routes).start()
    receiver = WebhookReceiver(webhooks)
    try:
        yield Outlets(server, forbidden, webhooks, receiver.url)
    finally:
        server.stop()
        forbidden.stop()
        receiver.stop()


class WebhookReceiver:
    """Accepts POSTs on 127.0.0.1; answers 500 to the first one, so delivery must retry."""

    def __init__(self, received: list[tuple[dict[str, str], bytes]], host: str = "127.0.0.1"):
        calls = {"n": 0}
        self._calls = calls

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                calls["n"] += 1
                status = 500 if calls["n"] == 1 else 204
                if status == 204:
                    received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self._httpd = ThreadingHTTPServer((host, 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://{host}:{self._httpd.server_address[1]}/hook"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    @property
    def calls(self) -> int:
        return self._calls["n"]

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
