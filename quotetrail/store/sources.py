"""A job's sources, kept with the raw bytes fetched: the evidence behind every verdict."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select, update
from sqlalchemy.orm import defer

from quotetrail.store.base import StoreBase
from quotetrail.store.models import JobRow, JobSourceRow, utcnow
from quotetrail.store.records import FINISHED_STATUSES, JobNotFound, SourceRecord
from quotetrail.store.storable import storable_text


def _source_key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


def _moment_or_none(value: datetime | str | None) -> datetime | None:
    """The fetcher reports ISO 8601 strings ("…Z"); anything unreadable is dropped, not fatal."""
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host[:255] if host else None


class SourcesMixin(StoreBase):
    """What each source said when it was checked: status, metadata, raw body and text."""

    def save_source(
        self,
        job_id: str,
        source: str,
        *,
        status: str,
        error: str | None = None,
        final_url: str | None = None,
        http_status: int | None = None,
        content_type: str | None = None,
        fetched_at: datetime | str | None = None,
        sha256: str | None = None,
        body: bytes | None = None,
        text: str | None = None,
    ) -> None:
        """Record one source's fetch (upsert keyed on (job, source)) and recount sources_done.

        Only while the job is queued or running: once it finished, its sources are the
        evidence its verdicts were given on, and a late (redelivered, twin) fetch task
        must not replace them. Such a save is ignored.
        """
        source = storable_text(source)
        key = _source_key(source)
        error = storable_text(error) if error is not None else None
        text = storable_text(text) if text is not None else None
        fetched_at = _moment_or_none(fetched_at)
        fields: dict[str, Any] = {
            "status": status,
            "error": error,
            "final_url": final_url,
            "host": _host_of(final_url) or _host_of(source),
            "http_status": http_status,
            "content_type": (content_type or None) and content_type[:255],
            "fetched_at": fetched_at,
            "sha256": sha256,
            "body": body,
            "body_size": len(body) if body is not None else None,
            "text": text,
            "saved_at": utcnow(),
        }
        with self.session() as session:
            # Locked, so a finish_job committing meanwhile is seen (SQLite: BEGIN IMMEDIATE).
            job = session.get(JobRow, job_id, with_for_update=True)
            if job is None:
                raise JobNotFound(job_id)
            if job.status in FINISHED_STATUSES:
                return
            row = session.scalar(
                select(JobSourceRow).where(
                    JobSourceRow.job_id == job_id, JobSourceRow.source_key == key
                )
            )
            if row is None:
                session.add(JobSourceRow(job_id=job_id, source=source, source_key=key, **fields))
            else:
                for name, value in fields.items():
                    setattr(row, name, value)
            session.flush()
            done = session.scalar(
                select(func.count(JobSourceRow.id)).where(JobSourceRow.job_id == job_id)
            )
            session.execute(
                update(JobRow)
                .where(JobRow.id == job_id)
                .values(sources_done=int(done or 0), updated_at=utcnow())
            )

    def get_sources(self, job_id: str, *, with_body: bool = False) -> list[SourceRecord]:
        """The job's sources in the order they were first saved; bodies only if asked (and
        only then read: raw pages are most of a job's bytes)."""
        query = select(JobSourceRow).where(JobSourceRow.job_id == job_id).order_by(JobSourceRow.id)
        if not with_body:
            query = query.options(defer(JobSourceRow.body))
        with self._reading() as session:
            rows = session.scalars(query).all()
            return [_source_record(i, row, with_body=with_body) for i, row in enumerate(rows)]

    def get_snapshot(self, job_id: str, source: str | int) -> SourceRecord | None:
        """One source with its raw body: by the string it was saved under, or by index."""
        with self._reading() as session:
            query = (
                select(JobSourceRow).where(JobSourceRow.job_id == job_id).order_by(JobSourceRow.id)
            )
            if isinstance(source, int):
                if source < 0:
                    return None
                row = session.scalars(query.offset(source).limit(1)).first()
                index = source
            else:
                row = session.scalars(
                    query.where(JobSourceRow.source_key == _source_key(storable_text(source)))
                ).first()
                index = (
                    0
                    if row is None
                    else int(
                        session.scalar(
                            select(func.count(JobSourceRow.id)).where(
                                JobSourceRow.job_id == job_id, JobSourceRow.id < row.id
                            )
                        )
                        or 0
                    )
                )
            return _source_record(index, row, with_body=True) if row is not None else None


def _source_record(index: int, row: JobSourceRow, *, with_body: bool) -> SourceRecord:
    return SourceRecord(
        index=index,
        job_id=row.job_id,
        source=row.source,
        status=row.status,
        error=row.error,
        final_url=row.final_url,
        http_status=row.http_status,
        content_type=row.content_type,
        fetched_at=row.fetched_at,
        sha256=row.sha256,
        body_size=row.body_size,
        text=row.text,
        body=bytes(row.body) if with_body and row.body is not None else None,
        host=row.host,
    )
