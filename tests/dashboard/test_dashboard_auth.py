"""Sign-in, sessions, CSRF and roles."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.dashboard.conftest import PASSWORD, csrf_token, sign_in


def test_pages_need_sign_in(app, users):
    client = TestClient(app)
    response = client.get("/dashboard/jobs", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/dashboard/login?next=%2Fdashboard%2Fjobs")


def test_sign_in_and_out(app, users):
    client = TestClient(app)
    response = sign_in(client, "rita")
    assert response.status_code == 200
    assert str(response.url).endswith("/dashboard/jobs")
    assert "Rita Reviewer" in response.text
    cookie = response.history[0].headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    assert "Secure" not in cookie  # plain http in tests; https gets Secure (next test)

    token = csrf_token(response.text)
    out = client.post("/dashboard/logout", data={"csrf_token": token})
    assert str(out.url).endswith("/dashboard/login")
    assert "You are signed out." in out.text
    again = client.get("/dashboard/jobs", follow_redirects=False)
    assert again.status_code == 303


def test_cookie_is_secure_behind_https(app, users):
    client = TestClient(app, base_url="https://testserver")
    page = client.get("/dashboard/login")
    assert "Secure" in page.headers["set-cookie"]


def test_wrong_password_is_refused(app, users):
    client = TestClient(app)
    response = sign_in(client, "rita", "not the password")
    assert response.status_code == 401
    assert "Wrong user name or password." in response.text
    unknown = sign_in(client, "nobody", PASSWORD)
    assert unknown.status_code == 401
    assert client.get("/dashboard/jobs", follow_redirects=False).status_code == 303


def test_disabled_user_cannot_sign_in_and_loses_session(app, users):
    client = TestClient(app)
    assert sign_in(client, "rita").status_code == 200
    users.set_disabled("rita", True)
    assert client.get("/dashboard/jobs", follow_redirects=False).status_code == 303
    assert sign_in(TestClient(app), "rita").status_code == 401


def test_password_change_ends_old_sessions(app, users):
    client = TestClient(app)
    assert sign_in(client, "rita").status_code == 200
    users.set_password("rita", "a brand new password")
    assert client.get("/dashboard/jobs", follow_redirects=False).status_code == 303


def test_forged_cookie_is_ignored(app, users):
    client = TestClient(app)
    client.cookies.set("qt_session", "eyJ1IjoxLCJ2IjoxLCJjIjoieCJ9.forged.signature")
    assert client.get("/dashboard/jobs", follow_redirects=False).status_code == 303


def test_login_redirects_only_inside_the_dashboard(app, users):
    client = TestClient(app)
    page = client.get("/dashboard/login")
    data = {"username": "rita", "password": PASSWORD, "csrf_token": csrf_token(page.text)}
    response = client.post(
        "/dashboard/login", data={**data, "next": "//evil.example/"}, follow_redirects=False
    )
    assert response.headers["location"] == "/dashboard/jobs"
    client2 = TestClient(app)
    page = client2.get("/dashboard/login?next=/dashboard/users")
    data["csrf_token"] = csrf_token(page.text)
    response = client2.post(
        "/dashboard/login", data={**data, "next": "/dashboard/submit"}, follow_redirects=False
    )
    assert response.headers["location"] == "/dashboard/submit"


def test_post_without_csrf_token_is_refused(reviewer, job_id, store):
    response = reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/1/review",
        data={"action": "confirm", "verdict": "matched"},
    )
    assert response.status_code == 403
    assert "The form expired" in response.text
    wrong = reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/1/review",
        data={"action": "confirm", "verdict": "matched", "csrf_token": "guess"},
    )
    assert wrong.status_code == 403
    assert store.list_audit(job_id) == []


def test_csrf_token_of_another_session_is_refused(app, users, job_id, store):
    alice, mallory = TestClient(app), TestClient(app)
    sign_in(alice, "rita")
    sign_in(mallory, "ed")
    mallory_token = csrf_token(mallory.get("/dashboard/jobs").text)
    response = alice.post(
        f"/dashboard/jobs/{job_id}/quotes/1/review",
        data={"action": "confirm", "verdict": "matched", "csrf_token": mallory_token},
    )
    assert response.status_code == 403
    assert store.list_audit(job_id) == []


def test_cross_origin_post_is_refused(reviewer, job_id):
    token = csrf_token(reviewer.get(f"/dashboard/jobs/{job_id}").text)
    response = reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/1/review",
        data={"action": "confirm", "verdict": "matched", "csrf_token": token},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403


def test_login_form_needs_csrf_token(app, users):
    client = TestClient(app)
    client.get("/dashboard/login")
    response = client.post("/dashboard/login", data={"username": "rita", "password": PASSWORD})
    assert response.status_code == 403


def test_reviewer_cannot_manage_users(reviewer, users):
    assert reviewer.get("/dashboard/users").status_code == 403
    token = csrf_token(reviewer.get("/dashboard/jobs").text)
    response = reviewer.post(
        "/dashboard/users",
        data={"username": "eve", "password": PASSWORD, "role": "admin", "csrf_token": token},
    )
    assert response.status_code == 403
    assert users.get_by_name("eve") is None
    assert 'href="/dashboard/users"' not in reviewer.get("/dashboard/jobs").text


def test_editor_cannot_manage_users_either(editor, users):
    assert editor.get("/dashboard/users").status_code == 403


def test_admin_manages_users(admin, users, store):
    page = admin.get("/dashboard/users")
    assert page.status_code == 200
    token = csrf_token(page.text)
    created = admin.post(
        "/dashboard/users",
        data={"username": "Nina", "password": PASSWORD, "role": "editor", "csrf_token": token},
    )
    assert created.status_code == 200
    assert "User nina created." in created.text
    assert users.get_by_name("nina").role == "editor"

    token = csrf_token(created.text)
    admin.post(
        "/dashboard/users/nina", data={"op": "role", "role": "reviewer", "csrf_token": token}
    )
    admin.post("/dashboard/users/nina", data={"op": "disable", "csrf_token": token})
    nina = users.get_by_name("nina")
    assert (nina.role, nina.disabled) == ("reviewer", True)

    short = admin.post(
        "/dashboard/users/nina", data={"op": "password", "password": "short", "csrf_token": token}
    )
    assert short.status_code == 400
    assert "at least 8 characters" in short.text

    duplicate = admin.post(
        "/dashboard/users",
        data={"username": "nina", "password": PASSWORD, "role": "editor", "csrf_token": token},
    )
    assert duplicate.status_code == 400

    actions = [(e.actor, e.action) for e in store.list_audit(None)]
    assert ("ada", "user.add") in actions and ("ada", "user.disable") in actions
    role_change = next(e for e in store.list_audit(None) if e.action == "user.role")
    assert role_change.before["role"] == "editor" and role_change.after["role"] == "reviewer"
    assert all("password_hash" not in (e.after or {}) for e in store.list_audit(None))


def test_admin_cannot_lock_themselves_out(admin, users):
    token = csrf_token(admin.get("/dashboard/users").text)
    response = admin.post("/dashboard/users/ada", data={"op": "disable", "csrf_token": token})
    assert response.status_code == 400
    response = admin.post(
        "/dashboard/users/ada", data={"op": "role", "role": "reviewer", "csrf_token": token}
    )
    assert response.status_code == 400
    assert users.get_by_name("ada").role == "admin" and not users.get_by_name("ada").disabled


def test_repeated_failures_are_throttled(app, users, monkeypatch):
    from api.dashboard import routes_auth

    monkeypatch.setattr(routes_auth, "failures", routes_auth.FailureLog(limit=3, window=60))
    client = TestClient(app)
    for _ in range(3):
        assert sign_in(client, "ed", "wrong password").status_code == 401
    # Even the right password is refused until the window passes.
    assert sign_in(client, "ed").status_code == 401
    assert sign_in(client, "rita").status_code == 200


def test_language_switch_is_remembered(reviewer):
    page = reviewer.get("/dashboard/jobs?lang=ru")
    assert "Статьи" in page.text and '<html lang="ru">' in page.text
    assert "qt_lang=ru" in page.headers["set-cookie"]
    again = reviewer.get("/dashboard/jobs")
    assert "Статьи" in again.text
    english = reviewer.get("/dashboard/jobs?lang=en")
    assert re.search(r"<h1>Articles</h1>", english.text)


def test_origin_check_ignores_x_forwarded_host(reviewer, job_id):
    """A client can send X-Forwarded-Host itself: matching it to a forged Origin proves nothing."""
    token = csrf_token(reviewer.get(f"/dashboard/jobs/{job_id}").text)
    response = reviewer.post(
        f"/dashboard/jobs/{job_id}/quotes/1/review",
        data={"action": "confirm", "verdict": "matched", "csrf_token": token},
        headers={"Origin": "https://evil.example", "X-Forwarded-Host": "evil.example"},
    )
    assert response.status_code == 403
