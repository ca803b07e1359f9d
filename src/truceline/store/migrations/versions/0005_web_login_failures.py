"""Dashboard: failed sign-ins kept in the database, so every worker shares the login limit.

Revision ID: 0005
Revises: 0004

For the web dashboard (docs/web.md). Frozen: the table and indexes are spelled out
here and nothing is imported from truceline. With the failures in process memory,
N uvicorn workers allowed N times the attempts and a restart forgot them; one table
in the dossier database is seen by all workers and outlives them. The limiter counts a key's failures in its window through
``ix_login_failures_key`` and prunes old rows through ``ix_login_failures_at``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(4), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_login_failures_key", "login_failures", ["kind", "key_hash", "at"])
    op.create_index("ix_login_failures_at", "login_failures", ["at"])


def downgrade() -> None:
    op.drop_index("ix_login_failures_at", table_name="login_failures")
    op.drop_index("ix_login_failures_key", table_name="login_failures")
    op.drop_table("login_failures")
