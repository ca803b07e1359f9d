"""Reconciliation kept in the dossier, so a new record is compared only with its neighbours;
and revisions indexed by time.

Revision ID: 0007
Revises: 0006

See truceline.store.reconciled and docs/reconcile.md ("Incremental
reconciliation"). Frozen: the tables are spelled out here. They start empty; the
first read or ingest after the upgrade fills them from the records (the mark
``revision`` is absent, so everything is reconciled once).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The overview's "what changed since a day" reads revisions by time.
    op.create_index("ix_revisions_at", "revisions", ["at"])
    op.create_table(
        "reconcile_units",
        sa.Column("record_id", sa.String(200), primary_key=True),
        sa.Column("unit", sa.String(240), primary_key=True),
    )
    op.create_index("ix_reconcile_units_unit", "reconcile_units", ["unit", "record_id"])
    op.create_table(
        "reconcile_links",
        sa.Column("a", sa.String(200), primary_key=True),
        sa.Column("b", sa.String(200), primary_key=True),
    )
    op.create_index("ix_reconcile_links_b", "reconcile_links", ["b", "a"])
    op.create_table(
        "found_disputes",
        sa.Column("unit", sa.String(240), primary_key=True),
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("date", sa.String(10)),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "reconcile_marks",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("reconcile_marks")
    op.drop_table("found_disputes")
    op.drop_index("ix_reconcile_links_b", table_name="reconcile_links")
    op.drop_table("reconcile_links")
    op.drop_index("ix_reconcile_units_unit", table_name="reconcile_units")
    op.drop_table("reconcile_units")
    op.drop_index("ix_revisions_at", table_name="revisions")
