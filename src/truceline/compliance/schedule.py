"""Schedules: cumulative count due against cumulative count done, day by day.

Counts are carried as a range (lowest, highest) so that conflicting accounts
never get silently merged: records on one day that a Dispute sets against each
other contribute their lowest and highest value, and so do different counts of
the same day by the same body (figures are counts, so equal figures count
once). Events are happenings and add up. A day is met when even the lowest
count done reaches the highest count due, breached when even the highest count
done falls short of the lowest due on a day with a count (overdue on a day
without one: later acts may have gone unreported), and disputed in between or
when its own records are disputed. A stock (``measure: stock``: troops
deployed) is a level, not a sum: each day reads its own count, or one still
holding (``until``), and a met count is never carried to days nobody counted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from truceline.agreement.obligations import Metrics, ScheduleTerms
from truceline.compliance.context import Context, Disputed, Result, ids
from truceline.compliance.index import ByDay, Record, value_of
from truceline.compliance.ledger import Day, Status

Range = tuple[float, float]


def evaluate(terms: ScheduleTerms, ctx: Context) -> Result:
    """Cumulative due vs done on every window day."""
    due_by_day = _due(terms, ctx)
    if terms.measure == "stock":
        return _stock(terms, ctx, due_by_day)
    done = _daily(ctx.index.select(terms.match), ctx.disputed, terms.metric, ctx.start)
    out: list[Day] = []
    done_lo = done_hi = due_lo = due_hi = 0.0
    last: tuple[str, ...] = ()
    for day in ctx.days:
        lo, hi, records, conflict = done.get(day, (0.0, 0.0, [], False))
        done_lo, done_hi = done_lo + lo, done_hi + hi
        step = due_by_day.get(day, (0.0, 0.0))
        due_lo, due_hi = due_lo + step[0], due_hi + step[1]
        last = ids(records) or last
        out.append(
            _status(day, (done_lo, done_hi), (due_lo, due_hi), bool(records), conflict, last)
        )
    return Result(out)


def _stock(terms: ScheduleTerms, ctx: Context, due_by_day: dict[dt.date, Range]) -> Result:
    """A level (troops deployed, posts held): done is the latest count, never a sum of counts.

    A count speaks of its own day, and of the days it holds on (``until``); a
    level can fall, so a met count is not carried to days no record speaks of.
    """
    index, disputed = ctx.index, ctx.disputed
    held = _daily(index.held(terms.match), disputed, terms.metric, ctx.start, level=True)
    own = _daily(index.select(terms.match), disputed, terms.metric, ctx.start, level=True)
    levels = {**held, **own}
    out: list[Day] = []
    due_lo = due_hi = 0.0
    last: tuple[dt.date, Range] | None = None
    for day in ctx.days:
        step = due_by_day.get(day, (0.0, 0.0))
        due_lo, due_hi = due_lo + step[0], due_hi + step[1]
        if day in levels:
            lo, hi, records, conflict = levels[day]
            last = (day, (lo, hi))
            out.append(_status(day, (lo, hi), (due_lo, due_hi), True, conflict, ids(records)))
        else:
            out.append(_unknown_level(day, last, (due_lo, due_hi)))
    return Result(out)


def _unknown_level(day: dt.date, last: tuple[dt.date, Range] | None, due: Range) -> Day:
    """A day no count of a level speaks of: overdue while the last count fell short."""
    if due[1] == 0:
        return Day(day, "pending", note="nothing due yet")
    if last is None:
        return Day(day, "overdue", note=f"no count recorded; {_show(due)} due", due=due[0])
    when, level = last
    note = f"no count since {when} ({_show(level)} of {_show(due)} due)"
    status: Status = "overdue" if level[0] < due[1] else "unreported"
    return Day(day, status, note=note, due=due[0])


def _status(
    day: dt.date, done: Range, due: Range, counted: bool, conflict: bool, last: tuple[str, ...]
) -> Day:
    """``last``: the records of the latest day with a count, which the running total rests on.

    A count done stays done, so a met total carries forward; a shortfall is
    breached only on a day with a count, since later acts may go unreported.
    """
    note = f"done {_show(done)} of {_show(due)} due"
    if due[1] == 0:
        status = "pending"
    elif conflict or (done[0] < due[1] and done[1] >= due[0]):
        status = "disputed"
    elif done[0] >= due[1]:
        status = "met"
    elif counted:
        status = "breached"
    else:
        status = "overdue"
        note += ": no count recorded" + (" since the last" if last else "")
    evidence = last if status != "overdue" else ()
    return Day(day, status, evidence, note=note, value=done[0], due=due[0])  # type: ignore[arg-type]


def _show(value: Range) -> str:
    return f"{value[0]:g}" if value[0] == value[1] else f"{value[0]:g}–{value[1]:g}"


def _due(terms: ScheduleTerms, ctx: Context) -> dict[dt.date, Range]:
    """What falls due on each day: instalments, or the ratio times another series."""
    out: dict[dt.date, Range] = defaultdict(lambda: (0.0, 0.0))
    if terms.per is not None:
        lag = dt.timedelta(days=terms.per.lag_days)
        for counted, (lo, hi, _, _) in _daily(
            ctx.index.select(terms.per.match), ctx.disputed, terms.per.metric, ctx.start
        ).items():
            day = counted + lag
            old = out[day]
            out[day] = (old[0] + lo * terms.per.ratio, old[1] + hi * terms.per.ratio)
        return out
    for instalment in terms.instalments:
        when = ctx.calendar.resolve(instalment.due, ctx.trigger)
        if when is not None:
            old = out[max(when, ctx.start)]
            out[max(when, ctx.start)] = (old[0] + instalment.count, old[1] + instalment.count)
    return out


def _daily(
    found: ByDay, disputed: Disputed, metric: Metrics, start: dt.date, level: bool = False
) -> dict[dt.date, tuple[float, float, list[Record], bool]]:
    """Per day: the (lowest, highest) count, the records, and whether they conflict.

    ``level``: the records count a level, so one day's records are accounts of
    the same count, events included.
    """
    count = _counter(metric)
    out = {}
    for day, records in found.items():
        if day < start:
            continue
        counted = [(r, v) for r in records if (v := count(r)) is not None]
        if counted:
            out[day] = _day_range(disputed, counted, level)
    return out


def _counter(metric: Metrics) -> Callable[[Record], float | None]:
    """A record's count: the sum of the metrics it gives, or 1 when no metric is named.

    A figure that totals a longer period than a day does not count.
    """
    if metric is None:
        return lambda record: 1.0
    names = [metric] if isinstance(metric, str) else metric

    def count(record: Record) -> float | None:
        if record.kind == "figure" and record.period not in (None, "day"):
            return None
        values = [found[0] for name in names if (found := value_of(record, name)) is not None]
        return sum(values) if values else None

    return count


def _day_range(
    disputed: Disputed, counted: list[tuple[Record, float]], level: bool
) -> tuple[float, float, list[Record], bool]:
    """Group one day's records into accounts of the same thing; sum the groups."""
    groups: dict[object, list[tuple[Record, float]]] = defaultdict(list)
    day_ids = {r.id for r, _ in counted}
    for record, value in counted:
        partners = [p for p in disputed.get(record.id, ()) if p in day_ids]
        if partners:
            key: object = ("dispute", min([record.id, *partners]))
        elif record.kind == "figure" or level:
            key = ("count",)  # figures of one day (or counts of a level) are one count
        else:
            key = ("happening", record.id)
        groups[key].append((record, value))
    lo = hi = 0.0
    conflict = False
    for key, members in groups.items():
        values = [v for _, v in members]
        lo, hi = lo + min(values), hi + max(values)
        conflict = conflict or key[0] == "dispute" or len(set(values)) > 1  # type: ignore[index]
    return lo, hi, [r for r, _ in counted], conflict
