"""Signing in and out."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from api.dashboard.app import dashboard_of, flash, prefix, redirect, render, t_for
from api.dashboard.auth import CsrfForm, safe_next, session_of

router = APIRouter()

# Failed sign-ins per (client address, user name) within the window before further tries
# are refused.
MAX_FAILURES = 10
FAILURE_WINDOW = 300.0
MAX_KEYS = 10_000


class FailureLog:
    """In-process throttle of password guessing (sliding window per key).

    At most `max_keys` keys are remembered: past that, expired ones are dropped, then the
    longest idle, so a new user name per guess cannot grow memory without bound.
    """

    def __init__(
        self, limit: int = MAX_FAILURES, window: float = FAILURE_WINDOW, max_keys: int = MAX_KEYS
    ):
        self.limit, self.window, self.max_keys = limit, window, max_keys
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key) or deque()
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def blocked(self, key: str) -> bool:
        with self._lock:
            return len(self._recent(key, time.monotonic())) >= self.limit

    def fail(self, key: str) -> None:
        with self._lock:
            now = time.monotonic()
            times = self._recent(key, now)
            times.append(now)
            self._failures[key] = times
            self._failures.move_to_end(key)
            if len(self._failures) > self.max_keys:
                for old in [k for k, t in self._failures.items() if not self._recent(k, now)]:
                    del self._failures[old]
            while len(self._failures) > self.max_keys:
                self._failures.popitem(last=False)

    def clear(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


failures = FailureLog()


@router.get("/")
def home(request: Request):
    return redirect(request, "/jobs")


@router.get("/login")
def login_page(request: Request, next: str = ""):
    target = safe_next(next, prefix(request))
    session = session_of(request)
    if session.user_id is not None and dashboard_of(request).sessions.active(
        session.sid, session.user_id
    ):
        return redirect(request, target[len(prefix(request)) :] if target else "/jobs")
    return render(request, "login.html", {"next": target or "", "username": "", "error": None})


@router.post("/login")
def login(request: Request, form: CsrfForm):
    username = str(form.get("username", "")).strip().lower()
    password = str(form.get("password", ""))
    target = safe_next(str(form.get("next", "")), prefix(request))
    # Per address and name: guessing is slowed without letting anyone lock a colleague out.
    key = f"{request.client.host if request.client else ''}|{username}"
    user = None
    if not failures.blocked(key):
        user = dashboard_of(request).users.authenticate(username, password)
    if user is None:
        failures.fail(key)
        context = {
            "next": target or "",
            "username": username,
            "error": t_for(request)("login.failed"),
        }
        return render(request, "login.html", context, status=401)
    failures.clear(key)
    session_of(request).login(
        user.id, user.session_version, dashboard_of(request).sessions.start(user.id)
    )
    if target:
        return RedirectResponse(target, status_code=303)
    return redirect(request, "/jobs")


@router.post("/logout")
def logout(request: Request, _form: CsrfForm):
    """Ends this session server-side too, so a copy of its cookie stops working."""
    dashboard_of(request).sessions.end(session_of(request).sid)
    session_of(request).logout()
    flash(request, "info", "login.signed_out")
    return redirect(request, "/login")
