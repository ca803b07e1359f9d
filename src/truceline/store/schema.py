"""Tables of a dossier database: the one ``metadata`` of the store.

Plain tables with readable column names and declared foreign keys, so that
Datasette and DuckDB can browse the SQLite file as it is. Each object keeps its
full pydantic dump in ``data`` (JSON) beside the columns people query; one view
per record kind (``events``, ``statements`` …, migration 0001) spreads ``data``
into columns. The dashboard's tables (migrations 0002 and 0005):

    users           team-mode accounts: username, argon2 hash, role
    sessions        signed-in browsers: a hash of the cookie token, its user, expiry
    login_failures  one row per failed sign-in and key (kind "ip" or "user", a SHA-256
                    of the address or folded user name, the time), so that every worker
                    process shares the login limit and a restart keeps it; the key is
                    hashed because a form can send a name of any length (an index entry
                    must stay small) and a password typed into the name field should
                    not be kept readable

The reconciliation's tables (migration 0007, ``truceline.store.reconciled``):

    reconcile_units  which unit (answers to a proposal, a figure's subject, a running
                     total's series or day, a component of linked events or of clashing
                     claims) each accepted record belongs to
    reconcile_links  pairs (a < b) of events the merge scores at its threshold or more, and of
                     statements whose stance claims clash
    found_disputes   the disputes found in each unit, as the model dumps them
    reconcile_marks  the revision the three are current with, and the settings

The search structures that exist on SQLite only (``records_fts``,
``record_facets``, kept current by triggers) are in ``truceline.store.search``.
The migrations in ``migrations/versions`` are frozen history: they spell out
what they created and never import this module, so a change here needs a new
migration.
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
    sa.Index("ix_revisions_at", "at"),  # migration 0007: what changed since a day
)

# Incremental reconciliation (migration 0007, truceline.store.reconciled): the
# units each accepted record belongs to, the links between events and between claims,
# the disputes found per unit, and the revision they are current with.
reconcile_units = sa.Table(
    "reconcile_units",
    metadata,
    sa.Column("record_id", sa.String(200), primary_key=True),
    sa.Column("unit", sa.String(240), primary_key=True),
    sa.Index("ix_reconcile_units_unit", "unit", "record_id"),
)

reconcile_links = sa.Table(
    "reconcile_links",
    metadata,
    sa.Column("a", sa.String(200), primary_key=True),
    sa.Column("b", sa.String(200), primary_key=True),
    sa.Index("ix_reconcile_links_b", "b", "a"),
)

found_disputes = sa.Table(
    "found_disputes",
    metadata,
    sa.Column("unit", sa.String(240), primary_key=True),
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("date", sa.String(10)),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

reconcile_marks = sa.Table(
    "reconcile_marks",
    metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("username", sa.String(80), primary_key=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(12), nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
)

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(80), sa.ForeignKey("users.username"), nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires", sa.DateTime(timezone=True), nullable=False, index=True),
)

login_failures = sa.Table(
    "login_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(4), nullable=False),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    # a key's failures in the window; pruning the rows older than the window
    sa.Index("ix_login_failures_key", "kind", "key_hash", "at"),
    sa.Index("ix_login_failures_at", "at"),
)

# (name, table, columns) of the indexes the timeline reads by, on both dialects.
# Migration 0002: the timeline's order.
STATE_DATE_INDEX = ("ix_records_state_date", "records", ("state", "date", "id"))

# Migration 0003: covering indexes for the timeline's correlated EXISTS filters by
# outlet, probed once per record while the timeline walks ``ix_records_state_date``.
LOOKUP_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_record_sources_record_source", "record_sources", ("record_id", "source_id")),
    ("ix_sources_id_outlet", "sources", ("id", "outlet")),
)

# Migration 0004: so that filtered timeline pages and capped counts read indexes only,
# never the wide ``records`` rows: a kind's records in timeline order; the probe of a
# count driven from facets, search matches or an outlet; an outlet's sources; the
# records citing a source.
ORDER_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_records_state_kind_date", "records", ("state", "kind", "date", "id")),
    ("ix_records_id_state_kind", "records", ("id", "state", "kind", "date")),
    ("ix_sources_outlet_id", "sources", ("outlet", "id")),
    ("ix_record_sources_source_record", "record_sources", ("source_id", "record_id")),
)

for _name, _table, _columns in (STATE_DATE_INDEX, *LOOKUP_INDEXES, *ORDER_INDEXES):
    sa.Index(_name, *(metadata.tables[_table].c[c] for c in _columns))
