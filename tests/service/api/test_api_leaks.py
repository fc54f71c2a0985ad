"""Small leaks: a 422 never says what a name resolved to, and URL credentials are neither
stored, echoed nor sent."""

from __future__ import annotations

from fastapi.testclient import TestClient

from quotetrail.store import Store
from tests.service.api.helpers import assert_problem


def test_a_refused_name_does_not_reveal_its_address(client: TestClient) -> None:
    response = client.post(
        "/v1/jobs", json={"quotes": ["q"], "sources": [{"url": "http://sneaky.localhost/x"}]}
    )
    body = assert_problem(response, 422)
    assert "127.0.0.2" not in response.text
    assert "sneaky.localhost is not reachable" in body["errors"][0]["message"]


def test_a_refused_ip_literal_is_still_explained(client: TestClient) -> None:
    response = client.post(
        "/v1/jobs", json={"quotes": ["q"], "sources": [{"url": "http://10.0.0.1/x"}]}
    )
    body = assert_problem(response, 422)
    assert "10.0.0.1" in body["errors"][0]["message"]


def test_credentials_in_urls_are_never_stored_or_echoed(client: TestClient, store: Store) -> None:
    job = {
        "article": {"url": "http://editor:hunter2@outlet.localhost/story"},
        "quotes": ["q"],
        "sources": [{"url": "http://u:pw@outlet.localhost/a"}],
        "callback_url": "http://hook:secret@outlet.localhost/cb",
    }
    accepted = client.post("/v1/jobs", json=job)
    assert accepted.status_code == 202
    stored = store.get_job(accepted.json()["id"]).request
    assert stored["article"]["url"] == "http://outlet.localhost/story"
    assert stored["sources"] == [{"url": "http://outlet.localhost/a"}]
    assert stored["callback_url"] == "http://outlet.localhost/cb"
    echoed = client.get(accepted.headers["location"]).text
    assert "hunter2" not in echoed and "pw@" not in echoed and "secret" not in echoed
