"""A drip-fed source (one byte every half second, forever) with real processes: it holds
a worker for the fetch's total budget once — final, never retried (it used to be retried
as a timeout, holding a worker ~7 minutes with the defaults) — and the job still
succeeds with that source unverifiable."""

from __future__ import annotations

import time

import pytest

from tests.fetch.conftest import raw_server
from tests.service.worker import harness
from tests.service.worker.articles import ARTICLE

pytestmark = pytest.mark.integration


def test_a_drip_feed_is_given_up_once_not_retried(tmp_path):
    stop = {"now": False}

    def drip(head: bytes, send) -> None:
        if head.startswith(b"GET /robots.txt"):
            send(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<p>")
        while not stop["now"]:
            send(b"a")
            time.sleep(0.5)

    with raw_server(drip) as server:
        env = harness.service_env(
            tmp_path,
            redis_url=harness.SHARED_REDIS,
            QUOTETRAIL_ALLOW_NETWORKS="127.0.0.1/32",
            QUOTETRAIL_FETCH_TOTAL_TIMEOUT="2",  # below the tests' 5 s task limit
        )
        try:
            with harness.stack(tmp_path, env) as s:
                started = time.monotonic()
                job_id = s.submit(
                    {"article": {"text": ARTICLE}, "sources": [{"url": server.url("/d")}]}
                )
                job = s.wait(job_id, timeout=60)
                took = time.monotonic() - started
                rows = s.sources(job_id)
        finally:
            stop["now"] = True
    assert job["status"] == "succeeded", job
    assert rows[0]["status"] == "error" and "longer than 2 s" in rows[0]["error"], rows
    page_requests = [h for h in server.heads if h.startswith(b"GET /d")]
    assert len(page_requests) == 1  # final, not retried (it used to be retried 6 times)
    assert took < 15  # one 2 s budget plus a job's overhead
