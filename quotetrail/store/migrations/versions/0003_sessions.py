"""Dashboard sessions recorded server-side, so signing out ends a copied cookie too.

Revision ID: 0003_sessions
Revises: 0002_review
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from quotetrail.store.models import UTCDateTime

revision = "0003_sessions"
down_revision = "0002_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dashboard_sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_dashboard_sessions_user_id", "dashboard_sessions", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_dashboard_sessions_user_id", table_name="dashboard_sessions")
    op.drop_table("dashboard_sessions")
