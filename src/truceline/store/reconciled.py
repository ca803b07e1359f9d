"""The reconciliation the dossier keeps: units, event links, found disputes and their mark.

Only SQL lives here; what a unit is and what it finds is
``truceline.reconcile.units``, and ``truceline.app.reconcile`` brings the two
together on every ingest. Reads take a ``Store``; writes take the connection of
a writer's transaction, so that the tables move with the mark in one commit (a
crash leaves them as before or as after, and the next read catches up from
the mark).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping

import sqlalchemy as sa

from truceline.model import Dispute, Record, Source, dump
from truceline.store.schema import (
    found_disputes,
    reconcile_links,
    reconcile_marks,
    reconcile_units,
    record_sources,
    records,
    revisions,
    sources,
)
from truceline.store.store import Store, load_dispute, load_record, load_source

CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    items = list(dict.fromkeys(ids))
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


# ------------------------------------------------------------------ marks and changes


def marks(conn: sa.Connection) -> dict[str, str]:
    """The marks: ``revision`` (the last one reconciled) and ``settings``."""
    return {
        n: v for n, v in conn.execute(sa.select(reconcile_marks.c.name, reconcile_marks.c.value))
    }


def set_marks(conn: sa.Connection, values: Mapping[str, str]) -> None:
    conn.execute(reconcile_marks.delete().where(reconcile_marks.c.name.in_(list(values))))
    conn.execute(reconcile_marks.insert(), [{"name": n, "value": v} for n, v in values.items()])


def last_revision(conn: sa.Connection) -> int:
    """The id of the newest revision (0 for a dossier never written)."""
    return int(conn.execute(sa.select(sa.func.max(revisions.c.id))).scalar() or 0)


def changed_since(conn: sa.Connection, after: int, upto: int) -> list[tuple[str, str]]:
    """(kind, id) of every object written by the revisions in (after, upto]."""
    query = (
        sa.select(revisions.c.object_kind, revisions.c.object_id)
        .where(revisions.c.id > after, revisions.c.id <= upto)
        .distinct()
    )
    return [(k, i) for k, i in conn.execute(query)]


# ------------------------------------------------------------------ reading records


def load_records(conn: sa.Connection, ids: Collection[str]) -> list[Record]:
    """The records with these ids (any state), in the order the store lists records."""
    out: list[Record] = []
    for chunk in _chunks(ids):
        rows = conn.execute(sa.select(records.c.data).where(records.c.id.in_(chunk)))
        out += [load_record(data) for (data,) in rows]
    return sorted(out, key=lambda r: (r.date is None, r.date or "", r.id))


def accepted(conn: sa.Connection, kind: str | None = None) -> list[Record]:
    """Every accepted record (of one kind), in the store's order."""
    query = sa.select(records.c.data).where(records.c.state == "accepted")
    if kind is not None:
        query = query.where(records.c.kind == kind)
    query = query.order_by(records.c.date.is_(None), records.c.date, records.c.id)
    return [load_record(data) for (data,) in conn.execute(query)]


def accepted_between(conn: sa.Connection, kind: str, first: str, last: str) -> list[Record]:
    """Accepted records of one kind dated from ``first`` to ``last`` (ISO days)."""
    query = sa.select(records.c.data).where(
        records.c.state == "accepted",
        records.c.kind == kind,
        records.c.date >= first,
        records.c.date <= last + "\uffff",
    )
    return [load_record(data) for (data,) in conn.execute(query)]


def undated(conn: sa.Connection, kind: str) -> list[Record]:
    """Accepted records of one kind that have no date."""
    query = sa.select(records.c.data).where(
        records.c.state == "accepted", records.c.kind == kind, records.c.date.is_(None)
    )
    return [load_record(data) for (data,) in conn.execute(query)]


def record_count(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(records)).scalar() or 0)


def all_sources(conn: sa.Connection) -> dict[str, Source]:
    return {s.id: s for s in (load_source(d) for (d,) in conn.execute(sa.select(sources.c.data)))}


def citing(conn: sa.Connection, source_ids: Collection[str], kind: str | None = None) -> set[str]:
    """Ids of the records (of one kind) that cite any of these sources."""
    out: set[str] = set()
    for chunk in _chunks(source_ids):
        query = sa.select(record_sources.c.record_id).where(record_sources.c.source_id.in_(chunk))
        if kind is not None:
            query = query.join(records, records.c.id == record_sources.c.record_id).where(
                records.c.kind == kind
            )
        out.update(r for (r,) in conn.execute(query))
    return out


