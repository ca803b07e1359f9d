"""Dashboard: indexes for filtered timeline pages and the counts driven from a filter.

Revision ID: 0004
Revises: 0003

Owned by the web dashboard (see truceline.web.tables.ORDER_INDEXES and docs/web.md).
A kind's records in timeline order, a record's state and kind by id (the probe of a
count that starts from facets, search matches or an outlet's sources), an outlet's
sources and the records citing a source: each answered from an index alone.
"""

from __future__ import annotations

from alembic import op

from truceline.web.tables import ORDER_INDEXES

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name, table, columns in ORDER_INDEXES:
        op.create_index(name, table, list(columns))


def downgrade() -> None:
    for name, table, _ in reversed(ORDER_INDEXES):
        op.drop_index(name, table_name=table)
