"""The first tables: sources, agreements, records and their spans, disputes, revisions.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from truceline.store.schema import VIEW_COLUMNS, view_sql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("outlet", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text, index=True),
        sa.Column("published", sa.String(10), index=True),
        sa.Column("content_hash", sa.String(64), index=True),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "agreements",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("amends", sa.String(200), sa.ForeignKey("agreements.id"), index=True),
        sa.Column("in_force", sa.String(10)),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False, index=True),
        sa.Column("date", sa.String(10), index=True),
        sa.Column("date_precision", sa.String(12)),
        sa.Column("state", sa.String(12), nullable=False, index=True),
        sa.Column("claimed_by", sa.Text),
        sa.Column("summary", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "record_sources",
        sa.Column("record_id", sa.String(200), sa.ForeignKey("records.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column(
            "source_id", sa.String(200), sa.ForeignKey("sources.id"), nullable=False, index=True
        ),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("text", sa.Text),
    )
    op.create_table(
        "disputes",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("object_kind", sa.String(20), nullable=False),
        sa.Column("object_id", sa.String(200), nullable=False, index=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("action", sa.String(12), nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("note", sa.Text),
    )
    dialect = op.get_bind().dialect.name
    for view in VIEW_COLUMNS:
        op.execute(view_sql(view, dialect))


def downgrade() -> None:
    for view in VIEW_COLUMNS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
    for table in ("revisions", "disputes", "record_sources", "records", "agreements", "sources"):
        op.drop_table(table)
