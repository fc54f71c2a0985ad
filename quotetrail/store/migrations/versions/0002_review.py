"""Review dashboard: users, verdict reviews, assignments, article review state.

Revision ID: 0002_review
Revises: 0001_jobs
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from quotetrail.store.models import UTCDateTime

revision = "0002_review"
down_revision = "0001_jobs"
branch_labels = None
depends_on = None


def _job_fk(**kwargs):
    return sa.ForeignKey("jobs.id", ondelete="CASCADE", **kwargs)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("session_version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("last_login_at", UTCDateTime),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("job_id", sa.String(36), _job_fk(), nullable=False),
        sa.Column("quote_index", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("original_verdict", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("reviewer", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_reviews_job_quote", "reviews", ["job_id", "quote_index"])
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("job_id", sa.String(36), _job_fk(), nullable=False),
        sa.Column("quote_index", sa.Integer, nullable=False),
        sa.Column("assignee", sa.String(64), nullable=False),
        sa.Column("assigned_by", sa.String(64), nullable=False),
        sa.Column("assigned_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("job_id", "quote_index", name="uq_assignments_job_quote"),
    )
    op.create_index("ix_assignments_job_id", "assignments", ["job_id"])
    op.create_index("ix_assignments_assignee", "assignments", ["assignee"])
    op.create_table(
        "article_reviews",
        sa.Column("job_id", sa.String(36), _job_fk(), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_article_reviews_state", "article_reviews", ["state"])


def downgrade() -> None:
    op.drop_index("ix_article_reviews_state", table_name="article_reviews")
    op.drop_table("article_reviews")
    op.drop_index("ix_assignments_assignee", table_name="assignments")
    op.drop_index("ix_assignments_job_id", table_name="assignments")
    op.drop_table("assignments")
    op.drop_index("ix_reviews_job_quote", table_name="reviews")
    op.drop_table("reviews")
    op.drop_table("users")
