"""Odd values a client can put in a URL reach the store as lookups and filters: they must
find nothing (or everything) rather than crash, on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from quotetrail.store import Store
from quotetrail.store.reviews import ReviewStore
from quotetrail.store.users import UserStore

REQUEST = {"article": {"text": "The mayor said “the depot opens in May”."}}


def test_date_bounds_at_the_ends_of_the_calendar(store: Store) -> None:
    job, _ = store.create_job(REQUEST)
    # The last representable day: "up to and including 9999-12-31" is every job.
    jobs, _ = store.list_jobs(submitted_to=date(9999, 12, 31))
    assert [j.id for j in jobs] == [job.id]
    jobs, _ = store.list_jobs(submitted_from=date(9999, 12, 31))
    assert jobs == []
    # Offsets that push a bound past year 1 or 9999 when turned into UTC.
    east = timezone(timedelta(hours=5))
    west = timezone(timedelta(hours=-5))
    jobs, _ = store.list_jobs(submitted_from=datetime(1, 1, 1, tzinfo=east))
    assert [j.id for j in jobs] == [job.id]
    jobs, _ = store.list_jobs(submitted_to=datetime(9999, 12, 31, 23, 0, tzinfo=west))
    assert [j.id for j in jobs] == [job.id]
    jobs, _ = store.list_jobs(submitted_from=datetime(9999, 12, 31, 23, 0, tzinfo=west))
    assert jobs == []
    jobs, _ = store.list_jobs(submitted_to=datetime(1, 1, 1, tzinfo=east))
    assert jobs == []
    jobs, _ = store.list_jobs(submitted_to=datetime.now(UTC) + timedelta(days=1))
    assert [j.id for j in jobs] == [job.id]


def test_nul_in_lookups_finds_nothing(store: Store) -> None:
    """PostgreSQL refuses NUL in any text parameter; a URL can carry %00 anywhere."""
    job, _ = store.create_job(REQUEST)
    store.save_source(job.id, "http://127.0.0.1/a", status="ok", body=b"x", text="x")
    assert store.get_job("\x00") is None
    assert store.get_job(job.id + "\x00") is None
    assert store.list_jobs(outlet="\x00")[0] == []
    assert store.list_jobs(verdict="matched\x00")[0] == []
    assert store.get_sources("\x00") == []
    assert store.get_snapshot(job.id, "http://127.0.0.1/a\x00") is None
    assert store.get_snapshot("\x00", 0) is None
    assert store.list_audit("\x00") == []
    assert store.verify_api_key("qt_\x00") is None
    assert store.revoke_api_key("key_\x00") is None


def test_nul_in_dashboard_lookups_and_text(store: Store) -> None:
    users = UserStore(store)
    users.add("ada", "correct horse battery", "admin", "Ada\x00 Admin")
    assert users.get_by_name("ada").display_name == "Ada\ufffd Admin"
    assert users.get_by_name("ada\x00") is None
    assert users.authenticate("ada\x00", "correct horse battery") is None
    job, _ = store.create_job(REQUEST)
    reviews = ReviewStore(store)
    review = reviews.review_quote(
        job.id,
        0,
        actor="ada",
        action="override",
        verdict="altered",
        original_verdict="matched",
        reason="wrong \x00 figure",
    )
    assert review.reason == "wrong \ufffd figure"
    assert reviews.latest_reviews(job.id)[0].reason == "wrong \ufffd figure"
    assert reviews.history("\x00") == []
    assert reviews.article_state("\x00").state == "unreviewed"


def test_cancel_with_an_actor_audits_exactly_once(store: Store) -> None:
    """The cancel and its audit entry are one transaction; a repeated cancel adds none."""
    job, _ = store.create_job(REQUEST)
    store.cancel_job(job.id, actor="apikey:newsroom")
    store.cancel_job(job.id, actor="apikey:newsroom")
    entries = store.list_audit(job.id)
    assert [(e.actor, e.action, e.before, e.after) for e in entries] == [
        ("apikey:newsroom", "job.cancel", {"status": "queued"}, {"status": "canceled"})
    ]


def test_cancel_is_not_kept_without_its_audit_entry(tmp_path) -> None:
    from sqlalchemy import text

    store = Store(f"sqlite:///{tmp_path / 'refusing.db'}")
    store.migrate()
    try:
        job, _ = store.create_job(REQUEST)
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "CREATE TRIGGER audit_no_insert BEFORE INSERT ON audit "
                    "BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END"
                )
            )
        try:
            store.cancel_job(job.id, actor="apikey:newsroom")
        except Exception as exc:
            assert "audit unavailable" in str(exc)
        else:
            raise AssertionError("the cancel went through without its audit entry")
        assert store.get_job(job.id).status == "queued"
    finally:
        store.close()


def test_evidence_of_a_finished_job_is_frozen(store: Store) -> None:
    """A late twin fetch task must not replace the page a verdict was given on."""
    job, _ = store.create_job(REQUEST)
    store.start_job(job.id, quotes_total=1, sources_total=1)
    store.save_source(
        job.id, "http://127.0.0.1/a", status="ok", body=b"as checked", sha256="a" * 64
    )
    store.finish_job(job.id, {"quotes": [{"verdict": "matched"}], "sources": []})
    store.save_source(
        job.id, "http://127.0.0.1/a", status="ok", body=b"changed since", sha256="b" * 64
    )
    store.save_source(job.id, "http://127.0.0.1/late", status="ok", body=b"late")
    snapshot = store.get_snapshot(job.id, "http://127.0.0.1/a")
    assert (snapshot.body, snapshot.sha256) == (b"as checked", "a" * 64)
    assert [s.source for s in store.get_sources(job.id)] == ["http://127.0.0.1/a"]
    assert store.get_job(job.id).sources_done == 1

    canceled, _ = store.create_job({"quotes": ["x"]})
    store.cancel_job(canceled.id)
    store.save_source(canceled.id, "http://127.0.0.1/a", status="ok", body=b"after cancel")
    assert store.get_sources(canceled.id) == []


def test_audit_entries_cannot_be_replaced_by_an_upsert(store: Store) -> None:
    """SQLite's INSERT OR REPLACE deletes the old row without firing delete triggers
    unless recursive triggers are on; PostgreSQL's upsert is an UPDATE."""
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    entry = store.append_audit(actor="editor", action="signoff", job_id=None)
    if store.is_sqlite:
        statement = (
            "INSERT OR REPLACE INTO audit (id, at, actor, action) VALUES (:id, :at, 'm', 'x')"
        )
    else:
        statement = (
            "INSERT INTO audit (id, at, actor, action) VALUES (:id, :at, 'm', 'x') "
            "ON CONFLICT (id) DO UPDATE SET actor = excluded.actor, action = excluded.action"
        )
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(text(statement), {"id": entry.id, "at": entry.at})
    assert [(e.actor, e.action) for e in store.list_audit(None)] == [("editor", "signoff")]


