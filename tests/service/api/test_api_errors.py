"""Bad input of every kind gets an RFC 9457 problem, never a traceback."""

from __future__ import annotations

import asyncio
import json

import pytest
from fastapi.testclient import TestClient

from api.body_limit import BodyLimitMiddleware
from quotetrail.store import Store
from tests.service.api.helpers import RecordingDispatcher, assert_problem


def _post(client: TestClient, body: object):
    return client.post("/v1/jobs", json=body)


def test_malformed_json(client: TestClient, dispatcher: RecordingDispatcher) -> None:
    response = client.post(
        "/v1/jobs", content=b'{"article": {"text": ', headers={"Content-Type": "application/json"}
    )
    body = assert_problem(response, 400)
    assert "JSON" in body["title"]
    assert dispatcher.enqueued == []


@pytest.mark.parametrize(
    ("payload", "pointer"),
    [
        ({"article": {"text": 42}}, "/article/text"),
        ({"article": "just a string"}, "/article"),
        ({"quotes": "not a list"}, "/quotes"),
        ({"quotes": [""]}, "/quotes/0"),
        ({"quotes": ["   "]}, "/quotes/0"),
        ({"quotes": ["ok"], "sources": [{"text": "unnamed"}]}, "/sources/0"),
        (
            {"quotes": ["ok"], "sources": [{"url": "http://127.0.0.1/", "text": "both"}]},
            "/sources/0",
        ),
        ({"article": {"text": "a", "url": "http://127.0.0.1/"}}, "/article"),
        ({"article": {}}, "/article"),
        ({}, ""),
        ({"quotes": []}, ""),
        ({"quotes": ["ok"], "unexpected": 1}, "/unexpected"),
        ({"quotes": ["nul \x00 inside"]}, "/quotes/0"),
        ({"quotes": ["x" * 2001]}, "/quotes/0"),
        ({"quotes": ["q"] * 101}, "/quotes"),
        ({"quotes": ["q"], "min_confidence": 1.5}, "/min_confidence"),
        ({"quotes": ["q"], "min_confidence": "high"}, "/min_confidence"),
        ([1, 2, 3], ""),
    ],
)
def test_validation_errors_point_at_the_field(
    client: TestClient, payload: object, pointer: str
) -> None:
    body = assert_problem(_post(client, payload), 422)
    assert body["type"].endswith("validation-error")
    assert body["errors"], body
    pointers = [error["pointer"] for error in body["errors"]]
    assert any(
        p == pointer or (pointer and p.startswith(pointer)) or (not pointer and p in ("", "/"))
        for p in pointers
    ), pointers
    for error in body["errors"]:
        assert set(error) == {"pointer", "loc", "message", "type"}


def test_lone_surrogate_is_refused(client: TestClient) -> None:
    raw = b'{"quotes": ["bad \\ud800 text"]}'
    assert_problem(
        client.post("/v1/jobs", content=raw, headers={"Content-Type": "application/json"}), 422
    )


@pytest.mark.parametrize(
    ("payload", "pointer"),
    [
        ({"article": {"url": "file:///etc/passwd"}}, "/article/url"),
        ({"article": {"url": "http://127.0.0.2/"}}, "/article/url"),
        ({"article": {"url": "ftp://127.0.0.1/x"}}, "/article/url"),
        ({"article": {"url": "http:///no-host"}}, "/article/url"),
        ({"article": {"url": "http://127.0.0.1:99999/"}}, "/article/url"),
        ({"article": {"url": "http://sneaky.localhost/"}}, "/article/url"),  # resolves to 127.0.0.2
        ({"article": {"url": "http://does-not-resolve.localhost/"}}, "/article/url"),
        ({"quotes": ["q"], "sources": [{"url": "http://127.0.0.2:8080/page"}]}, "/sources/0/url"),
        ({"quotes": ["q"], "sources": [{"url": "http://[::ffff:127.0.0.2]/"}]}, "/sources/0/url"),
        ({"quotes": ["q"], "sources": [{"url": "http://0x7f.2/"}]}, "/sources/0/url"),  # 127.0.0.2
        ({"quotes": ["q"], "callback_url": "http://127.0.0.2/hook"}, "/callback_url"),
        ({"quotes": ["q"], "callback_url": "file:///tmp/hook"}, "/callback_url"),
    ],
)
def test_urls_the_fetch_guard_refuses_are_422(
    client: TestClient, dispatcher: RecordingDispatcher, store: Store, payload: dict, pointer: str
) -> None:
    body = assert_problem(_post(client, payload), 422)
    assert [error["pointer"] for error in body["errors"]] == [pointer]
    assert body["errors"][0]["type"] == "url_not_allowed"
    assert dispatcher.enqueued == [] and store.list_jobs()[0] == []


