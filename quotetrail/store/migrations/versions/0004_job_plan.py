"""The job's plan (quotes, labelled sources, article summary) kept with the job, so task
messages carry ids only.

Revision ID: 0004_job_plan
Revises: 0003_sessions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from quotetrail.store.models import JsonType

revision = "0004_job_plan"
down_revision = "0003_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("plan", JsonType, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("plan")
