"""Hand-edited URLs and unexpected failures get an HTML page, never a bare 500."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from quotetrail.store import Store
from quotetrail.store.users import UserStore
from tests.dashboard.conftest import PASSWORD, csrf_token, seed_finished_job, sign_in
from tests.service.store.pg_databases import fresh_database


def _is_html_page(response, status: int) -> None:
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert "<!doctype html>" in response.text
    assert "Traceback" not in response.text
    assert "unsafe-inline" not in response.headers["content-security-policy"]


@pytest.mark.parametrize(
    "query",
    [
        "cursor=zzz",
        "cursor=WzEsMl0",
        "to=9999-12-31",
        "from=9999-12-31",
        "outlet=%00",
        "q=%00&review=reviewed",
    ],
)
def test_odd_list_filters_still_render_the_list(reviewer, job_id, query):
    _is_html_page(reviewer.get(f"/dashboard/jobs?{query}"), 200)


def test_unexpected_error_is_an_html_page(app, users, store, monkeypatch):
    client = TestClient(app, raise_server_exceptions=False)
    assert sign_in(client, "rita").status_code == 200

    def broken(*_args, **_kwargs):
        raise RuntimeError("database fell over: secret-dsn-detail")

    monkeypatch.setattr(store, "list_jobs", broken)
    response = client.get("/dashboard/jobs")
    _is_html_page(response, 500)
    assert "secret-dsn-detail" not in response.text


def test_error_before_the_session_is_read_is_still_a_page(app, monkeypatch):
    dashboard = next(
        route.app for route in app.routes if getattr(route, "path", "") == "/dashboard"
    )

    def broken(_value):
        raise RuntimeError("codec broke")

    monkeypatch.setattr(dashboard.state.dashboard.codec, "loads", broken)
    response = TestClient(app, raise_server_exceptions=False).get("/dashboard/login")
    _is_html_page(response, 500)


def test_nul_characters_on_postgresql(store_config_pg):
    """PostgreSQL refuses NUL in text: sign-in, review and user admin must still answer."""
    app, job_id = store_config_pg
    stranger = TestClient(app, raise_server_exceptions=False)
    page = stranger.get("/dashboard/login")
    refused = stranger.post(
        "/dashboard/login",
        data={"username": "ada\x00", "password": PASSWORD, "csrf_token": csrf_token(page.text)},
    )
    _is_html_page(refused, 401)

    admin = TestClient(app, raise_server_exceptions=False)
    assert sign_in(admin, "ada").status_code == 200
    _is_html_page(admin.get("/dashboard/jobs/%00"), 404)
    token = csrf_token(admin.get(f"/dashboard/jobs/{job_id}").text)
    reviewed = admin.post(
        f"/dashboard/jobs/{job_id}/quotes/1/review",
        data={"csrf_token": token, "action": "override", "verdict": "altered", "reason": "a\x00b"},
        follow_redirects=False,
    )
    assert reviewed.status_code == 303, reviewed.text[:300]
    assigned = admin.post(
        f"/dashboard/jobs/{job_id}/assign",
        data={"csrf_token": token, "assignee": "\x00"},
    )
    _is_html_page(assigned, 400)
    token = csrf_token(admin.get("/dashboard/users").text)
    renamed = admin.post(
        "/dashboard/users/%00", data={"csrf_token": token, "op": "role", "role": "admin"}
    )
    _is_html_page(renamed, 400)


@pytest.fixture
def store_config_pg(config, dispatcher, fast_password_hashing):
    from api.dashboard import mount

    with fresh_database() as url:
        store = Store(url)
        store.migrate()
        try:
            UserStore(store).add("ada", PASSWORD, "admin", "Ada Admin")
            job_id = seed_finished_job(store)
            app = FastAPI()
            mount(app, store, config, dispatcher=dispatcher)
            yield app, job_id
        finally:
            store.close()


def test_submit_with_the_database_down_does_not_leak_the_error(reviewer, store, monkeypatch):
    def down(*_args, **_kwargs):
        raise RuntimeError("could not connect to postgresql://qt:hunter2@db-internal/quotetrail")

    monkeypatch.setattr(store, "create_job", down)
    token = csrf_token(reviewer.get("/dashboard/submit").text)
    response = reviewer.post(
        "/dashboard/submit",
        data={
            "mode": "text",
            "text": "The mayor said “the depot opens in May”.",
            "csrf_token": token,
        },
    )
    _is_html_page(response, 503)
    assert "hunter2" not in response.text and "db-internal" not in response.text
    assert "the depot opens in May" in response.text  # the form is kept


def test_markdown_export_keeps_urls_and_actors_inert(reviewer, store):
    """A hostile article address or API-key name must not add links, headings or HTML."""
    url = "https://x.example/a>[pwn](javascript:alert(1))\n# Owned <b>x</b>"
    job, _ = store.create_job({"article": {"url": url}})
    store.start_job(job.id, quotes_total=0, sources_total=0)
    store.finish_job(job.id, {"article": {"url": url, "title": "T"}, "quotes": [], "sources": []})
    store.append_audit(actor="apikey:<img src=x onerror=alert(1)>", action="x", job_id=job.id)
    text = reviewer.get(f"/dashboard/jobs/{job.id}/export.md").text
    assert "](javascript:" not in text
    assert "\n# Owned" not in text
    assert re.search(r"(?<!\\)<(b|img)\b", text) is None
    assert "- Article: <https://x.example/a%3E" in text


def test_failed_sign_in_log_stays_bounded():
    """Guessing with a new user name each time must not grow the throttle's memory forever."""
    import time

    from api.dashboard.routes_auth import FailureLog

    log = FailureLog(limit=3, window=0.05, max_keys=100)
    for i in range(1000):
        log.fail(f"203.0.113.9|user{i}")
    assert len(log._failures) <= 100
    time.sleep(0.06)
    log.fail("203.0.113.9|last")
    assert len(log._failures) <= 2
    # The throttle itself still works.
    for _ in range(3):
        log.fail("198.51.100.7|ada")
    assert log.blocked("198.51.100.7|ada")


def test_submit_refuses_a_source_given_twice_and_keeps_the_form(reviewer, store, dispatcher):
    token = csrf_token(reviewer.get("/dashboard/submit").text)
    response = reviewer.post(
        "/dashboard/submit",
        data={
            "mode": "text",
            "text": "The mayor said “the depot opens in May”.",
            "sources": "https://herald.example/a\nhttps://herald.example/a",
            "csrf_token": token,
        },
    )
    assert response.status_code in (400, 422)
    assert "given twice" in response.text and "herald.example/a" in response.text
    assert dispatcher.enqueued == []
    assert "the depot opens in May" in response.text


def test_submit_refuses_more_sources_than_the_cap_instead_of_cutting(reviewer, dispatcher):
    token = csrf_token(reviewer.get("/dashboard/submit").text)
    sources = "\n".join(f"https://herald.example/{i}" for i in range(51))
    response = reviewer.post(
        "/dashboard/submit",
        data={"mode": "text", "text": "He said “yes”.", "sources": sources, "csrf_token": token},
    )
    assert response.status_code in (400, 422)
    assert dispatcher.enqueued == []
