"""Reconciliation in independent units, so that a new record is compared only with its neighbours.

Every dispute ``detect_disputes`` finds comes from records that share one
*unit*, and no dispute needs records of two units:

    answer:<proposal>       the responses to one proposal (and the proposal, for its title)
    claims:<first id>       statements whose claims of one party's stance clash
                            (``claim_links``): a connected component, named as events are
    figure:<subject>        figures that count the same thing (``figures.subject``)
    series:<subject, body>  one body's counts of a running total (its updates)
    totalday:<subject, day> every count of a running total up to one day
    events:<first id>       events joined by merge scores of the threshold or more (``merge_links``):
                            a connected component, named by its smallest event id

So a dossier can keep, per unit, the disputes found in it, and a new, edited,
accepted or rejected record recomputes only its units (its old ones and its
new ones): what ``truceline.app.reconcile`` does on every ingest. The units
give the same disputes as ``detect_disputes`` over the whole dossier
(``tests/reconcile/test_units.py`` checks it after random edits): clusters of
average linkage never join events without a pair at the threshold, and
every group the detectors form lies inside one unit.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

from truceline.model import Dispute, Event, Figure, Proposal, Record, Response, Source, Statement
from truceline.reconcile.disputes import (
    Counted,
    combine,
    counted,
    day_total_disputes,
    figure_disputes,
    merged_event_disputes,
    series_disputes,
    stance_disputes,
)
from truceline.reconcile.figures import counted_on, subject
from truceline.reconcile.merge import merge_events, merge_with_links
from truceline.reconcile.names import name_key
from truceline.reconcile.stances import claims_by_party, clash_links, party_claim_disputes
from truceline.vocab import ReviewState

KEY_LENGTH = 160  # longer unit keys are hashed: they are index entries


def _key(kind: str, what: str) -> str:
    key = f"{kind}:{what}"
    if len(key) <= KEY_LENGTH:
        return key
    return f"{kind}:#" + hashlib.sha256(what.encode()).hexdigest()


@cache
def fingerprint() -> str:
    """A digest of the reconciliation's code: kept disputes found by other code are found again."""
    digest = hashlib.sha256()
    package = resources.files("truceline.reconcile")
    for name in sorted(p.name for p in package.iterdir() if p.name.endswith(".py")):
        digest.update(name.encode() + b"\0" + package.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def units_of(record: Record) -> list[str]:
    """The units a live record belongs to, other than its event component."""
    if record.state == ReviewState.REJECTED:
        return []
    if isinstance(record, Response):
        return [_key("answer", record.proposal)]
    if isinstance(record, Proposal):
        return [_key("answer", record.id)]
    if isinstance(record, Figure):
        return _figure_units(record)
    return []


def _figure_units(figure: Figure) -> list[str]:
    """A count's subject; a running total's series (its body) and its day instead.

    A running total is reported every day for as long as the war lasts: one
    unit for all of it would grow with the dossier, while a count only joins
    its body's series of updates and the counts of other bodies to the same day.
    """
    what = subject(figure)
    if what is None:
        return []
    key = json.dumps(what, default=str)
    if what[2] != "total":
        return [_key("figure", key)]
    day = _key("totalday", json.dumps([*what, counted_on(figure)], default=str))
    if not figure.counted_by:
        return [day]
    return [day, _key("series", json.dumps([*what, name_key(figure.counted_by)], default=str))]


def component_unit(kind: str, component: Iterable[str]) -> str:
    """The unit of a component of linked records (``events``, ``claims``): its smallest id."""
    return _key(kind, min(component))


def claim_links(statements: list[Statement], window_days: int = 3) -> list[tuple[str, str]]:
    """Pairs of statement ids (first < second) whose stance claims clash (``clash_links``)."""
    links = []
    for claims in claims_by_party(statements).values():
        for i, j in clash_links(claims, window_days):
            a, b = sorted((claims[i].statement.id, claims[j].statement.id))
            links.append((a, b))
    return links


def claimed_parties(statement: Statement) -> set[str]:
    """The parties a statement claims a stance of (none, mostly)."""
    return set(claims_by_party([statement]))


def claim_component_disputes(statements: list[Statement], window_days: int = 3) -> list[Dispute]:
    """The dispute of one component of clashing claims (all about one party)."""
    out = []
    for claims in claims_by_party(statements).values():
        out += party_claim_disputes(claims, window_days)
    return out


def unit_disputes(
    unit: str, records: list[Record], sources: Mapping[str, Source], stance_window_days: int = 3
) -> list[Dispute]:
    """The disputes found among a unit's records (all of them: a unit is recomputed whole)."""
    live = [r for r in records if r.state != ReviewState.REJECTED]
    kind = unit.split(":", 1)[0]
    if kind == "answer":
        responses = [r for r in live if isinstance(r, Response)]
        proposals = {r.id: r for r in live if isinstance(r, Proposal)}
        return stance_disputes(responses, proposals, sources, stance_window_days)
    figures = [r for r in live if isinstance(r, Figure)]
    if kind == "figure":
        return figure_disputes(figures, sources)
    if kind == "series":
        return series_disputes(figures, sources)
    if kind == "totalday":
        return day_total_disputes(figures, sources)
    raise ValueError(f"not a record unit: {unit!r} (event components: component_disputes)")


def component_disputes(
    events: list[Event],
    sources: Mapping[str, Source],
    figures: Iterable[Figure] = (),
    tolerance_days: int = 1,
) -> list[Dispute]:
    """The disputes of one component of linked events.

    ``figures`` are the live figures citing the events' sources: an event's own
    numbers that one of them already states are compared there, not here.
    """
    ordered = sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))
    merged = merge_events(ordered, sources, tolerance_days)
    known: Counted = counted(list(figures))
    return merged_event_disputes(merged, sources, known)


