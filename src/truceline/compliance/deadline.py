"""Deadlines: met from the day of the act; past due, overdue until a record decides.

Past the due day, a day is breached only from the first record that the act
did not happen (an event matching the act with ``occurred: false``) or a
``contrary`` record (a party's refusal, a statement that it will not comply),
and carries those records; until then it is overdue: no act recorded, which
is not a record of a breach.

A quantified deadline (``quantity``: withdraw from ten posts) is met once the
acts recorded add up to it; past due, a part recorded ("all but five posts")
makes the day ``partial``, with the records of the part and the part done as
its value: neither met nor breached, and never read from silence.
"""

from __future__ import annotations

import datetime as dt

from truceline.agreement.calendar import Calendar
from truceline.agreement.obligations import ASAP, DeadlineTerms
from truceline.compliance.context import Context, Result, ids
from truceline.compliance.index import ByDay, Record, value_of
from truceline.compliance.ledger import Day


def due_date(terms: DeadlineTerms, calendar: Calendar, trigger: dt.date | None) -> dt.date | None:
    """The due day, or None while unknown, and always for ``as soon as possible``."""
    return None if terms.due == ASAP else calendar.resolve(terms.due, trigger)


def evaluate(terms: DeadlineTerms, ctx: Context) -> Result:
    """A late act is met from its day on; the days between due and act stay as they were."""
    if terms.due == ASAP:
        return _as_soon_as_possible(terms, ctx)
    due = due_date(terms, ctx.calendar, ctx.trigger)
    acts = ctx.index.select(terms.act)
    progress = _progress(terms, acts, ctx.start)
    act_day, act_ids = _done(terms, acts, progress, ctx.start)
    refusals = _refusals(terms, ctx, due)
    out: list[Day] = []
    refused: tuple[str, ...] = ()
    part: Progress | None = None
    for day in ctx.days:
        while progress and progress[0][0] <= day:
            part = progress.pop(0)
        if act_day is not None and day >= act_day:
            late = due is not None and act_day > due
            note = f"{terms.what} recorded on {act_day}" + (f", after {due}" if late else "")
            out.append(Day(day, "met", act_ids, note=note))
        elif due is None or day <= due:
            note = f"due by {due}" if due else "due day not yet known"
            out.append(Day(day, "pending", note=note + _so_far(terms, part)))
        elif refused or day in refusals:
            refused = refused + ids(refusals.get(day, []))
            out.append(Day(day, "breached", refused, note=f"recorded as not done by {due}"))
        elif part is not None:
            note = f"{part[1]:g} of {terms.quantity:g} recorded by {part[0]}, due by {due}"
            out.append(Day(day, "partial", part[2], note=note, value=part[1], due=terms.quantity))
        else:
            out.append(Day(day, "overdue", note=f"no {terms.what} recorded by {due}"))
    shown = act_day is not None and bool(ctx.days) and act_day <= ctx.days[-1]
    return Result(out, due=due, done_on=act_day if shown else None)


def _as_soon_as_possible(terms: DeadlineTerms, ctx: Context) -> Result:
    """An act due with no date: pending until a record speaks.

    No day is past due by the clock, so silence never makes it overdue. A
    record that the act has not happened (``occurred: false``: "the crossing
    is still closed") makes it overdue from its day, with that record; a
    ``contrary`` record (a refusal) breaches it from its day; the act meets it.
    """
    acts = ctx.index.select(terms.act)
    act_day = min((d for d in acts if d >= ctx.start), default=None)
    late = {d: rs for d, rs in ctx.index.denials(terms.act).items() if d >= ctx.start}
    refusals = ctx.index.select(terms.contrary) if terms.contrary is not None else {}
    out: list[Day] = []
    delayed: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()
    for day in ctx.days:
        delayed += ids(late.get(day, []))
        refused += ids(refusals.get(day, [])) if day >= ctx.start else ()
        if act_day is not None and day >= act_day:
            note = f"{terms.what} recorded on {act_day}"
            out.append(Day(day, "met", ids(acts[act_day]), note=note))
        elif refused:
            out.append(Day(day, "breached", refused, note="recorded as refused"))
        elif delayed:
            out.append(Day(day, "overdue", delayed, note=f"recorded as not yet done ({ASAP})"))
        else:
            out.append(Day(day, "pending", note=f"due {ASAP}; no date"))
    shown = act_day is not None and bool(ctx.days) and act_day <= ctx.days[-1]
    return Result(out, done_on=act_day if shown else None)


Progress = tuple[dt.date, float, tuple[str, ...]]  # a day, the part done by then, its records


def _progress(terms: DeadlineTerms, acts: ByDay, start: dt.date) -> list[Progress]:
    """A quantified act's part done, on each day a record counts some of it.

    A flow adds the acts up (posts vacated one by one); a stock's latest count
    is all that is done (posts vacated so far), the lowest where one day's
    counts differ. Unquantified deadlines have no parts.
    """
    if terms.quantity is None:
        return []
    names = [terms.metric] if isinstance(terms.metric, str) else terms.metric or []
    out: list[Progress] = []
    done = 0.0
    records: tuple[str, ...] = ()
    for day in sorted(d for d in acts if d >= start):
        counts = [_count(r, names) for r in acts[day]]
        records = ids(acts[day]) if terms.measure == "stock" else records + ids(acts[day])
        done = min(counts) if terms.measure == "stock" else done + sum(counts)
        out.append((day, done, records))
    return out


def _count(record: Record, names: list[str]) -> float:
    """A record's part of the act: the sum of the metrics it gives, else 1."""
    if not names:
        return 1.0
    return sum(found[0] for name in names if (found := value_of(record, name)) is not None)


def _done(
    terms: DeadlineTerms, acts: ByDay, progress: list[Progress], start: dt.date
) -> tuple[dt.date | None, tuple[str, ...]]:
    """The day the act is recorded whole, and the records that show it."""
    if terms.quantity is None:
        day = min((d for d in acts if d >= start), default=None)
        return day, ids(acts[day]) if day is not None else ()
    whole = next((p for p in progress if p[1] >= terms.quantity), None)
    return (whole[0], whole[2]) if whole else (None, ())


def _so_far(terms: DeadlineTerms, part: Progress | None) -> str:
    return f"; {part[1]:g} of {terms.quantity:g} so far" if part and terms.quantity else ""


def _refusals(terms: DeadlineTerms, ctx: Context, due: dt.date | None) -> ByDay:
    """Records deciding that the act was not done, by the first past-due day they decide.

    A refusal (``contrary``) made before the due day decides the day after it, even
    one made before a conditional's trigger (while the agreement is in force, a
    party saying it will not do the act is a refusal of this act); a record that
    the act did not happen decides from its own day, if past due.
    """
    if due is None:
        return {}
    after = due + dt.timedelta(days=1)
    found: ByDay = {}
    if terms.contrary is not None:
        for day, records in ctx.index.select(terms.contrary).items():
            if day >= ctx.calendar.day_one:
                found.setdefault(max(day, after), []).extend(records)
    for day, records in ctx.index.denials(terms.act).items():
        if day >= after:
            found.setdefault(day, []).extend(records)
    return found
