"""The API behind a real uvicorn socket on loopback: limits hold on the wire."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn


@pytest.fixture
def served(make_app) -> Iterator[tuple[str, int]]:
    config = uvicorn.Config(
        make_app(), host="127.0.0.1", port=0, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    host, port = server.servers[0].sockets[0].getsockname()[:2]
    yield host, port
    server.should_exit = True
    thread.join(10)


def _exchange(address: tuple[str, int], head: bytes, body: bytes = b"") -> bytes:
    with socket.create_connection(address, timeout=5) as conn:
        conn.sendall(head + body)
        chunks = []
        while True:
            try:
                data = conn.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not data:
                break
            chunks.append(data)
            if b"\r\n\r\n" in b"".join(chunks) and b'"status":413' in b"".join(chunks):
                break
        return b"".join(chunks)


def test_declared_20mb_body_is_refused_before_it_is_sent(served: tuple[str, int]) -> None:
    head = (
        b"POST /v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 20971520\r\n\r\n"
    )
    # Not one byte of the body is sent: the answer must come from the headers alone.
    answer = _exchange(served, head)
    status_line = answer.split(b"\r\n", 1)[0]
    assert status_line.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"application/problem+json" in answer


def test_submit_over_the_wire(served: tuple[str, int], store) -> None:
    import httpx

    host, port = served
    response = httpx.post(
        f"http://{host}:{port}/v1/jobs", json={"quotes": ["on the wire"]}, timeout=5
    )
    assert response.status_code == 202
    assert store.get_job(response.json()["id"]).request["quotes"] == ["on the wire"]


def test_head_over_the_wire_ends_cleanly(served: tuple[str, int]) -> None:
    """uvicorn sends no body for HEAD; the keep-alive connection must stay usable."""
    import httpx

    host, port = served
    with httpx.Client(base_url=f"http://{host}:{port}", timeout=5) as client:
        head = client.head("/healthz")
        assert head.status_code == 200 and head.content == b""
        assert int(head.headers["content-length"]) == len(client.get("/healthz").content)
        assert client.get("/healthz").json()["status"] == "ok"
