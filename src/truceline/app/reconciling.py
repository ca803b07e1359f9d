"""Keeping a dossier reconciled: after each write, only the units the write touched.

The units are ``truceline.reconcile.units`` (what the records of one unit can
dispute); their tables are ``truceline.store.reconciled``. The revisions table
says what was written since the mark, so every way of writing (ingest, import,
review, edits, another process) is caught up the same way: by the ingest that
wrote, or by the next read. One writer transaction moves the tables and the
mark together.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from truceline.model import (
    RECORD_KINDS,
    Dispute,
    Event,
    Figure,
    Record,
    ReviewState,
    Source,
    Statement,
)
from truceline.reconcile.merge import merge_links
from truceline.reconcile.units import (
    adjacency,
    claim_component_disputes,
    claim_links,
    claimed_parties,
    component_disputes,
    component_unit,
    components,
    events_by_component,
    fingerprint,
    unit_disputes,
    units_of,
)
from truceline.store import Store
from truceline.store import reconciled as kept
from truceline.store.store import Writer

TOLERANCE_DAYS = 1
STANCE_WINDOW_DAYS = 3
REBUILD_SHARE = 0.3  # beyond this share of the dossier written, reconcile it whole


@cache
def settings() -> str:
    """What the kept disputes depend on besides the records: the detectors' code
    (``fingerprint``), this module's (how units are kept), and the parameters."""
    own = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]
    return f"{fingerprint()}-{own} tolerance={TOLERANCE_DAYS} window={STANCE_WINDOW_DAYS}"


def reconcile(store: Store) -> None:
    """Bring the kept reconciliation up to the newest revision (nothing to do: one read)."""
    wanted = settings()
    if kept.is_current(store, wanted):
        return
    with store.writer("truceline") as writer:
        _catch_up(writer.conn, wanted)


def reconcile_within(writer: Writer) -> None:
    """Reconcile, inside a writer's transaction, what it wrote (and anything before it):
    a review decision and its reconciliation commit together."""
    _catch_up(writer.conn, settings())


def found_if_accepted(store: Store, ids: Collection[str]) -> list[Dispute]:
    """The disputes the units would find were these records accepted.

    Accepted in a trial transaction, reconciled from the mark as an ingest would
    be (only what the records touch), read, and rolled back: the review queue's
    "what accepting decides" asks the same reconciliation ``check`` reads.
    """
    reconcile(store)
    with store.trial("what accepting decides") as writer:
        for record_id in ids:
            writer.set_state(record_id, ReviewState.ACCEPTED)
        _catch_up(writer.conn, settings())
        return kept.found_on(writer.conn)


def _catch_up(conn: sa.Connection, wanted: str) -> None:
    """Reconcile what was written since the mark, in the writer's transaction."""
    marks = kept.marks(conn)
    top = kept.last_revision(conn)
    if marks.get("settings") == wanted and marks.get("revision") == str(top):
        return  # another process caught up while this one waited
    changes = []
    if marks.get("settings") == wanted and "revision" in marks:
        changes = kept.changed_since(conn, int(marks["revision"]), top)
    if "revision" not in marks or marks.get("settings") != wanted or _large(conn, changes):
        _rebuild(conn)
    else:
        _update(conn, changes)
    kept.set_marks(conn, {"revision": str(top), "settings": wanted})


def _large(conn: sa.Connection, changes: list[tuple[str, str]]) -> bool:
    total = kept.record_count(conn)
    return len(changes) > max(1000, REBUILD_SHARE * total)


# ------------------------------------------------------------------ linked kinds


@dataclass(frozen=True)
class Linked:
    """A kind of record kept by components of links rather than by a key.

    Events link when the merge scores them at its threshold or more; statements when their stance
    claims clash. A written record is linked again only with its ``neighbours``
    (records it could link with), and the components it left or joined are
    found again.
    """

    kind: type[Event] | type[Statement]
    unit: str
    links: Callable[[list[Any]], list[tuple[str, str]]]
    neighbours: Callable[[sa.Connection, list[Any]], list[Any]]
    disputes: Callable[[sa.Connection, list[Any]], list[Dispute]]


def _event_disputes(conn: sa.Connection, members: list[Event]) -> list[Dispute]:
    sources = kept.load_sources(conn, _source_ids(members))
    figure_ids = kept.citing(conn, set(sources), kind="figure")
    figures = [f for f in kept.load_records(conn, figure_ids) if f.state == ReviewState.ACCEPTED]
    return _component_found(members, sources, _figures_by_source(figures))


