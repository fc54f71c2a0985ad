"""Liveness, readiness and metrics for orchestrators and Prometheus (no quota).

/healthz and /readyz need no key. /metrics needs `Bearer $QUOTETRAIL_METRICS_KEY` when that
is set; otherwise it follows the API's key rule (a valid API key whenever keys are
required), so a server listening beyond loopback never serves it anonymously.
"""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST

from api.context import Context
from api.metrics import render
from api.problems import ApiProblem
from api.schemas import Health
from api.security import keys_required, presented_token

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_model=Health, summary="The process is alive")
def healthz() -> dict[str, Any]:
    return {"status": "ok", "checks": {}}


@router.get(
    "/readyz",
    response_model=Health,
    summary="The store (and Redis, and serve's worker, when there are) answer",
    responses={503: {"description": "A dependency is unreachable"}},
)
def readyz(context: Context) -> dict[str, Any]:
    checks = {"database": "ok" if context.store.ping() else "unreachable"}
    if context.worker_status is not None:
        checks["worker"] = context.worker_status()
    if context.redis is not None:
        try:
            checks["redis"] = "ok" if context.redis.ping() else "unreachable"
        except Exception:
            checks["redis"] = "unreachable"
    failing = sorted(name for name, state in checks.items() if state != "ok")
    if failing:
        raise ApiProblem(
            503,
            "Service Unavailable",
            "not ready: " + ", ".join(f"{name} {checks[name]}" for name in failing),
            "not-ready",
            checks=checks,
        )
    return {"status": "ready", "checks": checks}


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={
        200: {"content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}}}
    },
)
def metrics(request: Request, context: Context) -> Response:
    _check_metrics_access(request, context)
    return Response(render(request.app.state.metrics_registry), media_type=CONTENT_TYPE_LATEST)


def _check_metrics_access(request: Request, context: Context) -> None:
    token = presented_token(request)
    expected = context.settings.metrics_key
    if expected is not None:
        allowed = token is not None and hmac.compare_digest(token, expected)
    elif token is not None:
        allowed = context.store.verify_api_key(token) is not None
    else:
        allowed = not keys_required(request, context)
    if not allowed:
        raise ApiProblem(
            401,
            "Unauthorized",
            "/metrics needs the metrics key or an API key on this server",
            "unauthorized",
            headers={"WWW-Authenticate": 'Bearer realm="quotetrail-metrics"'},
        )
