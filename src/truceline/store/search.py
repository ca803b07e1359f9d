"""Full-text search and facets over records, in each dialect's own SQL.

On SQLite, migration 0002 made two structures kept current by triggers on
``records``: the FTS5 table ``records_fts`` (over the ``records_text`` view) and
``record_facets``, one (record, facet, value) row per party and event type. They
exist on SQLite only, so they are not in ``schema.metadata``; the lightweight
tables below name them for queries. On PostgreSQL the search matches a GIN index
over a ``tsvector`` of the same text, and facets are read from ``records.data``.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa

from truceline.store.schema import records

records_fts = sa.table("records_fts", sa.column("rowid"))
record_facets = sa.table(
    "record_facets", sa.column("record_id"), sa.column("facet"), sa.column("value")
)

# JSON keys whose values a search looks at besides summary, quote, speaker and claimant.
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

_WORD = re.compile(r"[\w*]+", re.UNICODE)


def postgres_tsvector_sql() -> str:
    """The tsvector expression the PostgreSQL GIN index of migration 0002 is built on.

    A query uses the index only when it spells exactly this expression.
    """

    def j(key: str) -> str:
        return f"(data->>'{key}')"

    parts = [j(key) for key in _EXTRA_KEYS] + ["(data->'actors')::text", "(data->'targets')::text"]
    extra = " || ' ' || ".join(f"coalesce({p}, '')" for p in parts)
    text = ["summary", j("quote"), j("speaker"), "claimed_by", extra]
    joined = " || ' ' || ".join(f"coalesce({t}, '')" for t in text)
    return f"to_tsvector('simple'::regconfig, {joined})"


def json_value(dialect: str, key: str) -> sa.ColumnElement[Any]:
    """The text of ``records.data[key]``."""
    if dialect == "postgresql":
        return sa.literal_column(f"records.data->>'{key}'")
    return sa.func.json_extract(records.c.data, f"$.{key}")


def json_list_has(dialect: str, key: str, value: str) -> sa.ColumnElement[bool]:
    """Whether the list ``records.data[key]`` holds ``value``."""
    if dialect == "postgresql":
        return sa.literal_column(f"(records.data->'{key}')::jsonb").op("?")(value)
    each = sa.select(sa.literal(1)).select_from(
        sa.func.json_each(records.c.data, f"$.{key}").table_valued("value")
    )
    return each.where(sa.literal_column("value") == value).exists()


def fts_query(text: str) -> str:
    """User words → an FTS5 query: every word must appear; ``word*`` is a prefix."""
    terms = []
    for word in _WORD.findall(text):
        star = word.endswith("*")
        word = word.strip("*")
        if word:
            terms.append(f'"{word}"' + ("*" if star else ""))
    return " ".join(terms)


def fts_match(query: str) -> sa.ColumnElement[bool]:
    """``records_fts MATCH query`` (an FTS5 query, see ``fts_query``)."""
    return sa.literal_column("records_fts").op("MATCH")(query)


def search_clause(dialect: str, text: str) -> sa.ColumnElement[bool] | None:
    """Records whose text matches ``text`` (FTS5 on SQLite, tsvector on PostgreSQL)."""
    if dialect == "postgresql":
        words = " ".join(w.strip("*") for w in _WORD.findall(text))
        if not words.strip():
            return None
        return sa.literal_column(postgres_tsvector_sql()).op("@@")(
            sa.func.plainto_tsquery(sa.literal_column("'simple'::regconfig"), words)
        )
    query = fts_query(text)
    if not query:
        return None
    matched = sa.select(records_fts.c.rowid).where(fts_match(query))
    return sa.literal_column("records.rowid").in_(matched)


def party_clause(dialect: str, party: str) -> sa.ColumnElement[bool]:
    """Records in which ``party`` acts, speaks, claims, proposes or answers (from ``data``)."""
    R = records
    return sa.or_(
        R.c.claimed_by == party,
        json_value(dialect, "speaker") == party,
        json_value(dialect, "affiliation") == party,
        json_value(dialect, "proposer") == party,
        json_value(dialect, "party") == party,
        sa.and_(R.c.kind == "event", json_list_has(dialect, "actors", party)),
        sa.and_(R.c.kind == "event", json_list_has(dialect, "targets", party)),
    )


def facet_clause(facet: str, value: str) -> sa.ColumnElement[bool]:
    """Records with a facet value, through the trigger-kept ``record_facets`` (SQLite).

    A correlated EXISTS (one probe of ``ix_record_facets_value`` per record) lets the
    timeline walk ``ix_records_state_date`` in order and stop at the page's LIMIT,
    instead of first materialising every matching id.
    """
    F = record_facets.alias("f")
    return (
        sa.select(sa.literal(1))
        .where(F.c.facet == facet, F.c.value == value, F.c.record_id == records.c.id)
        .exists()
    )