def events_by_component(
    events: list[Event],
    sources: Mapping[str, Source],
    figures: Iterable[Figure] = (),
    tolerance_days: int = 1,
) -> tuple[list[tuple[str, str]], dict[str, str], dict[str, list[Dispute]]]:
    """Every event of a dossier at once: its links (``merge_links``), each linked
    event's unit, and the disputes of each unit, from one scoring of the pairs
    (``merge_with_links``).

    Each merged happening lies inside one component, and its disputes are its own
    (``merged_event_disputes`` reads one happening at a time), so they are those
    ``component_disputes`` gives component by component.
    """
    ordered = sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))
    merged, links = merge_with_links(ordered, sources, tolerance_days)
    unit = _component_units([e.id for e in ordered], links)
    known: Counted = counted(list(figures))
    found: dict[str, list[Dispute]] = defaultdict(list)
    for happening in merged:
        if len(happening.events) > 1:
            here = unit[happening.events[0].id]
            found[here] += merged_event_disputes([happening], sources, known)
    return links, unit, {u: found.get(u, []) for u in set(unit.values())}


def _component_units(ids: list[str], links: list[tuple[str, str]]) -> dict[str, str]:
    """Event id → the unit of its component, for events with a link."""
    out: dict[str, str] = {}
    for group in components(ids, adjacency(links)):
        out.update(dict.fromkeys(group, component_unit("events", group)))
    return out


def adjacency(links: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Each linked id → the ids it is linked with."""
    out: dict[str, set[str]] = defaultdict(set)
    for a, b in links:
        out[a].add(b)
        out[b].add(a)
    return out


def components(ids: Iterable[str], linked: Mapping[str, set[str]]) -> list[list[str]]:
    """Connected components (of two records or more) of ``ids`` under ``linked``, each sorted."""
    seen: set[str] = set()
    out = []
    for first in sorted(ids):
        if first in seen or not linked.get(first):
            continue
        stack, component = [first], []
        seen.add(first)
        while stack:
            here = stack.pop()
            component.append(here)
            for there in linked.get(here, ()):
                if there not in seen:
                    seen.add(there)
                    stack.append(there)
        out.append(sorted(component))
    return out


def found_disputes(stored: list[Dispute], found: Iterable[Dispute]) -> list[Dispute]:
    """The dossier's disputes from its stored ones and those its units found."""
    return combine(stored, list(found))
