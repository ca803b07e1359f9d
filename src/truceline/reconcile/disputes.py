"""Disputes: records that cannot all be true, found automatically or written by hand.

Found automatically:

- *stances*: sources claim different stances for the same party on the same
  proposal within ``stance_window_days`` of each other (contradiction);
- *figures*: reports of the same metric, for the same whom and day, whose
  values cannot all be true. Within one counting body, a count that only grows
  over the day ("232" at 06:00, "at least 330" at 11:00, "404" at 20:00) is an
  *evolving* series, not an error; otherwise a contradiction. Between named
  counting bodies ("419 trucks" by one, "223" by another) it is a dispute over
  *definitions*. Fatalities and figures of events merged into one happening
  are compared the same way;
- *occurrence*: one source says a happening took place, another that it did not.

Hand-written disputes from the store are kept as they are, and an automatic
dispute that shares records with one of them is dropped in its favour.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from truceline.model import (
    Dispute,
    DisputeKind,
    DisputeSide,
    Event,
    Figure,
    FigureValue,
    Proposal,
    Record,
    Response,
    ReviewState,
    Source,
    Statement,
    make_id,
)
from truceline.reconcile.figures import (
    as_of_time,
    can_grow,
    compatible,
    counted_on,
    metric_key,
    subject,
)
from truceline.reconcile.merge import MergedEvent, denies, merge_events
from truceline.reconcile.names import name_key
from truceline.reconcile.stances import claim_disputes
from truceline.reconcile.voice import (
    UNATTRIBUTED,
    claimant,
    event_claim,
    figure_phrase,
    outlets,
    says,
    stance_phrase,
)

DETECTED = "Detected by truceline from the records."


def _joined(names: Iterable[str]) -> str:
    return " and ".join(dict.fromkeys(names))


def _dispute(kind: DisputeKind, topic: str, date: str | None, sides: list[DisputeSide]) -> Dispute:
    ids = sorted(r for side in sides for r in side.records)
    return Dispute(
        id=make_id("dispute", kind.value, *ids),
        topic=topic,
        kind=kind,
        date=date,
        sides=sides,
        notes=DETECTED,
    )


# ------------------------------------------------------------------ stances


def stance_disputes(
    responses: list[Response],
    proposals: Mapping[str, Proposal],
    sources: Mapping[str, Source],
    window_days: int = 3,
) -> list[Dispute]:
    """Different stances claimed for the same party on the same proposal at about the same time."""
    groups: dict[tuple[str, str], list[Response]] = defaultdict(list)
    for r in responses:
        groups[r.proposal, name_key(r.party)].append(r)
    out = []
    for (proposal_id, _), group in groups.items():
        dated = sorted((r for r in group if r.day), key=lambda r: (r.day, r.id))
        undated = [r for r in group if not r.day]
        runs: list[list[Response]] = []
        for r in dated:
            if runs and (r.day - runs[-1][-1].day).days <= window_days:  # type: ignore[operator]
                runs[-1].append(r)
            else:
                runs.append([r])
        if undated:
            runs = [[*run, *undated] for run in runs] or [undated]
        proposal = proposals.get(proposal_id)
        for run in runs:
            by_stance: dict[str, list[Response]] = defaultdict(list)
            for r in run:
                by_stance[str(r.stance)].append(r)
            if len(by_stance) < 2:
                continue
            sides = []
            for same in by_stance.values():
                who = _joined(claimant(r, sources) for r in same)
                sides.append(
                    DisputeSide(
                        claim=says(who, stance_phrase(same[0], proposal)),
                        claimed_by=who,
                        records=[r.id for r in same],
                    )
                )
            title = f"“{proposal.title}”" if proposal else proposal_id
            dates = [r.date for r in run if r.date]
            out.append(
                _dispute(
                    DisputeKind.CONTRADICTION,
                    f"{run[0].party}'s answer to {title}",
                    min(dates) if dates else None,
                    sides,
                )
            )
    return out


# ------------------------------------------------------------------ figures


def _side(figures: list[Figure], sources: Mapping[str, Source], show: Figure) -> DisputeSide:
    who = _joined(claimant(f, sources) for f in figures)
    return DisputeSide(
        claim=says(who, figure_phrase(show)), claimed_by=who, records=[f.id for f in figures]
    )


def _clusters(figures: list[Figure]) -> list[list[Figure]]:
    """Greedy groups of mutually compatible figures, lowest values first."""
    groups: list[list[Figure]] = []
    for f in sorted(figures, key=lambda f: (f.value, f.id)):
        for group in groups:
            if all(compatible(f, g) for g in group):
                group.append(f)
                break
        else:
            groups.append([f])
    return groups


def _figure_group_disputes(
    figures: list[Figure], topic: str, date: str | None, sources: Mapping[str, Source]
) -> list[Dispute]:
    """Disputes among figures already known to measure the same thing at the same time."""
    out: list[Dispute] = []
    bodies: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        bodies[name_key(f.counted_by) if f.counted_by else ""].append(f)
    # One representative figure per (body, compatible cluster) for comparing bodies.
    reps: list[tuple[str, list[Figure], Figure]] = []
    for body, figs in bodies.items():
        times = {f.id: as_of_time(f, sources) for f in figs}
        ordered = sorted(figs, key=lambda f: (times[f.id] is None, times[f.id] or 0, f.id))
        if all(compatible(a, b) for a in figs for b in figs):
            reps.append((body, figs, ordered[-1]))
            continue
        if all(times.values()) and _grows(ordered, times):
            sides = [_side([f], sources, f) for f in ordered]
            out.append(
                _dispute(DisputeKind.EVOLVING, f"{topic}: a figure that changed", date, sides)
            )
            reps.append((body, figs, ordered[-1]))
            continue
        clusters = _clusters(figs)
        sides = [_side(c, sources, c[-1]) for c in clusters]
        out.append(_dispute(DisputeKind.CONTRADICTION, topic, date, sides))
        if body:
            reps.append((body, figs, ordered[-1]))
        else:
            reps.extend((body, c, c[-1]) for c in clusters)
    clashing = sorted(
        (
            (body, figs, rep)
            for body, figs, rep in reps
            if any(body != other and not compatible(rep, o) for other, _, o in reps)
        ),
        key=lambda entry: (entry[2].value, entry[0]),
    )
    if clashing:
        named = all(body for body, _, _ in clashing)
        kind = DisputeKind.DEFINITION if named else DisputeKind.CONTRADICTION
        sides = [_side(figs, sources, rep) for _, figs, rep in clashing]
        label = f"{topic}: counting bodies differ" if named else topic
        out.append(_dispute(kind, label, date, sides))
    return out


def _grows(ordered: list[Figure], times: Mapping[str, Any]) -> bool:
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if times[a.id] == times[b.id] and not compatible(a, b):
                return False
            if not can_grow(a, b):
                return False
    return True


def _topic(figure: Figure, date: str | None) -> str:
    """ "killed (people in Gaza) in the strike on Jabalia, 2025-03-18"."""
    what = figure.metric.replace("_", " ")
    if figure.who:
        what += f" ({figure.who})"
    if figure.incident:
        what += f" in {figure.incident}"
    if figure.cumulative or figure.period == "total":
        what += ", running total"
    if not date:
        return what
    period = figure.period if figure.period not in (None, "day", "total") else None
    return f"{what}, {period} {date}" if period else f"{what}, {date}"


def figure_disputes(figures: list[Figure], sources: Mapping[str, Source]) -> list[Dispute]:
    """Incompatible figures that count the same thing (``subject``)."""
    groups: dict[tuple[Any, ...], list[Figure]] = defaultdict(list)
    for f in figures:
        key = subject(f)
        if key is not None:
            groups[key].append(f)
    out = []
    for key, group in groups.items():
        if len(group) < 2:
            continue
        if key[2] == "total":
            out += _running_total_disputes(group, sources)
        else:
            out += _figure_group_disputes(
                group, _topic(group[0], group[0].date), group[0].date, sources
            )
    return out


def _running_total_disputes(group: list[Figure], sources: Mapping[str, Source]) -> list[Dispute]:
    """One running total ("killed since the war began") reported many times.

    A named body's counts are its updates: one series in time order, never a
    dispute, however they move (``series_disputes``). Different bodies, and
    reports that name none, are compared day by day (``day_total_disputes``).
    """
    bodies: dict[str, list[Figure]] = defaultdict(list)
    days: dict[str, list[Figure]] = defaultdict(list)
    for f in group:
        if f.counted_by:
            bodies[name_key(f.counted_by)].append(f)
        days[str(counted_on(f))].append(f)
    out = [d for figs in bodies.values() for d in series_disputes(figs, sources)]
    for _, figs in sorted(days.items()):
        out += day_total_disputes(figs, sources)
    return out


def _by_time(figures: list[Figure], sources: Mapping[str, Source]) -> list[Figure]:
    """In the order of the day counted to, then the time of the count, then id."""
    times = {f.id: as_of_time(f, sources) or dt.datetime.min for f in figures}
    return sorted(figures, key=lambda f: (str(counted_on(f)), times[f.id], f.id))


def series_disputes(figures: list[Figure], sources: Mapping[str, Source]) -> list[Dispute]:
    """One body's counts of one running total: its updates, as one evolving series."""
    if len({(f.value, str(f.qualifier)) for f in figures}) < 2:
        return []
    ordered = _by_time(figures, sources)
    topic = f"{_topic(ordered[0], None)}: a running total updated"
    sides = [_side([f], sources, f) for f in ordered]
    return [_dispute(DisputeKind.EVOLVING, topic, ordered[0].date, sides)]