def test_a_reviewed_job_cannot_be_rerun_under_its_review(store: Store) -> None:
    """Reviews point at quote indexes of one result: once succeeded, nothing replaces it."""
    import pytest

    from quotetrail.store import InvalidTransition

    job, _ = store.create_job(REQUEST)
    store.start_job(job.id, quotes_total=1, sources_total=1)
    store.save_source(job.id, "http://127.0.0.1/a", status="ok", body=b"page")
    first = {"quotes": [{"text": "the depot opens in May", "verdict": "altered"}], "sources": []}
    store.finish_job(job.id, first)
    reviews = ReviewStore(store)
    reviews.review_quote(
        job.id,
        0,
        actor="rita",
        action="override",
        verdict="matched",
        original_verdict="altered",
        reason="the source says May too",
    )
    # A redelivered pipeline run, a late cancel or failure: all refused or ignored.
    assert store.start_job(job.id, quotes_total=5, sources_total=5) is None
    other = {"quotes": [{"text": "something else", "verdict": "not_found"}], "sources": []}
    assert store.finish_job(job.id, other).result == first
    assert store.fail_job(job.id, "deadline").status == "succeeded"
    with pytest.raises(InvalidTransition):
        store.cancel_job(job.id, actor="apikey:bot")
    store.save_source(job.id, "http://127.0.0.1/a", status="ok", body=b"refetched")
    job_now = store.get_job(job.id)
    assert (job_now.status, job_now.result, job_now.quotes_total) == ("succeeded", first, 1)
    assert store.get_snapshot(job.id, "http://127.0.0.1/a").body == b"page"
    assert reviews.latest_reviews(job.id)[0].verdict == "matched"
    assert [e.action for e in store.list_audit(job.id)] == ["review.override"]
