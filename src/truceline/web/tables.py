"""Tables the dashboard adds to a dossier database (created by migration 0002).

    users           team-mode accounts: username, argon2 hash, role
    sessions        signed-in browsers: a hash of the cookie token, its user, expiry
    records_fts     SQLite only: FTS5 index over the searchable text of records,
                    external content from the ``records_text`` view, kept current
                    by triggers on ``records``
    record_facets   SQLite only: (record, facet, value) rows for the timeline's
                    filters (facet "party": claimant, speaker, affiliation,
                    proposer, answering party, actors, targets; facet "type": an
                    event's type), kept current by triggers on ``records``
    ix_records_state_date   (state, date, id) on ``records``: the timeline's order

Migration 0003 adds covering indexes (``LOOKUP_INDEXES``, both dialects) for the
timeline's correlated EXISTS filters, probed once per record while the
timeline walks ``ix_records_state_date`` in order:

    ix_record_sources_record_source   (record_id, source_id) on ``record_sources``
    ix_sources_id_outlet              (id, outlet) on ``sources``

Migration 0004 adds indexes (``ORDER_INDEXES``, both dialects) so that filtered
timeline pages and capped counts read indexes only, never the wide ``records`` rows:

    ix_records_state_kind_date        (state, kind, date, id) on ``records``: a kind's
                                      records in timeline order
    ix_records_id_state_kind          (id, state, kind, date) on ``records``: the probe of a
                                      count driven from facets, search matches or an outlet
    ix_sources_outlet_id              (outlet, id) on ``sources``: an outlet's sources
    ix_record_sources_source_record   (source_id, record_id) on ``record_sources``: the
                                      records citing a source

On PostgreSQL the search uses a GIN index over ``to_tsvector('simple', …)`` of
the same text instead of a separate table.

Migration 0005 adds ``login_failures`` (both dialects): one row per failed sign-in
and key (kind "ip" or "user", a SHA-256 of the address or folded user name, the
time), so that every worker process shares the login limit and a restart keeps it.
The key is hashed because a form can send a name of any length (an index entry must
stay small) and a password typed into the name field should not be kept readable.

    ix_login_failures_key             (kind, key_hash, at): a key's failures in the window
    ix_login_failures_at              (at): pruning the rows older than the window
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

ROLES = ("viewer", "analyst", "admin")

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
    sa.Index("ix_login_failures_key", "kind", "key_hash", "at"),
    sa.Index("ix_login_failures_at", "at"),
)

# The text a search looks at, as SQL over ``records`` (both dialects give the same names).
SEARCH_COLUMNS = ("summary", "quote", "speaker", "claimed_by", "extra")


_EXTRA_KEYS = (
    "title",
    "affiliation",
    "location",
    "proposer",
    "party",
    "who",
    "counted_by",
    "metric",
    "type",
    "sub_type",
    "stance",
)


def search_text_sql(dialect: str, row: str = "") -> dict[str, str]:
    """SQL expressions (over ``records``, or a trigger's ``new``/``old`` row) per searchable column."""
    data, prefix = f"{row}.data" if row else "data", f"{row}." if row else ""
    if dialect == "postgresql":

        def j(key: str) -> str:
            return f"({data}->>'{key}')"

        lists = [f"({data}->'actors')::text", f"({data}->'targets')::text"]
    else:

        def j(key: str) -> str:
            return f"json_extract({data}, '$.{key}')"

        lists = [f"json_extract({data}, '$.actors')", f"json_extract({data}, '$.targets')"]
    parts = [j(key) for key in _EXTRA_KEYS] + lists
    return {
        "summary": f"{prefix}summary",
        "quote": j("quote"),
        "speaker": j("speaker"),
        "claimed_by": f"{prefix}claimed_by",
        # SQLite 3.40 has no concat_ws: spell it with coalesce in both dialects.
        "extra": " || ' ' || ".join(f"coalesce({p}, '')" for p in parts),
    }


def sqlite_fts_statements() -> list[str]:
    """The view, FTS5 table and triggers that keep the SQLite search index current."""
    names = ", ".join(SEARCH_COLUMNS)

    def values(row: str) -> str:
        cols = search_text_sql("sqlite", row)
        return ", ".join(cols[n] for n in SEARCH_COLUMNS)

    cols = search_text_sql("sqlite")
    view_cols = ", ".join(f"{cols[n]} AS {n}" for n in SEARCH_COLUMNS)
    return [
        f"CREATE VIEW records_text AS SELECT rowid AS rid, {view_cols} FROM records",
        f"CREATE VIRTUAL TABLE records_fts USING fts5({names}, content='records_text', "
        "content_rowid='rid', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER records_fts_ai AFTER INSERT ON records BEGIN "
        f"INSERT INTO records_fts(rowid, {names}) VALUES (new.rowid, {values('new')}); END",
        f"CREATE TRIGGER records_fts_ad AFTER DELETE ON records BEGIN "
        f"INSERT INTO records_fts(records_fts, rowid, {names}) "
        f"VALUES ('delete', old.rowid, {values('old')}); END",
        f"CREATE TRIGGER records_fts_au AFTER UPDATE ON records BEGIN "
        f"INSERT INTO records_fts(records_fts, rowid, {names}) "
        f"VALUES ('delete', old.rowid, {values('old')}); "
        f"INSERT INTO records_fts(rowid, {names}) VALUES (new.rowid, {values('new')}); END",
        "INSERT INTO records_fts(records_fts) VALUES ('rebuild')",
    ]


record_facets = sa.Table(
    "record_facets",
    metadata,
    sa.Column("record_id", sa.String(200), nullable=False, index=True),
    sa.Column("facet", sa.String(12), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
)


def _facet_rows(row: str) -> str:
    """SELECT of distinct (record id, facet, value) rows for ``new`` (in a trigger) or for
    every row of ``records`` (``row="records"``, the backfill)."""
    src = " FROM records" if row == "records" else ""
    sep = " AND " if src else " AND "
    d = f"{row}.data"
    scalars = [f"{row}.claimed_by"] + [
        f"json_extract({d}, '$.{k}')" for k in ("speaker", "affiliation", "proposer", "party")
    ]
    branches = [
        f"SELECT {row}.id, 'party', {e}{src} WHERE {e} IS NOT NULL{sep}{e} <> ''" for e in scalars
    ]
    for key in ("actors", "targets"):
        table = (
            f"records, json_each({d}, '$.{key}') AS j" if src else f"json_each({d}, '$.{key}') AS j"
        )
        branches.append(
            f"SELECT {row}.id, 'party', j.value FROM {table} "
            "WHERE j.value IS NOT NULL AND j.value <> ''"
        )
    typ = f"json_extract({d}, '$.type')"
    branches.append(
        f"SELECT {row}.id, 'type', {typ}{src} WHERE {row}.kind = 'event' AND {typ} IS NOT NULL"
    )
    return " UNION ".join(branches)


def sqlite_facet_statements() -> list[str]:
    """The timeline's index, the facet table's index, triggers and backfill (SQLite)."""
    insert = "INSERT INTO record_facets(record_id, facet, value) "
    return [
        "CREATE INDEX ix_records_state_date ON records (state, date, id)",
        "CREATE INDEX ix_record_facets_value ON record_facets (facet, value, record_id)",
        f"CREATE TRIGGER record_facets_ai AFTER INSERT ON records BEGIN "
        f"{insert}{_facet_rows('new')}; END",
        "CREATE TRIGGER record_facets_ad AFTER DELETE ON records BEGIN "
        "DELETE FROM record_facets WHERE record_id = old.id; END",
        f"CREATE TRIGGER record_facets_au AFTER UPDATE ON records BEGIN "
        f"DELETE FROM record_facets WHERE record_id = old.id; "
        f"{insert}{_facet_rows('new')}; END",
        f"{insert}{_facet_rows('records')}",
    ]


# (name, table, columns) of the lookup indexes migration 0003 creates.
LOOKUP_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_record_sources_record_source", "record_sources", ("record_id", "source_id")),
    ("ix_sources_id_outlet", "sources", ("id", "outlet")),
)


# (name, table, columns) of the indexes migration 0004 creates.
ORDER_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_records_state_kind_date", "records", ("state", "kind", "date", "id")),
    ("ix_records_id_state_kind", "records", ("id", "state", "kind", "date")),
    ("ix_sources_outlet_id", "sources", ("outlet", "id")),
    ("ix_record_sources_source_record", "record_sources", ("source_id", "record_id")),
)


def postgres_tsvector_sql() -> str:
    """The tsvector expression the PostgreSQL GIN index is built on (queries must match it)."""
    cols = search_text_sql("postgresql")
    joined = " || ' ' || ".join(f"coalesce({cols[n]}, '')" for n in SEARCH_COLUMNS)
    return f"to_tsvector('simple'::regconfig, {joined})"
