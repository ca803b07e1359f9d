"""The compliance engine: agreements × records → a ledger, as of one date.

``evaluate`` is a pure function over plain objects: it reads no database and
no clock beyond the default as-of date. It indexes the records once, then for
each obligation of each version of each agreement works out the window,
evaluates the kind, applies disputes, contrary records and suspensions, and
stitches versions together: an amendment governs from its in-force date on,
while the amended version's full evaluation is kept under ``versions``.

Only the versions agreed and published by the as-of date are read
(``agreed``); no obligation is evaluated past the agreement's life (``life``:
a lapse, a termination, a bearer's withdrawal); an obligation whose clause has
other readings gets one row per reading (``id@reading``), none picked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from truceline.agreement.bearers import bearers, bound, label
from truceline.agreement.calendar import Calendar, CalendarError
from truceline.agreement.chains import chains, day_one
from truceline.agreement.days import OPEN
from truceline.agreement.model import Agreement, Phase
from truceline.agreement.obligations import AnyTerms, Conditional
from truceline.agreement.patches import PatchError, held
from truceline.agreement.readings import under
from truceline.compliance import deadline, prohibition, quota, schedule
from truceline.compliance.agreed import Published, known_by, published
from truceline.compliance.claims import attach_claims
from truceline.compliance.context import Context, Disputed, Result, ids
from truceline.compliance.index import RecordIndex
from truceline.compliance.ledger import Day, Ledger, ObligationLedger, Version
from truceline.compliance.life import Life, life, mark
from truceline.compliance.life import readings as life_readings
from truceline.compliance.lifecycle import lifecycle
from truceline.dates import first_day
from truceline.errors import TrucelineError

_KINDS: dict[str, Any] = {
    "quota": quota.evaluate,
    "deadline": deadline.evaluate,
    "prohibition": prohibition.evaluate,
    "schedule": schedule.evaluate,
}
ONE_DAY = dt.timedelta(days=1)


def evaluate(
    agreements: Iterable[Agreement],
    records: Iterable[Any],
    sources: Iterable[Any] = (),
    disputes: Iterable[Any] = (),
    as_of: dt.date | None = None,
) -> Ledger:
    """Evaluate every obligation of every agreement (amendments included) as of ``as_of``.

    Only accepted records known by ``as_of`` count (see ``RecordIndex``);
    ``as_of`` defaults to today.
    """
    as_of = as_of or dt.date.today()
    sources = list(sources)
    index = RecordIndex(records, sources, disputes, as_of)
    dates = published(sources)
    ledger = Ledger(as_of, [])
    for chain in chains(known_by(agreements, dates, as_of)):
        rows, lives = _evaluate_chain(chain, index, dates, as_of)
        ledger.obligations += rows
        ledger.lives += lives
    return ledger


@dataclass
class _Step:
    """One version of an agreement and the days it governs."""

    agreement: Agreement
    calendar: Calendar
    start: dt.date | None
    until: dt.date | None
    obligations: list[Any]  # those in force under this version (a patch carries the rest over)


def _evaluate_chain(
    chain: list[Agreement], index: RecordIndex, dates: Published, as_of: dt.date
) -> tuple[list[ObligationLedger], list[Life]]:
    """Every obligation under the agreement's life as written, then again under each
    other reading of a change in its life (rows ``ID@READING``): none is picked."""
    steps = _steps(chain, index)
    lives = [
        life(chain, steps[0].calendar, index, dates, as_of, reading)
        for reading in (None, *life_readings(chain))
    ]
    rows = []
    for alive in lives:
        rows += _rows(steps, index, as_of, alive)
    return rows, lives


def _rows(
    steps: list[_Step], index: RecordIndex, as_of: dt.date, alive: Life
) -> list[ObligationLedger]:
    order = list(dict.fromkeys(o.id for s in steps for o in s.obligations))
    rows = [
        _stitch(oid, reading, steps, index, as_of, alive)
        for oid in order
        for reading in (None, *_readings(oid, steps))
    ]
    if alive.reading is not None:
        for row in rows:
            row.id = f"{row.id}@{alive.reading}"
            row.reading = "@".join(filter(None, (row.reading, alive.reading)))
    return rows


def _readings(oid: str, steps: list[_Step]) -> list[str]:
    """Ids of the other readings any version gives of an obligation's clause."""
    found = (r.id for s in steps for o in s.obligations if o.id == oid for r in o.readings)
    return list(dict.fromkeys(found))


