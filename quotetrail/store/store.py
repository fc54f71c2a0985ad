"""The durable store: jobs, their sources (with raw snapshots), API keys and the audit.

Every method runs in its own short transaction and returns frozen records, so the
API, the Celery workers and the dashboard never share sessions. A method returns
only after its transaction committed: what the API acknowledged survives a restart.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, and_, exists, func, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quotetrail.config import ServiceConfig
from quotetrail.store import apikeys, facets
from quotetrail.store.cursor import decode_cursor, encode_cursor
from quotetrail.store.engine import create_store_engine, is_sqlite, write_engine
from quotetrail.store.models import (
    ApiKeyRow,
    AuditRow,
    IdempotencyRow,
    JobFacetRow,
    JobRow,
    JobSourceRow,
    utcnow,
)
from quotetrail.store.records import (
    FINISHED_STATUSES,
    ApiKeyRecord,
    AuditEntry,
    IdempotencyConflict,
    InvalidTransition,
    JobNotFound,
    JobRecord,
    SourceRecord,
)

MAX_PAGE_SIZE = 200
_PG_MIGRATION_LOCK = 0x71756F7465  # "quote": serialises concurrent migrate() calls


def request_hash(request: dict[str, Any]) -> str:
    """Stable fingerprint of a request body, independent of key order."""
    canonical = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _source_key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


def _host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host[:255] if host else None


class Store:
    """`Store("sqlite:///var/quotetrail.db")` or `Store("postgresql+psycopg://…")`."""

    def __init__(self, database_url: str, **engine_options: Any):
        self.url = database_url
        self.engine: Engine = create_store_engine(database_url, **engine_options)
        self._writer: Engine = write_engine(self.engine)

    @classmethod
    def from_config(cls, config: ServiceConfig) -> Store:
        return cls(config.database_url)

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # -- plumbing ---------------------------------------------------------------------

    def migrate(self, revision: str = "heads") -> None:
        """Bring the schema up to date (all branches: jobs and the dashboard's tables)."""
        cfg = AlembicConfig()
        cfg.set_main_option(
            "script_location", str(resources.files("quotetrail.store") / "migrations")
        )
        with self._writer.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_MIGRATION_LOCK})")
                connection.commit()
            try:
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, revision)
                connection.commit()
            finally:
                if connection.dialect.name == "postgresql":
                    connection.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_MIGRATION_LOCK})")
                    connection.commit()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write-ready ORM session, committed on a clean exit and rolled back on error."""
        with Session(self._writer, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def ping(self) -> bool:
        """True if the database answers (for /readyz)."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    def close(self) -> None:
        self.engine.dispose()

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    # -- jobs ---------------------------------------------------------------------------

    def create_job(
        self,
        request: dict[str, Any],
        *,
        idempotency_key: str | None = None,
        owner: str | None = None,
    ) -> tuple[JobRecord, bool]:
        """Store a queued job; returns (job, created).

        With an idempotency key, the same key and the same body return the job made the
        first time (created False); the same key with another body raises
        IdempotencyConflict. Keys are scoped per owner.
        """
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
        query = select(JobRow)
        if status:
            statuses = [status] if isinstance(status, str) else list(status)
            query = query.where(JobRow.status.in_(statuses))
        if owner is not None:
            query = query.where(JobRow.owner == owner)
        for facet, value in (("outlet", outlet), ("verdict", verdict)):
            if value:
                query = query.where(
                    exists().where(
                        JobFacetRow.job_id == JobRow.id,
                        JobFacetRow.facet == facet,
                        JobFacetRow.value == facets.facet_value(value),
                    )
                )
        if submitted_from is not None:
            query = query.where(JobRow.created_at >= _moment(submitted_from, end=False))
        if submitted_to is not None:
            bound = _moment(submitted_to, end=True)
            query = query.where(
                JobRow.created_at < bound
                if isinstance(submitted_to, date) and not isinstance(submitted_to, datetime)
                else JobRow.created_at <= bound
            )
        if cursor:
            after_time, after_id = decode_cursor(cursor)
            query = query.where(
                or_(
                    JobRow.created_at < after_time,
                    and_(JobRow.created_at == after_time, JobRow.id < after_id),
                )
            )
        query = query.order_by(JobRow.created_at.desc(), JobRow.id.desc()).limit(limit + 1)
        with self._reading() as session:
            rows = list(session.scalars(query))
        page = [_job_record(row) for row in rows[:limit]]
        next_cursor = encode_cursor(page[-1].created_at, page[-1].id) if len(rows) > limit else None
        return page, next_cursor

    def cancel_job(self, job_id: str) -> JobRecord:
        """queued|running → canceled. Canceling a canceled job is a no-op.

        Raises JobNotFound, or InvalidTransition if the job already succeeded or failed.
        """
        now = utcnow()
        self._transition(
            job_id,
            allowed=("queued", "running"),
            values={"status": "canceled", "finished_at": now, "updated_at": now},
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
        now = utcnow()
        article = dict(article or {})
        title = article.get("title")
        values: dict[str, Any] = {
            "status": "running",
            "updated_at": now,
            "quotes_total": max(0, int(quotes_total)),
            "sources_total": max(0, int(sources_total)),
            "article": article,
            "title": str(title)[:1000] if title else None,
        }
        with self.session() as session:
            session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status == "queued")
                .values(started_at=now)
            )
            changed = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_(("queued", "running")))
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
        """Record one source's fetch (upsert keyed on (job, source)) and recount sources_done."""
        key = _source_key(source)
        if isinstance(fetched_at, str):
            fetched_at = datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
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
            if session.get(JobRow, job_id) is None:
                raise JobNotFound(job_id)
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
        """The job's sources in the order they were first saved; bodies only if asked."""
        with self._reading() as session:
            rows = session.scalars(
                select(JobSourceRow).where(JobSourceRow.job_id == job_id).order_by(JobSourceRow.id)
            ).all()
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
                    query.where(JobSourceRow.source_key == _source_key(source))
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

    def finish_job(self, job_id: str, report: dict[str, Any]) -> JobRecord:
        """running (or queued) → succeeded with the report; a canceled or already
        finished job is left as it is and returned unchanged."""
        now = utcnow()
        outlets = facets.cited_outlets(report)
        counts = facets.verdict_counts(report)
        with self.session() as session:
            row = session.get(JobRow, job_id)
            if row is None:
                raise JobNotFound(job_id)
            changed = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_(("queued", "running")))
                .values(
                    status="succeeded",
                    result=report,
                    finished_at=now,
                    updated_at=now,
                    started_at=func.coalesce(JobRow.started_at, now),
                    quotes_total=len(report.get("quotes") or ()),
                    quotes_done=len(report.get("quotes") or ()),
                    cited_outlets=outlets,
                    verdict_counts=counts,
                    error=None,
                )
            ).rowcount
            if changed:
                values = {("outlet", facets.facet_value(o)) for o in outlets}
                values |= {("verdict", facets.facet_value(v)) for v in counts}
                session.add_all(
                    JobFacetRow(job_id=job_id, facet=facet, value=value)
                    for facet, value in sorted(values)
                )
        return self._require(job_id)

    def fail_job(self, job_id: str, reason: str) -> JobRecord:
        """queued|running → failed with a reason; finished jobs are returned unchanged."""
        now = utcnow()
        self._transition(
            job_id,
            allowed=("queued", "running"),
            values={
                "status": "failed",
                "error": str(reason)[:4000],
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

    # -- metrics ------------------------------------------------------------------------

    def count_jobs_by_status(self) -> dict[str, int]:
        with self._reading() as session:
            rows = session.execute(select(JobRow.status, func.count()).group_by(JobRow.status))
            return {status: int(count) for status, count in rows}

    def job_durations(self) -> list[tuple[str, float]]:
        """(status, seconds from start to finish) of every finished job that started."""
        with self._reading() as session:
            rows = session.execute(
                select(JobRow.status, JobRow.started_at, JobRow.finished_at).where(
                    JobRow.status.in_(sorted(FINISHED_STATUSES)),
                    JobRow.started_at.is_not(None),
                    JobRow.finished_at.is_not(None),
                )
            )
            return [
                (status, max(0.0, (finished - started).total_seconds()))
                for status, started, finished in rows
            ]

    def fetch_outcomes(self) -> dict[tuple[str, str], int]:
        """{(host, status): count} over every saved source."""
        with self._reading() as session:
            rows = session.execute(
                select(JobSourceRow.host, JobSourceRow.status, func.count()).group_by(
                    JobSourceRow.host, JobSourceRow.status
                )
            )
            return {(host or "", status): int(count) for host, status, count in rows}

    # -- audit --------------------------------------------------------------------------

    def append_audit(
        self,
        *,
        actor: str,
        action: str,
        job_id: str | None,
        quote_index: int | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> AuditEntry:
        """Add an entry to the append-only audit log (the database refuses edits)."""
        with self.session() as session:
            row = AuditRow(
                at=utcnow(),
                actor=actor,
                action=action,
                job_id=job_id,
                quote_index=quote_index,
                before=before,
                after=after,
            )
            session.add(row)
            session.flush()
            return _audit_entry(row)

    def list_audit(self, job_id: str | None) -> list[AuditEntry]:
        """A job's audit entries, oldest first (job_id None: entries tied to no job)."""
        condition = AuditRow.job_id.is_(None) if job_id is None else AuditRow.job_id == job_id
        with self._reading() as session:
            rows = session.scalars(select(AuditRow).where(condition).order_by(AuditRow.id))
            return [_audit_entry(row) for row in rows]

    # -- API keys -----------------------------------------------------------------------

    def create_api_key(self, name: str) -> tuple[ApiKeyRecord, str]:
        """A new key; the plaintext token is returned once and never stored."""
        name = " ".join(str(name).split())[:100]
        if not name:
            raise ValueError("an API key needs a name")
        token = apikeys.new_token()
        with self.session() as session:
            row = ApiKeyRow(
                id=apikeys.new_key_id(),
                name=name,
                prefix=apikeys.display_prefix(token),
                token_hash=apikeys.hash_token(token),
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            return _key_record(row), token

    def verify_api_key(self, token: str) -> ApiKeyRecord | None:
        """The active key this token belongs to, or None (unknown or revoked)."""
        if not token or len(token) > 200:
            return None
        with self._reading() as session:
            row = session.scalar(
                select(ApiKeyRow).where(ApiKeyRow.token_hash == apikeys.hash_token(token))
            )
            if row is None or row.revoked_at is not None:
                return None
            return _key_record(row)

    def touch_api_key(self, key_id: str) -> None:
        """Note that a key was used (best effort; for `apikey list`)."""
        with self.session() as session:
            session.execute(
                update(ApiKeyRow).where(ApiKeyRow.id == key_id).values(last_used_at=utcnow())
            )

    def revoke_api_key(self, key_id: str) -> ApiKeyRecord | None:
        """Revoke a key (idempotent); None if there is no such key."""
        with self.session() as session:
            row = session.get(ApiKeyRow, key_id)
            if row is None:
                return None
            if row.revoked_at is None:
                row.revoked_at = utcnow()
            return _key_record(row)

    def list_api_keys(self) -> list[ApiKeyRecord]:
        with self._reading() as session:
            rows = session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.created_at, ApiKeyRow.id))
            return [_key_record(row) for row in rows]


def _moment(value: datetime | date, *, end: bool) -> datetime:
    """A bound for created_at: datetimes as given (UTC if naive); dates as midnight UTC,
    the day after for an inclusive upper bound."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    day = value + timedelta(days=1) if end else value
    return datetime.combine(day, time.min, tzinfo=UTC)


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


def _audit_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        job_id=row.job_id,
        quote_index=row.quote_index,
        before=row.before,
        after=row.after,
    )


def _key_record(row: ApiKeyRow) -> ApiKeyRecord:
    return ApiKeyRecord(
        id=row.id,
        name=row.name,
        prefix=row.prefix,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
        last_used_at=row.last_used_at,
    )
