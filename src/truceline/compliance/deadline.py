"""Deadlines: met from the day of the act, breached from the day after the due day without it."""

from __future__ import annotations

from truceline.agreement.obligations import DeadlineTerms
from truceline.compliance.context import Context, Result, ids
from truceline.compliance.ledger import Day


def evaluate(terms: DeadlineTerms, ctx: Context) -> Result:
    """A late act is met from its day on; the days between due and act stay breached."""
    due = ctx.calendar.resolve(terms.due, ctx.trigger)
    acts = ctx.index.select(terms.act)
    act_day = min((d for d in acts if d >= ctx.start), default=None)
    out: list[Day] = []
    for day in ctx.days:
        if act_day is not None and day >= act_day:
            late = due is not None and act_day > due
            note = f"{terms.what} recorded on {act_day}" + (f", after {due}" if late else "")
            out.append(Day(day, "met", ids(acts[act_day]), note=note))
        elif due is None or day <= due:
            out.append(
                Day(day, "pending", note=f"due by {due}" if due else "due day not yet known")
            )
        else:
            out.append(Day(day, "breached", note=f"no {terms.what} recorded by {due}"))
    return Result(out, due=due)
