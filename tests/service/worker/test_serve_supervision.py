"""`quotetrail serve` supervises its embedded worker, with real processes: a killed worker
is restarted and its jobs complete; a hung (stopped) worker makes /readyz not ready, is
killed and restarted; a job submitted meanwhile completes."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx
import pytest

from tests.service.worker import harness
from tests.service.worker.articles import ARTICLE, SOURCE_PAGE
from tests.service.worker.test_service_embedded import Serve
from worker.supervise import children_of

pytestmark = pytest.mark.integration


def _worker_pid(serve_pid: int) -> int | None:
    for pid in children_of(serve_pid):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"celery" in cmdline:
            return pid
    return None


def _ready(s) -> tuple[int, dict]:
    response = httpx.get(f"{s.base}/readyz", timeout=5)
    return response.status_code, response.json()


def _job(s) -> str:
    return s.submit(
        {"article": {"text": ARTICLE}, "sources": [{"name": "notes", "text": SOURCE_PAGE}]}
    )


def test_a_killed_worker_is_restarted_and_a_hung_one_is_reported_and_replaced(tmp_path):
    env = harness.service_env(
        tmp_path,
        redis_url=None,
        QUOTETRAIL_WORKER_SILENT_AFTER="3",
        QUOTETRAIL_RATE_LIMIT="0",
    )
    s = Serve(tmp_path, env)
    try:
        serve_pid = s.api.popen.pid
        first = harness.wait_for(lambda: _worker_pid(serve_pid), 30, "worker child", s.api)
        harness.wait_for(lambda: _ready(s)[0] == 200, 30, "ready", s.api)
        assert s.wait(_job(s), timeout=60)["status"] == "succeeded"

        # 1. The worker dies (SIGKILL, pool and all): serve restarts it.
        for pid in [*children_of(first), first]:
            os.kill(pid, signal.SIGKILL)
        harness.wait_for(lambda: _ready(s)[0] == 503, 10, "not ready on a dead worker", s.api)
        job_while_dead = _job(s)
        second = harness.wait_for(
            lambda: (p := _worker_pid(serve_pid)) not in (None, first) and p, 30, "restart", s.api
        )
        assert s.wait(job_while_dead, timeout=60)["status"] == "succeeded"
        harness.wait_for(lambda: _ready(s)[0] == 200, 30, "ready again", s.api)

        # 2. The worker hangs (stopped, alive): /readyz says silent, then it is replaced.
        os.kill(second, signal.SIGSTOP)
        started = time.monotonic()
        _code, body = harness.wait_for(
            lambda: (r := _ready(s))[0] == 503 and r, 15, "not ready on a silent worker", s.api
        )
        assert body["checks"]["worker"] in ("silent", "dead"), body
        job_while_hung = _job(s)
        third = harness.wait_for(
            lambda: (p := _worker_pid(serve_pid)) not in (None, second) and p, 30, "replace", s.api
        )
        assert third != second
        assert s.wait(job_while_hung, timeout=60)["status"] == "succeeded"
        assert time.monotonic() - started < 60
        harness.wait_for(lambda: _ready(s)[0] == 200, 30, "ready after the hang", s.api)
    finally:
        s.stop()
