"""Records as the pages list them: each with the sources it cites, a page at a time."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa

from truceline.model import Record
from truceline.store.schema import record_sources, records, sources
from truceline.store.store import Store, load_record


@dataclass
class Cited:
    """One source a record cites, with the span it rests on."""

    source_id: str
    outlet: str
    url: str | None
    published: str | None
    start: int | None
    end: int | None
    text: str | None


@dataclass
class Entry:
    record: Record
    cited: list[Cited] = field(default_factory=list)


@dataclass
class Page:
    """One page of results. ``total`` is exact when ``exact``; otherwise it is a lower
    bound (there are at least ``total`` matches, the count was stopped there)."""

    entries: list[Entry]
    total: int
    page: int
    size: int
    exact: bool = True

    @property
    def pages(self) -> int:
        """The number of pages known to exist (all of them when ``exact``)."""
        return max(1, math.ceil(self.total / self.size))

    @property
    def more(self) -> bool:
        """Whether there may be pages beyond ``pages`` (the count was capped)."""
        return not self.exact

    @property
    def numbers(self) -> list[int | None]:
        """Page numbers for the pager: the first, the last known, and two either side
        of this one; None marks a gap."""
        last, here = self.pages, self.page
        shown = sorted({1, last, *range(max(1, here - 2), min(last, here + 2) + 1)})
        out: list[int | None] = []
        for n in shown:
            if out and n - (out[-1] or 0) > 1:
                out.append(None)
            out.append(n)
        return out if len(out) > 1 else []


def with_citations(conn: sa.Connection, found: Sequence[Record]) -> list[Entry]:
    """Attach each record's cited sources (outlet, address, span) in one query."""
    RS, S = record_sources, sources
    ids = [r.id for r in found]
    cited: dict[str, list[Cited]] = {i: [] for i in ids}
    if ids:
        query = (
            sa.select(
                RS.c.record_id,
                RS.c.source_id,
                S.c.outlet,
                S.c.url,
                S.c.published,
                RS.c.span_start,
                RS.c.span_end,
                RS.c.text,
            )
            .join(S, S.c.id == RS.c.source_id)
            .where(RS.c.record_id.in_(ids))
            .order_by(RS.c.record_id, RS.c.position)
        )
        for row in conn.execute(query):
            cited[row.record_id].append(Cited(*row[1:]))
    return [Entry(r, cited[r.id]) for r in found]


def entries_for(store: Store, found: Sequence[Record]) -> list[Entry]:
    """``found``, each with the sources it cites."""
    with store.engine.connect() as conn:
        return with_citations(conn, found)


def records_by_id(store: Store, ids: Sequence[str]) -> dict[str, Record]:
    """The records among ``ids`` that exist, by id."""
    out: dict[str, Record] = {}
    ids = list(dict.fromkeys(ids))
    with store.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for (data,) in conn.execute(sa.select(records.c.data).where(records.c.id.in_(chunk))):
                record = load_record(data)
                out[record.id] = record
    return out


def record_ids(store: Store) -> list[str]:
    """The id of every record, any state (the static site publishes a page for each)."""
    with store.engine.connect() as conn:
        return [r for (r,) in conn.execute(sa.select(records.c.id))]