def _steps(chain: list[Agreement], index: RecordIndex) -> list[_Step]:
    root = chain[0]
    root_day_one = day_one(root)
    steps: list[_Step] = []
    phases: list[Phase] = root.phases
    for i, a in enumerate(chain):
        phases = a.phases or phases
        calendar = Calendar(
            a,
            day_one=day_one(a, root),
            phases=phases,
            phase_starts=_phase_starts(phases, index, root_day_one),
        )
        steps.append(_Step(a, calendar, first_day(a.in_force) if i else None, None, []))
    for step, following in zip(steps, steps[1:], strict=False):
        step.until = following.start - ONE_DAY if following.start else None
    try:
        for step, obligations in zip(steps, held(chain), strict=True):
            step.obligations = obligations
    except PatchError as exc:
        raise TrucelineError(str(exc)) from exc
    return steps


def _stitch(
    oid: str, reading: str | None, steps: list[_Step], index: RecordIndex, as_of: dt.date,
    alive: Life,
) -> ObligationLedger:  # fmt: skip
    """One obligation (under one reading) across the versions, until its bearers' end."""
    versions: list[tuple[_Step, Any, ObligationLedger]] = []
    last = None
    for step in steps:
        obligation = next((o for o in step.obligations if o.id == oid), None)
        if obligation is not None:
            read = _read(obligation, reading)
            last = alive.last_for(bound(read))
            until = min(as_of, last) if last else as_of
            versions.append((step, obligation, _evaluate_one(read, step, index, until)))
    days = [
        d
        for step, _, ev in versions
        for d in ev.days
        if (step.start is None or d.day >= step.start)
        and (step.until is None or d.day <= step.until)
    ]
    mark(days, alive, bound(read))
    today = min(as_of, last) if last else as_of
    current = [s for s in steps if s.start is None or s.start <= today][-1]
    head = versions[-1][2]
    head.days = days
    head.ended = last if last and last < as_of else None
    head.lifecycle = lifecycle(
        days, end=head.end, as_of=today,
        terminated=all(o.id != oid for o in current.obligations),
        waiting=head.kind.startswith("conditional") and head.trigger is None,
        done=_done(head, days), ended=head.ended is not None,
    )  # fmt: skip
    head.versions = _versions(versions)
    if reading is not None:
        _label(head, versions[-1][1], reading)
    return head


def _read(obligation: Any, reading: str | None) -> Any:
    """The obligation under a reading of its clause (as written when this version has none)."""
    found = next((r for r in obligation.readings if r.id == reading), None)
    return under(obligation, found) if found else obligation


def _label(row: ObligationLedger, obligation: Any, reading: str) -> None:
    """A reading's row: its own id, and the clause as that reading has it, with its sources."""
    found = next((r for r in obligation.readings if r.id == reading), None)
    row.id, row.reading = f"{row.id}@{reading}", reading
    if found is not None:
        row.clause_text, row.clause_sources = found.text, tuple(found.sources)


def _versions(versions: list[tuple[_Step, Any, ObligationLedger]]) -> list[Version]:
    """Each text of the obligation with the days it governed (a carried-over text is one)."""
    out: list[Version] = []
    previous = None
    for step, obligation, ev in versions:
        if obligation is previous:
            out[-1].governs_until = step.until
            continue
        previous = obligation
        a = step.agreement
        out.append(Version(a.id, a.version, step.start, step.until, ev.days, ev.due, ev.due_day))
    return out if len(out) > 1 else []


