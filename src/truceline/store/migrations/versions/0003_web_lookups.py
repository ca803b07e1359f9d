"""Dashboard: covering indexes for the timeline's source and outlet filters.

Revision ID: 0003
Revises: 0002

For the web dashboard (docs/web.md). Frozen: the indexes are spelled out here and
nothing is imported from truceline. The timeline filters by outlet with a
correlated EXISTS over ``record_sources`` and ``sources``; these indexes answer
each probe without reading table rows.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_record_sources_record_source", "record_sources", ["record_id", "source_id"])
    op.create_index("ix_sources_id_outlet", "sources", ["id", "outlet"])


def downgrade() -> None:
    op.drop_index("ix_sources_id_outlet", table_name="sources")
    op.drop_index("ix_record_sources_record_source", table_name="record_sources")
