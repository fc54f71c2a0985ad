"""The distributed service end to end: API over HTTP, real Celery workers, real Redis.

Sources come from a local server imitating outlets: fast, slow, 503-then-200, 404 and
a redirect to 127.0.0.2 (loopback, but off the allowed list). The same job runs on
SQLite and on a throwaway PostgreSQL database.
"""

from __future__ import annotations

import hashlib
import json
import signal
import time

import httpx
import pytest
import redis

from tests.service.worker import harness
from tests.service.worker.articles import ARTICLE, SOURCE_PAGE
from tests.service.worker.outlets import outlets
from tests.support.local_server import Route
from worker import progress, webhooks

pytestmark = pytest.mark.integration

SECRET = webhooks.new_secret()


def _body(o, paths, **extra):
    return {
        "article": {"text": ARTICLE},
        "sources": [{"url": o.url(p)} for p in paths],
        **extra,
    }


def _check_full_job(s, o, job_id, extra=0):
    job = s.wait(job_id, timeout=60)
    assert job["status"] == "succeeded", job
    rows = {r["source"]: r for r in s.sources(job_id)}
    assert len(rows) == 5 + extra == len(s.sources(job_id))  # exactly one row per source
    fast, slow, flaky = rows[o.url("/fast")], rows[o.url("/slow")], rows[o.url("/flaky")]
    for row in (fast, slow, flaky):
        assert row["status"] == "ok", row
        assert row["http_status"] == 200
        assert row["sha256"] == hashlib.sha256(SOURCE_PAGE.encode()).hexdigest()
        assert row["fetched_at"]
    assert fast["final_url"] == o.url("/fast")
    assert o.hits("/flaky") == 2  # 503, then retried once to 200
    gone = rows[o.url("/gone")]
    assert gone["status"] == "error" and gone["http_status"] == 404
    assert o.hits("/gone") == 1  # a 404 is not retried
    refused = rows[o.url("/redirect")]
    assert refused["status"] == "error"
    assert o.forbidden.hits == []  # never connected to 127.0.0.2
    # the raw page as it was when checked
    snapshot = s.get(fast["links"]["snapshot"])
    assert snapshot.status_code == 200 and snapshot.content == SOURCE_PAGE.encode()
    # the report: quotes matched in the good sources, unverifiable in the bad ones
    report = job["result"]
    assert len(report["quotes"]) == 3
    first = report["quotes"][0]
    by_source = {e["source"]: e["verdict"] for e in first["evidence"]}
    assert by_source[o.url("/fast")] == "matched"
    assert by_source[o.url("/gone")] == "unverifiable"
    assert by_source[o.url("/redirect")] == "unverifiable"
    return job


def test_job_with_every_kind_of_outlet_sqlite(tmp_path):
    env = harness.service_env(
        tmp_path, redis_url=harness.SHARED_REDIS, QUOTETRAIL_WEBHOOK_SECRET=SECRET
    )
    with outlets() as o, harness.stack(tmp_path, env) as s:
        # /hang answers after the task's soft time limit (5 s in the tests): nothing runs
        # forever, the source ends unverifiable and the job still succeeds.
        o.server.routes["/hang"] = Route(SOURCE_PAGE, delay=15)  # past the 10 s soft limit
        # /down answers 503 forever: retried (3 times in the tests), then given up.
        o.server.routes["/down"] = Route("down", status=503, headers={"Content-Type": "text/plain"})
        paths = ["/fast", "/slow", "/flaky", "/gone", "/redirect", "/hang", "/down"]
        job_id = s.submit(_body(o, paths, callback_url=o.hook_url))
        job = _check_full_job(s, o, job_id, extra=2)
        down = next(r for r in s.sources(job_id) if r["source"] == o.url("/down"))
        assert down["status"] == "error" and down["http_status"] == 503
        assert "gave up after 4 attempts" in down["error"], down
        assert o.hits("/down") == 4
        # live progress in Redis, next to the store's counters
        live = progress.read(
            redis.Redis.from_url(harness.SHARED_REDIS), job_id, env["QUOTETRAIL_REDIS_PREFIX"]
        )
        assert live["stage"] == "succeeded"
        hung = next(r for r in s.sources(job_id) if r["source"] == o.url("/hang"))
        assert hung["status"] == "error" and "time limit" in hung["error"], hung
        assert job["progress"]["sources_done"] == 7
        # the webhook: first delivery got a 500, the retry is signed and verifiable
        harness.wait_for(lambda: o.webhooks, 20, "webhook", *s.procs)
        headers, body = o.webhooks[0]
        assert webhooks.verify(SECRET, headers, body)
        event = json.loads(body)
        assert event["type"] == "job.succeeded" and event["data"]["id"] == job_id