def test_allowed_loopback_urls_pass(client: TestClient) -> None:
    payload = {
        "article": {"url": "http://127.0.0.1:8123/article"},
        "sources": [{"url": "http://localhost:8123/src"}, {"url": "http://outlet.localhost/x"}],
        "quotes": ["q"],
        "callback_url": "http://2130706433:9000/hook",  # 127.0.0.1 in decimal
    }
    assert _post(client, payload).status_code == 202


def test_unknown_route_and_wrong_method(client: TestClient) -> None:
    assert_problem(client.get("/v2/everything"), 404)
    body = assert_problem(client.put("/v1/jobs", json={}), 405)
    assert "POST" in client.put("/v1/jobs", json={}).headers["allow"]
    assert body["instance"] == "/v1/jobs"


def test_non_json_body_is_415(client: TestClient) -> None:
    response = client.post(
        "/v1/jobs",
        content=b"article=hello",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert_problem(response, 415)
    response = client.post("/v1/jobs", content=b"hello", headers={"Content-Type": "text/plain"})
    assert_problem(response, 415)
    ok = client.post(
        "/v1/jobs",
        content=json.dumps({"quotes": ["q"]}),
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    assert ok.status_code == 202


def test_twenty_megabyte_body_is_413(client: TestClient, store: Store) -> None:
    big = b'{"quotes": ["' + b"a" * (20 * 1024 * 1024) + b'"]}'
    body = assert_problem(
        client.post("/v1/jobs", content=big, headers={"Content-Type": "application/json"}), 413
    )
    assert body["max_bytes"] == 2 * 1024 * 1024
    assert store.list_jobs()[0] == []


def test_chunked_body_is_cut_off_at_the_limit_without_reading_the_rest(make_app) -> None:
    """No Content-Length: the middleware counts while streaming and stops early."""
    app = make_app()
    chunk = b"x" * (1024 * 1024)
    chunks_read = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal chunks_read
        chunks_read += 1
        if chunks_read > 20:
            return {"type": "http.request", "body": b"", "more_body": False}
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/jobs",
        "raw_path": b"/v1/jobs",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"transfer-encoding", b"chunked")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 413
    assert chunks_read <= 3  # 2 MiB limit: never read the other 17 MiB
    body = json.loads(
        b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    )
    assert body["status"] == 413


def test_body_limit_is_configurable(make_app) -> None:
    with TestClient(make_app({"QUOTETRAIL_MAX_BODY_BYTES": "2048"})) as client:
        assert_problem(client.post("/v1/jobs", json={"quotes": ["x" * 1500, "y" * 1500]}), 413)
        assert client.post("/v1/jobs", json={"quotes": ["x" * 500]}).status_code == 202


def test_invalid_content_length_is_400() -> None:
    sent: list[dict] = []

    async def app(scope, receive, send):  # pragma: no cover - must not be reached
        raise AssertionError("the body limit should answer first")

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    async def send(message: dict) -> None:
        sent.append(message)

    middleware = BodyLimitMiddleware(app, max_bytes=10)
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/jobs",
        "headers": [(b"content-length", b"ten")],
    }
    asyncio.run(middleware(scope, receive, send))
    assert sent[0]["status"] == 400


def test_unexpected_errors_are_a_500_problem_without_traceback(make_app, store: Store) -> None:
    class ExplodingStore:
        def __getattr__(self, name):
            return getattr(store, name)

        def get_job(self, job_id):
            raise RuntimeError("secret internal detail /srv/db password=hunter2")

    app = make_app(store=ExplodingStore())
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/v1/jobs/anything")
    body = assert_problem(response, 500)
    assert "hunter2" not in response.text and "RuntimeError" not in response.text
    assert body["instance"] == "/v1/jobs/anything"
