"""Counts for Prometheus, read at scrape time so every API process reports the same truth."""

from __future__ import annotations

from sqlalchemy import func, select

from quotetrail.store.base import StoreBase
from quotetrail.store.models import JobRow, JobSourceRow
from quotetrail.store.records import FINISHED_STATUSES


class StatsMixin(StoreBase):
    """Aggregates for /metrics, computed by the database."""

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
