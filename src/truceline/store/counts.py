"""How many records match a timeline filter: exact, or capped where an exact count costs.

On SQLite a count starts from the filter's own rows when it has them (see
``count_filter``); elsewhere it walks the records the WHERE clauses select.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from truceline.store.filters import TimelineFilter, timeline_where
from truceline.store.schema import record_sources, records, sources
from truceline.store.search import fts_match, fts_query, record_facets, records_fts
from truceline.store.store import Store

R = records

# Above this many matches the timeline says "more than 1,000" instead of counting them all.
COUNT_CAP = 1000


def count_matches(
    conn: sa.Connection,
    where: Sequence[sa.ColumnElement[bool]],
    cap: int | None,
) -> int:
    """How many records match, counting at most ``cap + 1`` of them (all when ``cap`` is None)."""
    query = sa.select(sa.literal(1)).select_from(R).where(*where)
    if cap is not None:
        query = query.limit(cap + 1)
    return int(conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one())


def count_driver(dialect: str, f: TimelineFilter) -> str:
    """The filter a SQLite count should start from ("" for none): an event type, a
    party, the search words or an outlet, in that order of preference."""
    if dialect != "sqlite" or f.source:
        return ""
    if f.type:
        return "type"
    if f.party:
        return "party"
    if f.q and fts_query(f.q):
        return "q"
    if f.outlet:
        return "outlet"
    return ""


def count_filter(conn: sa.Connection, dialect: str, f: TimelineFilter, cap: int | None) -> int:
    """How many records match the filter, counting at most ``cap + 1`` of them.

    On SQLite, a filter with an event type, a party, search words or an outlet
    is counted from that filter's own rows: the facet's rows in
    ``record_facets``, the FTS5 matches (rowids), or the outlet's sources and the
    records citing them; each record is then checked against the rest of the
    filter through ``ix_records_id_state_kind`` (or its rowid). The walk stops
    after ``cap + 1`` matches either way, but this way it reads matches only
    (under 3 ms for 1,000 of 100k, instead of 5–25 ms walking every record of
    the state and probing the filter for each).
    """
    driver = count_driver(dialect, f)
    if not driver:
        return count_matches(conn, timeline_where(dialect, f), cap)
    rest = timeline_where(dialect, f, driver)
    query: sa.Select[Any]
    if driver in ("type", "party"):
        F = record_facets
        query = (
            sa.select(sa.literal(1))
            .select_from(F.join(R, R.c.id == F.c.record_id))
            .where(F.c.facet == driver, F.c.value == getattr(f, driver), *rest)
        )
    elif driver == "q":
        fts = records_fts
        query = (
            sa.select(sa.literal(1))
            .select_from(fts.join(R, sa.literal_column("records.rowid") == fts.c.rowid))
            .where(fts_match(fts_query(f.q)), *rest)
        )
    else:  # outlet: a record citing two of its sources is counted once
        rs, s = record_sources.alias("rs"), sources.alias("s")
        query = (
            sa.select(rs.c.record_id)
            .distinct()
            .select_from(s.join(rs, rs.c.source_id == s.c.id).join(R, R.c.id == rs.c.record_id))
            .where(s.c.outlet == f.outlet, *rest)
        )
    if cap is not None:
        query = query.limit(cap + 1)
    return int(conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one())


def timeline_total(store: Store, f: TimelineFilter) -> int:
    """The exact number of records matching the filter (for the static site)."""
    with store.engine.connect() as conn:
        return count_matches(conn, timeline_where(store.dialect, f), None)


def state_counts(store: Store) -> dict[str, int]:
    """How many records are in each review state (candidate, accepted, rejected)."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(R.c.state, sa.func.count()).group_by(R.c.state))
        return {state: n for state, n in rows}
