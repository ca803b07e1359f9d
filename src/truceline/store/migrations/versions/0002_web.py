"""Dashboard tables: accounts, sessions, and full-text search over records.

Revision ID: 0002
Revises: 0001

For the web dashboard (docs/web.md). Frozen: this file spells out what the revision
created and imports nothing from truceline. The SQL below is what the code of the
time generated, pasted verbatim:

    records_fts     SQLite: FTS5 index over the searchable text of records, external
                    content from the ``records_text`` view, kept current by triggers
    record_facets   SQLite: (record, facet, value) rows for the timeline's filters
                    (facet "party": claimant, speaker, affiliation, proposer, answering
                    party, actors, targets; facet "type": an event's type), kept
                    current by triggers on ``records``
    records_search_gin   PostgreSQL: a GIN index over ``to_tsvector('simple', …)`` of
                    the same text (the search query must spell the same expression)
    ix_records_state_date   (state, date, id) on ``records``: the timeline's order
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The view, FTS5 table and triggers that keep the search index current, then its first fill.
SQLITE_SEARCH = [
    (
        "CREATE VIEW records_text AS SELECT rowid AS rid, summary AS summary, "
        "json_extract(data, '$.quote') AS quote, json_extract(data, '$.speaker') AS speaker, "
        "claimed_by AS claimed_by, coalesce(json_extract(data, '$.title'), '') || ' ' || "
        "coalesce(json_extract(data, '$.affiliation'), '') || ' ' || "
        "coalesce(json_extract(data, '$.location'), '') || ' ' || "
        "coalesce(json_extract(data, '$.proposer'), '') || ' ' || "
        "coalesce(json_extract(data, '$.party'), '') || ' ' || "
        "coalesce(json_extract(data, '$.who'), '') || ' ' || "
        "coalesce(json_extract(data, '$.counted_by'), '') || ' ' || "
        "coalesce(json_extract(data, '$.metric'), '') || ' ' || "
        "coalesce(json_extract(data, '$.type'), '') || ' ' || "
        "coalesce(json_extract(data, '$.sub_type'), '') || ' ' || "
        "coalesce(json_extract(data, '$.stance'), '') || ' ' || "
        "coalesce(json_extract(data, '$.actors'), '') || ' ' || "
        "coalesce(json_extract(data, '$.targets'), '') AS extra FROM records"
    ),
    (
        "CREATE VIRTUAL TABLE records_fts USING fts5(summary, quote, speaker, claimed_by, "
        "extra, content='records_text', content_rowid='rid', "
        "tokenize='unicode61 remove_diacritics 2')"
    ),
    (
        "CREATE TRIGGER records_fts_ai AFTER INSERT ON records"
        " BEGIN INSERT INTO records_fts(rowid, summary, quote, speaker, claimed_by, extra)"
        " VALUES (new.rowid, new.summary, json_extract(new.data, '$.quote'), "
        "json_extract(new.data, '$.speaker'), new.claimed_by, "
        "coalesce(json_extract(new.data, '$.title'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.affiliation'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.location'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.proposer'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.party'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.who'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.counted_by'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.metric'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.type'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.sub_type'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.stance'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.actors'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.targets'), '')); END"
    ),
    (
        "CREATE TRIGGER records_fts_ad AFTER DELETE ON records"
        " BEGIN INSERT INTO records_fts(records_fts, rowid, summary, quote, speaker, "
        "claimed_by, extra) VALUES ('delete', old.rowid, old.summary, "
        "json_extract(old.data, '$.quote'), json_extract(old.data, '$.speaker'), "
        "old.claimed_by, coalesce(json_extract(old.data, '$.title'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.affiliation'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.location'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.proposer'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.party'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.who'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.counted_by'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.metric'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.type'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.sub_type'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.stance'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.actors'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.targets'), '')); END"
    ),
    (
        "CREATE TRIGGER records_fts_au AFTER UPDATE ON records"
        " BEGIN INSERT INTO records_fts(records_fts, rowid, summary, quote, speaker, "
        "claimed_by, extra) VALUES ('delete', old.rowid, old.summary, "
        "json_extract(old.data, '$.quote'), json_extract(old.data, '$.speaker'), "
        "old.claimed_by, coalesce(json_extract(old.data, '$.title'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.affiliation'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.location'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.proposer'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.party'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.who'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.counted_by'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.metric'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.type'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.sub_type'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.stance'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.actors'), '') || ' ' || "
        "coalesce(json_extract(old.data, '$.targets'), '')); INSERT INTO records_fts(rowid, "
        "summary, quote, speaker, claimed_by, extra) VALUES (new.rowid, new.summary, "
        "json_extract(new.data, '$.quote'), json_extract(new.data, '$.speaker'), "
        "new.claimed_by, coalesce(json_extract(new.data, '$.title'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.affiliation'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.location'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.proposer'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.party'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.who'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.counted_by'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.metric'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.type'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.sub_type'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.stance'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.actors'), '') || ' ' || "
        "coalesce(json_extract(new.data, '$.targets'), '')); END"
    ),
    "INSERT INTO records_fts(records_fts) VALUES ('rebuild')",
]

# The timeline's index; the facet table's index, triggers and first fill.
SQLITE_FACETS = [
    "CREATE INDEX ix_records_state_date ON records (state, date, id)",
    "CREATE INDEX ix_record_facets_value ON record_facets (facet, value, record_id)",
    (
        "CREATE TRIGGER record_facets_ai AFTER INSERT ON records"
        " BEGIN INSERT INTO record_facets(record_id, facet, value) SELECT new.id, 'party', "
        "new.claimed_by WHERE new.claimed_by IS NOT NULL AND new.claimed_by <> ''"
        " UNION SELECT new.id, 'party', json_extract(new.data, '$.speaker') WHERE "
        "json_extract(new.data, '$.speaker') IS NOT NULL AND json_extract(new.data, "
        "'$.speaker') <> '' UNION SELECT new.id, 'party', "
        "json_extract(new.data, '$.affiliation') WHERE json_extract(new.data, "
        "'$.affiliation') IS NOT NULL AND json_extract(new.data, '$.affiliation') <> ''"
        " UNION SELECT new.id, 'party', json_extract(new.data, '$.proposer') WHERE "
        "json_extract(new.data, '$.proposer') IS NOT NULL AND json_extract(new.data, "
        "'$.proposer') <> '' UNION SELECT new.id, 'party', json_extract(new.data, '$.party') "
        "WHERE json_extract(new.data, '$.party') IS NOT NULL AND json_extract(new.data, "
        "'$.party') <> '' UNION SELECT new.id, 'party', j.value"
        " FROM json_each(new.data, '$.actors') AS j"
        " WHERE j.value IS NOT NULL AND j.value <> '' UNION SELECT new.id, 'party', j.value"
        " FROM json_each(new.data, '$.targets') AS j"
        " WHERE j.value IS NOT NULL AND j.value <> '' UNION SELECT new.id, 'type', "
        "json_extract(new.data, '$.type')"
        " WHERE new.kind = 'event' AND json_extract(new.data, '$.type') IS NOT NULL; END"
    ),
    (
        "CREATE TRIGGER record_facets_ad AFTER DELETE ON records BEGIN DELETE"
        " FROM record_facets WHERE record_id = old.id; END"
    ),
    (
        "CREATE TRIGGER record_facets_au AFTER UPDATE ON records BEGIN DELETE"
        " FROM record_facets WHERE record_id = old.id; INSERT INTO record_facets(record_id, "
        "facet, value) SELECT new.id, 'party', new.claimed_by"
        " WHERE new.claimed_by IS NOT NULL AND new.claimed_by <> ''"
        " UNION SELECT new.id, 'party', json_extract(new.data, '$.speaker') WHERE "
        "json_extract(new.data, '$.speaker') IS NOT NULL AND json_extract(new.data, "
        "'$.speaker') <> '' UNION SELECT new.id, 'party', "
        "json_extract(new.data, '$.affiliation') WHERE json_extract(new.data, "
        "'$.affiliation') IS NOT NULL AND json_extract(new.data, '$.affiliation') <> ''"
        " UNION SELECT new.id, 'party', json_extract(new.data, '$.proposer') WHERE "
        "json_extract(new.data, '$.proposer') IS NOT NULL AND json_extract(new.data, "
        "'$.proposer') <> '' UNION SELECT new.id, 'party', json_extract(new.data, '$.party') "
        "WHERE json_extract(new.data, '$.party') IS NOT NULL AND json_extract(new.data, "
        "'$.party') <> '' UNION SELECT new.id, 'party', j.value"
        " FROM json_each(new.data, '$.actors') AS j"
        " WHERE j.value IS NOT NULL AND j.value <> '' UNION SELECT new.id, 'party', j.value"
        " FROM json_each(new.data, '$.targets') AS j"
        " WHERE j.value IS NOT NULL AND j.value <> '' UNION SELECT new.id, 'type', "
        "json_extract(new.data, '$.type')"
        " WHERE new.kind = 'event' AND json_extract(new.data, '$.type') IS NOT NULL; END"
    ),
    (
        "INSERT INTO record_facets(record_id, facet, value) SELECT records.id, 'party', "
        "records.claimed_by FROM records"
        " WHERE records.claimed_by IS NOT NULL AND records.claimed_by <> ''"
        " UNION SELECT records.id, 'party', json_extract(records.data, '$.speaker')"
        " FROM records WHERE json_extract(records.data, '$.speaker') IS NOT NULL AND "
        "json_extract(records.data, '$.speaker') <> '' UNION SELECT records.id, 'party', "
        "json_extract(records.data, '$.affiliation') FROM records WHERE "
        "json_extract(records.data, '$.affiliation') IS NOT NULL AND "
        "json_extract(records.data, '$.affiliation') <> '' UNION SELECT records.id, 'party', "
        "json_extract(records.data, '$.proposer') FROM records WHERE "
        "json_extract(records.data, '$.proposer') IS NOT NULL AND json_extract(records.data, "
        "'$.proposer') <> '' UNION SELECT records.id, 'party', "
        "json_extract(records.data, '$.party') FROM records WHERE json_extract(records.data, "
        "'$.party') IS NOT NULL AND json_extract(records.data, '$.party') <> ''"
        " UNION SELECT records.id, 'party', j.value FROM records, "
        "json_each(records.data, '$.actors') AS j WHERE j.value IS NOT NULL AND j.value <> ''"
        " UNION SELECT records.id, 'party', j.value FROM records, "
        "json_each(records.data, '$.targets') AS j WHERE j.value IS NOT NULL AND j.value <> ''"
        " UNION SELECT records.id, 'type', json_extract(records.data, '$.type') FROM records"
        " WHERE records.kind = 'event' AND json_extract(records.data, '$.type') IS NOT NULL"
    ),
]

POSTGRESQL_SEARCH_INDEX = (
    "CREATE INDEX records_search_gin ON records USING gin ((to_tsvector('simple'::regconfig, "
    "coalesce(summary, '') || ' ' || coalesce((data->>'quote'), '') || ' ' || "
    "coalesce((data->>'speaker'), '') || ' ' || coalesce(claimed_by, '') || ' ' || "
    "coalesce(coalesce((data->>'title'), '') || ' ' || "
    "coalesce((data->>'affiliation'), '') || ' ' || coalesce((data->>'location'), '') || "
    "' ' || coalesce((data->>'proposer'), '') || ' ' || coalesce((data->>'party'), '') || "
    "' ' || coalesce((data->>'who'), '') || ' ' || coalesce((data->>'counted_by'), '') || "
    "' ' || coalesce((data->>'metric'), '') || ' ' || coalesce((data->>'type'), '') || ' ' || "
    "coalesce((data->>'sub_type'), '') || ' ' || coalesce((data->>'stance'), '') || ' ' || "
    "coalesce((data->'actors')::text, '') || ' ' || "
    "coalesce((data->'targets')::text, ''), ''))))"
)


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
        for statement in SQLITE_SEARCH + SQLITE_FACETS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("CREATE INDEX ix_records_state_date ON records (state, date, id)")
        op.execute(POSTGRESQL_SEARCH_INDEX)


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
