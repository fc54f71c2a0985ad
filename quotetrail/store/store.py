"""The durable store: jobs, their sources (with raw snapshots), API keys and the audit.

`Store` is assembled from one mixin per concern (each in its own module) over
`StoreBase`, which owns the engine, sessions and migrations.
"""

from __future__ import annotations

from quotetrail.store.apikeys import ApiKeysMixin
from quotetrail.store.audit import AuditMixin
from quotetrail.store.jobpath import JobPathMixin
from quotetrail.store.jobs import JobsMixin, request_hash
from quotetrail.store.sources import SourcesMixin
from quotetrail.store.stats import StatsMixin

__all__ = ["Store", "request_hash"]


class Store(JobsMixin, JobPathMixin, SourcesMixin, AuditMixin, ApiKeysMixin, StatsMixin):
    """`Store("sqlite:///var/quotetrail.db")` or `Store("postgresql+psycopg://…")`."""
