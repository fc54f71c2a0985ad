"""Durable store of jobs, source snapshots, API keys and the audit (SQLAlchemy 2 + Alembic).

store = Store("sqlite:///var/quotetrail.db")   # or postgresql+psycopg://…
store.migrate()
job, created = store.create_job({"article": {"text": "…"}})
"""

from quotetrail.store.cursor import BadCursor
from quotetrail.store.jobs import NO_OWNER
from quotetrail.store.records import (
    FINISHED_STATUSES,
    JOB_STATUSES,
    ApiKeyRecord,
    AuditEntry,
    IdempotencyConflict,
    InvalidTransition,
    JobNotFound,
    JobRecord,
    SourceRecord,
    StoreError,
)
from quotetrail.store.store import Store, request_hash

__all__ = [
    "FINISHED_STATUSES",
    "JOB_STATUSES",
    "NO_OWNER",
    "ApiKeyRecord",
    "AuditEntry",
    "BadCursor",
    "IdempotencyConflict",
    "InvalidTransition",
    "JobNotFound",
    "JobRecord",
    "SourceRecord",
    "Store",
    "StoreError",
    "request_hash",
]
