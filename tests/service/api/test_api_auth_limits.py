"""API keys (hashed, revocable, per-key job scope) and per-client rate limits."""

from __future__ import annotations

import os
import re
import uuid

import pytest
from fastapi.testclient import TestClient

from api.ratelimit import MemoryRateLimiter, RedisRateLimiter
from quotetrail.store import Store
from tests.service.api.helpers import assert_problem

JOB = {"quotes": ["a quote"]}


@pytest.fixture
def secured(make_app):
    with TestClient(make_app({"QUOTETRAIL_REQUIRE_API_KEY": "1"})) as client:
        yield client


def test_keys_are_optional_by_default(client: TestClient) -> None:
    assert client.post("/v1/jobs", json=JOB).status_code == 202


def test_required_key_missing_is_401(secured: TestClient) -> None:
    response = secured.post("/v1/jobs", json=JOB)
    body = assert_problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "API key" in body["detail"]
    assert_problem(secured.get("/v1/jobs"), 401)


def test_bearer_and_x_api_key_both_work(secured: TestClient, store: Store) -> None:
    _, token = store.create_api_key("newsroom")
    by_bearer = secured.post("/v1/jobs", json=JOB, headers={"Authorization": f"Bearer {token}"})
    by_header = secured.get(by_bearer.headers["location"], headers={"X-API-Key": token})
    assert by_bearer.status_code == 202
    assert by_header.status_code == 200


def test_wrong_scheme_or_unknown_key_is_401_even_when_optional(client: TestClient) -> None:
    assert_problem(client.get("/v1/jobs", headers={"Authorization": "Basic dXNlcjpwYXNz"}), 401)
    assert_problem(client.get("/v1/jobs", headers={"X-API-Key": "qt_not-a-real-key"}), 401)


def test_revoked_key_stops_working(secured: TestClient, store: Store) -> None:
    record, token = store.create_api_key("temp")
    headers = {"Authorization": f"Bearer {token}"}
    assert secured.get("/v1/jobs", headers=headers).status_code == 200
    store.revoke_api_key(record.id)
    body = assert_problem(secured.get("/v1/jobs", headers=headers), 401)
    assert "revoked" in body["detail"]


def test_each_key_sees_only_its_own_jobs(secured: TestClient, store: Store) -> None:
    _, alice = store.create_api_key("alice")
    _, bob = store.create_api_key("bob")
    job = secured.post("/v1/jobs", json=JOB, headers={"X-API-Key": alice}).json()
    assert secured.get(f"/v1/jobs/{job['id']}", headers={"X-API-Key": alice}).status_code == 200
    assert_problem(secured.get(f"/v1/jobs/{job['id']}", headers={"X-API-Key": bob}), 404)
    assert_problem(secured.delete(f"/v1/jobs/{job['id']}", headers={"X-API-Key": bob}), 404)
    assert secured.get("/v1/jobs", headers={"X-API-Key": bob}).json()["items"] == []
    assert [
        j["id"] for j in secured.get("/v1/jobs", headers={"X-API-Key": alice}).json()["items"]
    ] == [job["id"]]
    # the same Idempotency-Key from two keys makes two jobs
    a = secured.post("/v1/jobs", json=JOB, headers={"X-API-Key": alice, "Idempotency-Key": "k"})
    b = secured.post(
        "/v1/jobs", json={"quotes": ["other"]}, headers={"X-API-Key": bob, "Idempotency-Key": "k"}
    )
    assert a.status_code == b.status_code == 202 and a.json()["id"] != b.json()["id"]


HEADER_POLICY = re.compile(r'^"default";q=(\d+);w=(\d+)$')
HEADER_STATE = re.compile(r'^"default";r=(\d+);t=(\d+)$')


