"""Deadlines: met from the day of the act; past due, overdue until a record decides.

Past the due day, a day is breached only from the first record that the act
did not happen (an event matching the act with ``occurred: false``) or a
``contrary`` record (a party's refusal, a statement that it will not comply),
and carries those records; until then it is overdue: no act recorded, which
is not a record of a breach.
"""

from __future__ import annotations

import datetime as dt

from truceline.agreement.obligations import DeadlineTerms
from truceline.compliance.context import Context, Result, ids
from truceline.compliance.index import ByDay
from truceline.compliance.ledger import Day


def evaluate(terms: DeadlineTerms, ctx: Context) -> Result:
    """A late act is met from its day on; the days between due and act stay as they were."""
    due = ctx.calendar.resolve(terms.due, ctx.trigger)
    acts = ctx.index.select(terms.act)
    act_day = min((d for d in acts if d >= ctx.start), default=None)
    refusals = _refusals(terms, ctx, due)
    out: list[Day] = []
    refused: tuple[str, ...] = ()
    for day in ctx.days:
        if act_day is not None and day >= act_day:
            late = due is not None and act_day > due
            note = f"{terms.what} recorded on {act_day}" + (f", after {due}" if late else "")
            out.append(Day(day, "met", ids(acts[act_day]), note=note))
        elif due is None or day <= due:
            out.append(
                Day(day, "pending", note=f"due by {due}" if due else "due day not yet known")
            )
        elif refused or day in refusals:
            refused = refused + ids(refusals.get(day, []))
            out.append(Day(day, "breached", refused, note=f"recorded as not done by {due}"))
        else:
            out.append(Day(day, "overdue", note=f"no {terms.what} recorded by {due}"))
    shown = act_day is not None and bool(ctx.days) and act_day <= ctx.days[-1]
    return Result(out, due=due, done_on=act_day if shown else None)


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
