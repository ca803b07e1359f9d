"""Tables of a dossier database.

Plain tables with readable column names and declared foreign keys, so that
Datasette and DuckDB can browse the SQLite file as it is. Each object keeps its
full pydantic dump in ``data`` (JSON) beside the columns people query; one view
per record kind (``events``, ``statements`` …) spreads ``data`` into columns.
The migrations in ``migrations/versions`` create exactly these tables.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("outlet", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text, index=True),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("content_hash", sa.String(64), index=True),
    sa.Column("data", sa.JSON, nullable=False),
)

agreements = sa.Table(
    "agreements",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("amends", sa.String(200), sa.ForeignKey("agreements.id"), index=True),
    sa.Column("in_force", sa.String(10)),
    sa.Column("data", sa.JSON, nullable=False),
)

records = sa.Table(
    "records",
    metadata,
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

record_sources = sa.Table(
    "record_sources",
    metadata,
    sa.Column("record_id", sa.String(200), sa.ForeignKey("records.id"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("source_id", sa.String(200), sa.ForeignKey("sources.id"), nullable=False, index=True),
    sa.Column("span_start", sa.Integer),
    sa.Column("span_end", sa.Integer),
    sa.Column("text", sa.Text),
)

disputes = sa.Table(
    "disputes",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("topic", sa.Text, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("data", sa.JSON, nullable=False),
)

revisions = sa.Table(
    "revisions",
    metadata,
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

# Columns spread out of records.data by each kind's view: (column, JSON key).
VIEW_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "events": [
        ("event_type", "type"),
        ("sub_event_type", "sub_type"),
        ("actors", "actors"),
        ("targets", "targets"),
        ("location", "location"),
        ("fatalities", "fatalities"),
    ],
    "statements": [
        ("speaker", "speaker"),
        ("affiliation", "affiliation"),
        ("quote", "quote"),
        ("mode", "mode"),
    ],
    "figures": [
        ("metric", "metric"),
        ("value", "value"),
        ("qualifier", "qualifier"),
        ("unit", "unit"),
        ("period", "period"),
        ("who", "who"),
        ("counted_by", "counted_by"),
        ("as_of", "as_of"),
    ],
    "proposals": [
        ("title", "title"),
        ("proposer", "proposer"),
        ("mediators", "mediators"),
        ("terms", "terms"),
        ("answers", "answers"),
        ("supersedes", "supersedes"),
    ],
    "responses": [
        ("party", "party"),
        ("proposal", "proposal"),
        ("stance", "stance"),
        ("conditions", "conditions"),
    ],
}

VIEW_KIND = {
    "events": "event",
    "statements": "statement",
    "figures": "figure",
    "proposals": "proposal",
    "responses": "response",
}


def view_sql(view: str, dialect: str) -> str:
    """CREATE VIEW statement for one record kind, in the dialect's JSON syntax."""
    if dialect == "postgresql":
        cols = [f"data->>'{key}' AS {col}" for col, key in VIEW_COLUMNS[view]]
    else:
        cols = [f"json_extract(data, '$.{key}') AS {col}" for col, key in VIEW_COLUMNS[view]]
    common = "id, date, date_precision, state, claimed_by, summary, confidence"
    return (
        f"CREATE VIEW {view} AS SELECT {common}, {', '.join(cols)} "
        f"FROM records WHERE kind = '{VIEW_KIND[view]}'"
    )
