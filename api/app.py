"""The HTTP API's app factory: `uvicorn --factory api.app:create_app` (or `api.app:app`).

    create_app(config=None, *, store=None, dispatcher=None, resolver=None, redis=None)

Everything comes from ServiceConfig (env) unless injected: tests pass a SQLite store
in tmp_path, a recording dispatcher and a loopback-only resolver.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api import dashboard
from api.body_limit import BodyLimitMiddleware
from api.context import ApiContext, redis_client
from api.head import HeadAsGetMiddleware
from api.http_metrics import HttpMetrics, HttpMetricsMiddleware
from api.metrics import metrics_registry
from api.problems import PROBLEM_MEDIA_TYPE, install_problem_handlers
from api.routes_jobs import router as jobs_router
from api.routes_ops import router as ops_router
from api.schemas import Problem
from api.security import RateLimitHeadersMiddleware
from api.settings import ApiSettings
from api.url_policy import Resolver, system_resolver
from quotetrail import __version__
from quotetrail.config import ServiceConfig
from quotetrail.store import Store

log = logging.getLogger("quotetrail.api")

API_PROBLEMS = {
    400: "Malformed request (bad JSON, bad header)",
    401: "Missing, unknown or revoked API key",
    404: "No such job (or not yours)",
    413: "Request body over the size limit",
    415: "Request body is not JSON",
    422: "Validation failed; see `errors`",
    429: "Over the rate limit; see Retry-After",
    500: "Unexpected server error",
}


def create_app(
    config: ServiceConfig | None = None,
    *,
    store: Store | None = None,
    dispatcher: Any = None,
    resolver: Resolver | None = None,
    redis: Any = None,
    worker_status: Any = None,
) -> FastAPI:
    config = config or ServiceConfig.from_env()
    settings = ApiSettings.from_config(config)
    owns_store = store is None
    if store is None:
        store = Store.from_config(config)
        store.migrate()
    if redis is None:
        redis = redis_client(config.redis_url)
    context = ApiContext(
        config=config,
        settings=settings,
        store=store,
        dispatcher_instance=dispatcher,
        redis=redis,
        resolver=resolver or system_resolver,
        worker_status=worker_status,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_store:
            store.close()

    app = FastAPI(
        title="quotetrail",
        version=__version__,
        summary="Checks that a news article's quotations say what their sources said.",
        lifespan=lifespan,
    )
    app.state.quotetrail = context
    app.state.metrics_registry = metrics_registry(store, by_host=settings.metrics_hosts)
    http_metrics = HttpMetrics(app.state.metrics_registry)
    install_problem_handlers(app)
    problem_responses: dict[int | str, dict[str, Any]] = {
        status: {"model": Problem, "description": text} for status, text in API_PROBLEMS.items()
    }
    app.include_router(jobs_router, responses=problem_responses)
    app.include_router(ops_router, responses={500: problem_responses[500]})
    dashboard.mount(app, store, config)
    # Outermost last: the body limit runs first, and rate-limit headers reach every response.
    app.add_middleware(HeadAsGetMiddleware)
    app.add_middleware(RateLimitHeadersMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(HttpMetricsMiddleware, metrics=http_metrics)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, with every error response as application/problem+json."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        routes=app.routes,
    )
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            for code, response in operation.get("responses", {}).items():
                if code.isdigit() and int(code) >= 400:
                    response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": problem_ref}}
                if path.startswith("/v1/"):
                    response.setdefault("headers", {}).update(_response_headers(path, method, code))
            if path.startswith("/v1/"):
                operation["security"] = [{"bearer": []}, {"apiKey": []}, {}]
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    components["securitySchemes"] = {
        "bearer": {"type": "http", "scheme": "bearer", "description": "quotetrail API key"},
        "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    }
    app.openapi_schema = schema
    return schema


_TEXT_HEADER = {"schema": {"type": "string"}}
_SECONDS_HEADER = {"schema": {"type": "integer", "minimum": 0}}


def _response_headers(path: str, method: str, code: str) -> dict[str, Any]:
    """Document the headers a client relies on: quotas, Location, Retry-After."""
    headers: dict[str, Any] = {
        "RateLimit": {**_TEXT_HEADER, "description": 'Quota left: "default";r=<left>;t=<seconds>'},
        "RateLimit-Policy": {**_TEXT_HEADER, "description": '"default";q=<requests>;w=<seconds>'},
    }
    if code == "429" or (method == "get" and path == "/v1/jobs/{job_id}" and code == "200"):
        headers["Retry-After"] = {
            **_SECONDS_HEADER,
            "description": "Seconds to wait before asking again",
        }
    if method == "post" and code in ("200", "202"):
        headers["Location"] = {**_TEXT_HEADER, "description": "The job's URL"}
    return headers


def __getattr__(name: str) -> Any:
    """`api.app:app` for uvicorn, built from the environment on first access."""
    if name == "app":
        global app
        app = create_app()
        return app
    raise AttributeError(name)
