"""Users and reviews in the store (SQLite and PostgreSQL), and migration 0002_review."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pytest
from sqlalchemy import inspect

from quotetrail.store import Store
from quotetrail.store.reviews import ReviewError, ReviewStore
from quotetrail.store.users import UserError, UserStore
from tests.service.store.pg_databases import fresh_database

PASSWORD = "correct horse battery"
REVIEW_TABLES = {"users", "reviews", "assignments", "article_reviews"}


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path) -> Iterator[Store]:
    if request.param == "sqlite":
        store = Store(f"sqlite:///{tmp_path / 'store.db'}")
        store.migrate()
        yield store
        store.close()
        return
    with fresh_database() as url:
        store = Store(url)
        store.migrate()
        yield store
        store.close()


def test_users_round_trip(any_store):
    users = UserStore(any_store)
    created = users.add("  Maria.K ", PASSWORD, "editor", "Maria K.", actor="cli:root")
    assert (created.username, created.role, created.label) == ("maria.k", "editor", "Maria K.")
    assert users.authenticate("MARIA.K", PASSWORD).id == created.id
    assert users.authenticate("maria.k", "wrong") is None
    assert users.get(created.id).last_login_at is not None
    with pytest.raises(UserError) as exists:
        users.add("maria.k", PASSWORD, "reviewer")
    assert exists.value.code == "exists"
    for bad in [("x", PASSWORD, "admin"), ("good", "short", "admin"), ("good", PASSWORD, "boss")]:
        with pytest.raises(UserError):
            users.add(*bad)
    before = users.get(created.id).session_version
    assert users.set_role("maria.k", "admin").session_version == before + 1
    assert users.set_disabled("maria.k", True).disabled
    assert users.authenticate("maria.k", PASSWORD) is None
    assert [u.username for u in users.list()] == ["maria.k"]
    audit = any_store.list_audit(None)
    assert [e.action for e in audit] == ["user.add", "user.role", "user.disable"]
    assert audit[0].actor == "cli:root"


def test_roles_are_ordered(any_store):
    users = UserStore(any_store)
    reviewer = users.add("rev", PASSWORD, "reviewer")
    admin = users.add("adm", PASSWORD, "admin")
    assert reviewer.can("reviewer") and not reviewer.can("editor")
    assert admin.can("reviewer") and admin.can("editor") and admin.can("admin")


def test_reviews_assignments_and_state(any_store):
    job, _ = any_store.create_job({"article": {"text": "t"}})
    reviews = ReviewStore(any_store)
    assert reviews.article_state(job.id).state == "unreviewed"
    reviews.review_quote(
        job.id, 0, actor="rev", action="confirm", verdict="matched", original_verdict="matched"
    )
    with pytest.raises(ReviewError) as no_reason:
        reviews.review_quote(
            job.id, 0, actor="rev", action="override", verdict="altered", original_verdict="matched"
        )
    assert no_reason.value.code == "reason_required"
    reviews.review_quote(
        job.id,
        0,
        actor="ed",
        action="override",
        verdict="altered",
        original_verdict="matched",
        reason="the source says forty",
    )
    latest = reviews.latest_reviews(job.id)[0]
    assert (latest.verdict, latest.reviewer, latest.original_verdict) == (
        "altered",
        "ed",
        "matched",
    )
    assert len(reviews.history(job.id)) == 2
    assert reviews.article_state(job.id).state == "in_review"

    reviews.assign(job.id, None, assignee="rev", actor="ed")
    reviews.assign(job.id, None, assignee="ann", actor="ed")  # reassigning replaces
    reviews.assign(job.id, 0, assignee="rev", actor="ed")
    assignments = reviews.assignments(job.id)
    assert assignments[None].assignee == "ann" and assignments[0].assignee == "rev"
    assert reviews.article_assignees([job.id]) == {job.id: "ann"}

    reviews.set_article_state(job.id, "reviewed", actor="ed")
    with pytest.raises(ReviewError) as locked:
        reviews.review_quote(
            job.id, 0, actor="rev", action="confirm", verdict="altered", original_verdict="matched"
        )
    assert locked.value.code == "locked"
    audit = [(e.action, e.before, e.after) for e in any_store.list_audit(job.id)]
    assert audit[1][1]["verdict"] == "matched" and audit[1][2]["verdict"] == "altered"
    assert [a for a, _, _ in audit] == [
        "review.confirm",
        "review.override",
        "assign",
        "assign",
        "assign",
        "article.reviewed",
    ]
    assert audit[3][1] == {"assignee": "rev"}


def _alembic(store: Store, command_name: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("quotetrail.store") / "migrations"))
    with store.engine.connect() as connection:
        cfg.attributes["connection"] = connection
        getattr(command, command_name)(cfg, revision)
        connection.commit()


def test_migration_0002_downgrades_and_upgrades(any_store):
    assert set(inspect(any_store.engine).get_table_names()) >= REVIEW_TABLES
    _alembic(any_store, "downgrade", "0001_jobs")
    any_store.engine.dispose()
    assert not REVIEW_TABLES & set(inspect(any_store.engine).get_table_names())
    assert "jobs" in inspect(any_store.engine).get_table_names()
    any_store.migrate()
    assert set(inspect(any_store.engine).get_table_names()) >= REVIEW_TABLES
    assert UserStore(any_store).add("again", PASSWORD, "admin").username == "again"
