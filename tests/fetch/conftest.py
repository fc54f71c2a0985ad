"""Fixtures for fetcher tests: a transport that fails the test on any non-loopback
connection, a fetcher factory wired to it, and a raw socket server for responses the
tidy local server cannot produce (no Content-Length, dripping bodies)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from quotetrail.fetch import Fetcher, FetchSettings, HostPoliteness


class LoopbackOnlyTransport(httpx.BaseTransport):
    """Real HTTP to 127.0.0.1 only; any other target is recorded and fails the test before
    a socket is opened — even if the guard under test is broken."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport(retries=0)
        self.targets: list[str] = []
        self.violations: list[str] = []
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        self.targets.append(host)
        self.requests.append(request)
        if host != "127.0.0.1":
            self.violations.append(str(request.url))
            raise AssertionError(f"the fetcher tried to connect to {request.url}")
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


@pytest.fixture
def transport() -> Iterator[LoopbackOnlyTransport]:
    guard = LoopbackOnlyTransport()
    yield guard
    assert not guard.violations, f"connections outside 127.0.0.1: {guard.violations}"


@pytest.fixture
def make_fetcher(transport: LoopbackOnlyTransport) -> Iterator[Callable[..., Fetcher]]:
    """make_fetcher(resolver=..., cache=..., **settings) → a Fetcher on the guarded transport."""
    made: list[Fetcher] = []

    def make(
        *, resolver: Any = None, cache: Any = None, politeness: Any = None, **settings: Any
    ) -> Fetcher:
        settings.setdefault("min_interval", 0.0)
        fetcher = Fetcher(
            FetchSettings.from_env(**settings),
            transport=transport,
            resolver=resolver,
            cache=cache,
            politeness=politeness or HostPoliteness(min_interval=0.0),
        )
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


@dataclass
class RawServer:
    """Answers every connection with `respond(request_head, send)`; records request heads."""

    respond: Callable[[bytes, Callable[[bytes], None]], None]
    heads: list[bytes] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)
    port: int = 0

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@contextmanager
def raw_server(respond: Callable[[bytes, Callable[[bytes], None]], None]) -> Iterator[RawServer]:
    server = RawServer(respond)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    server.port = listener.getsockname()[1]
    stop = threading.Event()

    def serve_one(conn: socket.socket) -> None:
        with conn:
            head = b""
            while b"\r\n\r\n" not in head:
                data = conn.recv(4096)
                if not data:
                    return
                head += data
            server.heads.append(head)
            total = [0]

            def send(chunk: bytes) -> None:
                conn.sendall(chunk)
                total[0] += len(chunk)

            with suppress(OSError):
                respond(head, send)
            server.sent.append(total[0])

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve_one, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stop.set()
        thread.join(timeout=2)
        listener.close()


@pytest.fixture
def raw() -> Callable[..., Any]:
    return raw_server
