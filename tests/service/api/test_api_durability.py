"""A job acknowledged with 202 survives the API process being killed outright."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from quotetrail.store import Store

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_api(data_dir: Path, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "QUOTETRAIL_DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{data_dir / 'durable.db'}",
        "QUOTETRAIL_SECRET_KEY": "durability-test",
    }
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "api.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode(errors="replace"))
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the API did not start")


def test_accepted_jobs_survive_sigkill(tmp_path: Path) -> None:
    port = _free_port()
    api = _start_api(tmp_path, port)
    try:
        ids = [
            httpx.post(
                f"http://127.0.0.1:{port}/v1/jobs", json={"quotes": [f"quote {i}"]}, timeout=10
            ).json()["id"]
            for i in range(5)
        ]
    finally:
        api.send_signal(signal.SIGKILL)  # no shutdown hooks, no clean close
        api.wait(10)

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
        restarted.terminate()
        restarted.wait(10)