def day_total_disputes(figures: list[Figure], sources: Mapping[str, Source]) -> list[Dispute]:
    """Counts of one running total up to one day: each named body by its last count of
    the day, and every count that names no body, compared."""
    last: dict[str, Figure] = {}
    for f in _by_time([f for f in figures if f.counted_by], sources):
        last[name_key(str(f.counted_by))] = f
    unnamed = sorted((f for f in figures if not f.counted_by), key=lambda f: (f.date or "", f.id))
    compared = unnamed + [last[body] for body in sorted(last)]
    if len(compared) < 2:
        return []
    day = str(counted_on(compared[0]))
    return _figure_group_disputes(compared, _topic(compared[0], day), day, sources)


Counted = frozenset[tuple[str, str, float]]
"""(source, metric, value) of every Figure record: counts compared as figures."""


def counted(figures: list[Figure]) -> Counted:
    return frozenset((e.source, metric_key(f.metric), f.value) for f in figures for e in f.sources)


def _event_figures(event: Event, counted: Counted) -> list[Figure]:
    """An event's counts as figures, without those already compared as Figure records.

    An extracted event carries the numbers of its sentence, which extraction
    also gives as figures that know what they count ("9 killed in one strike",
    "49,000 in the war"); compared again here, without that scope, they would
    set different quantities against each other. Shares ("half") are no count.
    """
    values = [v for v in event.figures if str(v.qualifier) != "half"]
    if event.fatalities is not None:
        values.append(FigureValue(metric="killed", value=event.fatalities))
    return [
        Figure(
            id=event.id,
            date=event.date,
            claimed_by=event.claimed_by,
            sources=event.sources,
            metric=v.metric,
            value=v.value,
            qualifier=v.qualifier,
        )
        for v in values
        if not any((e.source, metric_key(v.metric), v.value) in counted for e in event.sources)
    ]


