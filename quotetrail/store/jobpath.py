"""The workers' lean path through the store: few, narrow statements per job.

    extract   task_job (1 SELECT) ─► begin_job (1 UPDATE … RETURNING: totals, plan)
    fetch     task_job (1, or none when the plan is cached) ─► save_sources (3: claim
              the job row, one upsert for the whole batch, recount … RETURNING)
    finalize  task_job (1, or none when cached) ─► get_sources (1) ─► complete_job (1 UPDATE
              … RETURNING, the status check too; +1 INSERT of the search facets)

`get_job` loads a whole row (request, article text, report); these read only the columns
a task needs, write with conditional statements that double as the cancel check, and
report back what the caller would otherwise query again (sources done of total). The
plan column is deferred: nothing else ever loads it.

begin_job and save_sources are progress writes: on PostgreSQL they do not wait for the
WAL flush (store/base.py says why that loses nothing); complete_job does, and flushes
them with it.

What ends it: a method returns None (or saved=False) when the job is gone, canceled or
finished, and the task stops there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from quotetrail.store import facets
from quotetrail.store.base import StoreBase
from quotetrail.store.models import JobFacetRow, JobRow, JobSourceRow, utcnow
from quotetrail.store.sources import _host_of, _moment_or_none, _source_key
from quotetrail.store.storable import storable, storable_text

UNFINISHED = ("queued", "running")


@dataclass(frozen=True)
class TaskJob:
    """What a task reads of its job: no report, no article text."""

    id: str
    status: str
    request: dict[str, Any] | None
    plan: dict[str, Any] | None
    sources_total: int
    sources_done: int


@dataclass(frozen=True)
class SaveOutcome:
    saved: bool  # False: the job is gone, canceled or finished; nothing was written
    sources_done: int = 0
    sources_total: int = 0

    @property
    def complete(self) -> bool:
        return self.saved and self.sources_done >= self.sources_total


class JobPathMixin(StoreBase):
    def task_job(
        self, job_id: str, *, with_request: bool = False, with_plan: bool = True
    ) -> TaskJob | None:
        """One SELECT of the columns a task needs."""
        columns = [JobRow.id, JobRow.status, JobRow.sources_total, JobRow.sources_done]
        columns += [JobRow.request if with_request else None, JobRow.plan if with_plan else None]
        query = select(*[c for c in columns if c is not None]).where(JobRow.id == job_id)
        with self._reading() as session:
            row = session.execute(query).first()
        if row is None:
            return None
        values = row._mapping
        return TaskJob(
            id=values["id"],
            status=values["status"],
            request=values.get("request"),
            plan=values.get("plan"),
            sources_total=values["sources_total"],
            sources_done=values["sources_done"],
        )

    def begin_job(
        self,
        job_id: str,
        *,
        plan: dict[str, Any],
        quotes_total: int,
        sources_total: int,
        article: dict[str, Any] | None = None,
    ) -> bool:
        """queued|running → running with its plan, in one UPDATE; False when the job was
        canceled or finished meanwhile (a redelivered extract restarts it in place)."""
        values = running_values(quotes_total, sources_total, article)
        with self.session(durable=False) as session:  # redone if lost (store/base.py)
            changed = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_(UNFINISHED))
                .values(**values, plan=storable(plan))
            ).rowcount
        return bool(changed)

    def save_sources(self, job_id: str, items: list[dict[str, Any]]) -> SaveOutcome:
        """Save a batch of sources (each: `source` and save_source's fields) in three
        statements, only while the job is unfinished; returns sources done of total.

        The first UPDATE claims the job row (a finish_job committing meanwhile is seen,
        and a concurrent batch waits), the upsert keyed on (job, source) makes a
        redelivered batch overwrite instead of adding, and the recount returns the totals.
        """
        now = utcnow()
        rows = [_source_row(job_id, item, now) for item in items]
        with self.session(durable=False) as session:  # redone if lost (store/base.py)
            claimed = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_(UNFINISHED))
                .values(updated_at=now)
            ).rowcount
            if not claimed:
                return SaveOutcome(saved=False)
            if rows:
                insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
                statement = insert(JobSourceRow).values(rows)
                replaced = {
                    name: statement.excluded[name]
                    for name in rows[0]
                    if name not in ("job_id", "source_key")
                }
                session.execute(
                    statement.on_conflict_do_update(
                        index_elements=["job_id", "source_key"], set_=replaced
                    )
                )
            count = (
                select(func.count(JobSourceRow.id))
                .where(JobSourceRow.job_id == job_id)
                .scalar_subquery()
            )
            done, total = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id)
                .values(sources_done=count)
                .returning(JobRow.sources_done, JobRow.sources_total)
            ).one()
        return SaveOutcome(saved=True, sources_done=int(done), sources_total=int(total))

    def replace_plan(self, job_id: str, plan: dict[str, Any], *, sources_total: int) -> bool:
        """A running job's plan grown by a later stage (discovery adds the pages it found):
        one UPDATE. False when the job is no longer running."""
        with self.session() as session:
            done = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status == "running")
                .values(plan=storable(plan), sources_total=sources_total, updated_at=utcnow())
                .returning(JobRow.id)
            ).first()
        return done is not None

    def complete_job(self, job_id: str, report: dict[str, Any]) -> str | None:
        """running (or queued) → succeeded with the report: finish_job without reading the
        row back. None when the job was canceled or finished meanwhile."""
        now = utcnow()
        report = storable(report)
        outlets = facets.cited_outlets(report)
        counts = facets.verdict_counts(report)
        quotes = len(report.get("quotes") or ())
        with self.session() as session:
            done = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status.in_(UNFINISHED))
                .values(
                    status="succeeded",
                    result=report,
                    finished_at=now,
                    updated_at=now,
                    started_at=func.coalesce(JobRow.started_at, now),
                    quotes_total=quotes,
                    quotes_done=quotes,
                    cited_outlets=outlets,
                    verdict_counts=counts,
                    error=None,
                )
                .returning(JobRow.id)
            ).first()
            if done is None:
                return None
            values = {("outlet", facets.facet_value(o)) for o in outlets}
            values |= {("verdict", facets.facet_value(v)) for v in counts}
            if values:
                session.execute(
                    insert(JobFacetRow),
                    [{"job_id": job_id, "facet": f, "value": v} for f, v in sorted(values)],
                )
        return "succeeded"


def running_values(
    quotes_total: int, sources_total: int, article: dict[str, Any] | None
) -> dict[str, Any]:
    """The columns a job gets when it starts (or restarts in place after a redelivery)."""
    now = utcnow()
    article = storable(dict(article or {}))
    title = article.get("title")
    return {
        "status": "running",
        "updated_at": now,
        "started_at": func.coalesce(JobRow.started_at, now),
        "quotes_total": max(0, int(quotes_total)),
        "sources_total": max(0, int(sources_total)),
        "article": article,
        "title": str(title)[:1000] if title else None,
    }


def _source_row(job_id: str, item: dict[str, Any], now: Any) -> dict[str, Any]:
    source = storable_text(item["source"])
    body = item.get("body")
    final_url = item.get("final_url")
    content_type = item.get("content_type")
    return {
        "job_id": job_id,
        "source": source,
        "source_key": _source_key(source),
        "status": item["status"],
        "error": storable_text(item["error"]) if item.get("error") is not None else None,
        "host": _host_of(final_url) or _host_of(source),
        "final_url": final_url,
        "http_status": item.get("http_status"),
        "content_type": (content_type or None) and content_type[:255],
        "fetched_at": _moment_or_none(item.get("fetched_at")),
        "sha256": item.get("sha256"),
        "body": body,
        "body_size": len(body) if body is not None else None,
        "text": storable_text(item["text"]) if item.get("text") is not None else None,
        "saved_at": now,
    }
