"""Dashboard tables: accounts, sessions, and full-text search over records.

Revision ID: 0002
Revises: 0001

Owned by the web dashboard (see truceline.web.tables and docs/web.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from truceline.web.tables import (
    postgres_tsvector_sql,
    sqlite_facet_statements,
    sqlite_fts_statements,
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("username", sa.String(80), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(80), sa.ForeignKey("users.username"), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires", sa.DateTime(timezone=True), nullable=False, index=True),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.create_table(
            "record_facets",
            sa.Column("record_id", sa.String(200), nullable=False, index=True),
            sa.Column("facet", sa.String(12), nullable=False),
            sa.Column("value", sa.Text, nullable=False),
        )
        for statement in sqlite_fts_statements() + sqlite_facet_statements():
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("CREATE INDEX ix_records_state_date ON records (state, date, id)")
        op.execute(
            f"CREATE INDEX records_search_gin ON records USING gin (({postgres_tsvector_sql()}))"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("records_fts_ai", "records_fts_ad", "records_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for name in ("record_facets_ai", "record_facets_ad", "record_facets_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS record_facets")
        op.execute("DROP TABLE IF EXISTS records_fts")
        op.execute("DROP VIEW IF EXISTS records_text")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS records_search_gin")
    op.execute("DROP INDEX IF EXISTS ix_records_state_date")
    op.drop_table("sessions")
    op.drop_table("users")
