"""The admin's user page: add users, change roles, disable, set passwords."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.dashboard.app import dashboard_of, flash, redirect, render, t_for
from api.dashboard.auth import Admin, CsrfForm
from quotetrail.store.users import MIN_PASSWORD_LENGTH, ROLES, UserError

router = APIRouter()

USER_ERRORS = {
    "exists": "users.exists",
    "bad_name": "users.bad_name",
    "bad_password": "users.bad_password",
    "bad_role": "error.forbidden",
    "unknown": "error.not_found",
}


def _page(request: Request, error: str | None = None, status: int = 200):
    context = {
        "nav": "users",
        "users": dashboard_of(request).users.list(),
        "roles": ROLES,
        "min_password": MIN_PASSWORD_LENGTH,
        "error": error,
    }
    return render(request, "users.html", context, status=status)


def _error(request: Request, exc: UserError):
    message = t_for(request)(USER_ERRORS.get(exc.code, "error.title"), n=MIN_PASSWORD_LENGTH)
    return _page(request, error=message, status=400)


@router.get("/users")
def users_page(request: Request, user: Admin):
    return _page(request)


@router.post("/users")
def add_user(request: Request, user: Admin, form: CsrfForm):
    try:
        created = dashboard_of(request).users.add(
            str(form.get("username", "")),
            str(form.get("password", "")),
            str(form.get("role", "reviewer")),
            str(form.get("display_name", "")),
            actor=user.username,
        )
    except UserError as exc:
        return _error(request, exc)
    flash(request, "ok", "users.created", name=created.username)
    return redirect(request, "/users")


@router.post("/users/{username}")
def change_user(
    request: Request,
    username: str,
    user: Admin,
    form: CsrfForm,
):
    users = dashboard_of(request).users
    op = str(form.get("op", ""))
    is_self = username.strip().lower() == user.username
    try:
        if op == "role":
            role = str(form.get("role", ""))
            if is_self and role != "admin":
                return _page(request, error=t_for(request)("users.self"), status=400)
            changed = users.set_role(username, role, actor=user.username)
        elif op in ("disable", "enable"):
            if is_self and op == "disable":
                return _page(request, error=t_for(request)("users.self"), status=400)
            changed = users.set_disabled(username, op == "disable", actor=user.username)
        elif op == "password":
            changed = users.set_password(
                username, str(form.get("password", "")), actor=user.username
            )
            if is_self:  # keep the admin signed in after changing their own password
                request.state.session.login(changed.id, changed.session_version)
        else:
            return _page(request, error=t_for(request)("error.title"), status=400)
    except UserError as exc:
        return _error(request, exc)
    flash(request, "ok", "users.updated", name=changed.username)
    return redirect(request, "/users")
