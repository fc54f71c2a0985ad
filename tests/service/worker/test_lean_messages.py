"""Lean broker messages and a lean job path, with the real tasks run in this process:
messages carry ids only (a 1 MB pasted source never rides in one), and a job's trip
through the store costs a handful of statements."""

from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.service.worker import harness
from tests.service.worker.articles import ARTICLE, SOURCE_PAGE
from tests.support.local_server import Route, serving


@pytest.fixture
def inline_tasks(tmp_path, monkeypatch):
    env = harness.service_env(
        tmp_path,
        redis_url=None,
        QUOTETRAIL_ALLOW_NETWORKS="127.0.0.1/32",
        QUOTETRAIL_HOST_INTERVAL="0",
        QUOTETRAIL_HOST_CONCURRENCY="8",  # one batch per host: the bench's setting
    )
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    from quotetrail.store import Store
    from worker import runtime, tasks

    runtime.reset()
    Store(os.environ["DATABASE_URL"]).migrate()
    sent: list[tuple[str, list]] = []
    monkeypatch.setattr(
        tasks, "_send", lambda name, job_id, *args: sent.append((name, [job_id, *args]))
    )
    yield runtime.store(), sent
    runtime.reset()


def _run(store, sent, body):
    from worker.celery_app import app

    job, _ = store.create_job(body)
    sent.append(("quotetrail.extract", [job.id]))
    messages = []
    while sent:
        name, args = sent.pop(0)
        messages.append((name, args))
        app.tasks[name].apply(args=args, throw=True)
    return job.id, messages


def test_messages_carry_ids_not_plans_or_pasted_text(inline_tasks):
    store, sent = inline_tasks
    pasted = "<p>" + "The council will not raise local taxes this year. " * 20_000 + "</p>"
    assert len(pasted) > 1_000_000
    with serving({"/a": Route(SOURCE_PAGE), "/b": Route(SOURCE_PAGE)}) as outlet:
        body = {
            "article": {"text": ARTICLE},
            "discover": False,  # the fetch-and-judge path alone (discovery has its own tests)
            "sources": [
                {"url": outlet.url("/a")},
                {"url": outlet.url("/b")},
                {"name": "press release", "html": pasted},
            ],
        }
        job_id, messages = _run(store, sent, body)
    assert store.get_job(job_id).status == "succeeded"
    names = [name for name, _ in messages]
    assert names == ["quotetrail.extract", "quotetrail.fetch_source", "quotetrail.finalize"]
    assert all(len(json.dumps(args)) < 200 for _, args in messages), messages
    rows = {r.source: r.status for r in store.get_sources(job_id)}
    assert rows == {outlet.url("/a"): "ok", outlet.url("/b"): "ok", "press release": "ok"}


def test_a_job_costs_a_handful_of_statements(inline_tasks):
    store, sent = inline_tasks
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        if not statement.lstrip().upper().startswith("BEGIN"):
            statements.append(statement)

    with serving({f"/p{i}": Route(SOURCE_PAGE) for i in range(5)}) as outlet:
        body = {
            "article": {"text": ARTICLE},
            "discover": False,  # the fetch-and-judge path alone (discovery has its own tests)
            "sources": [{"url": outlet.url(f"/p{i}")} for i in range(5)],
        }
        _run(store, sent, body)  # warm: robots.txt and imports
        event.listen(Engine, "before_cursor_execute", count)
        try:
            job_id, _ = _run(
                store, sent, {**body, "quotes": ["We will open the new river bridge in spring"]}
            )
        finally:
            event.remove(Engine, "before_cursor_execute", count)
    assert store.get_job(job_id).status == "succeeded"
    assert len(statements) <= 10, "\n".join(s.split("\n")[0][:80] for s in statements)  # was 68
