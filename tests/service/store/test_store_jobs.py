"""Jobs in the store: creation, idempotency, forward-only statuses, sources, restart."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from quotetrail.store import (
    BadCursor,
    IdempotencyConflict,
    InvalidTransition,
    JobNotFound,
    Store,
)
from quotetrail.store.models import JobRow

REQUEST = {"article": {"text": "The minister said “we will build 40 bridges”."}, "sources": []}


def _report(*verdicts: str, outlet: str | None = "TASS") -> dict:
    return {
        "article": {"title": "t"},
        "quotes": [
            {"text": f"q{i}", "verdict": v, "cited_source": outlet} for i, v in enumerate(verdicts)
        ],
        "sources": [{"source": "http://127.0.0.1/a", "status": "ok", "outlet": None}],
    }


def test_create_and_get_job(store: Store) -> None:
    job, created = store.create_job(REQUEST, owner="key_1")
    assert created
    assert job.status == "queued"
    assert job.created_at.tzinfo is not None
    fetched = store.get_job(job.id)
    assert fetched == job
    assert fetched.request == REQUEST
    assert fetched.owner == "key_1"
    assert store.get_job("no-such-job") is None


def test_same_idempotency_key_and_body_returns_the_first_job(store: Store) -> None:
    first, created = store.create_job(REQUEST, idempotency_key="abc")
    # same body with its keys in another order is the same request
    again, created_again = store.create_job(
        dict(reversed(list(REQUEST.items()))), idempotency_key="abc"
    )
    assert created and not created_again
    assert again.id == first.id
    other, created_other = store.create_job(REQUEST, idempotency_key="other")
    assert created_other and other.id != first.id


def test_same_idempotency_key_with_other_body_conflicts(store: Store) -> None:
    first, _ = store.create_job(REQUEST, idempotency_key="abc")
    with pytest.raises(IdempotencyConflict) as caught:
        store.create_job({"article": {"text": "something else"}}, idempotency_key="abc")
    assert caught.value.job_id == first.id
    assert len(store.list_jobs()[0]) == 1


def test_idempotency_keys_are_scoped_per_owner(store: Store) -> None:
    a, _ = store.create_job(REQUEST, idempotency_key="k", owner="key_a")
    b, created = store.create_job({"other": 1}, idempotency_key="k", owner="key_b")
    assert created and a.id != b.id


def test_statuses_move_forward_only(store: Store) -> None:
    job, _ = store.create_job(REQUEST)
    running = store.start_job(job.id, quotes_total=2, sources_total=3, article={"title": "Bridges"})
    assert running is not None
    assert (running.status, running.quotes_total, running.sources_total) == ("running", 2, 3)
    assert running.title == "Bridges"
    assert running.started_at is not None
    done = store.finish_job(job.id, _report("matched", "altered"))
    assert done.status == "succeeded"
    assert done.quotes_done == 2
    assert done.finished_at >= done.started_at
    assert done.verdict_counts == {"altered": 1, "matched": 1}
    assert done.cited_outlets == ["TASS"]
    # a finished job never moves again
    assert store.start_job(job.id, quotes_total=1, sources_total=1) is None
    assert store.fail_job(job.id, "late failure").status == "succeeded"
    with pytest.raises(InvalidTransition):
        store.cancel_job(job.id)
    assert store.get_job(job.id).status == "succeeded"


def test_cancel_stops_the_worker_and_sticks(store: Store) -> None:
    job, _ = store.create_job(REQUEST)
    canceled = store.cancel_job(job.id)
    assert canceled.status == "canceled" and canceled.finished_at is not None
    assert store.cancel_job(job.id).status == "canceled"  # idempotent
    assert store.start_job(job.id, quotes_total=1, sources_total=1) is None
    assert store.finish_job(job.id, _report("matched")).status == "canceled"
    assert store.get_job(job.id).result is None


def test_cancel_running_and_fail(store: Store) -> None:
    a, _ = store.create_job(REQUEST)
    store.start_job(a.id, quotes_total=1, sources_total=1)
    assert store.cancel_job(a.id).status == "canceled"
    b, _ = store.create_job(REQUEST)
    store.start_job(b.id, quotes_total=1, sources_total=1)
    failed = store.fail_job(b.id, "article could not be fetched")
    assert (failed.status, failed.error) == ("failed", "article could not be fetched")
    with pytest.raises(InvalidTransition):
        store.cancel_job(b.id)


def test_redelivered_start_keeps_running(store: Store) -> None:
    job, _ = store.create_job(REQUEST)
    first = store.start_job(job.id, quotes_total=1, sources_total=1)
    again = store.start_job(job.id, quotes_total=2, sources_total=2)
    assert again is not None and again.status == "running"
    assert again.started_at == first.started_at
    assert again.quotes_total == 2


def test_unknown_job_raises_not_found(store: Store) -> None:
    with pytest.raises(JobNotFound):
        store.cancel_job("nope")
    with pytest.raises(JobNotFound):
        store.start_job("nope", quotes_total=0, sources_total=0)
    with pytest.raises(JobNotFound):
        store.save_source("nope", "x", status="ok")
    with pytest.raises(JobNotFound):
        store.finish_job("nope", _report())


def test_save_source_upserts_and_counts(store: Store) -> None:
    job, _ = store.create_job(REQUEST)
    store.start_job(job.id, quotes_total=1, sources_total=2)
    fetched = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    store.save_source(job.id, "http://127.0.0.1:9/a", status="error", error="timeout")
    store.save_source(
        job.id,
        "http://127.0.0.1:9/a",
        status="ok",
        final_url="http://127.0.0.1:9/a?x=1",
        http_status=200,
        content_type="text/html; charset=utf-8",
        fetched_at=fetched,
        sha256="ab" * 32,
        body=b"<p>\xd0\x9f\xd1\x80\xd0\xb8</p>",
        text="При",
    )
    store.save_source(job.id, "given note", status="ok", text="typed text")
    assert store.get_job(job.id).sources_done == 2
    sources = store.get_sources(job.id)
    assert [s.source for s in sources] == ["http://127.0.0.1:9/a", "given note"]
    assert [s.index for s in sources] == [0, 1]
    assert sources[0].body is None and sources[0].body_size == 13
    assert (sources[0].status, sources[0].error, sources[0].http_status) == ("ok", None, 200)
    assert sources[0].fetched_at == fetched
    assert sources[0].host == "127.0.0.1"
    snap = store.get_snapshot(job.id, "http://127.0.0.1:9/a")
    assert snap.body == b"<p>\xd0\x9f\xd1\x80\xd0\xb8</p>" and snap.index == 0
    by_index = store.get_snapshot(job.id, 1)
    assert by_index.source == "given note" and by_index.body is None
    assert store.get_snapshot(job.id, 2) is None
    assert store.get_snapshot(job.id, -1) is None
    assert store.get_snapshot(job.id, "never saved") is None


def test_progress_counters(store: Store) -> None:
    job, _ = store.create_job(REQUEST)
    store.set_progress(job.id, quotes_done=1)  # not running yet: ignored
    assert store.get_job(job.id).quotes_done == 0
    store.start_job(job.id, quotes_total=3, sources_total=1)
    store.set_progress(job.id, quotes_done=2)
    assert store.get_job(job.id).quotes_done == 2


def test_data_survives_a_restart(store_url: str) -> None:
    first = Store(store_url)
    first.migrate()
    job, _ = first.create_job(REQUEST, idempotency_key="restart")
    store_key, token = first.create_api_key("newsroom")
    first.append_audit(actor="ed", action="review", job_id=job.id, after={"verdict": "matched"})
    first.close()

    second = Store(store_url)
    second.migrate()  # migrating an up-to-date database changes nothing
    try:
        assert second.get_job(job.id).request == REQUEST
        assert second.create_job(REQUEST, idempotency_key="restart") == (
            second.get_job(job.id),
            False,
        )
        assert second.verify_api_key(token).id == store_key.id
        assert [e.action for e in second.list_audit(job.id)] == ["review"]
    finally:
        second.close()


def _make_jobs(store: Store, count: int) -> list[str]:
    ids = [store.create_job({"n": i})[0].id for i in range(count)]
    return ids


def test_list_pages_newest_first_without_gaps(store: Store) -> None:
    ids = _make_jobs(store, 7)
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        page, cursor = store.list_jobs(limit=3, cursor=cursor)
        seen += [job.id for job in page]
        pages += 1
        if cursor is None:
            break
    assert pages == 3
    assert seen == list(reversed(ids))


def test_list_pages_with_equal_timestamps(store: Store) -> None:
    ids = _make_jobs(store, 5)
    same = datetime(2026, 3, 1, tzinfo=UTC)
    with store.session() as session:
        session.execute(update(JobRow).values(created_at=same))
    seen: list[str] = []
    cursor = None
    while True:
        page, cursor = store.list_jobs(limit=2, cursor=cursor)
        seen += [job.id for job in page]
        if cursor is None:
            break
    assert sorted(seen) == sorted(ids) and len(seen) == 5


def test_list_filters(store: Store) -> None:
    a, b, c = (store.create_job({"n": i})[0] for i in range(3))
    for job in (a, b):
        store.start_job(job.id, quotes_total=1, sources_total=1)
    store.finish_job(a.id, _report("matched", "altered", outlet="TASS"))
    store.finish_job(b.id, _report("not_found", outlet="Gazeta.ru"))

    def ids(**filters) -> set[str]:
        return {job.id for job in store.list_jobs(**filters)[0]}

    assert ids(status="queued") == {c.id}
    assert ids(status=["queued", "succeeded"]) == {a.id, b.id, c.id}
    assert ids(outlet="tass") == {a.id}
    assert ids(outlet="GAZETA.RU") == {b.id}
    assert ids(outlet="interfax") == set()
    assert ids(verdict="altered") == {a.id}
    assert ids(verdict="not_found", outlet="tass") == set()
    assert ids(owner="someone") == set()


def test_list_filters_by_submission_date(store: Store) -> None:
    old, new = (store.create_job({"n": i})[0] for i in range(2))
    with store.session() as session:
        session.execute(
            update(JobRow)
            .where(JobRow.id == old.id)
            .values(created_at=datetime(2026, 1, 10, 23, 30, tzinfo=UTC))
        )

    def ids(**filters) -> set[str]:
        return {job.id for job in store.list_jobs(**filters)[0]}

    assert ids(submitted_to=date(2026, 1, 10)) == {old.id}  # a date includes its whole day
    assert ids(submitted_to=date(2026, 1, 9)) == set()
    assert ids(submitted_from=date(2026, 1, 11)) == {new.id}
    assert ids(submitted_from=datetime(2026, 1, 10, 23, 0)) == {old.id, new.id}
    assert ids(
        submitted_from=new.created_at - timedelta(seconds=1), submitted_to=new.created_at
    ) == {new.id}


def test_bad_cursor_is_refused(store: Store) -> None:
    with pytest.raises(BadCursor):
        store.list_jobs(cursor="not-a-cursor")
    with pytest.raises(BadCursor):
        store.list_jobs(cursor="WzEsMl0")  # base64 of [1,2]


def test_metrics_queries(store: Store) -> None:
    a, _queued = (store.create_job({"n": i})[0] for i in range(2))
    store.start_job(a.id, quotes_total=1, sources_total=2)
    store.save_source(a.id, "http://127.0.0.1:1/x", status="ok")
    store.save_source(a.id, "http://localhost:1/y", status="error", error="refused")
    store.finish_job(a.id, _report("matched"))
    assert store.count_jobs_by_status() == {"succeeded": 1, "queued": 1}
    durations = store.job_durations()
    assert len(durations) == 1 and durations[0][0] == "succeeded" and durations[0][1] >= 0
    assert store.fetch_outcomes() == {("127.0.0.1", "ok"): 1, ("localhost", "error"): 1}
    assert store.ping()


def test_unstorable_characters_become_replacement_characters(store: Store) -> None:
    """NUL and lone surrogates (PostgreSQL refuses them) keep their place as U+FFFD."""
    job, _ = store.create_job({"quotes": ["a\x00b"]})
    assert store.get_job(job.id).request == {"quotes": ["a\ufffdb"]}
    store.start_job(job.id, quotes_total=1, sources_total=1, article={"title": "t\ud800"})
    store.save_source(job.id, "src", status="ok", text="page \x00 text")
    assert store.get_snapshot(job.id, "src").text == "page \ufffd text"
    report = {"quotes": [{"verdict": "matched", "passage": "x\x00y", "start": 3}], "sources": []}
    done = store.finish_job(job.id, report)
    assert done.result["quotes"][0]["passage"] == "x\ufffdy"
    assert done.title == "t\ufffd"
    entry = store.append_audit(actor="a", action="note", job_id=job.id, after={"note": "\x00"})
    assert entry.after == {"note": "\ufffd"}


def test_racing_submissions_with_one_idempotency_key_make_one_job(store: Store) -> None:
    import threading

    barrier = threading.Barrier(6)
    results: list[tuple[str, bool]] = []
    errors: list[BaseException] = []

    def submit() -> None:
        try:
            barrier.wait(5)
            job, created = store.create_job(REQUEST, idempotency_key="race")
            results.append((job.id, created))
        except BaseException as exc:  # collected: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert len({job_id for job_id, _ in results}) == 1
    assert sum(created for _, created in results) == 1
    assert len(store.list_jobs()[0]) == 1


def test_fetched_at_strings_are_parsed_and_garbage_dropped(store: Store) -> None:
    job, _ = store.create_job(REQUEST)
    store.save_source(job.id, "a", status="ok", fetched_at="2026-11-25T09:00:00Z")
    store.save_source(job.id, "b", status="ok", fetched_at="not a time")
    a, b = store.get_sources(job.id)
    assert a.fetched_at == datetime(2026, 11, 25, 9, tzinfo=UTC)
    assert b.fetched_at is None


def test_storable_replaces_deep_keys_and_values_and_copies_clean_values() -> None:
    """The JSON fast path and the walk agree: replacements anywhere (keys too), tuples
    become lists, and a clean value comes back equal but as a copy."""
    from quotetrail.store.storable import storable

    dirty = {"a": [{"k\ud800": ("x\x00", 1, None)}], "b": "ok"}
    assert storable(dirty) == {"a": [{"k\ufffd": ["x\ufffd", 1, None]}], "b": "ok"}
    clean = {"quotes": [{"text": "plain", "score": 0.5, "tags": ("a", "b")}]}
    copied = storable(clean)
    assert copied == {"quotes": [{"text": "plain", "score": 0.5, "tags": ["a", "b"]}]}
    copied["quotes"][0]["text"] = "changed"
    assert clean["quotes"][0]["text"] == "plain"
    literal = {"k": "a backslash and u0000: \\u0000"}  # not a NUL: kept as written
    assert storable(literal) == literal


def test_progress_writes_skip_the_wal_flush_only_on_postgresql(store: Store) -> None:
    """begin_job and save_sources commit without waiting for the WAL flush on PostgreSQL
    (redone if lost); everything else, and SQLite, stays fully durable."""
    from sqlalchemy import text

    with store.session() as session:
        durable = (
            session.execute(text("SHOW synchronous_commit")).scalar()
            if not store.is_sqlite
            else "on"
        )
    with store.session(durable=False) as session:
        if store.is_sqlite:
            progress = "on" if session.execute(text("PRAGMA synchronous")).scalar() == 2 else "off"
        else:
            progress = session.execute(text("SHOW synchronous_commit")).scalar()
    assert durable == "on"
    assert progress == ("on" if store.is_sqlite else "off")
