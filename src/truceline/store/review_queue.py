"""The review queue: candidate records waiting for a reviewer, a page at a time."""

from __future__ import annotations

import sqlalchemy as sa

from truceline.store.entries import Page, load_record, with_citations
from truceline.store.schema import records
from truceline.store.store import Store

R = records


def candidates(store: Store, kind: str, page: int, size: int) -> Page:
    """One page of the review queue: candidates (of ``kind``, or every kind for "") in
    date order, undated last, then by id."""
    where = [R.c.state == "candidate"]
    if kind:
        where.append(R.c.kind == kind)
    query = (
        sa.select(R.c.data)
        .where(*where)
        .order_by(R.c.date.is_(None), R.c.date, R.c.id)
        .limit(size)
        .offset((max(1, page) - 1) * size)
    )
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(R).where(*where)).scalar_one()
        found = [load_record(r[0]) for r in conn.execute(query)]
        return Page(with_citations(conn, found), total, max(1, page), size)