def test_rate_limit_headers_and_429(make_app, store: Store) -> None:
    _, token = store.create_api_key("busy")
    with TestClient(
        make_app({"QUOTETRAIL_RATE_LIMIT": "3", "QUOTETRAIL_RATE_WINDOW": "60"})
    ) as client:
        remaining = []
        for _ in range(3):
            response = client.get("/v1/jobs")
            assert response.status_code == 200
            assert HEADER_POLICY.match(response.headers["ratelimit-policy"]).groups() == ("3", "60")
            r, t = HEADER_STATE.match(response.headers["ratelimit"]).groups()
            remaining.append(int(r))
            assert 0 < int(t) <= 60
        assert remaining == [2, 1, 0]
        refused = client.get("/v1/jobs")
        body = assert_problem(refused, 429)
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        assert HEADER_STATE.match(refused.headers["ratelimit"]).group(1) == "0"
        assert "quota" in body["detail"]
        # a key has its own quota, separate from the anonymous client's
        assert client.get("/v1/jobs", headers={"X-API-Key": token}).status_code == 200
        # health checks are never limited
        assert client.get("/healthz").status_code == 200
        assert "ratelimit" not in client.get("/healthz").headers


def test_token_bucket_refills_over_the_window() -> None:
    now = [1000.0]
    limiter = MemoryRateLimiter(2, 10, clock=lambda: now[0])
    assert [limiter.hit("a").allowed for _ in range(3)] == [True, True, False]
    refused = limiter.hit("a")
    assert refused.retry_after == 5  # one token every 5 s
    assert limiter.hit("b").allowed  # other clients are unaffected
    now[0] += 5
    assert limiter.hit("a").allowed
    assert not limiter.hit("a").allowed
    now[0] += 100
    full = limiter.hit("a")
    assert full.allowed and full.remaining == 1 and full.reset_after == 5


def _redis():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(
        os.environ.get("QUOTETRAIL_TEST_REDIS", "redis://127.0.0.1:6379/15")
    )
    try:
        client.ping()
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis not reachable: {exc.__class__.__name__}")
    return client


def test_redis_limiter_is_shared_between_processes() -> None:
    client = _redis()
    prefix = f"quotetrail-test:{uuid.uuid4().hex}:"
    first = RedisRateLimiter(client, 3, 30, prefix=prefix)
    second = RedisRateLimiter(client, 3, 30, prefix=prefix)  # another API process
    try:
        decisions = [first.hit("ip:1"), second.hit("ip:1"), first.hit("ip:1"), second.hit("ip:1")]
        assert [d.allowed for d in decisions] == [True, True, True, False]
        assert [d.remaining for d in decisions] == [2, 1, 0, 0]
        assert 1 <= decisions[-1].retry_after <= 30
        assert first.hit("ip:2").allowed
    finally:
        for key in client.scan_iter(f"{prefix}*"):
            client.delete(key)


def test_redis_outage_lets_requests_through() -> None:
    class DeadRedis:
        def register_script(self, _source):
            def run(**_kwargs):
                raise ConnectionError("down")

            return run

    decision = RedisRateLimiter(DeadRedis(), 5, 60).hit("ip:1")
    assert decision.allowed


def test_api_with_redis_limiter(make_app) -> None:
    client = _redis()
    with TestClient(make_app({"QUOTETRAIL_RATE_LIMIT": "2"}, redis=client)) as api:
        api.app.state.quotetrail.limiter._prefix = f"quotetrail-test:{uuid.uuid4().hex}:"
        statuses = [api.get("/v1/jobs").status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        assert api.get("/readyz").json()["checks"] == {"database": "ok", "redis": "ok"}


def test_redis_limiter_keys_honour_the_redis_prefix(monkeypatch) -> None:
    client = _redis()
    prefix = f"qt-test-{uuid.uuid4().hex}"
    monkeypatch.setenv("QUOTETRAIL_REDIS_PREFIX", prefix)
    limiter = RedisRateLimiter(client, 3, 30)
    try:
        limiter.hit("ip:9")
        assert [k.decode() for k in client.scan_iter(f"{prefix}:*")] == [f"{prefix}:ratelimit:ip:9"]
    finally:
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
