"""An obligation's state as a whole, in the spirit of Symboleo's obligation lifecycle.

Every word follows the records: "fulfilled" and "violated" need days that a
record decides, so days assumed met or unreported never make an obligation
fulfilled.

created     not yet in effect (window not open, or a conditional awaiting its trigger)
in_effect   running, nothing breached so far
suspended   suspended by the agreement on the as-of day
fulfilled   done (a deadline's act, a completed schedule, both recorded) or its window
            ended with every day met on a record
violated    some day was breached, on a record
overdue     past due with no record of the act (truceline's addition: not a breach)
discharged  a conditional whose trigger never came within its window
terminated  a later version of the agreement dropped it
expired     its window ended with no breach, but some days assumed met, unreported,
            undecided or disputed (truceline's addition: the records cannot say it
            was fulfilled)
"""

from __future__ import annotations

import datetime as dt

from truceline.compliance.ledger import Day, Lifecycle


def lifecycle(
    days: list[Day],
    *,
    end: dt.date | None,
    as_of: dt.date,
    terminated: bool = False,
    waiting: bool = False,
    done: bool = False,
) -> Lifecycle:
    """``waiting``: a conditional not yet triggered; ``done``: the kind's own completion test."""
    window_over = end is not None and end <= as_of
    if not days:
        return "discharged" if waiting and window_over else "created"
    if days[-1].status == "suspended":
        return "suspended"
    if any(d.status == "breached" for d in days):
        return "violated"
    if terminated:
        return "terminated"
    if done:
        return "fulfilled"
    if waiting:
        return "discharged" if window_over else "created"
    if days[-1].status == "overdue":
        return "overdue"
    if window_over:
        kept = all(d.status in ("met", "suspended") for d in days)
        return "fulfilled" if kept and any(d.status == "met" for d in days) else "expired"
    return "in_effect"