def merged_event_disputes(
    merged: list[MergedEvent], sources: Mapping[str, Source], counted: Counted = frozenset()
) -> list[Dispute]:
    """Within each merged happening: said to happen vs said not to; and clashing figures."""
    out = []
    for m in merged:
        if len(m.events) < 2:
            continue
        what = f"{m.type.lower()} by {', '.join(m.actors) or 'unnamed actors'}"
        if m.contested:
            sides = []
            for flag in (False, True):
                same = [e for e in m.events if denies(e) == flag]
                who = _joined(claimant(e, sources) for e in same)
                claims = [event_claim(claimant(e, sources), e) for e in same]
                sides.append(
                    DisputeSide(
                        claim=" / ".join(claims), claimed_by=who, records=[e.id for e in same]
                    )
                )
            out.append(
                _dispute(DisputeKind.OCCURRENCE, f"whether it happened: {what}", m.date, sides)
            )
        by_metric: dict[str, list[Figure]] = defaultdict(list)
        for e in m.events:
            if not denies(e):
                for f in _event_figures(e, counted):
                    by_metric[metric_key(f.metric)].append(f)
        for metric, figs in by_metric.items():
            if len(figs) > 1:
                topic = f"{metric} in {what}, {m.date}"
                out += _figure_group_disputes(figs, topic, m.date, sources)
    return out


# ------------------------------------------------------------------ all together


def _found(
    records: list[Record],
    by_id: dict[str, Source],
    tolerance_days: int,
    stance_window_days: int,
) -> list[Dispute]:
    """Every dispute found among the records that are not rejected."""
    live = [r for r in records if r.state != ReviewState.REJECTED]
    proposals = {r.id: r for r in live if isinstance(r, Proposal)}
    found = stance_disputes(
        [r for r in live if isinstance(r, Response)], proposals, by_id, stance_window_days
    )
    statements = [r for r in live if isinstance(r, Statement)]
    found += claim_disputes(statements, stance_window_days)
    figures = [r for r in live if isinstance(r, Figure)]
    found += figure_disputes(figures, by_id)
    events = [r for r in live if isinstance(r, Event)]
    merged = merge_events(events, by_id, tolerance_days)
    found += merged_event_disputes(merged, by_id, counted(figures))
    return found