def test_cancel_stops_the_remaining_work(tmp_path):
    env = harness.service_env(tmp_path, redis_url=harness.SHARED_REDIS)
    with outlets(slow_delay=1.5) as o, harness.stack(tmp_path, env) as s:
        paths = [f"/slow?n={n}" for n in range(6)]
        job_id = s.submit(_body(o, paths))
        harness.wait_for(lambda: o.hits("/slow") >= 1, 30, "first fetch", *s.procs)
        response = httpx.delete(f"{s.base}/v1/jobs/{job_id}", timeout=10)
        assert response.status_code == 202, response.text
        time.sleep(4)  # long enough for every queued task to be picked up and stop
        job = s.job(job_id)
        assert job["status"] == "canceled" and job["result"] is None
        assert s.sources(job_id) == []  # fetches in flight saw the cancel before saving
        assert o.hits("/slow") < len(paths)  # the queued ones never fetched


def test_job_on_postgresql(tmp_path):
    from tests.service.store.pg_databases import fresh_database

    with fresh_database() as url:
        env = harness.service_env(tmp_path, redis_url=harness.SHARED_REDIS, database_url=url)
        with outlets() as o, harness.stack(tmp_path, env) as s:
            paths = ["/fast", "/slow", "/flaky", "/gone", "/redirect"]
            _check_full_job(s, o, s.submit(_body(o, paths)))


def test_worker_killed_mid_job_then_replaced(tmp_path):
    env = harness.service_env(tmp_path, redis_url=harness.SHARED_REDIS)
    with outlets(slow_delay=3.0) as o, harness.stack(tmp_path, env) as s:
        job_id = s.submit(_body(o, ["/fast", "/slow", "/other"]))
        harness.wait_for(lambda: o.hits("/slow") >= 1, 30, "slow fetch to start", *s.procs)
        s.workers[0].kill(signal.SIGKILL)  # the whole worker: main process and pool
        assert s.job(job_id)["status"] == "running"
        time.sleep(0.5)
        s.workers.append(s.add_worker())
        job = s.wait(job_id, timeout=60)
        assert job["status"] == "succeeded", job
        rows = s.sources(job_id)
        assert sorted(r["source"] for r in rows) == sorted(
            o.url(p) for p in ("/fast", "/slow", "/other")
        )
        assert all(r["status"] == "ok" for r in rows), rows
        assert o.hits("/slow") >= 2  # the killed fetch was delivered again, not lost
        assert len(job["result"]["quotes"]) == 3
        assert len(job["result"]["sources"]) == 3


def test_redis_restarted_mid_job(tmp_path):
    with harness.private_redis(tmp_path) as (url, kill_redis, start_redis):
        env = harness.service_env(tmp_path, redis_url=url)
        with outlets(slow_delay=2.5) as o, harness.stack(tmp_path, env) as s:
            job_id = s.submit(_body(o, ["/fast", "/slow", "/other"]))
            harness.wait_for(lambda: o.hits("/slow") >= 1, 30, "slow fetch to start", *s.procs)
            kill_redis()
            assert s.job(job_id)["status"] == "running"  # the API reads the store, not Redis
            time.sleep(1.5)
            start_redis()
            job = s.wait(job_id, timeout=90)
            assert job["status"] == "succeeded", job
            rows = s.sources(job_id)
            assert len(rows) == 3 and all(r["status"] == "ok" for r in rows), rows
