"""The first tables: sources, agreements, records and their spans, disputes, revisions.

Revision ID: 0001
Revises:

Frozen: this file spells out what the revision created and imports nothing from
truceline, so that it means the same whatever the current schema says. The view
statements below are the ones the code of the time generated, pasted verbatim
(one view per record kind, spreading ``records.data`` into columns).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_VIEWS = {
    "events": (
        "CREATE VIEW events AS SELECT id, date, date_precision, state, claimed_by, summary, "
        "confidence, json_extract(data, '$.type') AS event_type, "
        "json_extract(data, '$.sub_type') AS sub_event_type, "
        "json_extract(data, '$.actors') AS actors, "
        "json_extract(data, '$.targets') AS targets, "
        "json_extract(data, '$.location') AS location, "
        "json_extract(data, '$.fatalities') AS fatalities FROM records WHERE kind = 'event'"
    ),
    "statements": (
        "CREATE VIEW statements AS SELECT id, date, date_precision, state, claimed_by, "
        "summary, confidence, json_extract(data, '$.speaker') AS speaker, "
        "json_extract(data, '$.affiliation') AS affiliation, "
        "json_extract(data, '$.quote') AS quote, json_extract(data, '$.mode') AS mode"
        " FROM records WHERE kind = 'statement'"
    ),
    "figures": (
        "CREATE VIEW figures AS SELECT id, date, date_precision, state, claimed_by, summary, "
        "confidence, json_extract(data, '$.metric') AS metric, "
        "json_extract(data, '$.value') AS value, "
        "json_extract(data, '$.qualifier') AS qualifier, "
        "json_extract(data, '$.unit') AS unit, json_extract(data, '$.period') AS period, "
        "json_extract(data, '$.who') AS who, "
        "json_extract(data, '$.counted_by') AS counted_by, "
        "json_extract(data, '$.as_of') AS as_of FROM records WHERE kind = 'figure'"
    ),
    "proposals": (
        "CREATE VIEW proposals AS SELECT id, date, date_precision, state, claimed_by, "
        "summary, confidence, json_extract(data, '$.title') AS title, "
        "json_extract(data, '$.proposer') AS proposer, "
        "json_extract(data, '$.mediators') AS mediators, "
        "json_extract(data, '$.terms') AS terms, json_extract(data, '$.answers') AS answers, "
        "json_extract(data, '$.supersedes') AS supersedes FROM records WHERE kind = 'proposal'"
    ),
    "responses": (
        "CREATE VIEW responses AS SELECT id, date, date_precision, state, claimed_by, "
        "summary, confidence, json_extract(data, '$.party') AS party, "
        "json_extract(data, '$.proposal') AS proposal, "
        "json_extract(data, '$.stance') AS stance, "
        "json_extract(data, '$.conditions') AS conditions FROM records WHERE kind = 'response'"
    ),
}

POSTGRESQL_VIEWS = {
    "events": (
        "CREATE VIEW events AS SELECT id, date, date_precision, state, claimed_by, summary, "
        "confidence, data->>'type' AS event_type, data->>'sub_type' AS sub_event_type, "
        "data->>'actors' AS actors, data->>'targets' AS targets, "
        "data->>'location' AS location, data->>'fatalities' AS fatalities FROM records"
        " WHERE kind = 'event'"
    ),
    "statements": (
        "CREATE VIEW statements AS SELECT id, date, date_precision, state, claimed_by, "
        "summary, confidence, data->>'speaker' AS speaker, "
        "data->>'affiliation' AS affiliation, data->>'quote' AS quote, data->>'mode' AS mode"
        " FROM records WHERE kind = 'statement'"
    ),
    "figures": (
        "CREATE VIEW figures AS SELECT id, date, date_precision, state, claimed_by, summary, "
        "confidence, data->>'metric' AS metric, data->>'value' AS value, "
        "data->>'qualifier' AS qualifier, data->>'unit' AS unit, data->>'period' AS period, "
        "data->>'who' AS who, data->>'counted_by' AS counted_by, data->>'as_of' AS as_of"
        " FROM records WHERE kind = 'figure'"
    ),
    "proposals": (
        "CREATE VIEW proposals AS SELECT id, date, date_precision, state, claimed_by, "
        "summary, confidence, data->>'title' AS title, data->>'proposer' AS proposer, "
        "data->>'mediators' AS mediators, data->>'terms' AS terms, "
        "data->>'answers' AS answers, data->>'supersedes' AS supersedes FROM records"
        " WHERE kind = 'proposal'"
    ),
    "responses": (
        "CREATE VIEW responses AS SELECT id, date, date_precision, state, claimed_by, "
        "summary, confidence, data->>'party' AS party, data->>'proposal' AS proposal, "
        "data->>'stance' AS stance, data->>'conditions' AS conditions FROM records"
        " WHERE kind = 'response'"
    ),
}


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
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in (POSTGRESQL_VIEWS if postgresql else SQLITE_VIEWS).values():
        op.execute(statement)


def downgrade() -> None:
    for view in SQLITE_VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
    for table in ("revisions", "disputes", "record_sources", "records", "agreements", "sources"):
        op.drop_table(table)
