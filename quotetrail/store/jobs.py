"""Jobs: creation with idempotency keys, listing with keyset cursors, status changes.

Status changes are single conditional UPDATEs, so a cancel racing a worker's finish
can never be overwritten: whichever commits first wins and the other sees it.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from datetime import MAXYEAR, UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, or_, select, update
from sqlalchemy.exc import IntegrityError

from quotetrail.store import facets
from quotetrail.store.audit import audit_row
from quotetrail.store.base import StoreBase
from quotetrail.store.cursor import decode_cursor, encode_cursor
from quotetrail.store.jobpath import UNFINISHED, running_values
from quotetrail.store.models import IdempotencyRow, JobFacetRow, JobRow, utcnow
from quotetrail.store.records import IdempotencyConflict, InvalidTransition, JobNotFound, JobRecord
from quotetrail.store.storable import storable, storable_text

MAX_PAGE_SIZE = 200


# `list_jobs(owner=NO_OWNER)`: only jobs nobody owns (submitted anonymously).
NO_OWNER = ""


def request_hash(request: dict[str, Any]) -> str:
    """Stable fingerprint of a request body, independent of key order."""
    canonical = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


class JobsMixin(StoreBase):
    """Jobs and their forward-only statuses: queued → running → succeeded|failed, or canceled."""

    def create_job(
        self,
        request: dict[str, Any],
        *,
        idempotency_key: str | None = None,
        owner: str | None = None,
        audit: dict[str, Any] | None = None,
    ) -> tuple[JobRecord, bool]:
        """Store a queued job; returns (job, created).

        `audit` (audit_row's actor, action, before, after; job_id is filled in) adds an
        audit entry in the job's own transaction, so a job never stands without it. A
        replayed idempotency key writes no second entry.

        With an idempotency key, the same key and the same body return the job made the
        first time (created False); the same key with another body raises
        IdempotencyConflict. Keys are scoped per owner.
        """
        request = storable(request)
        fingerprint = request_hash(request)
        scope = owner or ""
        for _attempt in range(3):
            with self.session() as session:
                if idempotency_key is not None:
                    found = session.get(IdempotencyRow, (scope, idempotency_key))
                    if found is not None:
                        if found.request_hash != fingerprint:
                            raise IdempotencyConflict(idempotency_key, found.job_id)
                        return _job_record(session.get_one(JobRow, found.job_id)), False
                now = utcnow()
                row = JobRow(
                    id=str(uuid.uuid4()),
                    status="queued",
                    created_at=now,
                    updated_at=now,
                    request=request,
                    cited_outlets=[],
                    verdict_counts={},
                    owner=owner,
                    sources_total=0,
                    sources_done=0,
                    quotes_total=0,
                    quotes_done=0,
                )
                session.add(row)
                if audit is not None:
                    session.flush()
                    session.add(audit_row(job_id=row.id, **audit))
                    session.flush()  # an audit failure here is not taken for a key race below
                if idempotency_key is not None:
                    session.flush()
                    session.add(
                        IdempotencyRow(
                            scope=scope,
                            key=idempotency_key,
                            request_hash=fingerprint,
                            job_id=row.id,
                            created_at=now,
                        )
                    )
                try:
                    session.commit()
                except IntegrityError:  # a concurrent request won the key: read its job
                    session.rollback()
                    continue
                return _job_record(row), True
        raise RuntimeError("could not store the job")  # pragma: no cover - repeated races

    def get_job(self, job_id: str) -> JobRecord | None:
        with self._reading() as session:
            row = session.get(JobRow, str(job_id))
            return _job_record(row) if row is not None else None

    def list_jobs(
        self,
        *,
        status: str | Sequence[str] | None = None,
        outlet: str | None = None,
        verdict: str | None = None,
        submitted_from: datetime | date | None = None,
        submitted_to: datetime | date | None = None,
        owner: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> tuple[list[JobRecord], str | None]:
        """Newest first; returns (page, cursor of the next page or None).

        `submitted_to` given as a date includes that whole day. Raises BadCursor for a
        cursor this store did not make.
        """
        limit = max(1, min(int(limit), MAX_PAGE_SIZE))
        conditions = _filters(status, owner, outlet, verdict, submitted_from, submitted_to)
        if cursor:
            conditions.append(_after(cursor))
        query = select(JobRow).where(*conditions)
        query = query.order_by(JobRow.created_at.desc(), JobRow.id.desc()).limit(limit + 1)
        with self._reading() as session:
            rows = list(session.scalars(query))
        page = [_job_record(row) for row in rows[:limit]]
        next_cursor = encode_cursor(page[-1].created_at, page[-1].id) if len(rows) > limit else None
        return page, next_cursor

    def cancel_job(self, job_id: str, *, actor: str | None = None) -> JobRecord:
        """queued|running → canceled. Canceling a canceled job is a no-op.

        With an actor, the audit entry ("job.cancel", before/after status) is written in
        the same transaction, and only when this call is the one that canceled the job.
        Raises JobNotFound, or InvalidTransition if the job already succeeded or failed.
        """
        now = utcnow()
        with self.session() as session:
            row = session.get(JobRow, job_id, with_for_update=True)
            if row is None:
                raise JobNotFound(job_id)
            before = row.status
            changed = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_(("queued", "running")))
                .values(status="canceled", finished_at=now, updated_at=now)
            ).rowcount
            if changed and actor is not None:
                session.add(
                    audit_row(
                        actor=actor,
                        action="job.cancel",
                        job_id=job_id,
                        before={"status": before},
                        after={"status": "canceled"},
                    )
                )
        job = self._require(job_id)
        if job.status != "canceled":
            raise InvalidTransition(job_id, job.status, "canceled")
        return job

    def start_job(
        self,
        job_id: str,
        *,
        quotes_total: int,
        sources_total: int,
        article: dict[str, Any] | None = None,
    ) -> JobRecord | None:
        """queued → running, with the totals known once the article is read.

        A job that is already running (a redelivered task) is restarted in place. Returns
        None when the job was canceled or finished meanwhile: the worker should stop.
        """
        values = running_values(quotes_total, sources_total, article)
        with self.session() as session:
            changed = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_(UNFINISHED))
                .values(**values)
            ).rowcount
            if not changed:
                if session.get(JobRow, job_id) is None:
                    raise JobNotFound(job_id)
                return None
        return self._require(job_id)

    def set_progress(
        self,
        job_id: str,
        *,
        quotes_done: int | None = None,
        sources_total: int | None = None,
        quotes_total: int | None = None,
    ) -> None:
        """Progress counters of a running job (ignored once it finished)."""
        values: dict[str, Any] = {
            name: max(0, int(value))
            for name, value in (
                ("quotes_done", quotes_done),
                ("sources_total", sources_total),
                ("quotes_total", quotes_total),
            )
            if value is not None
        }
        if not values:
            return
        with self.session() as session:
            session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status == "running")
                .values(updated_at=utcnow(), **values)
            )

    def touch_job(self, job_id: str) -> None:
        """A heartbeat: the job is alive (a retry is scheduled), so the sweep leaves it be."""
        with self.session() as session:
            session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_(("queued", "running")))
                .values(updated_at=utcnow())
            )

    def finish_job(self, job_id: str, report: dict[str, Any]) -> JobRecord:
        """running (or queued) → succeeded with the report; a canceled or already
        finished job is left as it is and returned unchanged. The job path's
        `complete_job` write, with the row read back for callers that show it."""
        self.complete_job(job_id, report)  # type: ignore[attr-defined]  # JobPathMixin
        return self._require(job_id)

    def fail_job(self, job_id: str, reason: str) -> JobRecord:
        """queued|running → failed with a reason; finished jobs are returned unchanged."""
        now = utcnow()
        self._transition(
            job_id,
            allowed=("queued", "running"),
            values={
                "status": "failed",
                "error": storable_text(str(reason))[:4000],
                "finished_at": now,
                "updated_at": now,
            },
        )
        return self._require(job_id)

    def _transition(self, job_id: str, *, allowed: Sequence[str], values: dict[str, Any]) -> bool:
        """One conditional UPDATE: atomic against a concurrent worker or cancel."""
        with self.session() as session:
            changed = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_(allowed))
                .values(**values)
            ).rowcount
            if not changed and session.get(JobRow, job_id) is None:
                raise JobNotFound(job_id)
            return bool(changed)

    def _require(self, job_id: str) -> JobRecord:
        job = self.get_job(job_id)
        if job is None:
            raise JobNotFound(job_id)
        return job


def _filters(
    status: str | Sequence[str] | None,
    owner: str | None,
    outlet: str | None,
    verdict: str | None,
    submitted_from: datetime | date | None,
    submitted_to: datetime | date | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if status:
        conditions.append(JobRow.status.in_([status] if isinstance(status, str) else list(status)))
    if owner == NO_OWNER:
        conditions.append(JobRow.owner.is_(None))
    elif owner is not None:
        conditions.append(JobRow.owner == owner)
    for facet, value in (("outlet", outlet), ("verdict", verdict)):
        if value:  # facets are plain indexed rows: no JSON queries, same SQL on both databases
            conditions.append(
                exists().where(
                    JobFacetRow.job_id == JobRow.id,
                    JobFacetRow.facet == facet,
                    JobFacetRow.value == facets.facet_value(value),
                )
            )
    if submitted_from is not None:
        conditions.append(JobRow.created_at >= _moment(submitted_from, end=False))
    if submitted_to is not None:
        bound = _moment(submitted_to, end=True)
        whole_day = not isinstance(submitted_to, datetime)
        conditions.append(JobRow.created_at < bound if whole_day else JobRow.created_at <= bound)
    return conditions


def _after(cursor: str) -> ColumnElement[bool]:
    """Jobs after the cursor in (created_at, id) descending order: keyset pagination."""
    after_time, after_id = decode_cursor(cursor)
    return or_(
        JobRow.created_at < after_time,
        and_(JobRow.created_at == after_time, JobRow.id < after_id),
    )


def _moment(value: datetime | date, *, end: bool) -> datetime:
    """A bound for created_at: datetimes as given (UTC if naive); dates as midnight UTC,
    the day after for an inclusive upper bound."""
    try:
        if isinstance(value, datetime):
            return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        day = value + timedelta(days=1) if end else value
        return datetime.combine(day, time.min, tzinfo=UTC)
    except OverflowError:  # past 9999-12-31 or before year 1 in UTC: the calendar's edge
        edge = datetime.max if value.year == MAXYEAR else datetime.min
        return edge.replace(tzinfo=UTC)


def _job_record(row: JobRow) -> JobRecord:
    return JobRecord(
        id=row.id,
        status=row.status,
        created_at=row.created_at,
        updated_at=row.updated_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        request=dict(row.request or {}),
        title=row.title,
        error=row.error,
        sources_total=row.sources_total or 0,
        sources_done=row.sources_done or 0,
        quotes_total=row.quotes_total or 0,
        quotes_done=row.quotes_done or 0,
        result=row.result,
        cited_outlets=list(row.cited_outlets or []),
        verdict_counts=dict(row.verdict_counts or {}),
        owner=row.owner,
        article=row.article,
    )
