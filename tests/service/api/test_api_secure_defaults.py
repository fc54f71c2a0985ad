"""Secure defaults: keys are required beyond loopback unless the operator opts out, and the
anonymous API reaches only anonymous jobs (never a dashboard user's or a key's).

The in-process client reports the server address from its base URL, so "a request that
arrived on 10.9.8.7" is tested without any socket; the real-process check binds `serve`
to 0.0.0.0 and talks to it on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.security import beyond_loopback
from quotetrail.store import Store
from tests.service.api.helpers import assert_problem

ROOT = Path(__file__).resolve().parents[3]
JOB = {"quotes": ["a quote"]}


@pytest.mark.parametrize(
    ("host", "beyond"),
    [
        ("0.0.0.0", True),
        ("::", True),
        ("10.1.2.3", True),
        ("[2001:db8::1]", True),
        ("127.0.0.1", False),
        ("127.0.0.12", False),
        ("::1", False),
        ("localhost", False),
        (None, False),
    ],
)
def test_what_counts_as_beyond_loopback(host, beyond) -> None:
    assert beyond_loopback(host) is beyond


def test_a_request_arriving_beyond_loopback_needs_a_key_by_default(make_app, store) -> None:
    with TestClient(make_app(), base_url="http://10.9.8.7") as client:
        assert_problem(client.post("/v1/jobs", json=JOB), 401)
        assert_problem(client.get("/v1/jobs"), 401)
        _, token = store.create_api_key("newsroom")
        accepted = client.post("/v1/jobs", json=JOB, headers={"X-API-Key": token})
        assert accepted.status_code == 202


def test_a_loopback_request_stays_anonymous(make_app) -> None:
    with TestClient(make_app(), base_url="http://127.0.0.1") as client:
        assert client.post("/v1/jobs", json=JOB).status_code == 202


def test_the_bind_host_decides_even_for_a_loopback_connection(make_app) -> None:
    with TestClient(
        make_app({"QUOTETRAIL_BIND_HOST": "0.0.0.0"}), base_url="http://127.0.0.1"
    ) as c:
        assert_problem(c.post("/v1/jobs", json=JOB), 401)


def test_the_operator_can_opt_out_explicitly(make_app) -> None:
    app = make_app({"QUOTETRAIL_REQUIRE_API_KEY": "0", "QUOTETRAIL_BIND_HOST": "0.0.0.0"})
    with TestClient(app, base_url="http://10.9.8.7") as client:
        assert client.post("/v1/jobs", json=JOB).status_code == 202


def test_anonymous_api_cannot_reach_dashboard_jobs(client: TestClient, store: Store) -> None:
    dashboard_job, _ = store.create_job({"quotes": ["q"]}, owner="admin")  # as the dashboard does
    anonymous_job = client.post("/v1/jobs", json=JOB).json()["id"]
    assert_problem(client.get(f"/v1/jobs/{dashboard_job.id}"), 404)
    assert_problem(client.delete(f"/v1/jobs/{dashboard_job.id}"), 404)
    assert_problem(client.get(f"/v1/jobs/{dashboard_job.id}/sources"), 404)
    listed = {item["id"] for item in client.get("/v1/jobs").json()["items"]}
    assert listed == {anonymous_job}
    assert store.get_job(dashboard_job.id).status == "queued"  # not canceled


def test_keys_and_anonymous_callers_do_not_see_each_others_jobs(
    client: TestClient, store: Store
) -> None:
    _, token = store.create_api_key("desk")
    keyed = client.post("/v1/jobs", json=JOB, headers={"X-API-Key": token}).json()["id"]
    anonymous = client.post("/v1/jobs", json=JOB).json()["id"]
    assert_problem(client.get(f"/v1/jobs/{keyed}"), 404)
    mine = client.get("/v1/jobs", headers={"X-API-Key": token}).json()["items"]
    assert [item["id"] for item in mine] == [keyed]
    assert_problem(client.get(f"/v1/jobs/{anonymous}", headers={"X-API-Key": token}), 404)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_bound_beyond_loopback_denies_anonymous_calls(tmp_path: Path) -> None:
    """A real `serve --host 0.0.0.0 --no-worker`; every request goes to 127.0.0.1."""
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QUOTETRAIL_DATA_DIR": str(tmp_path),
        "QUOTETRAIL_SECRET_KEY": "test",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "QUOTETRAIL_REQUIRE_API_KEY", "QUOTETRAIL_BIND_HOST"):
        env.pop(name, None)
    argv = [sys.executable, "-m", "quotetrail.cli", "serve", "--no-worker"]
    server = subprocess.Popen(
        [*argv, "--host", "0.0.0.0", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
        refused = httpx.post(f"{base}/v1/jobs", json=JOB, timeout=5)
        assert refused.status_code == 401
        assert httpx.get(f"{base}/metrics", timeout=5).status_code == 401
    finally:
        server.terminate()
        server.wait(timeout=30)


def _healthz_count(text: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if line.startswith("quotetrail_http_requests_total{") and 'route="/healthz"' in line:
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_metrics_agree_across_uvicorn_worker_processes(tmp_path: Path) -> None:
    """Two uvicorn workers, PROMETHEUS_MULTIPROC_DIR set: every scrape, whichever process
    answers it, counts every request (before: 14, 9, 14, 9)."""
    port = _free_port()
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QUOTETRAIL_DATA_DIR": str(tmp_path),
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        "QUOTETRAIL_METRICS_KEY": "m",
        "QUOTETRAIL_SECRET_KEY": "test",
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, "-m", "quotetrail.cli", "serve", "--migrate-only"],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    uvicorn = [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app"]
    server = subprocess.Popen(
        [*uvicorn, "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.2)
        for _ in range(30):  # new connections: spread over both processes
            assert httpx.get(f"{base}/healthz", timeout=5).status_code == 200
        counts = []
        for _ in range(6):
            scrape = httpx.get(f"{base}/metrics", headers={"Authorization": "Bearer m"}, timeout=5)
            assert scrape.status_code == 200
            counts.append(_healthz_count(scrape.text))
        assert all(count >= 31 for count in counts), counts
        assert counts == sorted(counts), counts  # never goes back: one truth, not two
    finally:
        server.terminate()
        server.wait(timeout=30)
