"""Reliability bench: kill, restart and outage scenarios on loopback, with the DEFAULT
recovery settings, against a private Redis (append-only) and a fresh PostgreSQL database.

    scenario ──► submit jobs over HTTP ──► break something mid-run ──► repair it
             ──► wait until every job is finished (or 6 minutes pass) ──► count

Scenarios:
  worker-kill   2 workers; one is SIGKILLed (pool and all) while fetching; a new one starts.
                Its tasks come back after the visibility timeout.
  redis-outage  Redis is SIGKILLed mid-run; jobs are submitted while it is down (the API
                cannot enqueue them); Redis restarts from its append-only file. The sweep
                re-sends the jobs whose messages never made it.
  serve-kill    the embedded `quotetrail serve` (SQLite + its SQLite queue) is SIGKILLed
                mid-run and started again.

Prints per scenario: jobs submitted, succeeded, failed, stuck (unfinished at the end),
duplicated (evidence rows beyond one per source), and recovery time (from the repair to
the last job finished). Targets: nothing lost, nothing duplicated, recovery < 3 minutes.

    python bench/bench_reliability.py [--jobs 12] [--only worker-kill,redis-outage,serve-kill]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.service.worker import harness  # noqa: E402
from tests.service.worker.articles import ARTICLE, SOURCE_PAGE  # noqa: E402
from tests.support.local_server import LocalServer, Route  # noqa: E402
from worker.supervise import children_of  # noqa: E402

SOURCES = 3
LIMIT = 360.0  # seconds to wait for every job after the repair
PG_ADMIN = os.environ.get(
    "QUOTETRAIL_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def default_env(tmp: Path, redis_url: str | None, database_url: str | None) -> dict[str, str]:
    """The harness's isolation (own queue, prefix, data dir) with the DEFAULT timings."""
    env = harness.service_env(tmp, redis_url=redis_url, database_url=database_url)
    for name in harness.FAST:
        env.pop(name, None)
    env.update(
        QUOTETRAIL_RATE_LIMIT="0",
        QUOTETRAIL_ALLOW_NETWORKS="127.0.0.1/32",
        QUOTETRAIL_EGRESS_NETWORKS="127.0.0.0/8,::1/128",
        QUOTETRAIL_HOST_INTERVAL="0",
        QUOTETRAIL_HOST_CONCURRENCY="8",
    )
    return env


def job_body(server: LocalServer, n: int) -> dict:
    return {
        "article": {"text": ARTICLE},
        "sources": [{"url": server.url(f"/slow{i}?job={n}")} for i in range(SOURCES)],
    }


def submit(base: str, body: dict) -> str | None:
    try:
        response = httpx.post(f"{base}/v1/jobs", json=body, timeout=30)
    except httpx.HTTPError:
        return None
    return response.json()["id"] if response.status_code in (200, 202) else None


def wait_all(base: str, ids: list[str], limit: float) -> dict[str, str]:
    deadline = time.monotonic() + limit
    states: dict[str, str] = {}
    while time.monotonic() < deadline:
        for job_id in ids:
            if states.get(job_id) in ("succeeded", "failed", "canceled"):
                continue
            with contextlib.suppress(httpx.HTTPError, ValueError, KeyError):
                states[job_id] = httpx.get(f"{base}/v1/jobs/{job_id}", timeout=10).json()["status"]
        if all(states.get(i) in ("succeeded", "failed", "canceled") for i in ids):
            break
        time.sleep(0.5)
    return states


def duplicated(base: str, ids: list[str]) -> int:
    extra = 0
    for job_id in ids:
        try:
            items = httpx.get(f"{base}/v1/jobs/{job_id}/sources", timeout=10).json()["items"]
        except (httpx.HTTPError, ValueError, KeyError):
            continue
        extra += len(items) - len({item["source"] for item in items})
        extra += max(0, len(items) - SOURCES)
    return extra


def report(name: str, ids: list[str], submitted: int, states: dict, dup: int, recovery: float):
    count = {s: sum(1 for i in ids if states.get(i) == s) for s in ("succeeded", "failed")}
    stuck = len(ids) - count["succeeded"] - count["failed"]
    lost = submitted - len(ids)  # submissions the API refused or never answered
    print(
        f"{name:13} submitted {submitted:3}  succeeded {count['succeeded']:3}  failed "
        f"{count['failed']:2}  stuck {stuck:2}  duplicated {dup:2}  refused {lost:2}  "
        f"recovery {recovery:6.1f} s",
        flush=True,
    )


