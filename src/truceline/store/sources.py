"""Reads of sources: the sources page, one source, the records citing it."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from truceline.model import Record, Source
from truceline.store.entries import load_record
from truceline.store.schema import record_sources, records, sources
from truceline.store.store import Store, load_source

R = records
RS = record_sources
S = sources


def source_page(store: Store, page: int, size: int) -> tuple[list[dict[str, Any]], int]:
    """One page of sources by date (newest first, undated last), with how many records
    cite each (``n``, None for none); and the number of sources in all."""
    cites = (
        sa.select(RS.c.source_id, sa.func.count(sa.distinct(RS.c.record_id)).label("n"))
        .group_by(RS.c.source_id)
        .subquery()
    )
    query = (
        sa.select(S.c.id, S.c.outlet, S.c.title, S.c.url, S.c.published, cites.c.n)
        .outerjoin(cites, cites.c.source_id == S.c.id)
        .order_by(S.c.published.is_(None), S.c.published.desc(), S.c.id)
        .limit(size)
        .offset((max(1, page) - 1) * size)
    )
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(S)).scalar_one()
        rows = [dict(r._mapping) for r in conn.execute(query)]
    return rows, total


def source(store: Store, source_id: str) -> Source | None:
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(S.c.data).where(S.c.id == source_id)).first()
    return load_source(row[0]) if row else None


def source_ids(store: Store) -> list[str]:
    """The id of every source (the static site publishes a page for each)."""
    with store.engine.connect() as conn:
        return [s for (s,) in conn.execute(sa.select(S.c.id))]


def records_citing(store: Store, source_id: str, limit: int = 2000) -> list[Record]:
    """Records (any state) that cite a source, in date order (undated last), at most ``limit``."""
    query = (
        sa.select(R.c.data)
        .where(R.c.id.in_(sa.select(RS.c.record_id).where(RS.c.source_id == source_id)))
        .order_by(R.c.date.is_(None), R.c.date, R.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [load_record(r[0]) for r in conn.execute(query)]
