"""Dashboard: covering indexes for the timeline's source and outlet filters.

Revision ID: 0003
Revises: 0002

Owned by the web dashboard (see truceline.web.tables.LOOKUP_INDEXES and docs/web.md).
The timeline filters by outlet with a correlated EXISTS over ``record_sources``
and ``sources``; these indexes answer each probe without reading table rows.
"""

from __future__ import annotations

from alembic import op

from truceline.web.tables import LOOKUP_INDEXES

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name, table, columns in LOOKUP_INDEXES:
        op.create_index(name, table, list(columns))


def downgrade() -> None:
    for name, table, _ in reversed(LOOKUP_INDEXES):
        op.drop_index(name, table_name=table)
