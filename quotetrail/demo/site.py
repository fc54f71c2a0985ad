"""A loopback web server that plays the demo's newspaper and outlets.

The article links to the outlet pages with site-relative links, so they resolve
against whatever port the server got; one of the links is dead (404) on purpose,
to show what an unreadable source looks like in a report.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Self

ARTICLE_PATH = "/ledger/2026/11/20/svetlaya-bridge-2028"

# path -> (status, content type, data file or literal body)
_PAGES: dict[str, tuple[int, str, str]] = {
    "/robots.txt": (200, "text/plain; charset=utf-8", "text:User-agent: *\nAllow: /\n"),
    ARTICLE_PATH: (200, "text/html; charset=utf-8", "article.html"),
    "/pages/tass/economy/1874512": (200, "text/html; charset=utf-8", "tass_en.html"),
    "/pages/gazeta/business/news/2026/11/20/20741.shtml": (
        200,
        "text/html; charset=utf-8",
        "gazeta_ru.html",
    ),
    "/pages/interfax/russia/998877": (
        404,
        "text/html; charset=utf-8",
        "text:<html><body><h1>404</h1><p>This page has been removed.</p></body></html>",
    ),
}


def page(name: str) -> bytes:
    """One of the demo's data files, as bytes."""
    return resources.files("quotetrail.demo").joinpath("data", name).read_bytes()


def _body(spec: str) -> bytes:
    return spec[5:].encode("utf-8") if spec.startswith("text:") else page(spec)


@dataclass(frozen=True)
class DemoSite:
    host: str
    port: int

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    @property
    def article_url(self) -> str:
        return self.url(ARTICLE_PATH)


Reply = tuple[int, Mapping[str, str], bytes]  # status, headers, body


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up early (the fetcher refusing a PDF after its headers) is
    normal here, not an error worth a traceback on the user's terminal."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class LoopbackServer:
    """A threaded HTTP/1.1 server on a free port of `host`; `reply(request)` answers each
    GET and HEAD (Content-Length is added here). The demo's pages run on it, and so do
    the test suite's imitation outlets (tests/support/local_server.py).

    The port is bound here, not in `start()`, so a caller learns "cannot serve" (OSError)
    before anything else happens.
    """

    def __init__(
        self, reply: Callable[[BaseHTTPRequestHandler], Reply], host: str = "127.0.0.1"
    ) -> None:
        self.host = host
        self._httpd = _QuietServer((host, 0), _handler_for(reply))
        self._httpd.daemon_threads = True
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="quotetrail-loopback", daemon=True
        )

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.server_close()


def _handler_for(reply: Callable[[BaseHTTPRequestHandler], Reply]) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "quotetrail-loopback"

        def log_message(self, *args: object) -> None:  # keep the output clean
            pass

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def _answer(self, send_body: bool) -> None:
            status, headers, body = reply(self)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                with suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

    return _Handler


def _demo_reply(request: BaseHTTPRequestHandler) -> Reply:
    path = request.path.split("?", 1)[0]
    status, content_type, spec = _PAGES.get(
        path, (404, "text/plain; charset=utf-8", "text:not found\n")
    )
    return status, {"Content-Type": content_type}, _body(spec)


class serving(AbstractContextManager["DemoSite"]):
    """Serve the demo pages on `host` at a free port until the block ends.

    The port is bound here, not on entry, so a caller can tell "cannot serve"
    (OSError now) from errors inside its own block.
    """

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._server = LoopbackServer(_demo_reply, host)
        self.site = DemoSite(host, self._server.port)

    def __enter__(self) -> DemoSite:
        self._server.start()
        return self.site

    def __exit__(self, *exc: object) -> None:
        self._server.stop()
