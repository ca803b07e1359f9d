"""The timeline's filter and the WHERE clauses on ``records`` it stands for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from truceline.store.schema import record_sources, records, sources
from truceline.store.search import facet_clause, json_value, party_clause, search_clause

R = records
RS = record_sources
S = sources


@dataclass(frozen=True)
class TimelineFilter:
    """What the timeline shows; every field is a query-string parameter of the page."""

    q: str = ""
    kind: str = ""
    party: str = ""
    type: str = ""
    outlet: str = ""
    source: str = ""
    state: str = "accepted"
    page: int = 1

    def query(self, **changes: Any) -> dict[str, Any]:
        """The query-string parameters for this filter (defaults left out), with changes."""
        values = {**self.__dict__, **changes}
        defaults = TimelineFilter().__dict__
        return {k: v for k, v in values.items() if v not in ("", None) and v != defaults[k]}

    @property
    def active(self) -> bool:
        return bool(self.query(page=1))


def outlet_clause(outlet: str) -> sa.ColumnElement[bool]:
    """Records citing a source of ``outlet``.

    Nested EXISTS: for each of the record's citations (``ix_record_sources_record_source``)
    one point lookup of its source. As a join, SQLite would start from the outlet's
    sources (``ix_sources_outlet_id``, 0004) and scan hundreds per record.
    """
    rs, s = RS.alias("rs"), S.alias("s")
    of_outlet = sa.select(sa.literal(1)).where(s.c.id == rs.c.source_id, s.c.outlet == outlet)
    return sa.select(sa.literal(1)).where(rs.c.record_id == R.c.id, of_outlet.exists()).exists()


def timeline_where(
    dialect: str, f: TimelineFilter, driver: str = ""
) -> list[sa.ColumnElement[bool]]:
    """The filter as WHERE clauses on ``records``.

    ``driver`` (SQLite counts, see ``counts.count_filter``) names the filter a
    count starts from: its clause is left out (the count's FROM applies it). For
    the search words, the state and kind are compared with a unary + so that
    SQLite reaches records by the FTS5 rowids rather than through the state or
    kind indexes (probing the FTS5 table once per record of the state).
    """
    where: list[sa.ColumnElement[bool]] = []
    plus = dialect == "sqlite" and bool(f.source or driver == "q")
    if f.state:
        if plus:
            # One source cites few records (and search matches reach records by
            # rowid): look records up by id rather than walking every record of the
            # state in date order. SQLite has no statistics here to choose that by
            # itself; the unary + keeps it off the state indexes.
            where.append(sa.literal_column("+records.state") == f.state)
        else:
            where.append(R.c.state == f.state)
    if f.kind:
        if plus:
            where.append(sa.literal_column("+records.kind") == f.kind)
        else:
            where.append(R.c.kind == f.kind)
    if f.type and driver != "type":
        if dialect == "sqlite":
            where.append(facet_clause("type", f.type))
        else:
            where.append(sa.and_(R.c.kind == "event", json_value(dialect, "type") == f.type))
    if f.party and driver != "party":
        if dialect == "sqlite":
            where.append(facet_clause("party", f.party))
        else:
            where.append(party_clause(dialect, f.party))
    if f.source:
        where.append(R.c.id.in_(sa.select(RS.c.record_id).where(RS.c.source_id == f.source)))
    if f.outlet and driver != "outlet":
        where.append(outlet_clause(f.outlet))
    if f.q and driver != "q":
        clause = search_clause(dialect, f.q)
        if clause is not None:
            where.append(clause)
    return where
