"""A review change and its audit entry commit together or not at all.

If the audit entry cannot be written, the change must not stand either: otherwise the
trail that is meant to say who decided what would silently miss a decision.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from quotetrail.store import Store
from quotetrail.store.reviews import ReviewStore
from quotetrail.store.users import UserStore
from tests.dashboard.conftest import csrf_token, sign_in

REQUEST = {"article": {"text": "The mayor said “the depot opens in May”."}}


@pytest.fixture
def refuse_audit_inserts(store: Store):
    """Make the database refuse any new audit row, as a full disk or a lost link would."""

    def install() -> None:
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "CREATE TRIGGER audit_no_insert BEFORE INSERT ON audit "
                    "BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END"
                )
            )

    return install


def test_review_is_not_kept_without_its_audit_entry(store, refuse_audit_inserts):
    job, _ = store.create_job(REQUEST)
    reviews = ReviewStore(store)
    refuse_audit_inserts()
    with pytest.raises(Exception, match="audit unavailable"):
        reviews.review_quote(
            job.id,
            0,
            actor="rita",
            action="override",
            verdict="altered",
            original_verdict="matched",
            reason="the figure differs",
        )
    assert reviews.history(job.id) == []
    assert reviews.article_state(job.id).state == "unreviewed"


def test_assignment_and_sign_off_are_not_kept_without_audit(store, refuse_audit_inserts):
    job, _ = store.create_job(REQUEST)
    reviews = ReviewStore(store)
    refuse_audit_inserts()
    with pytest.raises(Exception, match="audit unavailable"):
        reviews.assign(job.id, None, assignee="rita", actor="ed")
    assert reviews.assignments(job.id) == {}
    with pytest.raises(Exception, match="audit unavailable"):
        reviews.set_article_state(job.id, "reviewed", actor="ed")
    assert reviews.article_state(job.id).state == "unreviewed"


def test_user_changes_are_not_kept_without_audit(store, refuse_audit_inserts):
    users = UserStore(store)
    users.add("rita", "correct horse battery", "reviewer")
    refuse_audit_inserts()
    with pytest.raises(Exception, match="audit unavailable"):
        users.set_role("rita", "admin", actor="ada")
    assert users.get_by_name("rita").role == "reviewer"
    with pytest.raises(Exception, match="audit unavailable"):
        users.add("mallory", "correct horse battery", "admin", actor="ada")
    assert users.get_by_name("mallory") is None


def test_review_of_a_signed_off_article_is_refused_inside_the_transaction(store):
    """The lock is checked where the review is written, so a sign-off that lands first wins."""
    job, _ = store.create_job(REQUEST)
    reviews = ReviewStore(store)
    reviews.set_article_state(job.id, "reviewed", actor="ed")
    from quotetrail.store.reviews import ReviewError

    with pytest.raises(ReviewError) as refused:
        reviews.review_quote(
            job.id, 0, actor="rita", action="confirm", verdict="matched", original_verdict="matched"
        )
    assert refused.value.code == "locked"
    assert reviews.history(job.id) == []


def _job_count(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM jobs")).scalar_one()


def test_job_is_not_kept_without_its_audit_entry(store, refuse_audit_inserts):
    refuse_audit_inserts()
    with pytest.raises(Exception, match="audit unavailable"):
        store.create_job(REQUEST, owner="rita", audit={"actor": "rita", "action": "job.submitted"})
    assert _job_count(store) == 0


def test_job_and_its_audit_entry_commit_together(store):
    job, created = store.create_job(
        REQUEST, owner="rita", audit={"actor": "rita", "action": "job.submitted", "after": {"n": 1}}
    )
    assert created
    [entry] = store.list_audit(job.id)
    assert (entry.actor, entry.action, entry.after) == ("rita", "job.submitted", {"n": 1})


@pytest.fixture
def api_app(store, config, users):
    """The dashboard mounted on the real API app, so submit takes the API's path."""
    from api.app import create_app
    from tests.support.dispatcher import RecordingDispatcher

    dispatcher = RecordingDispatcher()
    app = create_app(config, store=store, dispatcher=dispatcher)
    app.state.recorded = dispatcher
    return app


def _submit(client: TestClient):
    token = csrf_token(client.get("/dashboard/submit").text)
    return client.post(
        "/dashboard/submit",
        data={"mode": "text", "text": REQUEST["article"]["text"], "csrf_token": token},
    )


def test_submit_on_the_api_app_writes_job_and_audit_together(api_app, store):
    with TestClient(api_app) as client:
        assert sign_in(client, "rita").status_code == 200
        response = _submit(client)
    assert response.status_code == 200
    [job_id] = api_app.state.recorded.enqueued
    assert [e.action for e in store.list_audit(job_id)] == ["job.submitted"]


def test_submit_is_refused_whole_when_audit_fails(api_app, store, refuse_audit_inserts):
    with TestClient(api_app) as client:
        assert sign_in(client, "rita").status_code == 200
        refuse_audit_inserts()
        response = _submit(client)
    assert response.status_code == 503
    assert _job_count(store) == 0
    assert api_app.state.recorded.enqueued == []
