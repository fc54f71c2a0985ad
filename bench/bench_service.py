"""Service benchmark: the API, 2 Celery worker processes and sources on a local server.

Prints:
  - end-to-end latency of single jobs, p50/p95, for an article with 10 quotes checked
    against 5 small pages (issue 11's target: p50 under 100 ms with Redis and PostgreSQL,
    under 300 ms embedded), twice: as the client sees it (submit → a GET that shows the
    job finished; the client polls every 5 ms) and as the job's stored `created_at` →
    `finished_at` say (the service alone, not the bench's polling);
  - throughput: jobs completed per minute with a backlog of jobs, by the client's clock
    and by the stored timestamps (first created → last finished);
  - API latency of POST /v1/jobs and GET /v1/jobs/{id} under 100 concurrent clients,
    p50/p99;
  - GET /v1/jobs/{id} p99 at a steady ~200 requests/s (target: under 50 ms);
  - with --round-trips only: database statements (and commits) one 10x5 job costs, from
    the API's insert to the stored report, counted on the store's engines while the
    job's tasks run in this process (target: at most 10).

Politeness is set permissive on purpose: the sources' host gets no spacing between
requests (QUOTETRAIL_HOST_INTERVAL=0) and 16 at a time, i.e. "when the hosts allow it"
(with 8, two workers fetching 5 pages each of the one host queue for its slots).
The default 1 s per host is a politeness choice, not overhead: with it, every job on one
host waits its turn. The local page server answers like a real web server (TCP_NODELAY,
so a reply's headers and body are not held back 40 ms by Nagle's algorithm and delayed
ACKs; `--nagle` turns that off to compare).

Everything is bounded in count and time. Uses Redis on 127.0.0.1:6379 DB 13 with its
own queue and key prefix (or --embedded: the filesystem broker, no Redis) and SQLite
in a temp dir (or --database-url postgresql+psycopg://..., or --postgres: a throwaway
database on the local server, created and dropped by the bench).

    python bench/bench_service.py [--jobs 20] [--backlog 40] [--embedded] [--postgres]
    python bench/bench_service.py --round-trips [--postgres | --database-url postgresql+psycopg://...]
    python bench/bench_service.py --queue-hops   # embedded queue vs kombu's SQLAlchemy transport
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.service.worker import harness  # noqa: E402
from tests.service.worker.articles import article_with_quotes, page_with  # noqa: E402
from tests.support.local_server import LocalServer, Route  # noqa: E402

QUOTES = 10
SOURCES = 5
# All the bench's pages live on one host (127.0.0.1), where a real backlog would spread
# over many: enough slots that two workers fetching a job each never queue for the host.
HOST_CONCURRENCY = 16


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def job_body(server: LocalServer, article: str, n: int) -> dict:
    return {
        "article": {"text": article},
        "sources": [{"url": server.url(f"/page{i}?job={n}")} for i in range(SOURCES)],
    }


def submit(client: httpx.Client, base: str, body: dict) -> str:
    response = client.post(f"{base}/v1/jobs", json=body)
    if response.status_code != 202:
        raise RuntimeError(f"POST /v1/jobs answered {response.status_code}: {response.text}")
    return response.json()["id"]


def wait_done(
    client: httpx.Client, base: str, job_id: str, timeout: float = 60, poll: float = 0.005
) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"{base}/v1/jobs/{job_id}").json()
        if job["status"] in ("succeeded", "failed", "canceled"):
            return job
        time.sleep(poll)
    raise TimeoutError(f"job {job_id} did not finish in {timeout} s")


def stored_seconds(job: dict, until: str = "finished_at") -> float:
    """created_at → finished_at as the service stored them: the job's own time (or up to
    started_at: the queue hop to a worker plus reading the article and its quotes)."""
    created = datetime.fromisoformat(job["created_at"])
    return (datetime.fromisoformat(job[until]) - created).total_seconds()


def single_jobs(
    base: str, server: LocalServer, article: str, count: int, *, quiet: bool = False
) -> tuple[list[float], list[float]]:
    """(client-side latencies, stored created → finished durations) of `count` jobs."""
    latencies, stored, began = [], [], []
    with httpx.Client(timeout=30) as client:
        for n in range(count):
            started = time.perf_counter()
            job_id = submit(client, base, job_body(server, article, n))
            job = wait_done(client, base, job_id)
            latencies.append(time.perf_counter() - started)
            if job["status"] != "succeeded":
                raise RuntimeError(f"job {job_id} {job['status']}: {job.get('error')}")
            stored.append(stored_seconds(job))
            began.append(stored_seconds(job, "started_at"))
            if n == 0 and not quiet:
                verdicts = [q["verdict"] for q in job["result"]["quotes"]]
                print(f"  first job: {len(verdicts)} quotes, verdicts {sorted(set(verdicts))}")
    if not quiet:
        print(
            f"  of which created_at → started_at (queue hop, extraction): p50 "
            f"{ms(percentile(began, 50))}"
        )
    return latencies, stored


def backlog(base: str, server: LocalServer, article: str, count: int) -> tuple[float, float]:
    """(seconds by the client's clock, seconds from the first stored created_at to the
    last stored finished_at) for `count` jobs submitted at once. The client looks every
    0.25 s, so its polling takes little of the 2 cores the service needs."""
    with httpx.Client(timeout=30) as client:
        started = time.perf_counter()
        ids = [submit(client, base, job_body(server, article, 10_000 + n)) for n in range(count)]
        jobs = [wait_done(client, base, job_id, timeout=300, poll=0.25) for job_id in ids]
        elapsed = time.perf_counter() - started
    first = min(datetime.fromisoformat(j["created_at"]) for j in jobs)
    last = max(datetime.fromisoformat(j["finished_at"]) for j in jobs)
    return elapsed, (last - first).total_seconds()


async def concurrent_clients(
    base: str, known_id: str, clients: int, requests: int, seconds: float
) -> dict[str, list[float]]:
    """`clients` coroutines (one in four requests a POST) until `requests` are done or time is up.

    Each client has its own one-connection httpx client, like separate users: one shared
    pool of 100 connections costs httpx ~9 ms of CPU per request on this machine, which
    would measure the load generator rather than the API.
    """
    timings: dict[str, list[float]] = {"POST": [], "GET": [], "ids": []}
    body = {"quotes": ["a short quote for the load test"], "sources": [{"text": "x", "name": "n"}]}
    budget = {"left": requests}
    stop_at = time.monotonic() + 1 + seconds
    ready = asyncio.Event()
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)

    async def one(n: int) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
            await client.get(f"/v1/jobs/{known_id}")  # open the connection, untimed
            await ready.wait()
            i = 0
            while budget["left"] > 0 and time.monotonic() < stop_at:
                budget["left"] -= 1
                method = "POST" if (n + i) % 4 == 0 else "GET"
                started = time.perf_counter()
                if method == "POST":
                    response = await client.post("/v1/jobs", json=body)
                else:
                    response = await client.get(f"/v1/jobs/{known_id}")
                timings[method].append(time.perf_counter() - started)
                response.raise_for_status()
                if method == "POST":
                    timings["ids"].append(response.json()["id"])
                i += 1

    runners = [asyncio.create_task(one(n)) for n in range(clients)]
    await asyncio.sleep(1)  # every client connected before the clock starts
    ready.set()
    await asyncio.gather(*runners)
    return timings


async def steady_gets(
    base: str, job_id: str, rate: float, seconds: float
) -> tuple[list[float], float]:
    """Open loop: a GET every 1/rate s regardless of answers, so slow answers cannot hide."""
    timings: list[float] = []
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def one() -> None:
            started = time.perf_counter()
            response = await client.get(f"/v1/jobs/{job_id}")
            timings.append(time.perf_counter() - started)
            response.raise_for_status()

        tasks = []
        begin = time.perf_counter()
        total = int(rate * seconds)
        for n in range(total):
            delay = begin + n / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one()))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - begin
    return timings, total / elapsed


def round_trips(server: LocalServer, article: str, database_url: str | None) -> dict[str, int]:
    """Run one 10x5 job's tasks in this process, counting what reaches the database."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    tmp = Path(tempfile.mkdtemp())
    os.environ.update(
        harness.service_env(
            tmp,
            redis_url=None,
            database_url=database_url,
            QUOTETRAIL_EGRESS_NETWORKS="127.0.0.0/8,::1/128",
            QUOTETRAIL_ALLOW_NETWORKS="127.0.0.1/32",
            QUOTETRAIL_HOST_INTERVAL="0",
            QUOTETRAIL_HOST_CONCURRENCY="8",
        )
    )
    from quotetrail.store import Store
    from worker import runtime, tasks
    from worker.celery_app import app

    runtime.reset()
    Store(os.environ["DATABASE_URL"]).migrate()
    store = runtime.store()
    counts = {"statements": 0, "commits": 0}

    def counted(conn, cursor, statement, *args) -> None:  # every engine in this process
        if not statement.lstrip().upper().startswith("BEGIN"):  # SQLite's explicit BEGINs
            counts["statements"] += 1

    def committed(conn) -> None:
        counts["commits"] += 1

    event.listen(Engine, "before_cursor_execute", counted)
    event.listen(Engine, "commit", committed)
    sent: list[tuple[str, list]] = []
    tasks._send = lambda name, job_id, *args: sent.append((name, [job_id, *args]))  # in-process
    results = []
    for n in range(3):  # the first job warms caches (robots.txt, imports); the last is counted
        before = dict(counts)
        job, _ = store.create_job(job_body(server, article, 50_000 + n))  # what the API does
        sent.append(("quotetrail.extract", [job.id]))
        while sent:
            name, args = sent.pop(0)
            if name != "quotetrail.webhook":
                app.tasks[name].apply(args=args, throw=True)
        results.append({k: counts[k] - before[k] for k in counts})
    status = store.get_job(job.id).status
    if status != "succeeded":
        raise RuntimeError(f"round-trip job {status}")
    return results[-1]


