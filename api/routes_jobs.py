"""/v1/jobs: submit a verification job, poll it, list, cancel, and read source snapshots."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response

from api import views
from api.context import ApiContext, Context
from api.problems import ApiProblem, field_problem
from api.schemas import (
    JobAccepted,
    JobDetail,
    JobIn,
    JobList,
    JobStatusName,
    SourceList,
    VerdictName,
)
from api.security import Caller, Principal, authenticate
from api.snapshots import snapshot_response
from api.submission import accept_job
from quotetrail.store import NO_OWNER, BadCursor, IdempotencyConflict, InvalidTransition, JobRecord

log = logging.getLogger("quotetrail.api")

router = APIRouter(prefix="/v1/jobs", tags=["jobs"], dependencies=[Depends(authenticate)])

JobId = Annotated[str, Path(min_length=1, max_length=64, description="The job's id")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description="Retry-safe submission: the same key and body return the same job",
    ),
]


@router.post(
    "",
    status_code=202,
    response_model=JobAccepted,
    summary="Submit an article (or quotes) for verification",
    responses={200: {"model": JobAccepted, "description": "Replay of an Idempotency-Key"}},
)
def submit_job(
    body: JobIn,
    response: Response,
    principal: Caller,
    context: Context,
    idempotency_key: IdempotencyKey = None,
) -> dict[str, Any]:
    try:
        job, created = accept_job(
            body, context, owner=principal.key_id, idempotency_key=idempotency_key
        )
    except IdempotencyConflict as exc:
        raise ApiProblem(
            422,
            "Idempotency-Key reused",
            str(exc),
            "idempotency-conflict",
            job_id=exc.job_id,
        ) from None
    if not created:
        response.status_code = 200
        response.headers["Idempotent-Replayed"] = "true"
    response.headers["Location"] = views.job_links(job)["self"]
    return views.job_accepted(job)


@router.get("", response_model=JobList, summary="List jobs, newest first")
def list_jobs(
    request: Request,
    principal: Caller,
    context: Context,
    status: Annotated[JobStatusName | None, Query()] = None,
    outlet: Annotated[
        str | None, Query(min_length=1, max_length=200, description="A cited outlet")
    ] = None,
    verdict: Annotated[
        VerdictName | None, Query(description="Jobs with at least one quote so judged")
    ] = None,
    submitted_from: Annotated[
        str | None, Query(description="ISO date or date-time, inclusive", max_length=40)
    ] = None,
    submitted_to: Annotated[
        str | None, Query(description="ISO date (whole day included) or date-time", max_length=40)
    ] = None,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    query: dict[str, Any] = {
        "status": status,
        "outlet": outlet,
        "verdict": verdict,
        "submitted_from": submitted_from,
        "submitted_to": submitted_to,
    }
    dates = {name: _when(query[name], name) for name in ("submitted_from", "submitted_to")}
    try:
        jobs, next_cursor = context.store.list_jobs(
            **{**query, **dates}, owner=_owner_scope(principal, context), cursor=cursor, limit=limit
        )
    except BadCursor:
        raise field_problem("cursor", ["query", "cursor"], "invalid pagination cursor") from None
    kept = {k: v for k, v in {**query, "limit": limit}.items() if v is not None}
    next_url = (
        f"{request.url.path}?{urlencode({**kept, 'cursor': next_cursor})}" if next_cursor else None
    )
    links = {"self": str(request.url.path) + (f"?{request.url.query}" if request.url.query else "")}
    if next_url:
        links["next"] = next_url
    return {"items": [views.job_summary(job) for job in jobs], "next": next_url, "links": links}


def _when(value: str | None, name: str) -> date | datetime | None:
    """A date (2026-01-31) or a date-time; a date-time without an offset is UTC."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        message = "use an ISO date (2026-01-31) or date-time (2026-01-31T12:00:00Z)"
        raise field_problem(name, ["query", name], message) from None


def _owner_scope(principal: Principal, context: ApiContext) -> str:
    """Each key sees only its own jobs, and an anonymous caller only anonymous jobs: never
    a dashboard user's (owned by the username) nor a key's."""
    return principal.key_id or NO_OWNER


def _visible_job(job_id: str, principal: Principal, context: ApiContext) -> JobRecord:
    job = context.store.get_job(job_id)
    owner = _owner_scope(principal, context)
    if job is None or (job.owner or NO_OWNER) != owner:
        raise ApiProblem(404, "Not Found", f"no job {job_id}", "job-not-found")
    return job


@router.get("/{job_id}", response_model=JobDetail, summary="A job's status, progress and result")
def get_job(
    job_id: JobId,
    response: Response,
    principal: Caller,
    context: Context,
) -> dict[str, Any]:
    job = _visible_job(job_id, principal, context)
    if not job.finished:
        response.headers["Retry-After"] = str(context.settings.retry_after_seconds)
    return views.job_detail(job)


@router.delete(
    "/{job_id}",
    response_model=JobDetail,
    status_code=202,
    summary="Cancel a queued or running job",
    responses={200: {"model": JobDetail, "description": "Already canceled"}},
)
def cancel_job(
    job_id: JobId,
    response: Response,
    principal: Caller,
    context: Context,
) -> dict[str, Any]:
    job = _visible_job(job_id, principal, context)
    if job.status == "canceled":
        response.status_code = 200
        return views.job_detail(job)
    try:
        canceled = context.store.cancel_job(job_id, actor=principal.actor)  # audited with it
    except InvalidTransition as exc:
        raise ApiProblem(
            409, "Job already finished", str(exc), "job-finished", job_status=exc.status
        ) from None
    try:
        context.dispatcher.cancel(job_id)
    except Exception:
        log.exception(
            "dispatcher could not cancel job %s (the store already says canceled)", job_id
        )
    return views.job_detail(canceled)


@router.get("/{job_id}/sources", response_model=SourceList, summary="The sources a job fetched")
def list_sources(
    job_id: JobId,
    principal: Caller,
    context: Context,
) -> dict[str, Any]:
    _visible_job(job_id, principal, context)
    return {"items": [views.source_view(s) for s in context.store.get_sources(job_id)]}


@router.get(
    "/{job_id}/sources/{index}/snapshot",
    summary="What the source said when it was checked (raw, as text/plain)",
    response_class=Response,
    responses={
        200: {
            "content": {"text/plain": {"schema": {"type": "string"}}},
            "description": "The raw page",
        }
    },
)
def get_snapshot(
    job_id: JobId,
    index: Annotated[int, Path(ge=0, le=100_000)],
    principal: Caller,
    context: Context,
) -> Response:
    _visible_job(job_id, principal, context)
    record = context.store.get_snapshot(job_id, index)
    if record is None or (record.body is None and record.text is None):
        raise ApiProblem(
            404,
            "Not Found",
            f"job {job_id} has no snapshot for source {index}",
            "snapshot-not-found",
        )
    return snapshot_response(record)
