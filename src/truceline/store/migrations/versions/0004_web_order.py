"""Dashboard: indexes for filtered timeline pages and the counts driven from a filter.

Revision ID: 0004
Revises: 0003

For the web dashboard (docs/web.md). Frozen: the indexes are spelled out here and
nothing is imported from truceline. A kind's records in timeline order, a record's
state and kind by id (the probe of a count that starts from facets, search matches
or an outlet's sources), an outlet's sources and the records citing a source: each
answered from an index alone.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_records_state_kind_date", "records", ["state", "kind", "date", "id"])
    op.create_index("ix_records_id_state_kind", "records", ["id", "state", "kind", "date"])
    op.create_index("ix_sources_outlet_id", "sources", ["outlet", "id"])
    op.create_index("ix_record_sources_source_record", "record_sources", ["source_id", "record_id"])


def downgrade() -> None:
    op.drop_index("ix_record_sources_source_record", table_name="record_sources")
    op.drop_index("ix_sources_outlet_id", table_name="sources")
    op.drop_index("ix_records_id_state_kind", table_name="records")
    op.drop_index("ix_records_state_kind_date", table_name="records")