def _claim_disputes(conn: sa.Connection, members: list[Statement]) -> list[Dispute]:
    return claim_component_disputes(members, STANCE_WINDOW_DAYS)


def _claim_neighbours(conn: sa.Connection, statements: list[Statement]) -> list[Statement]:
    """Accepted statements that could clash with these: within the stance window, and undated."""
    claiming = [s for s in statements if claimed_parties(s)]
    if not claiming:
        return []
    if any(s.day is None for s in claiming):
        found = kept.accepted(conn, "statement")
    else:
        days = sorted({s.day for s in claiming if s.day is not None})
        found = kept.undated(conn, "statement")
        for first, last in _spans(days, STANCE_WINDOW_DAYS):
            found += kept.accepted_between(conn, "statement", first, last)
    return [s for s in found if isinstance(s, Statement)]


def _event_neighbours(conn: sa.Connection, events: list[Event]) -> list[Event]:
    """Accepted events of the same type within the tolerance of any of ``events``."""
    out: dict[str, Event] = {}
    days = defaultdict(set)
    for e in events:
        if e.day is not None:
            days[str(e.type)].add(e.day)
    for kind, wanted in days.items():
        for first, last in _spans(sorted(wanted), TOLERANCE_DAYS):
            for r in kept.accepted_between(conn, "event", first, last):
                if isinstance(r, Event) and str(r.type) == kind:
                    out[r.id] = r
    return list(out.values())


EVENTS = Linked(
    Event,
    "events",
    lambda events: merge_links(events, TOLERANCE_DAYS),
    _event_neighbours,
    _event_disputes,
)
CLAIMS = Linked(
    Statement,
    "claims",
    lambda statements: claim_links(statements, STANCE_WINDOW_DAYS),
    _claim_neighbours,
    _claim_disputes,
)


# ------------------------------------------------------------------ the whole dossier


def _rebuild(conn: sa.Connection) -> None:
    """Reconcile every accepted record, as ``detect_disputes`` would, and keep it by unit."""
    kept.clear(conn)
    live = kept.accepted(conn)
    sources = kept.all_sources(conn)
    assigned: dict[str, list[str]] = {r.id: units_of(r) for r in live}
    by_unit: dict[str, list[Record]] = defaultdict(list)
    for record in live:
        for unit in assigned[record.id]:
            by_unit[unit].append(record)
    found = {u: unit_disputes(u, rs, sources, STANCE_WINDOW_DAYS) for u, rs in by_unit.items()}
    events = [r for r in live if isinstance(r, Event)]
    figures = [r for r in live if isinstance(r, Figure)]
    every_link, event_units, by_component = events_by_component(
        events, sources, figures, TOLERANCE_DAYS
    )
    found.update(by_component)
    assigned.update({event_id: [unit] for event_id, unit in event_units.items()})
    statements = {r.id: r for r in live if isinstance(r, Statement)}
    claim_pairs = CLAIMS.links(list(statements.values()))
    every_link += claim_pairs
    for component in components(statements, adjacency(claim_pairs)):
        unit = component_unit(CLAIMS.unit, component)
        for record_id in component:
            assigned[record_id] = [unit]
        found[unit] = CLAIMS.disputes(conn, [statements[i] for i in sorted(component)])
    kept.set_units(conn, {r: us for r, us in assigned.items() if us})
    kept.set_links(conn, (), every_link)
    kept.set_found(conn, {u: ds for u, ds in found.items() if ds})


# ------------------------------------------------------------------ what a write touched


def _update(conn: sa.Connection, changes: list[tuple[str, str]]) -> None:
    """Recompute the units of the records written (and of those citing edited sources)."""
    ids = {i for kind, i in changes if kind in RECORD_KINDS}
    ids |= kept.citing(conn, {i for kind, i in changes if kind == "source"})
    written = {r.id: r for r in kept.load_records(conn, ids)}
    figure_sources = {
        e.source for r in written.values() if isinstance(r, Figure) for e in r.sources
    }
    touched = {
        EVENTS: {i for i, r in written.items() if isinstance(r, Event)}
        | kept.citing(conn, figure_sources, kind="event"),
        CLAIMS: {i for i, r in written.items() if isinstance(r, Statement)},
    }
    gone = {i for kind, i in changes if kind in RECORD_KINDS and i not in written}
    touched[EVENTS] |= {i for kind, i in changes if kind == "event" and i in gone}
    touched[CLAIMS] |= {i for kind, i in changes if kind == "statement" and i in gone}
    keyed = ids - touched[EVENTS] - touched[CLAIMS]
    found = _update_units(conn, {i: written.get(i) for i in keyed})
    for linked, linked_ids in touched.items():
        found.update(_update_linked(conn, linked, linked_ids))
    kept.set_found(conn, found)