def detect_disputes(
    records: list[Record],
    sources: list[Source] | Mapping[str, Source] | None = None,
    stored_disputes: list[Dispute] | None = None,
    tolerance_days: int = 1,
    stance_window_days: int = 3,
) -> list[Dispute]:
    """Every dispute: hand-written ones first as given, then those found in the records.

    Rejected records are ignored. A found dispute that shares a record with a
    hand-written one is left out (the hand-written one wins). Sorted by date.
    """
    found = _found(records, _sources_map(sources), tolerance_days, stance_window_days)
    return combine(list(stored_disputes or []), found)


def combine(stored: list[Dispute], found: list[Dispute]) -> list[Dispute]:
    """Hand-written disputes first as given, then the found ones that share no record with them.

    Found disputes with one id (one kind over the same records) are one
    dispute: the first in (id, topic) order is kept, whatever order they were
    found in, so a dossier reconciled unit by unit reads like one reconciled
    whole. Sorted by date.
    """
    taken = {r for d in stored for side in d.sides for r in side.records}
    stored_ids = {d.id for d in stored}
    kept: dict[str, Dispute] = {}
    for d in sorted(found, key=lambda d: (d.id, d.topic)):
        if d.id not in kept and d.id not in stored_ids and not (set(dispute_records(d)) & taken):
            kept[d.id] = d
    everything = stored + list(kept.values())
    return sorted(everything, key=lambda d: (d.date is None, d.date or "", d.id))


def _sources_map(sources: list[Source] | Mapping[str, Source] | None) -> dict[str, Source]:
    if sources is None:
        return {}
    if isinstance(sources, Mapping):
        return dict(sources)
    return {s.id: s for s in sources}


def dispute_records(dispute: Dispute) -> list[str]:
    """Ids of the records a dispute rests on, in side order."""
    return list(dict.fromkeys(r for side in dispute.sides for r in side.records))


def dispute_record_ids(
    disputes: list[Dispute], include_evolving: bool = False
) -> dict[str, list[str]]:
    """Record id → ids of the disputes it is part of (what the compliance engine asks).

    Evolving series are not contested evidence and are left out unless asked for.
    """
    out: dict[str, list[str]] = defaultdict(list)
    for d in disputes:
        if d.kind == DisputeKind.EVOLVING and not include_evolving:
            continue
        for record_id in dispute_records(d):
            if d.id not in out[record_id]:
                out[record_id].append(d.id)
    return dict(out)


def is_finding(dispute: Dispute) -> bool:
    """Contested accounts (everything but an evolving series)."""
    return dispute.kind != DisputeKind.EVOLVING


def voiced(side: DisputeSide, records: Mapping[str, Record], sources: Mapping[str, Source]) -> str:
    """A side's claim in someone's voice: kept if it already says who says it,
    else prefixed "X says: " with its ``claimed_by`` or its records' claimants."""
    claim = side.claim.strip()
    if (
        " says " in f" {claim} "
        or " say " in f" {claim} "
        or claim.lower().startswith("according to")
    ):
        return claim
    who = side.claimed_by or _joined(
        claimant(records[r], sources) for r in side.records if r in records
    )
    return f"{who or UNATTRIBUTED} says: {claim}"


def explain(
    dispute: Dispute,
    records: Mapping[str, Record],
    sources: Mapping[str, Source],
    origin: str = "detected",
) -> dict[str, Any]:
    """A dispute as JSON with each side's sources and dates resolved through its records."""
    sides = []
    for side in dispute.sides:
        recs = [records[r] for r in side.records if r in records]
        source_ids = list(dict.fromkeys(e.source for rec in recs for e in rec.sources))
        sides.append(
            {
                "claim": voiced(side, records, sources),
                "claimed_by": side.claimed_by,
                "records": side.records,
                "dates": sorted({rec.date for rec in recs if rec.date}),
                "sources": [
                    {
                        "id": s,
                        "outlet": sources[s].outlet if s in sources else None,
                        "published": sources[s].published if s in sources else None,
                        "url": sources[s].url if s in sources else None,
                    }
                    for s in source_ids
                ],
                "outlets": list(dict.fromkeys(o for rec in recs for o in outlets(rec, sources))),
            }
        )
    return {
        "id": dispute.id,
        "kind": dispute.kind,
        "topic": dispute.topic,
        "date": dispute.date,
        "origin": origin,
        "finding": is_finding(dispute),
        "notes": dispute.notes,
        "sides": sides,
    }