def _done(o: ObligationLedger, days: list[Day]) -> bool:
    """A deadline is done once its act is recorded; a schedule once its last count is due and met."""
    if not days or days[-1].status != "met":
        return False
    return o.what is not None or (o.due is not None and days[-1].day >= o.due)


def _evaluate_one(
    obligation: Any, step: _Step, index: RecordIndex, as_of: dt.date
) -> ObligationLedger:
    agreement, calendar = step.agreement, step.calendar
    terms: AnyTerms = obligation.then if isinstance(obligation, Conditional) else obligation
    disputed = index.disputes_for(_about(obligation, terms))
    try:
        start, end = window(obligation, calendar, None)
        trigger = None
        if isinstance(obligation, Conditional):
            trigger, result = _conditional(obligation, calendar, index, disputed, as_of, start, end)
        else:
            result = _run(obligation, calendar, index, disputed, as_of, start, end, None)
    except CalendarError as exc:
        raise TrucelineError(
            f"agreement {agreement.id}: obligation {obligation.id}: {exc}"
        ) from exc
    due = result.due or _planned_due(obligation, terms, calendar, trigger)
    days = _finish(result.days, obligation, terms, index, disputed)
    attach_claims(days, obligation, index.justified)
    _suspend(days, obligation.id, agreement, calendar)
    for d in days:
        d.agreement = agreement.id
    return ObligationLedger(
        id=obligation.id,
        agreement=agreement.id,
        party=label(obligation),
        parties=bearers(obligation),
        through=obligation.through,
        clause_sources=tuple(obligation.clause.sources),
        kind=obligation.kind if terms is obligation else f"conditional {terms.kind}",
        clause_ref=obligation.clause.ref,
        clause_text=obligation.clause.text,
        clause_note=obligation.clause.note,
        start=start,
        end=end,
        days=days,
        lifecycle="created",
        due=due,
        due_day=calendar.number(due) if due else None,
        what=getattr(terms, "what", None),
        trigger=trigger,
        done_on=result.done_on,
        series=result.series,
    )


