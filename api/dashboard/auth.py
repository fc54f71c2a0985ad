"""Who is asking, and may they: FastAPI dependencies for sign-in, roles and CSRF."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request
from starlette.datastructures import FormData

from api.dashboard.sessions import CSRF_FIELD, CSRF_HEADER, Session
from quotetrail.store.users import User


class LoginRequired(Exception):
    """No valid session: the handler redirects to the sign-in page."""


class Forbidden(Exception):
    """Signed in, but the role is too low."""


class CsrfRefused(Exception):
    """A POST without this session's token, or from another origin."""


def session_of(request: Request) -> Session:
    return request.state.session


def current_user(request: Request) -> User:
    """The signed-in user; the session dies if the account was disabled or changed since,
    or if this session was signed out (its server-side id is gone)."""
    session = session_of(request)
    if session.user_id is None:
        raise LoginRequired()
    dashboard = request.app.state.dashboard
    user = dashboard.users.get(session.user_id)
    if (
        user is None
        or user.disabled
        or user.session_version != session.version
        or not dashboard.sessions.active(session.sid, user.id)
    ):
        session.logout()
        raise LoginRequired()
    request.state.user = user
    return user


def require(role: str):
    """A dependency that lets `role` and the roles above it through."""

    def dependency(user: Annotated[User, Depends(current_user)]) -> User:
        if not user.can(role):
            raise Forbidden()
        return user

    return dependency


def same_origin(request: Request) -> bool:
    """Browsers send Origin on POST; when they do, it must be this host."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    # Host only: X-Forwarded-Host is whatever the client sends unless a proxy overwrites it.
    return urlsplit(origin).netloc == request.headers.get("host", "")


async def checked_form(request: Request) -> FormData:
    """The POSTed form, once its CSRF token matches the session's (else CsrfRefused)."""
    form = await request.form()
    token = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
    if not same_origin(request) or not session_of(request).csrf_ok(
        token if isinstance(token, str) else None
    ):
        raise CsrfRefused()
    return form


def safe_next(value: str | None, prefix: str) -> str | None:
    """Only a path inside the dashboard may be a post-sign-in target (no open redirect)."""
    if not value or not value.startswith(prefix + "/") or value.startswith("//"):
        return None
    if "\\" in value or any(ord(c) < 32 for c in value):
        return None
    parts = urlsplit(value)
    return value if not parts.scheme and not parts.netloc else None


CurrentUser = Annotated[User, Depends(current_user)]
Reviewer = Annotated[User, Depends(require("reviewer"))]
Editor = Annotated[User, Depends(require("editor"))]
Admin = Annotated[User, Depends(require("admin"))]
CsrfForm = Annotated[FormData, Depends(checked_form)]
