"""Jobs, their sources and facets, API keys, idempotency keys and the append-only audit.

Revision ID: 0001_jobs
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from quotetrail.store.models import UTCDateTime

revision = "0001_jobs"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")

_SQLITE_TRIGGERS = (
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END""",
)

_POSTGRES_TRIGGERS = (
    """CREATE OR REPLACE FUNCTION quotetrail_audit_append_only() RETURNS trigger
       LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit is append-only' USING ERRCODE = 'insufficient_privilege';
       END $$""",
    """CREATE TRIGGER audit_no_update_delete BEFORE UPDATE OR DELETE ON audit
       FOR EACH ROW EXECUTE FUNCTION quotetrail_audit_append_only()""",
    """CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
       FOR EACH STATEMENT EXECUTE FUNCTION quotetrail_audit_append_only()""",
)


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("started_at", UTCDateTime()),
        sa.Column("finished_at", UTCDateTime()),
        sa.Column("request", Json, nullable=False),
        sa.Column("article", Json),
        sa.Column("title", sa.Text()),
        sa.Column("error", sa.Text()),
        sa.Column("sources_total", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("sources_done", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("quotes_total", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("quotes_done", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("result", Json),
        sa.Column("cited_outlets", Json, nullable=False),
        sa.Column("verdict_counts", Json, nullable=False),
        sa.Column("owner", sa.String(64)),
    )
    op.create_index("ix_jobs_status", "jobs", ["status"])
    op.create_index("ix_jobs_owner", "jobs", ["owner"])
    op.create_index("ix_jobs_created_id", "jobs", ["created_at", "id"])

    op.create_table(
        "job_facets",
        sa.Column(
            "job_id", sa.String(36), sa.ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("facet", sa.String(16), primary_key=True),
        sa.Column("value", sa.String(200), primary_key=True),
    )
    op.create_index("ix_job_facets_lookup", "job_facets", ["facet", "value"])

    op.create_table(
        "job_sources",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "job_id", sa.String(36), sa.ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_key", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text()),
        sa.Column("host", sa.String(255)),
        sa.Column("final_url", sa.Text()),
        sa.Column("http_status", sa.Integer()),
        sa.Column("content_type", sa.String(255)),
        sa.Column("fetched_at", UTCDateTime()),
        sa.Column("sha256", sa.String(64)),
        sa.Column("body", sa.LargeBinary()),
        sa.Column("body_size", sa.Integer()),
        sa.Column("text", sa.Text()),
        sa.Column("saved_at", UTCDateTime(), nullable=False),
    )
    op.create_index(
        "ux_job_sources_job_source", "job_sources", ["job_id", "source_key"], unique=True
    )

    op.create_table(
        "api_keys",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("revoked_at", UTCDateTime()),
        sa.Column("last_used_at", UTCDateTime()),
    )

    op.create_table(
        "idempotency_keys",
        sa.Column("scope", sa.String(64), primary_key=True),
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column(
            "job_id", sa.String(36), sa.ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )

    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("job_id", sa.String(36), sa.ForeignKey("jobs.id")),
        sa.Column("quote_index", sa.Integer()),
        sa.Column("before", Json),
        sa.Column("after", Json),
    )
    op.create_index("ix_audit_job_id", "audit", ["job_id"])

    dialect = op.get_bind().dialect.name
    for statement in _POSTGRES_TRIGGERS if dialect == "postgresql" else _SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE audit")
        op.execute("DROP FUNCTION IF EXISTS quotetrail_audit_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        op.drop_table("audit")
    for table in ("idempotency_keys", "api_keys", "job_sources", "job_facets", "jobs"):
        op.drop_table(table)
