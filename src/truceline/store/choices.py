"""The values the timeline's filters offer, read from the whole dossier."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from truceline.store.schema import records, sources
from truceline.store.search import json_value, record_facets
from truceline.store.store import Store

R = records


@dataclass(frozen=True)
class Choices:
    kinds: list[str]
    types: list[str]
    parties: list[str]
    outlets: list[str]


def choices(store: Store) -> Choices:
    """Values offered by the timeline's filters (at most 2,000 parties, by name)."""
    d = store.dialect
    with store.engine.connect() as conn:
        kinds = [k for (k,) in conn.execute(sa.select(R.c.kind).distinct().order_by(R.c.kind))]
        types = [] if d == "sqlite" else _distinct(conn, json_value(d, "type"), R.c.kind == "event")
        outlets = [
            o
            for (o,) in conn.execute(
                sa.select(sources.c.outlet).distinct().order_by(sources.c.outlet)
            )
        ]
        parties: set[str] = set()
        if d == "sqlite":
            F = record_facets
            types = [
                t
                for (t,) in conn.execute(
                    sa.select(F.c.value).where(F.c.facet == "type").distinct().order_by(F.c.value)
                )
            ]
            query = sa.select(F.c.value).where(F.c.facet == "party").distinct()
            parties.update(v for (v,) in conn.execute(query))
        else:
            parties.update(_distinct(conn, R.c.claimed_by))
            for key in ("speaker", "affiliation", "proposer", "party"):
                parties.update(_distinct(conn, json_value(d, key)))
            for key in ("actors", "targets"):
                parties.update(_list_values(conn, d, key))
    return Choices(kinds, types, sorted(parties, key=str.casefold)[:2000], outlets)


def _distinct(
    conn: sa.Connection, expr: sa.ColumnElement[Any], *where: sa.ColumnElement[bool]
) -> list[str]:
    query = sa.select(expr).select_from(R).where(*where, expr.is_not(None)).distinct()
    query = query.order_by(expr)
    return [str(v) for (v,) in conn.execute(query) if v not in (None, "")]


def _list_values(conn: sa.Connection, dialect: str, key: str) -> set[str]:
    if dialect == "postgresql":
        sql = (
            f"SELECT DISTINCT json_array_elements_text(data->'{key}') FROM records "
            f"WHERE kind = 'event' AND json_typeof(data->'{key}') = 'array'"
        )
    else:
        sql = (
            f"SELECT DISTINCT j.value FROM records, json_each(records.data, '$.{key}') AS j "
            "WHERE records.kind = 'event'"
        )
    return {str(v) for (v,) in conn.execute(sa.text(sql)) if v}
