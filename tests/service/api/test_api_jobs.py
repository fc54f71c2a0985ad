"""Submit, poll, list, cancel, and read snapshots through the HTTP API."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient
from sqlalchemy import update

from quotetrail.store import Store
from quotetrail.store.models import JobRow
from tests.service.api.helpers import RecordingDispatcher, assert_problem

ARTICLE = {
    "article": {"text": "The mayor said: «We will open 4 new bridges», according to TASS."},
    "sources": [
        {"url": "http://127.0.0.1:8765/mayor"},
        {"name": "press release", "text": "We will open 4 new bridges."},
    ],
    "quotes": ["We will open 4 new bridges"],
}

REPORT = {
    "article": {"title": "Bridges", "lang": "en"},
    "quotes": [
        {
            "text": "We will open 4 new bridges",
            "verdict": "altered",
            "cited_source": "TASS",
            "score": 91.0,
            "evidence": [],
        },
    ],
    "sources": [{"source": "http://127.0.0.1:8765/mayor", "status": "ok", "outlet": None}],
}


def _submit(client: TestClient, body: dict | None = None, **headers: str):
    return client.post("/v1/jobs", json=body or ARTICLE, headers=headers)


def test_submit_stores_then_enqueues(
    client: TestClient, store: Store, dispatcher: RecordingDispatcher
) -> None:
    response = _submit(client)
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "queued"
    assert response.headers["location"] == f"/v1/jobs/{body['id']}" == body["links"]["self"]
    assert dispatcher.enqueued == [body["id"]]
    stored = store.get_job(body["id"])
    assert stored is not None and stored.request == ARTICLE


def test_poll_unfinished_then_finished(client: TestClient, store: Store) -> None:
    job_id = _submit(client).json()["id"]
    queued = client.get(f"/v1/jobs/{job_id}")
    assert queued.status_code == 200
    assert queued.headers["retry-after"] == "2"
    assert queued.json()["result"] is None

    store.start_job(job_id, quotes_total=1, sources_total=2, article={"title": "Bridges"})
    store.save_source(
        job_id,
        "http://127.0.0.1:8765/mayor",
        status="ok",
        body=b"<p>x</p>",
        content_type="text/html",
    )
    running = client.get(f"/v1/jobs/{job_id}").json()
    assert running["status"] == "running"
    assert running["title"] == "Bridges"
    assert running["progress"] == {
        "sources_done": 1,
        "sources_total": 2,
        "quotes_done": 0,
        "quotes_total": 1,
    }

    store.finish_job(job_id, REPORT)
    done = client.get(f"/v1/jobs/{job_id}")
    assert "retry-after" not in done.headers
    payload = done.json()
    assert payload["status"] == "succeeded"
    assert payload["result"] == REPORT
    assert payload["verdict_counts"] == {"altered": 1}
    assert payload["cited_outlets"] == ["TASS"]
    assert payload["progress"]["quotes_done"] == 1


def test_failed_job_shows_its_error(client: TestClient, store: Store) -> None:
    job_id = _submit(client).json()["id"]
    store.fail_job(job_id, "the article URL answered 404")
    body = client.get(f"/v1/jobs/{job_id}").json()
    assert (body["status"], body["error"], body["result"]) == (
        "failed",
        "the article URL answered 404",
        None,
    )


def test_unknown_job_is_a_404_problem(client: TestClient) -> None:
    for method, path in (
        ("GET", "/v1/jobs/nope"),
        ("DELETE", "/v1/jobs/nope"),
        ("GET", "/v1/jobs/nope/sources"),
    ):
        body = assert_problem(client.request(method, path), 404)
        assert body["instance"] == path


def test_idempotent_submission(client: TestClient, dispatcher: RecordingDispatcher) -> None:
    first = _submit(client, **{"Idempotency-Key": "order-1"})
    again = _submit(client, **{"Idempotency-Key": "order-1"})
    assert first.status_code == 202
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["location"] == first.headers["location"]
    assert dispatcher.enqueued == [first.json()["id"]]  # enqueued once

    other = _submit(client, {"quotes": ["something else"]}, **{"Idempotency-Key": "order-1"})
    body = assert_problem(other, 422)
    assert body["job_id"] == first.json()["id"]
    assert "Idempotency-Key" in body["detail"]


def test_bad_idempotency_key_header(client: TestClient) -> None:
    assert_problem(_submit(client, **{"Idempotency-Key": "x" * 300}), 422)


def test_cancel(client: TestClient, store: Store, dispatcher: RecordingDispatcher) -> None:
    job_id = _submit(client).json()["id"]
    canceled = client.delete(f"/v1/jobs/{job_id}")
    assert canceled.status_code == 202
    assert canceled.json()["status"] == "canceled"
    assert dispatcher.canceled == [job_id]
    assert store.get_job(job_id).status == "canceled"
    assert [e.action for e in store.list_audit(job_id)] == ["job.cancel"]
    again = client.delete(f"/v1/jobs/{job_id}")
    assert again.status_code == 200 and again.json()["status"] == "canceled"


def test_cancel_finished_job_conflicts(client: TestClient, store: Store) -> None:
    job_id = _submit(client).json()["id"]
    store.start_job(job_id, quotes_total=1, sources_total=1)
    store.finish_job(job_id, REPORT)
    body = assert_problem(client.delete(f"/v1/jobs/{job_id}"), 409)
    assert body["job_status"] == "succeeded"
    assert store.get_job(job_id).status == "succeeded"


def test_list_paginates_with_next_links(client: TestClient) -> None:
    ids = [_submit(client, {"quotes": [f"quote {i}"]}).json()["id"] for i in range(5)]
    seen: list[str] = []
    url = "/v1/jobs?limit=2"
    pages = 0
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["items"]]
        url = body["next"]
        pages += 1
        if url:
            assert parse_qs(urlsplit(url).query)["limit"] == ["2"]
    assert pages == 3
    assert seen == list(reversed(ids))


def test_list_filters(client: TestClient, store: Store) -> None:
    a, b, c = (_submit(client, {"quotes": [f"q{i}"]}).json()["id"] for i in range(3))
    store.start_job(a, quotes_total=1, sources_total=1)
    store.finish_job(a, REPORT)
    store.fail_job(b, "boom")
    with store.session() as session:
        session.execute(
            update(JobRow)
            .where(JobRow.id == c)
            .values(created_at=datetime(2026, 2, 1, 12, tzinfo=UTC))
        )

    def ids(query: str) -> set[str]:
        response = client.get(f"/v1/jobs?{query}")
        assert response.status_code == 200, response.text
        return {item["id"] for item in response.json()["items"]}

    assert ids("status=succeeded") == {a}
    assert ids("status=failed") == {b}
    assert ids("outlet=tass") == {a}
    assert ids("outlet=Interfax") == set()
    assert ids("verdict=altered") == {a}
    assert ids("verdict=matched") == set()
    assert ids("submitted_to=2026-02-01") == {c}
    assert ids("submitted_from=2026-02-02") == {a, b}
    assert ids("submitted_from=2026-02-01T11:00:00%2B00:00&submitted_to=2026-02-01T13:00:00Z") == {
        c
    }


def test_list_rejects_bad_filters(client: TestClient) -> None:
    for query in (
        "status=done",
        "verdict=great",
        "limit=0",
        "limit=1000",
        "cursor=garbage",
        "submitted_from=yesterday",
    ):
        body = assert_problem(client.get(f"/v1/jobs?{query}"), 422)
        assert body["errors"], query


def test_sources_and_snapshot_are_served_as_inert_text(client: TestClient, store: Store) -> None:
    job_id = _submit(client).json()["id"]
    store.start_job(job_id, quotes_total=1, sources_total=2)
    page = "<html><script>alert(1)</script><p>Мэр сказал</p></html>".encode("cp1251")
    store.save_source(
        job_id,
        "http://127.0.0.1:8765/mayor",
        status="ok",
        http_status=200,
        content_type="text/html; charset=windows-1251",
        body=page,
        sha256="0" * 64,
        fetched_at=datetime(2026, 3, 4, 5, 6, tzinfo=UTC),
    )
    store.save_source(job_id, "press release", status="ok", text="We will open 4 new bridges.")
    store.save_source(job_id, "http://127.0.0.1:8765/gone", status="error", error="HTTP 404")

    sources = client.get(f"/v1/jobs/{job_id}/sources").json()["items"]
    assert [s["source"] for s in sources] == [
        "http://127.0.0.1:8765/mayor",
        "press release",
        "http://127.0.0.1:8765/gone",
    ]
    assert sources[0]["links"]["snapshot"] == f"/v1/jobs/{job_id}/sources/0/snapshot"
    assert "snapshot" not in sources[2]["links"]

    snapshot = client.get(sources[0]["links"]["snapshot"])
    assert snapshot.status_code == 200
    assert snapshot.headers["content-type"] == "text/plain; charset=cp1251"
    assert snapshot.headers["content-disposition"].startswith("attachment")
    assert "sandbox" in snapshot.headers["content-security-policy"]
    assert snapshot.headers["x-content-type-options"] == "nosniff"
    assert snapshot.headers["x-snapshot-sha256"] == "0" * 64
    assert snapshot.content == page  # the exact bytes, not re-encoded
    assert "Мэр сказал" in snapshot.text

    typed = client.get(f"/v1/jobs/{job_id}/sources/1/snapshot")
    assert typed.headers["content-type"] == "text/plain; charset=utf-8"
    assert typed.text == "We will open 4 new bridges."

    assert_problem(client.get(f"/v1/jobs/{job_id}/sources/2/snapshot"), 404)
    assert_problem(client.get(f"/v1/jobs/{job_id}/sources/3/snapshot"), 404)
    assert_problem(client.get(f"/v1/jobs/{job_id}/sources/-1/snapshot"), 422)


def test_submitted_jobs_survive_an_api_restart(make_app, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'restart.db'}"
    first_store = Store(url)
    first_store.migrate()
    with TestClient(make_app(store=first_store)) as first:
        job_id = first.post("/v1/jobs", json=ARTICLE).json()["id"]
    first_store.close()

    second_store = Store(url)
    try:
        with TestClient(make_app(store=second_store)) as second:
            body = second.get(f"/v1/jobs/{job_id}").json()
        assert body["status"] == "queued"
        assert second_store.get_job(job_id).request == ARTICLE
    finally:
        second_store.close()


def test_enqueue_failure_still_accepts_the_stored_job(make_app, store: Store) -> None:
    class BrokenDispatcher(RecordingDispatcher):
        def enqueue(self, job_id: str) -> None:
            raise ConnectionError("broker down")

    with TestClient(make_app(dispatcher=BrokenDispatcher())) as client:
        response = client.post("/v1/jobs", json=ARTICLE)
    assert response.status_code == 202
    assert store.get_job(response.json()["id"]).status == "queued"  # the sweep will re-send it
