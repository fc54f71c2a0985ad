"""What the store hands out: frozen dataclasses, never ORM rows.

Callers (API handlers, Celery tasks, the dashboard) hold these across requests and
processes without keeping a database session open or triggering lazy loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, get_args

from quotetrail.errors import QuotetrailError

JobStatus = Literal["queued", "running", "succeeded", "failed", "canceled"]
JOB_STATUSES: tuple[str, ...] = get_args(JobStatus)
FINISHED_STATUSES: frozenset[str] = frozenset({"succeeded", "failed", "canceled"})


class StoreError(QuotetrailError):
    """Base class of the store's own errors."""


class JobNotFound(StoreError, KeyError):
    """No job has this id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "job not found"


class IdempotencyConflict(StoreError):
    """The Idempotency-Key was used before with a different request body."""

    def __init__(self, key: str, job_id: str):
        super().__init__(f"Idempotency-Key {key!r} was already used with a different request")
        self.key = key
        self.job_id = job_id


class InvalidTransition(StoreError):
    """The job's status cannot move that way (statuses only move forward)."""

    def __init__(self, job_id: str, status: str, wanted: str):
        super().__init__(f"job {job_id} is {status}; it cannot become {wanted}")
        self.job_id = job_id
        self.status = status
        self.wanted = wanted


@dataclass(frozen=True, slots=True)
class JobRecord:
    id: str
    status: str
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    request: dict[str, Any]
    title: str | None
    error: str | None
    sources_total: int
    sources_done: int
    quotes_total: int
    quotes_done: int
    result: dict[str, Any] | None
    cited_outlets: list[str] = field(default_factory=list)
    verdict_counts: dict[str, int] = field(default_factory=dict)
    owner: str | None = None
    article: dict[str, Any] | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED_STATUSES


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One fetched (or failed) source of a job. `index` is its position in the job, from 0.

    `body` is the raw bytes as fetched (the evidence); it is None in listings unless asked
    for, so a listing of many large pages stays small.
    """

    index: int
    job_id: str
    source: str
    status: str
    error: str | None
    final_url: str | None
    http_status: int | None
    content_type: str | None
    fetched_at: datetime | None
    sha256: str | None
    body_size: int | None
    text: str | None
    body: bytes | None = None
    host: str | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    job_id: str | None
    quote_index: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class ApiKeyRecord:
    """An API key as listed: never the token, only its first characters (`prefix`)."""

    id: str
    name: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None
