"""Review workflow: comment threads per quote and per article.

Revision ID: 0005_comments
Revises: 0004_job_plan
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from quotetrail.store.models import UTCDateTime

revision = "0005_comments"
down_revision = "0004_job_plan"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "job_id", sa.String(36), sa.ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("quote_index", sa.Integer, nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_comments_job_quote", "comments", ["job_id", "quote_index"])


def downgrade() -> None:
    op.drop_index("ix_comments_job_quote", table_name="comments")
    op.drop_table("comments")
