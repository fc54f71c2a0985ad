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


def test_messages_carry_ids_not_plans_or_pasted_text(inline_tasks, monkeypatch):
    monkeypatch.setenv("QUOTETRAIL_INLINE_PAIRS", "0")  # every stage its own task
    from worker import runtime

    runtime.settings.cache_clear()
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


def _report(store, job_id):
    report = store.get_job(job_id).result
    for source in report["sources"]:
        source.pop("fetched_at", None)
    return report


def test_a_small_job_runs_in_one_task_with_the_same_report(inline_tasks, monkeypatch):
    """A small job is fetched and judged by its extract task (no queue hop), and its
    report is the one the staged path (extract → fetch_source → finalize) gives."""
    from worker import runtime

    store, sent = inline_tasks
    with serving({"/a": Route(SOURCE_PAGE), "/b": Route(SOURCE_PAGE)}) as outlet:
        body = {
            "article": {"text": ARTICLE},
            "sources": [{"url": outlet.url("/a")}, {"url": outlet.url("/b")}],
        }  # discovery on (the default), but nothing credited: the stage is skipped
        small_id, small = _run(store, sent, body)
        monkeypatch.setenv("QUOTETRAIL_INLINE_PAIRS", "0")
        runtime.settings.cache_clear()
        staged_id, staged = _run(store, sent, body)
    assert [name for name, _ in small] == ["quotetrail.extract"]
    assert [name for name, _ in staged] == [
        "quotetrail.extract",
        "quotetrail.fetch_source",
        "quotetrail.finalize",
    ]
    assert store.get_job(small_id).status == store.get_job(staged_id).status == "succeeded"
    assert _report(store, small_id) == _report(store, staged_id)
    assert {q["verdict"] for q in _report(store, small_id)["quotes"]} == {"matched"}


def test_a_job_past_the_inline_size_fans_out(inline_tasks, monkeypatch):
    """Above QUOTETRAIL_INLINE_PAIRS, every host batch and finalize is a task of its own,
    so a big job spreads over the workers and judging gets finalize's own time limit."""
    from worker import runtime

    monkeypatch.setenv("QUOTETRAIL_INLINE_PAIRS", "5")  # 3 quotes x 2 sources = 6 pairs
    runtime.settings.cache_clear()
    store, sent = inline_tasks
    with serving({"/a": Route(SOURCE_PAGE), "/b": Route(SOURCE_PAGE)}) as outlet:
        body = {
            "article": {"text": ARTICLE},
            "sources": [{"url": outlet.url("/a")}, {"url": outlet.url("/b")}],
        }
        job_id, messages = _run(store, sent, body)
    assert [name for name, _ in messages] == [
        "quotetrail.extract",
        "quotetrail.fetch_source",
        "quotetrail.finalize",
    ]
    assert store.get_job(job_id).status == "succeeded"


def test_judging_inline_that_fails_queues_finalize(inline_tasks, monkeypatch):
    """An error while a small job is judged in its fetch task does not lose the job:
    finalize is queued and does the judging (here it succeeds the second time)."""
    from worker import tasks

    store, sent = inline_tasks
    real = tasks.finish
    calls = []

    def flaky(job_id, **kwargs):
        calls.append(job_id)
        if len(calls) == 1:
            raise RuntimeError("judging broke")
        return real(job_id, **kwargs)

    monkeypatch.setattr(tasks, "finish", flaky)
    with serving({"/a": Route(SOURCE_PAGE)}) as outlet:
        body = {"article": {"text": ARTICLE}, "sources": [{"url": outlet.url("/a")}]}
        job_id, messages = _run(store, sent, body)
    assert [name for name, _ in messages] == ["quotetrail.extract", "quotetrail.finalize"]
    assert len(calls) == 2
    assert store.get_job(job_id).status == "succeeded"


def test_a_credited_outlet_still_goes_through_discovery(inline_tasks):
    """The discovery gate in finalize: a quote crediting an outlet sends the job to the
    discovery stage before judging, and finalize judges after it (with searches[])."""
    store, sent = inline_tasks
    with serving({"/a": Route(SOURCE_PAGE)}) as outlet:
        body = {  # ARTICLE credits the Riverside Herald (not in the registry: no listings)
            "article": {"text": ARTICLE + " The Mayor said so, TASS reported."},
            "sources": [{"url": outlet.url("/a")}],
        }
        job_id, messages = _run(store, sent, body)
    names = [name for name, _ in messages]
    assert names == ["quotetrail.extract", "quotetrail.discover", "quotetrail.finalize"], names
    assert store.get_job(job_id).status == "succeeded"
