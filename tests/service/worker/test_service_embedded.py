"""`quotetrail serve` alone — SQLite, the filesystem broker, no Redis — over HTTP."""

from __future__ import annotations

import signal

import pytest

from tests.service.worker import harness
from tests.service.worker.articles import ARTICLE
from tests.service.worker.outlets import outlets

pytestmark = pytest.mark.integration


class Serve(harness.Stack):
    """The embedded mode: one `quotetrail serve` runs the API and its worker child."""

    def __init__(self, tmp, env):
        self.tmp, self.env, self.workers = tmp, env, []
        self.port = harness.free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.runs = 0
        self.start()

    def start(self):
        self.runs += 1
        self.api = harness.serve(self.env, self.tmp / f"serve{self.runs}.log", self.port)


def test_serve_completes_jobs_and_survives_a_crash(tmp_path):
    env = harness.service_env(tmp_path, redis_url=None)
    assert "REDIS_URL" not in env
    with outlets(slow_delay=3.0) as o:
        s = Serve(tmp_path, env)
        try:
            body = {
                "article": {"text": ARTICLE},
                "sources": [{"url": o.url("/fast")}, {"url": o.url("/gone")}],
            }
            job = s.wait(s.submit(body), timeout=60)
            assert job["status"] == "succeeded", job
            assert {r["status"] for r in s.sources(job["id"])} == {"ok", "error"}

            # An article that cannot be fetched fails the job, with the reason, at once.
            failed = s.wait(s.submit({"article": {"url": o.url("/gone")}}), timeout=30)
            assert failed["status"] == "failed" and "404" in failed["error"], failed

            # A job in flight when the whole process group dies (a crash, not a shutdown)...
            crash_body = {
                "article": {"text": ARTICLE},
                "sources": [{"url": o.url("/slow")}, {"url": o.url("/other")}],
            }
            job_id = s.submit(crash_body)
            harness.wait_for(lambda: o.hits("/slow") >= 1, 30, "slow fetch to start", s.api)
            s.api.kill(signal.SIGKILL)
            assert _status_in_store(env, job_id) in ("queued", "running")
            # ...completes after `serve` starts again.
            s.start()
            job = s.wait(job_id, timeout=60)
            assert job["status"] == "succeeded", job
            rows = s.sources(job_id)
            assert sorted(r["source"] for r in rows) == sorted([o.url("/slow"), o.url("/other")])
            assert o.hits("/slow") >= 2
        finally:
            s.stop()


def _status_in_store(env, job_id):
    from quotetrail.store import Store

    store = Store(env["DATABASE_URL"])
    try:
        return store.get_job(job_id).status
    finally:
        store.close()
