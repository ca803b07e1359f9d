"""What is new in a dossier: the latest accepted records, and what changed since a day.

Both read what the store already keeps: records by their date, and the
revisions table (every create, edit, accept, reject and restore, with when and
by whom), so "since" needs no column of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from truceline.store.entries import Entry, load_record, with_citations
from truceline.store.schema import records, revisions
from truceline.store.store import Store

R = records
V = revisions


@dataclass(frozen=True)
class Change:
    """One object changed since a day: its latest revision, and every action since."""

    object_id: str
    object_kind: str
    actions: tuple[str, ...]  # each distinct action since the day, first first
    at: dt.datetime  # the latest revision's time (UTC)
    by: str  # who made the latest revision


@dataclass(frozen=True)
class Changes:
    """The objects changed since ``since`` (newest first, at most ``limit`` of them) and
    how many objects saw each action."""

    since: dt.date
    items: list[Change]
    total: int
    by_action: dict[str, int]


def latest_records(store: Store, limit: int) -> list[Entry]:
    """The accepted dated records with the latest dates, newest first, with their sources."""
    query = (
        sa.select(R.c.data)
        .where(R.c.state == "accepted", R.c.date.is_not(None))
        .order_by(R.c.date.desc(), R.c.id.desc())
        .limit(limit)
    )
    with store.engine.connect() as conn:
        found = [load_record(row[0]) for row in conn.execute(query)]
        return with_citations(conn, found)


def changes_since(store: Store, since: dt.date, limit: int) -> Changes:
    """Objects with a revision on or after ``since`` (a UTC day), newest change first."""
    start = dt.datetime.combine(since, dt.time.min, tzinfo=dt.UTC)
    if store.dialect == "sqlite":  # SQLite keeps times without their zone (written in UTC)
        start = start.replace(tzinfo=None)
    recent = V.c.at >= start
    newest = (
        sa.select(V.c.object_id, sa.func.max(V.c.id).label("last"))
        .where(recent)
        .group_by(V.c.object_id)
        .subquery()
    )
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(newest)).scalar_one()
        rows = conn.execute(
            sa.select(V.c.object_id, V.c.object_kind, V.c.at, V.c.by)
            .join(newest, newest.c.last == V.c.id)
            .order_by(V.c.id.desc())
            .limit(limit)
        ).all()
        ids = [r.object_id for r in rows]
        actions: dict[str, list[str]] = {i: [] for i in ids}
        if ids:
            query = (
                sa.select(V.c.object_id, V.c.action)
                .where(recent, V.c.object_id.in_(ids))
                .order_by(V.c.id)
            )
            for object_id, action in conn.execute(query):
                if action not in actions[object_id]:
                    actions[object_id].append(action)
        counted = conn.execute(
            sa.select(V.c.action, sa.func.count(sa.distinct(V.c.object_id)))
            .where(recent)
            .group_by(V.c.action)
        )
        by_action = {action: n for action, n in counted}
    items = [
        Change(r.object_id, r.object_kind, tuple(actions[r.object_id]), _utc(r.at), r.by)
        for r in rows
    ]
    return Changes(since, items, total, by_action)


def _utc(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
