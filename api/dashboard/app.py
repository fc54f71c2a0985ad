"""The dashboard as its own small ASGI app, mounted under the API at /dashboard.

A separate app keeps the two worlds apart: the API speaks JSON problem details and
API keys; the dashboard speaks HTML, cookies and CSRF tokens, with its own security
headers and error pages. They share the Store and the job submission path.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.dashboard.article import VERDICT_LETTER
from api.dashboard.auth import CsrfRefused, Forbidden, LoginRequired
from api.dashboard.i18n import LANG_COOKIE, LANGUAGES, pick_language, translator
from api.dashboard.security import apply_security_headers
from api.dashboard.sessions import SESSION_COOKIE, SESSION_MAX_AGE, SessionCodec, write_cookie
from quotetrail.config import ServiceConfig
from quotetrail.core.models import VERDICTS
from quotetrail.store.reviews import ReviewStore
from quotetrail.store.sessions import SessionStore
from quotetrail.store.users import UserStore

log = logging.getLogger("quotetrail.dashboard")

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"
LANG_COOKIE_MAX_AGE = 365 * 24 * 3600
_BARE_ERROR_PAGE = (
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Error · quotetrail</title>'
    "<h1>Something is wrong</h1><p>The server hit an unexpected error. It has been logged.</p>"
)


@dataclass
class Dashboard:
    """Everything the handlers need, kept on `app.state.dashboard`."""

    store: Any
    config: ServiceConfig
    users: UserStore
    reviews: ReviewStore
    codec: SessionCodec
    sessions: SessionStore
    templates: Any
    dispatcher: Callable[[], Any]
    static_version: str
    api_context: Callable[[], Any] | None = None  # the API's ApiContext, when mounted on it


def _static_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(STATIC_DIR.glob("*")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def _format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _templates():
    from fastapi.templating import Jinja2Templates

    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    env = templates.env
    env.autoescape = True  # every template, whatever its name: article text is hostile
    env.filters["dt"] = _format_datetime
    env.globals["letters"] = VERDICT_LETTER
    env.globals["verdicts"] = VERDICTS
    env.globals["languages"] = LANGUAGES
    return templates


def secret_key(config: ServiceConfig) -> str:
    if config.secret_key:
        return config.secret_key
    log.warning(
        "QUOTETRAIL_SECRET_KEY is not set: dashboard sessions end when the process restarts"
    )
    return secrets.token_urlsafe(32)


def create_dashboard(
    store,
    config: ServiceConfig,
    dispatcher: Callable[[], Any],
    api_context: Callable[[], Any] | None = None,
) -> FastAPI:
    from api.dashboard import (
        routes_admin,
        routes_article,
        routes_auth,
        routes_events,
        routes_export,
        routes_jobs,
        routes_review,
    )

    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None, title="quotetrail dashboard")
    app.state.dashboard = Dashboard(
        store=store,
        config=config,
        users=UserStore(store),
        reviews=ReviewStore(store),
        codec=SessionCodec(secret_key(config)),
        sessions=SessionStore(store, SESSION_MAX_AGE),
        templates=_templates(),
        dispatcher=dispatcher,
        static_version=_static_version(),
        api_context=api_context,
    )
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    for module in (
        routes_auth,
        routes_jobs,
        routes_article,
        routes_events,
        routes_review,
        routes_export,
        routes_admin,
    ):
        app.include_router(module.router)
    _install_middleware(app)
    _install_error_pages(app)
    return app


def _install_middleware(app: FastAPI) -> None:
    @app.middleware("http")
    async def dashboard_context(request: Request, call_next):
        dashboard: Dashboard = request.app.state.dashboard
        session = dashboard.codec.loads(request.cookies.get(SESSION_COOKIE))
        request.state.session = session
        request.state.lang = pick_language(request)
        request.state.user = None
        response = await call_next(request)
        is_static = request.url.path.startswith(prefix(request) + "/static/")
        if session.dirty and not is_static:
            write_cookie(response, request, dashboard.codec, session)
        asked = request.query_params.get("lang")
        if asked in LANGUAGES and request.cookies.get(LANG_COOKIE) != asked:
            response.set_cookie(
                LANG_COOKIE, asked, max_age=LANG_COOKIE_MAX_AGE, path="/", samesite="lax"
            )
        apply_security_headers(response, private=not is_static)
        return response


def _install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _exc: LoginRequired):
        if wants_json(request):
            return JSONResponse({"detail": "sign in first"}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        query = urlencode({"next": target}) if request.method == "GET" else ""
        return RedirectResponse(
            href(request, "/login") + (f"?{query}" if query else ""), status_code=303
        )

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, _exc: Forbidden):
        return error_page(request, "error.forbidden", 403)

    @app.exception_handler(CsrfRefused)
    async def csrf_refused(request: Request, _exc: CsrfRefused):
        return error_page(request, "error.csrf", 403)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, _exc: RequestValidationError):
        # A hand-edited URL (?q=abc, a missing parameter): a page, not a JSON dump.
        return error_page(request, "error.not_found", 404)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return error_page(request, "error.not_found", 404)
        return error_page(request, "error.title", exc.status_code, detail=str(exc.detail))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # Starlette logs and re-raises after this page is sent; the page says nothing more.
        log.error("dashboard error on %s %s", request.method, request.url.path, exc_info=exc)
        try:
            response = error_page(request, "error.server", 500)
        except Exception:  # the page itself cannot be drawn (no session, broken template)
            response = HTMLResponse(_BARE_ERROR_PAGE, status_code=500)
        apply_security_headers(response)
        return response


# -- helpers the route modules share ----------------------------------------------------


def dashboard_of(request: Request) -> Dashboard:
    return request.app.state.dashboard


def prefix(request: Request) -> str:
    """Where the dashboard is mounted ("/dashboard"), so links work under any prefix."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def href(request: Request, path: str) -> str:
    return prefix(request) + path


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "") and request.method == "GET"


def t_for(request: Request):
    return translator(getattr(request.state, "lang", "en"))


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    dashboard = dashboard_of(request)
    session = request.state.session
    lang = request.state.lang

    def lang_url(code: str) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
        return request.url.path + "?" + urlencode([*params, ("lang", code)])

    def static(name: str) -> str:
        return f"{prefix(request)}/static/{name}?v={dashboard.static_version}"

    base = {
        "request": request,
        "lang": lang,
        "t": translator(lang),
        "user": request.state.user,
        "csrf": session.csrf,
        "flashes": session.pop_flash(),
        "href": lambda path: href(request, path),
        "static": static,
        "lang_url": lang_url,
        "nav": "",
    }
    base.update(context or {})
    return dashboard.templates.TemplateResponse(request, template, base, status_code=status)


def error_page(request: Request, key: str, status: int, detail: str | None = None):
    if wants_json(request):
        return JSONResponse({"detail": detail or t_for(request)(key)}, status_code=status)
    message = t_for(request)(key) if detail is None else detail
    return render(request, "error.html", {"message": message}, status=status)


def redirect(request: Request, path: str) -> RedirectResponse:
    return RedirectResponse(href(request, path), status_code=303)


def flash(request: Request, kind: str, key: str, **values: object) -> None:
    request.state.session.add_flash(kind, t_for(request)(key, **values))