def _update_units(
    conn: sa.Connection, written: Mapping[str, Record | None]
) -> dict[str, list[Dispute]]:
    """New units for records kept by a key; every unit they left or joined, again."""
    before = kept.units_of(conn, list(written))
    now = {
        i: units_of(r) if r is not None and r.state == ReviewState.ACCEPTED else []
        for i, r in written.items()
    }
    kept.set_units(conn, now)
    dirty = {u for us in before.values() for u in us} | {u for us in now.values() for u in us}
    found: dict[str, list[Dispute]] = {}
    for unit, member_ids in kept.members(conn, dirty).items():
        records = [
            r for r in kept.load_records(conn, member_ids) if r.state == ReviewState.ACCEPTED
        ]
        sources = kept.load_sources(conn, _source_ids(records))
        found[unit] = unit_disputes(unit, records, sources, STANCE_WINDOW_DAYS)
    return {u: found.get(u, []) for u in dirty}


def _update_linked(
    conn: sa.Connection, linked: Linked, ids: Collection[str]
) -> dict[str, list[Dispute]]:
    """Links of the written records to their neighbours, then their components found again."""
    if not ids:
        return {}
    written = {r.id: r for r in kept.load_records(conn, ids) if isinstance(r, linked.kind)}
    live = [r for r in written.values() if r.state == ReviewState.ACCEPTED]
    near = {r.id: r for r in linked.neighbours(conn, live)} | {r.id: r for r in live}
    links = [
        (a, b)
        for a, b in linked.links(sorted(near.values(), key=_order))
        if a in written or b in written
    ]
    old_units = {u for us in kept.units_of(conn, ids).values() for u in us}
    kept.set_links(conn, ids, links)
    start = set(ids) | {i for member in kept.members(conn, old_units).values() for i in member}
    reached, linked_to = _reach(conn, start)
    old_units |= {u for us in kept.units_of(conn, reached).values() for u in us}
    found: dict[str, list[Dispute]] = {u: [] for u in old_units}
    assigned: dict[str, list[str]] = {i: [] for i in reached}
    records = {r.id: r for r in kept.load_records(conn, reached) if isinstance(r, linked.kind)}
    for component in components(records, linked_to):
        unit = component_unit(linked.unit, component)
        for record_id in component:
            assigned[record_id] = [unit]
        found[unit] = linked.disputes(conn, [records[i] for i in sorted(component)])
    kept.set_units(conn, assigned)
    return found


def _spans(days: list[dt.date], pad_days: int) -> Iterable[tuple[str, str]]:
    """Runs of days, each widened by ``pad_days``, as ISO bounds."""
    pad = dt.timedelta(days=pad_days)
    start = end = days[0]
    for day in days[1:]:
        if day - end > 2 * pad + dt.timedelta(days=1):
            yield (start - pad).isoformat(), (end + pad).isoformat()
            start = day
        end = day
    yield (start - pad).isoformat(), (end + pad).isoformat()


def _reach(conn: sa.Connection, start: set[str]) -> tuple[set[str], dict[str, set[str]]]:
    """Every record linked, step by step, to one in ``start``; and the links among them."""
    seen, frontier = set(start), set(start)
    linked_to: dict[str, set[str]] = defaultdict(set)
    while frontier:
        step = kept.linked(conn, frontier)
        for a, bs in step.items():
            linked_to[a] |= bs
        frontier = {b for bs in step.values() for b in bs} - seen
        seen |= frontier
    return seen, linked_to


# ------------------------------------------------------------------ shared


def _order(record: Record) -> tuple[bool, str, str]:
    return (record.date is None, record.date or "", record.id)


def _source_ids(records: Iterable[Record]) -> set[str]:
    return {e.source for r in records for e in (r.sources or ())}


def _figures_by_source(figures: Iterable[Record]) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        if isinstance(f, Figure):
            for source in {e.source for e in f.sources}:
                out[source].append(f)
    return out


def _component_found(
    members: list[Event], sources: Mapping[str, Source], figures: Mapping[str, list[Figure]]
) -> list[Dispute]:
    cited = {e.source for m in members for e in m.sources}
    known = {f.id: f for s in cited for f in figures.get(s, ())}
    return component_disputes(members, sources, known.values(), TOLERANCE_DAYS)
