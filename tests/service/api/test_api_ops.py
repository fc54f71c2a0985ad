"""/healthz, /readyz, /metrics and the OpenAPI document."""

from __future__ import annotations

import redis
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from redis.backoff import NoBackoff
from redis.retry import Retry

from quotetrail.store import Store
from tests.service.api.helpers import assert_problem


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"


def test_readyz_ok_and_failing(make_app, store: Store) -> None:
    with TestClient(make_app()) as client:
        ready = client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["checks"] == {"database": "ok"}

    # nothing listens on port 1 of loopback: a Redis that is down
    dead_redis = redis.Redis(
        host="127.0.0.1", port=1, socket_connect_timeout=1, retry=Retry(NoBackoff(), 0)
    )
    with TestClient(make_app(redis=dead_redis)) as client:
        body = assert_problem(client.get("/readyz"), 503)
        assert body["checks"] == {"database": "ok", "redis": "unreachable"}

    class DeadStore:
        def __getattr__(self, name):
            return getattr(store, name)

        def ping(self):
            return False

    with TestClient(make_app(store=DeadStore())) as client:
        body = assert_problem(client.get("/readyz"), 503)
        assert body["checks"]["database"] == "unreachable"


def _samples(text: str) -> dict[tuple[str, tuple], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def test_metrics_read_the_store(client: TestClient, store: Store) -> None:
    ids = [client.post("/v1/jobs", json={"quotes": [f"q{i}"]}).json()["id"] for i in range(3)]
    store.start_job(ids[0], quotes_total=1, sources_total=2)
    store.save_source(ids[0], "http://127.0.0.1:81/a", status="ok")
    store.save_source(ids[0], "http://localhost:81/b", status="error", error="timeout")
    store.finish_job(ids[0], {"quotes": [{"verdict": "matched"}], "sources": []})
    store.cancel_job(ids[1])

    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples = _samples(response.text)
    assert samples[("quotetrail_jobs", (("status", "queued"),))] == 1
    assert samples[("quotetrail_jobs", (("status", "succeeded"),))] == 1
    assert samples[("quotetrail_jobs", (("status", "canceled"),))] == 1
    assert samples[("quotetrail_jobs", (("status", "running"),))] == 0
    assert samples[("quotetrail_job_duration_seconds_count", (("status", "succeeded"),))] == 1
    assert (
        samples[
            ("quotetrail_job_duration_seconds_bucket", (("le", "+Inf"), ("status", "succeeded")))
        ]
        == 1
    )
    # No host names by default: they tell an outsider what a newsroom is checking.
    assert samples[("quotetrail_source_fetches_total", (("outcome", "ok"),))] == 1
    assert samples[("quotetrail_source_fetches_total", (("outcome", "error"),))] == 1
    assert "127.0.0.1" not in response.text and "localhost" not in response.text


def test_metrics_name_hosts_only_when_asked(make_app, store: Store) -> None:
    with TestClient(make_app({"QUOTETRAIL_METRICS_HOSTS": "1"})) as client:
        job = client.post("/v1/jobs", json={"quotes": ["q"]}).json()["id"]
        store.start_job(job, quotes_total=1, sources_total=1)
        store.save_source(job, "http://127.0.0.1:81/a", status="ok")
        samples = _samples(client.get("/metrics").text)
    key = ("quotetrail_source_fetches_total", (("host", "127.0.0.1"), ("outcome", "ok")))
    assert samples[key] == 1


def test_metrics_need_the_metrics_key_when_one_is_set(make_app) -> None:
    with TestClient(make_app({"QUOTETRAIL_METRICS_KEY": "m-secret"})) as client:
        assert client.get("/metrics").status_code == 401
        assert client.get("/metrics", headers={"Authorization": "Bearer nope"}).status_code == 401
        good = client.get("/metrics", headers={"Authorization": "Bearer m-secret"})
        assert good.status_code == 200 and "quotetrail_jobs" in good.text


def test_metrics_are_not_anonymous_beyond_loopback(make_app, store: Store) -> None:
    with TestClient(make_app(), base_url="http://10.9.8.7") as client:  # in-process: no socket
        refused = client.get("/metrics")
        assert refused.status_code == 401
        assert refused.headers["content-type"].startswith("application/problem+json")
        _key, token = store.create_api_key("scraper")
        assert client.get("/metrics", headers={"X-API-Key": token}).status_code == 200


def test_openapi_documents_problems(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    post = schema["paths"]["/v1/jobs"]["post"]
    for status in ("400", "401", "413", "415", "422", "429", "500"):
        content = post["responses"][status]["content"]
        assert list(content) == ["application/problem+json"], status
    assert "202" in post["responses"]
    assert "Problem" in schema["components"]["schemas"]
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    assert client.get("/docs").status_code == 200
