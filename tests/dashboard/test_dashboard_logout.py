"""Signing out ends that session on the server: a copied cookie stops working, while
the same user's other sessions (other devices) stay signed in."""

from __future__ import annotations

from fastapi.testclient import TestClient

from quotetrail.store.sessions import SessionStore
from tests.dashboard.conftest import csrf_token, sign_in


def _signed_in(app, username: str) -> tuple[TestClient, str]:
    client = TestClient(app)
    response = sign_in(client, username)
    assert response.status_code == 200
    return client, csrf_token(response.text)


def test_copied_cookie_stops_working_after_logout(app, users):
    owner, token = _signed_in(app, "rita")
    copy = TestClient(app)
    copy.cookies.set("qt_session", owner.cookies.get("qt_session"))
    assert copy.get("/dashboard/jobs", follow_redirects=False).status_code == 200

    owner.post("/dashboard/logout", data={"csrf_token": token})

    page = copy.get("/dashboard/jobs")
    assert str(page.url).split("?")[0].endswith("/dashboard/login")
    assert 'name="password"' in page.text


def test_logout_keeps_the_users_other_sessions(app, users):
    laptop, token = _signed_in(app, "rita")
    phone, _ = _signed_in(app, "rita")
    laptop.post("/dashboard/logout", data={"csrf_token": token})
    assert laptop.get("/dashboard/jobs", follow_redirects=False).status_code == 303
    assert phone.get("/dashboard/jobs", follow_redirects=False).status_code == 200


def test_role_change_still_ends_every_session(app, users):
    laptop, _ = _signed_in(app, "rita")
    phone, _ = _signed_in(app, "rita")
    users.set_role("rita", "editor")
    assert laptop.get("/dashboard/jobs", follow_redirects=False).status_code == 303
    assert phone.get("/dashboard/jobs", follow_redirects=False).status_code == 303


def test_session_store_ends_one_or_all_and_lapses(store, users):
    rita = users.get_by_name("rita").id
    ed = users.get_by_name("ed").id
    sessions = SessionStore(store, max_age=3600)
    first, second, other = sessions.start(rita), sessions.start(rita), sessions.start(ed)
    assert first != second
    assert sessions.active(first, rita) and not sessions.active(first, ed)
    assert not sessions.active(None, rita) and not sessions.active("unknown", rita)
    sessions.end(first)
    assert not sessions.active(first, rita) and sessions.active(second, rita)
    sessions.end_all(rita)
    assert not sessions.active(second, rita) and sessions.active(other, ed)
    assert not SessionStore(store, max_age=-1).active(other, ed)  # older than max_age
