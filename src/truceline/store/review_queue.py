"""The review queue: candidate records waiting for a reviewer, a page at a time.

``QueueFilter`` narrows the queue (kind, event type, source, confidence, date);
the page and the bulk decisions read the same WHERE clauses, so "accept all 12
shown" accepts the 12 the page counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from truceline.store.entries import Page, load_record, with_citations
from truceline.store.schema import record_sources, records, sources
from truceline.store.search import json_value
from truceline.store.store import Store

R = records
RS = record_sources


@dataclass(frozen=True)
class QueueFilter:
    """Which candidates the queue shows; every field is a query-string parameter of /review.

    ``since`` and ``until`` are ISO days (inclusive); an undated candidate matches
    no date range. ``min_confidence`` and ``max_confidence`` are inclusive; a
    candidate with no confidence matches no confidence range.
    """

    kind: str = ""
    type: str = ""
    source: str = ""
    min_confidence: float | None = None
    max_confidence: float | None = None
    since: str = ""
    until: str = ""

    @property
    def active(self) -> bool:
        return self != QueueFilter()


@dataclass(frozen=True)
class QueueChoices:
    """What the queue's filters offer: the values its candidates hold."""

    types: list[str]
    sources: list[tuple[str, str]]  # (source id, "outlet · date · title")


def queue_where(dialect: str, f: QueueFilter) -> list[sa.ColumnElement[bool]]:
    where = [R.c.state == "candidate"]
    if f.kind:
        where.append(R.c.kind == f.kind)
    if f.type:
        where.append(sa.and_(R.c.kind == "event", json_value(dialect, "type") == f.type))
    if f.source:
        where.append(R.c.id.in_(sa.select(RS.c.record_id).where(RS.c.source_id == f.source)))
    if f.min_confidence is not None:
        where.append(R.c.confidence >= f.min_confidence)
    if f.max_confidence is not None:
        where.append(R.c.confidence <= f.max_confidence)
    if f.since:
        where.append(R.c.date >= f.since)
    if f.until:  # dates are ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD): text order is date order
        where.append(R.c.date <= f.until)
    return where


def candidates(store: Store, f: QueueFilter, page: int, size: int) -> Page:
    """One page of the review queue: the candidates ``f`` keeps, in date order, undated
    last, then by id."""
    where = queue_where(store.dialect, f)
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


def candidate_ids(store: Store, f: QueueFilter) -> list[str]:
    """The ids of every candidate the filter keeps, in the queue's order."""
    query = (
        sa.select(R.c.id)
        .where(*queue_where(store.dialect, f))
        .order_by(R.c.date.is_(None), R.c.date, R.c.id)
    )
    with store.engine.connect() as conn:
        return [row[0] for row in conn.execute(query)]


def queue_choices(store: Store, limit: int = 500) -> QueueChoices:
    """The event types and sources among the candidates, for the queue's filters."""
    d = store.dialect
    waiting = R.c.state == "candidate"
    kind_type = json_value(d, "type")
    cited = (
        sa.select(sources.c.id, sources.c.outlet, sources.c.published, sources.c.title)
        .where(
            sources.c.id.in_(
                sa.select(RS.c.source_id).join(R, R.c.id == RS.c.record_id).where(waiting)
            )
        )
        .order_by(sources.c.published.desc(), sources.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        types = conn.execute(
            sa.select(kind_type).where(waiting, R.c.kind == "event").distinct().order_by(kind_type)
        ).scalars()
        found = conn.execute(cited).all()
    labels = [
        (sid, " · ".join(str(p) for p in (outlet, published, title) if p))
        for sid, outlet, published, title in found
    ]
    return QueueChoices([t for t in types if t], labels)
