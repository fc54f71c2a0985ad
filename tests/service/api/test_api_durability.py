"""A job acknowledged with 202 survives the API process being killed outright."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import httpx
import pytest

from quotetrail.store import Store
from tests.support.processes import Proc, free_port, wait_http

pytestmark = pytest.mark.integration


def _start_api(data_dir: Path, port: int) -> Proc:
    env = {
        **os.environ,
        "QUOTETRAIL_DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{data_dir / 'durable.db'}",
        "QUOTETRAIL_SECRET_KEY": "durability-test",
    }
    env.pop("REDIS_URL", None)
    argv = [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app"]
    argv += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    process = Proc(argv, env, data_dir / "api.log").start()
    try:
        wait_http(f"http://127.0.0.1:{port}", process)
    except AssertionError:
        process.kill()
        raise
    return process


def test_accepted_jobs_survive_sigkill(tmp_path: Path) -> None:
    port = free_port()
    api = _start_api(tmp_path, port)
    try:
        ids = [
            httpx.post(
                f"http://127.0.0.1:{port}/v1/jobs", json={"quotes": [f"quote {i}"]}, timeout=10
            ).json()["id"]
            for i in range(5)
        ]
    finally:
        api.kill(signal.SIGKILL)  # no shutdown hooks, no clean close

    store = Store(f"sqlite:///{tmp_path / 'durable.db'}")
    try:
        found = {job.id: job for job in store.list_jobs()[0]}
        assert set(ids) <= set(found)
        assert found[ids[0]].request["quotes"] == ["quote 0"]
    finally:
        store.close()

    restarted = _start_api(tmp_path, port)
    try:
        body = httpx.get(f"http://127.0.0.1:{port}/v1/jobs/{ids[-1]}", timeout=10).json()
        assert body["status"] == "queued"
    finally:
        restarted.stop()