def window(
    terms: AnyTerms, calendar: Calendar, trigger: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of an obligation's window (None while not known)."""
    phase_start, phase_end = calendar.span(terms.phase) if terms.phase else (None, None)
    if terms.start:
        start = calendar.resolve(terms.start, trigger)
    else:
        start = phase_start if terms.phase else (trigger or calendar.day_one)
    if trigger and start and start < trigger:
        start = trigger
    end = (
        calendar.last(terms.end, trigger)
        if terms.end
        else (phase_end if terms.phase else calendar.end)
    )
    due = deadline.due_date(terms, calendar, trigger) if terms.kind == "deadline" else None
    if due and terms.end != OPEN and (end is None or end <= due):
        end = due + ONE_DAY
    return start, end


def _days(start: dt.date | None, end: dt.date | None, as_of: dt.date) -> list[dt.date]:
    if start is None:
        return []
    last = min(end, as_of) if end else as_of
    return [start + dt.timedelta(days=i) for i in range((last - start).days + 1)]


def _run(
    terms: AnyTerms,
    calendar: Calendar,
    index: RecordIndex,
    disputed: Disputed,
    as_of: dt.date,
    start: dt.date | None,
    end: dt.date | None,
    trigger: dt.date | None,
) -> Result:
    if start is None:
        return Result([])
    ctx = Context(index, calendar, start, end, _days(start, end, as_of), trigger, disputed)
    return _KINDS[terms.kind](terms, ctx)  # type: ignore[no-any-return]


def _conditional(
    obligation: Conditional,
    calendar: Calendar,
    index: RecordIndex,
    disputed: Disputed,
    as_of: dt.date,
    start: dt.date | None,
    end: dt.date | None,
) -> tuple[dt.date | None, Result]:
    """Pending until the trigger; from the trigger on, the terms under ``then``."""
    trigger = _trigger(obligation, calendar, index, start, end)
    if trigger is None or trigger > as_of:
        waiting = [Day(d, "pending", note="trigger not recorded") for d in _days(start, end, as_of)]
        return None, Result(waiting)
    inner_start, inner_end = window(obligation.then, calendar, trigger)
    result = _run(
        obligation.then, calendar, index, disputed, as_of, inner_start, inner_end, trigger
    )
    before = [
        Day(d, "pending", note="before the trigger") for d in _days(start, trigger - ONE_DAY, as_of)
    ]
    result.days = before + result.days
    return trigger, result


def _trigger(
    obligation: Conditional,
    calendar: Calendar,
    index: RecordIndex,
    start: dt.date | None,
    end: dt.date | None,
) -> dt.date | None:
    if obligation.trigger.day is not None:
        return calendar.resolve(obligation.trigger.day)
    assert obligation.trigger.when is not None
    return index.first(obligation.trigger.when, start, end)


def _about(obligation: Any, terms: AnyTerms) -> set[str]:
    """What a scoped dispute may name to contest this obligation: its id and its metrics."""
    keys = {obligation.id}
    for t in (obligation, terms):
        for value in (
            getattr(t, "metric", None),
            getattr(getattr(t, "match", None), "metric", None),
        ):
            keys.update([value] if isinstance(value, str) else value or ())
    return keys


def _finish(
    days: list[Day], obligation: Any, terms: AnyTerms, index: RecordIndex, disputed: Disputed
) -> list[Day]:
    """Days a contrary record falls on, or whose every deciding record is disputed, are disputed.

    A record no dispute contests still decides its day: a dispute over who fired
    one shot leaves another strike the same day a breach.
    """
    contrary: dict[dt.date, list[Any]] = {}
    for t in {id(obligation): obligation, id(terms): terms}.values():
        if t.contrary is not None:
            for day, records in index.select(t.contrary).items():
                contrary.setdefault(day, []).extend(records)
    held = disputed.keys()
    for d in days:
        if not d.evidence or d.status in ("pending", "suspended"):
            continue
        contested = not held.isdisjoint(d.evidence) and all(r in disputed for r in d.evidence)
        if not contested and d.day not in contrary:
            continue
        against = set(ids(contrary.get(d.day, [])))
        if contested:
            against.update(p for rid in d.evidence for p in disputed[rid])
        against -= set(d.evidence)
        if against:
            d.status = "disputed"
            d.against = tuple(sorted(set(d.against) | against))
    return days


def _suspend(days: list[Day], oid: str, agreement: Agreement, calendar: Calendar) -> None:
    for suspension in agreement.suspensions:
        if suspension.obligations and oid not in suspension.obligations:
            continue
        first = calendar.resolve(suspension.start)
        last = calendar.resolve(suspension.end) if suspension.end else None
        for d in days:
            if first and d.day >= first and (last is None or d.day <= last):
                d.status = "suspended"
                d.note = f"suspended: {suspension.reason}"


def _planned_due(
    obligation: Any, terms: AnyTerms, calendar: Calendar, trigger: dt.date | None
) -> dt.date | None:
    """A deadline's due day, or a schedule's last instalment day, known ahead where possible.

    A conditional triggered on a fixed day has a due day before the trigger comes.
    """
    if trigger is None and isinstance(obligation, Conditional) and obligation.trigger.day:
        trigger = calendar.resolve(obligation.trigger.day)
    if terms.kind == "deadline":
        return deadline.due_date(terms, calendar, trigger)
    dues = [calendar.resolve(i.due, trigger) for i in getattr(terms, "instalments", ())]
    known = [d for d in dues if d]
    return max(known) if known else None


def _phase_starts(phases: list[Phase], index: RecordIndex, day_one: dt.date) -> dict[str, dt.date]:
    """Phases that start on a record: the first matching record on or after day 1."""
    out = {}
    for phase in phases:
        if phase.start.when is not None:
            found = index.first(phase.start.when, day_one)
            if found is not None:
                out[phase.id] = found
    return out
