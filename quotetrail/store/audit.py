"""The audit log: who changed what about a job or quote, and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from quotetrail.store.base import StoreBase
from quotetrail.store.models import AuditRow, utcnow
from quotetrail.store.records import AuditEntry
from quotetrail.store.storable import storable


class AuditMixin(StoreBase):
    """Append-only: triggers in migration 0001_jobs refuse UPDATE and DELETE in the database."""

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
            row = audit_row(
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


def audit_row(
    *,
    actor: str,
    action: str,
    job_id: str | None,
    quote_index: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditRow:
    """An audit row to add in the caller's own session, so that a change and its audit
    entry commit together: a change must never stand without its entry."""
    return AuditRow(
        at=utcnow(),
        actor=actor,
        action=action,
        job_id=job_id,
        quote_index=quote_index,
        before=storable(before),
        after=storable(after),
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
