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
overdue     past due with no record of the act, or of only part of it (truceline's
            addition: not a breach)
discharged  a conditional whose trigger never came within its window
terminated  a later version of the agreement dropped it (after it was done: fulfilled)
expired     its window ended with no breach, but some days assumed met, unreported,
            undecided or disputed (truceline's addition: the records cannot say it
            was fulfilled)
ended       the agreement lapsed or was terminated (or its bearer withdrew) before it
            was done or its window ended, with no breach recorded
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
    ended: bool = False,
) -> Lifecycle:
    """``waiting``: a conditional not yet triggered; ``done``: the kind's own completion test;
    ``ended``: the agreement's life ended before ``as_of`` (which is then its last day)."""
    window_over = end is not None and end <= as_of
    cut_short = ended and not window_over
    if not days:
        return "ended" if cut_short else ("discharged" if waiting and window_over else "created")
    if days[-1].status == "suspended" and not ended:
        return "suspended"
    if any(d.status == "breached" for d in days):
        return "violated"
    if done:
        return "fulfilled"
    if terminated:
        return "terminated"
    if cut_short:
        return "ended"
    if waiting:
        return "discharged" if window_over else "created"
    if days[-1].status in ("overdue", "partial"):  # partial: past due, not done in full
        return "overdue"
    if window_over:
        kept = all(d.status in ("met", "suspended") for d in days)
        return "fulfilled" if kept and any(d.status == "met" for d in days) else "expired"
    return "in_effect"