def _hop_consumer(url: str, options: dict, poll: float | None, count: int, out: str) -> None:
    """Separate process: receive `count` messages; write hop times and idle CPU seconds."""
    import json as _json

    from kombu import Connection

    from worker import sqlite_broker

    sqlite_broker.register()
    hops = []
    with Connection(url, transport_options=options) as connection:
        if poll is not None:  # kombu's SQLAlchemy transport hands its options to the engine
            connection.transport.polling_interval = poll
        queue = connection.SimpleQueue("hops")
        cpu0 = time.process_time()
        with contextlib.suppress(queue.Empty):  # 3 s with nothing to read: polling's cost
            queue.get(timeout=3)
        idle_cpu = time.process_time() - cpu0
        for _ in range(count):
            message = queue.get(timeout=30)
            hops.append(time.time() - message.payload["sent"])
            message.ack()
        queue.close()
    Path(out).write_text(_json.dumps({"hops": hops, "idle_cpu": idle_cpu}))


def queue_hops(count: int = 30) -> None:
    """Median producer → consumer latency across processes, and idle CPU of the consumer."""
    import json as _json
    import multiprocessing

    from kombu import Connection

    from worker import sqlite_broker

    sqlite_broker.register()
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("SQLite queue (notify)", "qtsqlite://localhost//", {"folder": f"{tmp}/q"}, None),
            ("kombu SQLAlchemy, poll 1 s", f"sqla+sqlite:///{tmp}/a.db", {}, 1.0),
            ("kombu SQLAlchemy, poll 0.05 s", f"sqla+sqlite:///{tmp}/b.db", {}, 0.05),
        ]
        for n, (name, url, options, poll) in enumerate(cases):
            out = f"{tmp}/hops{n}.json"
            consumer = context.Process(target=_hop_consumer, args=(url, options, poll, count, out))
            consumer.start()
            with Connection(url, transport_options=options) as connection:
                queue = connection.SimpleQueue("hops")
                time.sleep(4)  # the consumer's idle window
                for _ in range(count):
                    queue.put({"sent": time.time()})
                    time.sleep(0.1)
                queue.close()
            consumer.join(60)
            figures = _json.loads(Path(out).read_text())
            print(
                f"{name:30} hop p50 {ms(statistics.median(figures['hops']))}, "
                f"max {ms(max(figures['hops']))}; consumer CPU while idle 3 s: "
                f"{figures['idle_cpu'] * 1000:.0f} ms",
                flush=True,
            )


def ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jobs", type=int, default=20, help="single jobs timed one by one")
    parser.add_argument("--backlog", type=int, default=40, help="jobs submitted at once")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--database-url", default=None)
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="a throwaway database on the local PostgreSQL (QUOTETRAIL_TEST_POSTGRES), dropped after",
    )
    parser.add_argument(
        "--embedded", action="store_true", help="the embedded queue instead of Redis"
    )
    parser.add_argument(
        "--round-trips", action="store_true", help="only count one job's database statements"
    )
    parser.add_argument(
        "--queue-hops", action="store_true", help="only compare the embedded queue transports"
    )
    parser.add_argument(
        "--nagle",
        action="store_true",
        help="the page server without TCP_NODELAY (each page then waits ~40 ms on a delayed ACK)",
    )
    args = parser.parse_args()
    if args.queue_hops:
        queue_hops()
        return 0
    if args.postgres:
        from tests.service.store.pg_databases import fresh_database

        with fresh_database() as url:
            args.database_url = url
            return bench(args)
    return bench(args)


def bench(args: argparse.Namespace) -> int:
    """The service bench proper (see the module docstring), with the parsed options."""

    article, quotes = article_with_quotes(QUOTES)
    pages = {f"/page{i}": Route(page_with(quotes)) for i in range(SOURCES)}
    server = LocalServer(pages)
    # Like nginx's default tcp_nodelay: without it, Python's server sends the headers and
    # the body in two small writes and the body waits for the client's delayed ACK.
    server._httpd.RequestHandlerClass.disable_nagle_algorithm = not args.nagle
    server.start()
    if args.round_trips:
        counted = round_trips(server, article, args.database_url)
        where = "PostgreSQL" if args.database_url else "SQLite"
        print(
            f"database per {QUOTES}x{SOURCES} job ({where}): {counted['statements']} statements, "
            f"{counted['commits']} commits"
        )
        server.stop()
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        env = harness.service_env(
            tmp_path,
            redis_url=None if args.embedded else harness.SHARED_REDIS,
            database_url=args.database_url,
            QUOTETRAIL_RATE_LIMIT="0",
            QUOTETRAIL_EGRESS_NETWORKS="127.0.0.0/8,::1/128",
            QUOTETRAIL_ALLOW_NETWORKS="127.0.0.1/32",
            QUOTETRAIL_HOST_INTERVAL="0",
            # Every bench page is on one host; two workers fetch 2 x 5 of them at once.
            QUOTETRAIL_HOST_CONCURRENCY=str(HOST_CONCURRENCY),
        )
        mode = "embedded (SQLite queue)" if args.embedded else "Redis broker"
        print(
            f"quotetrail service bench: {mode}, 1 Celery worker x 2 processes, "
            f"{'PostgreSQL' if args.database_url else 'SQLite'}, {QUOTES} quotes x {SOURCES} sources"
        )
        print(
            "  politeness set permissive for the bench (hosts allow it): QUOTETRAIL_HOST_INTERVAL=0, "
            f"QUOTETRAIL_HOST_CONCURRENCY={HOST_CONCURRENCY} (defaults: 1 s between requests "
            "to a host and 2 at a time, a politeness choice, not overhead)"
        )
        print(
            f"  page server: {'Nagle on (no TCP_NODELAY)' if args.nagle else 'TCP_NODELAY'}; "
            f"load average at the start {os.getloadavg()[0]:.2f}"
        )
        with harness.stack(tmp_path, env, workers=1, concurrency=2) as s:
            single_jobs(s.base, server, article, 2, quiet=True)  # warm-up: imports, connections
            latencies, stored = single_jobs(s.base, server, article, args.jobs)
            print(
                f"single job, client (submit → seen finished; {args.jobs} jobs): "
                f"p50 {ms(percentile(latencies, 50))}, p95 {ms(percentile(latencies, 95))}, "
                f"max {ms(max(latencies))}"
            )
            print(
                f"single job, stored created_at → finished_at: p50 {ms(percentile(stored, 50))}, "
                f"p95 {ms(percentile(stored, 95))}, max {ms(max(stored))}"
            )
            elapsed, service = backlog(s.base, server, article, args.backlog)
            print(
                f"throughput: {args.backlog} jobs in {elapsed:.2f} s by the client = "
                f"{args.backlog / elapsed * 60:.0f} jobs/min; stored first created → last "
                f"finished {service:.2f} s = {args.backlog / service * 60:.0f} jobs/min"
            )

            known = s.submit(job_body(server, article, 99_999))
            wait_done(httpx.Client(timeout=30), s.base, known)
            # The steady GET rate first, on a service with nothing else to do...
            gets, achieved = asyncio.run(steady_gets(s.base, known, args.rate, args.seconds))
            print(
                f"GET /v1/jobs/{{id}} at {achieved:.0f} req/s ({len(gets)} requests): "
                f"p50 {ms(statistics.median(gets))}, p99 {ms(percentile(gets, 99))}"
            )
            # ...then 100 clients at once, while the workers process what they POST.
            timings = asyncio.run(
                concurrent_clients(s.base, known, args.clients, args.requests, args.seconds * 3)
            )
            timings.pop("ids")
            for method, values in timings.items():
                if not values:  # an overloaded machine may answer none in the window
                    print(f"{method} /v1/jobs under {args.clients} clients: no answer in time")
                    continue
                print(
                    f"{method} /v1/jobs under {args.clients} clients ({len(values)} requests): "
                    f"p50 {ms(statistics.median(values))}, p99 {ms(percentile(values, 99))}"
                )
    server.stop()
    print("load average (1/5/15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
