"""Signed-cookie sessions and CSRF tokens for the dashboard.

The cookie holds the user id, the user's session version (bumped on password change,
role change or disable, so old cookies die at once), the id of a session recorded
server-side (deleted at sign-out, so a copied cookie dies too) and a random CSRF token.
It is signed with QUOTETRAIL_SECRET_KEY.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "qt_session"
SESSION_MAX_AGE = 12 * 3600  # a working day; sign in again tomorrow
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass
class Session:
    """What the cookie carries; `dirty` tells the middleware to write it back."""

    user_id: int | None = None
    version: int = 0
    sid: str | None = None  # the server-side session id (quotetrail.store.sessions)
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    flash: list[tuple[str, str]] = field(default_factory=list)
    dirty: bool = False

    def login(self, user_id: int, version: int, sid: str | None = None) -> None:
        """Sign in; without `sid` the current server-side session id is kept."""
        # A new token at sign-in, so a token planted before sign-in is worthless.
        self.user_id, self.version = user_id, version
        if sid is not None:
            self.sid = sid
        self.csrf = secrets.token_urlsafe(32)
        self.dirty = True

    def logout(self) -> None:
        self.user_id, self.version, self.sid = None, 0, None
        self.csrf = secrets.token_urlsafe(32)
        self.dirty = True

    def add_flash(self, kind: str, message: str) -> None:
        self.flash.append((kind, message))
        self.dirty = True

    def pop_flash(self) -> list[tuple[str, str]]:
        messages, self.flash = self.flash, []
        if messages:
            self.dirty = True
        return messages

    def csrf_ok(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf, str(token))


class SessionCodec:
    """Turns a Session into a signed cookie value and back."""

    def __init__(self, secret_key: str):
        self._serializer = URLSafeTimedSerializer(secret_key, salt="quotetrail.dashboard.session")

    def dumps(self, session: Session) -> str:
        data: dict[str, Any] = {"u": session.user_id, "v": session.version, "c": session.csrf}
        if session.sid:
            data["s"] = session.sid
        if session.flash:
            data["f"] = session.flash[-5:]
        return self._serializer.dumps(data)

    def loads(self, value: str | None) -> Session:
        """A missing, forged, expired or malformed cookie is simply a fresh anonymous session."""
        if not value:
            return Session(dirty=True)
        try:
            data = self._serializer.loads(value, max_age=SESSION_MAX_AGE)
            return Session(
                user_id=int(data["u"]) if data.get("u") is not None else None,
                version=int(data.get("v", 0)),
                sid=str(data["s"]) if data.get("s") else None,
                csrf=str(data["c"]),
                flash=[(str(k), str(m)) for k, m in data.get("f", [])],
            )
        except (BadSignature, KeyError, TypeError, ValueError):
            return Session(dirty=True)


def is_https(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "")
    return request.url.scheme == "https" or forwarded.split(",")[0].strip() == "https"


def write_cookie(response: Response, request: Request, codec: SessionCodec, session: Session):
    response.set_cookie(
        SESSION_COOKIE,
        codec.dumps(session),
        max_age=SESSION_MAX_AGE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=is_https(request),
    )
