"""Real processes for the integration tests: Celery workers, the API, a private Redis.

Everything listens on 127.0.0.1 and lives in a temp dir; every run gets its own queue
and Redis key prefix, so runs sharing the machine's Redis (DB 13) never see each other.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from tests.support.processes import Proc, free_port, serve, wait_for

__all__ = ["Proc", "free_port", "serve", "wait_for"]  # the worker tests reach them through here

SHARED_REDIS = "redis://127.0.0.1:6379/13"

# Short limits so failure paths finish in seconds (see worker/settings.py).
FAST = {
    "QUOTETRAIL_TASK_SOFT_TIME_LIMIT": "10",  # finalize judges with the sentence model
    "QUOTETRAIL_TASK_TIME_LIMIT": "12",
    "QUOTETRAIL_VISIBILITY_TIMEOUT": "14",  # longer than the hard limit
    "QUOTETRAIL_RESTORE_INTERVAL": "1",
    "QUOTETRAIL_TASK_MAX_RETRIES": "3",
    "QUOTETRAIL_RETRY_BACKOFF": "0.2",
    "QUOTETRAIL_RETRY_BACKOFF_MAX": "1",
    "QUOTETRAIL_SWEEP_INTERVAL": "2",
    "QUOTETRAIL_JOB_STALE_AFTER": "30",
    "QUOTETRAIL_JOB_DEADLINE": "120",
    "QUOTETRAIL_WEBHOOK_RETRIES": "3",
    "QUOTETRAIL_RATE_LIMIT": "0",
    "QUOTETRAIL_HOST_INTERVAL": "0.05",
    "QUOTETRAIL_HOST_CONCURRENCY": "4",
}


def service_env(
    data_dir: Path, *, redis_url: str | None, database_url: str | None = None, **extra: str
) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("REDIS_URL", "DATABASE_URL"):
        env.pop(name, None)
    run = uuid.uuid4().hex[:10]
    env.update(FAST)
    env.update(
        QUOTETRAIL_DATA_DIR=str(data_dir),
        QUOTETRAIL_QUEUE=f"qt-test-{run}",
        QUOTETRAIL_REDIS_PREFIX=f"qt-test-{run}",
        PYTHONUNBUFFERED="1",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    env["DATABASE_URL"] = database_url or f"sqlite:///{data_dir / 'quotetrail.db'}"
    env.update(extra)
    return env


def celery_worker(env: dict[str, str], log: Path, concurrency: int = 2) -> Proc:
    argv = [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker", "--pool=prefork"]
    argv += [f"-c{concurrency}", "-Q", env["QUOTETRAIL_QUEUE"], "--loglevel=INFO"]
    argv += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    return Proc(argv, env, log).start()


def api_server(env: dict[str, str], log: Path, port: int) -> Proc:
    return serve(env, log, port, worker=False)


@contextmanager
def private_redis(tmp: Path) -> Iterator[tuple[str, Callable[[], None], Callable[[], None]]]:
    """A redis-server of our own (append-only, fsync always) that a test may kill and restart.

    Yields (url, kill, start). Never touches the machine's shared Redis on 6379.
    """
    binary = shutil.which("redis-server")
    assert binary, "redis-server is not installed (run .ci/services.sh)"
    port = free_port()
    folder = tmp / "redis"
    folder.mkdir()
    argv = [
        binary, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(folder),
        "--appendonly", "yes", "--appendfsync", "always", "--save", "",
        "--maxmemory-policy", "noeviction",
    ]  # fmt: skip
    state: dict[str, Proc] = {}

    def start() -> None:
        proc = Proc(argv, dict(os.environ), tmp / "redis.log").start()
        state["proc"] = proc
        import redis

        client = redis.Redis(port=port, socket_connect_timeout=0.5)
        wait_for(lambda: _pings(client), 10, "private redis", proc)

    def kill() -> None:
        state["proc"].kill(signal.SIGKILL)

    start()
    try:
        yield f"redis://127.0.0.1:{port}/0", kill, start
    finally:
        state["proc"].stop()


def forget_run(env: dict[str, str]) -> None:
    """Delete this run's keys (queue, cache, progress) from a shared Redis."""
    url = env.get("REDIS_URL")
    if not url:
        return
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        for pattern in (f"{env['QUOTETRAIL_REDIS_PREFIX']}:*", f"*{env['QUOTETRAIL_QUEUE']}*"):
            for key in client.scan_iter(pattern, count=500):
                client.delete(key)
    except redis.RedisError:
        pass  # a private Redis already stopped


def _pings(client: Any) -> bool:
    try:
        return bool(client.ping())
    except Exception:
        return False


# --- the service as a client sees it ------------------------------------------------


class Stack:
    """API + Celery workers sharing one broker and one database, driven over HTTP."""

    def __init__(self, tmp: Path, env: dict[str, str], *, workers: int = 1, concurrency: int = 2):
        self.tmp = tmp
        self.env = env
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.concurrency = concurrency
        self._started = 0
        self.api = api_server(env, tmp / "api.log", self.port)
        self.workers = [self.add_worker() for _ in range(workers)]

    def add_worker(self) -> Proc:
        self._started += 1
        return celery_worker(self.env, self.tmp / f"worker{self._started}.log", self.concurrency)

    @property
    def procs(self) -> list[Proc]:
        return [self.api, *self.workers]

    def stop(self) -> None:
        for proc in reversed(self.procs):
            proc.stop()
        forget_run(self.env)

    def submit(self, body: dict[str, Any]) -> str:
        response = httpx.post(f"{self.base}/v1/jobs", json=body, timeout=10)
        assert response.status_code in (200, 201, 202), response.text
        return response.json()["id"]

    def job(self, job_id: str) -> dict[str, Any]:
        response = httpx.get(f"{self.base}/v1/jobs/{job_id}", timeout=10)
        assert response.status_code == 200, response.text
        return response.json()

    def wait(self, job_id: str, timeout: float = 60) -> dict[str, Any]:
        def finished() -> dict[str, Any] | None:
            job = self.job(job_id)
            return job if job["status"] in ("succeeded", "failed", "canceled") else None

        return wait_for(finished, timeout, f"job {job_id}", *self.procs)

    def sources(self, job_id: str) -> list[dict[str, Any]]:
        response = httpx.get(f"{self.base}/v1/jobs/{job_id}/sources", timeout=10)
        assert response.status_code == 200, response.text
        return response.json()["items"]

    def get(self, path_or_url: str) -> httpx.Response:
        url = path_or_url if path_or_url.startswith("http") else self.base + path_or_url
        return httpx.get(url, timeout=10)


@contextmanager
def stack(tmp: Path, env: dict[str, str], **kwargs: Any) -> Iterator[Stack]:
    s = Stack(tmp, env, **kwargs)
    try:
        yield s
    finally:
        s.stop()
