"""Who spoke: every speaker with how many statements, and one speaker's statements."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from truceline.model import Record
from truceline.store.entries import load_record
from truceline.store.schema import records
from truceline.store.search import json_value
from truceline.store.store import Store

R = records


@dataclass
class Speaker:
    name: str
    affiliation: str
    count: int


def speakers(store: Store, state: str = "accepted") -> list[Speaker]:
    """Every speaker with affiliation and how many statements they made, by affiliation
    then name ("unknown" for a statement without a speaker)."""
    d = store.dialect
    speaker, affiliation = json_value(d, "speaker"), json_value(d, "affiliation")
    query = (
        sa.select(speaker, affiliation, sa.func.count())
        .where(R.c.kind == "statement", R.c.state == state)
        .group_by(speaker, affiliation)
    )
    with store.engine.connect() as conn:
        out = [Speaker(str(s or "unknown"), str(a or ""), n) for s, a, n in conn.execute(query)]
    return sorted(out, key=lambda s: (s.affiliation.casefold(), s.name.casefold()))


def statements_of(
    store: Store, name: str, affiliation: str | None, state: str = "accepted", limit: int = 500
) -> list[Record]:
    """A speaker's statements in date order (undated last), at most ``limit``.

    ``affiliation`` None matches any affiliation; "" matches statements without one.
    """
    d = store.dialect
    where = [R.c.kind == "statement", R.c.state == state, json_value(d, "speaker") == name]
    if affiliation is not None:
        aff = json_value(d, "affiliation")
        where.append(aff == affiliation if affiliation else aff.is_(None))
    query = (
        sa.select(R.c.data)
        .where(*where)
        .order_by(R.c.date.is_(None), R.c.date, R.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [load_record(r[0]) for r in conn.execute(query)]