def load_sources(conn: sa.Connection, ids: Collection[str]) -> dict[str, Source]:
    out: dict[str, Source] = {}
    for chunk in _chunks(ids):
        rows = conn.execute(sa.select(sources.c.data).where(sources.c.id.in_(chunk)))
        for (data,) in rows:
            source = load_source(data)
            out[source.id] = source
    return out


# ------------------------------------------------------------------ units and links


def units_of(conn: sa.Connection, ids: Collection[str]) -> dict[str, set[str]]:
    """Record id → the units it is in now."""
    out: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(ids):
        query = sa.select(reconcile_units.c.record_id, reconcile_units.c.unit).where(
            reconcile_units.c.record_id.in_(chunk)
        )
        for record_id, unit in conn.execute(query):
            out[record_id].add(unit)
    return out


def members(conn: sa.Connection, units: Collection[str]) -> dict[str, list[str]]:
    """Unit → the ids of its records."""
    out: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(units):
        query = sa.select(reconcile_units.c.unit, reconcile_units.c.record_id).where(
            reconcile_units.c.unit.in_(chunk)
        )
        for unit, record_id in conn.execute(query):
            out[unit].append(record_id)
    return out


def set_units(conn: sa.Connection, assigned: Mapping[str, Iterable[str]]) -> None:
    """Replace the units of these records (an empty list removes the record)."""
    for chunk in _chunks(assigned):
        conn.execute(reconcile_units.delete().where(reconcile_units.c.record_id.in_(chunk)))
    rows = [{"record_id": r, "unit": u} for r, units in assigned.items() for u in set(units)]
    if rows:
        conn.execute(reconcile_units.insert(), rows)


def linked(conn: sa.Connection, ids: Collection[str]) -> dict[str, set[str]]:
    """Record id → the records it is linked with."""
    out: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(ids):
        for a, b in conn.execute(
            sa.select(reconcile_links.c.a, reconcile_links.c.b).where(
                sa.or_(reconcile_links.c.a.in_(chunk), reconcile_links.c.b.in_(chunk))
            )
        ):
            out[a].add(b)
            out[b].add(a)
    return out


def set_links(
    conn: sa.Connection, events: Collection[str], links: Iterable[tuple[str, str]]
) -> None:
    """Replace every link of these events by ``links`` (pairs a < b)."""
    for chunk in _chunks(events):
        conn.execute(
            reconcile_links.delete().where(
                sa.or_(reconcile_links.c.a.in_(chunk), reconcile_links.c.b.in_(chunk))
            )
        )
    rows = [{"a": a, "b": b} for a, b in dict.fromkeys(links)]
    if rows:
        conn.execute(reconcile_links.insert(), rows)


# ------------------------------------------------------------------ found disputes


def set_found(conn: sa.Connection, found: Mapping[str, list[Dispute]]) -> None:
    """Replace the disputes of these units."""
    for chunk in _chunks(found):
        conn.execute(found_disputes.delete().where(found_disputes.c.unit.in_(chunk)))
    rows = {
        (unit, d.id): {
            "unit": unit,
            "id": d.id,
            "date": d.date,
            "kind": str(d.kind),
            "data": dump(d),
        }
        for unit, disputes in found.items()
        for d in disputes
    }
    if rows:
        conn.execute(found_disputes.insert(), list(rows.values()))


def clear(conn: sa.Connection) -> None:
    """Forget everything reconciled (before reconciling the whole dossier again)."""
    for table in (reconcile_units, reconcile_links, found_disputes, reconcile_marks):
        conn.execute(table.delete())


def found(store: Store) -> list[Dispute]:
    """Every dispute the units found, as stored."""
    with store.engine.connect() as conn:
        return found_on(conn)


def found_on(conn: sa.Connection) -> list[Dispute]:
    """As ``found``, inside a transaction (one that may see writes not committed yet)."""
    rows = conn.execute(sa.select(found_disputes.c.data).order_by(found_disputes.c.unit))
    return [load_dispute(data) for (data,) in rows]


def is_current(store: Store, settings: str) -> bool:
    """Whether the found disputes are those of the newest revision, with these settings."""
    with store.engine.connect() as conn:
        kept = marks(conn)
        return kept.get("settings") == settings and kept.get("revision") == str(last_revision(conn))
