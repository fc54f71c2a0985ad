"""Odd but well-formed requests: calendar edges, %00 in paths and queries, HEAD.

Each must get a proper answer (a result or a problem), never a 500.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from quotetrail.store import Store
from tests.service.api.helpers import assert_problem
from tests.service.store.pg_databases import fresh_database


@pytest.fixture(params=["sqlite", "postgresql"])
def any_client(request, make_app: Callable[..., FastAPI], store: Store) -> Iterator[TestClient]:
    if request.param == "sqlite":
        with TestClient(make_app(), raise_server_exceptions=False) as client:
            yield client
        return
    with fresh_database() as url:
        pg = Store(url)
        pg.migrate()
        try:
            with TestClient(make_app(store=pg), raise_server_exceptions=False) as client:
                yield client
        finally:
            pg.close()


def _submit(client: TestClient) -> str:
    response = client.post("/v1/jobs", json={"quotes": ["the depot opens in May"]})
    assert response.status_code == 202, response.text
    return response.json()["id"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("submitted_to=9999-12-31", True),
        ("submitted_from=9999-12-31", False),
        ("submitted_from=0001-01-01T00:00:00%2B05:00", True),
        ("submitted_to=9999-12-31T23:00:00-05:00", True),
        ("submitted_from=9999-12-31T23:00:00-05:00", False),
    ],
)
def test_dates_at_the_ends_of_the_calendar(any_client: TestClient, query: str, found: bool) -> None:
    job_id = _submit(any_client)
    response = any_client.get(f"/v1/jobs?{query}")
    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == ([job_id] if found else [])


@pytest.mark.parametrize("path", ["/v1/jobs/%00", "/v1/jobs/abc%00", "/v1/jobs/%00/sources"])
def test_nul_in_a_job_id_is_404(any_client: TestClient, path: str) -> None:
    assert_problem(any_client.get(path), 404)
    assert_problem(any_client.delete("/v1/jobs/%00"), 404)
    assert_problem(any_client.get("/v1/jobs/%00/sources/0/snapshot"), 404)


def test_nul_in_filters_matches_nothing(any_client: TestClient) -> None:
    _submit(any_client)
    response = any_client.get("/v1/jobs", params={"outlet": "TASS\x00"})
    assert response.status_code == 200, response.text
    assert response.json()["items"] == []


def test_head_is_answered_like_get(client: TestClient) -> None:
    """RFC 9110 §9.3.2: HEAD is GET without the body (monitors and link checkers use it)."""
    job_id = _submit(client)
    for path in ("/healthz", f"/v1/jobs/{job_id}", "/v1/jobs?limit=1", "/dashboard/login"):
        got = client.get(path)
        head = client.head(path)
        assert head.status_code == got.status_code == 200, (path, head.status_code)
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
    missing = client.head("/v1/jobs/no-such-job")
    assert missing.status_code == 404 and missing.content == b""
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert client.head("/v1/jobs").headers.get("ratelimit")


def test_body_without_a_content_type_is_415(client: TestClient, dispatcher) -> None:
    """A page on another site can POST a body with no Content-Type and no preflight
    (fetch with a typeless Blob): refusing it keeps anonymous APIs out of reach, and a
    client that forgot the header learns why instead of getting a puzzling 422."""
    response = client.post("/v1/jobs", content=b'{"quotes": ["the depot opens in May"]}')
    body = assert_problem(response, 415)
    assert "application/json" in body["detail"]
    assert dispatcher.enqueued == []


def test_made_up_methods_do_not_grow_the_metrics(client: TestClient) -> None:
    """Any token is a valid HTTP method; each must not become a new metrics label."""
    for i in range(20):
        response = client.request(f"BREW{i}", "/v1/jobs")
        assert response.status_code == 405
        assert response.headers["content-type"].startswith("application/problem+json")
    text = client.get("/metrics").text
    assert "BREW" not in text
    assert 'method="OTHER"' in text
