"""Dashboard test fixtures: a migrated SQLite store, the dashboard mounted on an app,
signed-in clients per role, and a finished job whose report the real pipeline computed."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from quotetrail.config import ServiceConfig
from quotetrail.store import Store
from quotetrail.store.users import UserStore
from tests.dashboard import newsroom
from tests.support.dispatcher import RecordingDispatcher

PASSWORD = "correct horse battery"
HERALD = "https://herald.example/city/depot"
RADIO = "https://radio.example/bulletin"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch):
    """Production argon2 settings cost ~50 ms a hash; tests hash dozens of passwords."""
    from argon2 import PasswordHasher

    from quotetrail.store import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    store = Store(f"sqlite:///{tmp_path / 'quotetrail.db'}")
    store.migrate()
    yield store
    store.close()


@pytest.fixture
def config(tmp_path) -> ServiceConfig:
    return ServiceConfig(
        database_url=f"sqlite:///{tmp_path / 'quotetrail.db'}",
        redis_url=None,
        data_dir=tmp_path,
        secret_key="dashboard-test-secret",
    )


@pytest.fixture
def dispatcher() -> RecordingDispatcher:
    return RecordingDispatcher()


@pytest.fixture
def app(store, config, dispatcher) -> FastAPI:
    from api.dashboard import mount

    app = FastAPI()
    mount(app, store, config, dispatcher=dispatcher)
    return app


@pytest.fixture
def users(store) -> UserStore:
    users = UserStore(store)
    users.add("ada", PASSWORD, "admin", "Ada Admin")
    users.add("ed", PASSWORD, "editor", "Ed Editor")
    users.add("rita", PASSWORD, "reviewer", "Rita Reviewer")
    return users


def csrf_token(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD):
    page = client.get("/dashboard/login")
    return client.post(
        "/dashboard/login",
        data={"username": username, "password": password, "csrf_token": csrf_token(page.text)},
    )


def client_for(app: FastAPI, username: str | None) -> TestClient:
    client = TestClient(app)
    if username is not None:
        response = sign_in(client, username)
        assert response.status_code == 200, response.text
    return client


@pytest.fixture
def admin(app, users) -> TestClient:
    return client_for(app, "ada")


@pytest.fixture
def editor(app, users) -> TestClient:
    return client_for(app, "ed")


@pytest.fixture
def reviewer(app, users) -> TestClient:
    return client_for(app, "rita")


def seed_finished_job(store: Store) -> str:
    """A job finished the way a worker finishes one, with the pipeline's own report."""
    from quotetrail.pipeline import ArticleInput, SourceSpec, plan_check, verify

    html = newsroom.article_html()
    specs = [
        SourceSpec(source=HERALD, kind="html", value=newsroom.HERALD_HTML),
        SourceSpec(source=RADIO, kind="text", value=newsroom.RADIO_TEXT),
    ]
    report = verify(ArticleInput(html=html), [], specs, fetcher=None).to_dict()
    # As the worker does: the article's extracted text is stored with the job.
    text = plan_check(ArticleInput(html=html), [], specs, fetcher=None).document.text
    request = {
        "article": {"html": html},
        "sources": [
            {"source": HERALD, "html": newsroom.HERALD_HTML},
            {"source": RADIO, "text": newsroom.RADIO_TEXT},
        ],
    }
    job, _ = store.create_job(request, owner="rita")
    store.start_job(
        job.id,
        quotes_total=len(report["quotes"]),
        sources_total=2,
        article={**report["article"], "text": text},
    )
    pages = {
        HERALD: (newsroom.HERALD_HTML, "text/html; charset=utf-8"),
        RADIO: (newsroom.RADIO_TEXT, "text/plain; charset=utf-8"),
    }
    for source, (body, content_type) in pages.items():
        store.save_source(
            job.id,
            source,
            status="ok",
            content_type=content_type,
            body=body.encode("utf-8"),
            text=body,
            final_url=source,
        )
    store.finish_job(job.id, report)
    return job.id


@pytest.fixture
def job_id(store) -> str:
    return seed_finished_job(store)