def worker_kill(tmp: Path, server: LocalServer, jobs: int, database_url: str) -> None:
    with harness.private_redis(tmp) as (url, _kill, _start):
        env = default_env(tmp, url, database_url)
        with harness.stack(tmp, env, workers=2, concurrency=2) as s:
            ids = [i for i in (submit(s.base, job_body(server, n)) for n in range(jobs)) if i]
            time.sleep(1.5)  # fetches under way on both workers
            victim = s.workers[0]
            victim.kill(signal.SIGKILL)  # its whole process group: main and pool
            repaired = time.monotonic()
            s.workers.append(s.add_worker())
            states = wait_all(s.base, ids, LIMIT)
            recovery = time.monotonic() - repaired
            report("worker-kill", ids, jobs, states, duplicated(s.base, ids), recovery)


def redis_outage(tmp: Path, server: LocalServer, jobs: int, database_url: str) -> None:
    with harness.private_redis(tmp) as (url, kill_redis, start_redis):
        env = default_env(tmp, url, database_url)
        with harness.stack(tmp, env, workers=1, concurrency=2) as s:
            ids = [i for i in (submit(s.base, job_body(server, n)) for n in range(jobs // 2)) if i]
            time.sleep(1.0)
            kill_redis()
            during = [submit(s.base, job_body(server, 1000 + n)) for n in range(jobs - jobs // 2)]
            ids += [i for i in during if i]
            time.sleep(3.0)
            start_redis()
            repaired = time.monotonic()
            states = wait_all(s.base, ids, LIMIT)
            recovery = time.monotonic() - repaired
            report("redis-outage", ids, jobs, states, duplicated(s.base, ids), recovery)


def serve_kill(tmp: Path, server: LocalServer, jobs: int) -> None:
    env = default_env(tmp, None, None)
    port = harness.free_port()
    base = f"http://127.0.0.1:{port}"
    proc = harness.serve(env, tmp / "serve1.log", port)
    try:
        ids = [i for i in (submit(base, job_body(server, n)) for n in range(jobs)) if i]
        time.sleep(1.5)
        proc.kill(signal.SIGKILL)
        for pid in children_of(proc.popen.pid):  # a worker left behind would hold messages
            os.kill(pid, signal.SIGKILL)
        proc = harness.serve(env, tmp / "serve2.log", port)
        repaired = time.monotonic()
        states = wait_all(base, ids, LIMIT)
        recovery = time.monotonic() - repaired
        report("serve-kill", ids, jobs, states, duplicated(base, ids), recovery)
    finally:
        proc.stop()


def fresh_database() -> tuple[str, object]:
    from sqlalchemy import create_engine, text

    name = f"qt_reliability_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}", (admin, name)


def drop_database(handle: object) -> None:
    from sqlalchemy import text

    admin, name = handle
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jobs", type=int, default=12)
    parser.add_argument("--only", default="worker-kill,redis-outage,serve-kill")
    args = parser.parse_args()
    chosen = set(args.only.split(","))
    routes = {f"/slow{i}": Route(SOURCE_PAGE, delay=1.0) for i in range(SOURCES)}
    routes["/robots.txt"] = Route(
        "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"}
    )
    server = LocalServer(routes).start()
    print(
        f"reliability bench: {args.jobs} jobs x {SOURCES} sources per scenario, default "
        "recovery settings, private Redis (appendonly), PostgreSQL / embedded SQLite",
        flush=True,
    )
    try:
        for name, run in (
            ("worker-kill", worker_kill),
            ("redis-outage", redis_outage),
            ("serve-kill", None),
        ):
            if name not in chosen:
                continue
            with tempfile.TemporaryDirectory() as tmp:
                if run is None:
                    serve_kill(Path(tmp), server, args.jobs)
                    continue
                url, handle = fresh_database()
                try:
                    run(Path(tmp), server, args.jobs, url)
                finally:
                    drop_database(handle)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
