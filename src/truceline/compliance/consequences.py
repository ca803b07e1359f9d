"""What accepting records would decide: two ledgers compared, day by day.

The review queue asks, before a person accepts a candidate, which obligation-days
the record would settle: "humanitarian aid, 20 Jan: unreported → met". The answer
is never guessed from the record's fields; the caller evaluates the ledger twice
with the real engine (without the records, then with them accepted) and this
module names the days whose status moved. Consecutive days that moved the same
way are one range, so a deadline met on day 9 reads as one line, not forty.

A day only one ledger evaluates (an accepted trigger opens a window; an accepted
termination closes one) is compared with ``None`` on the other side: the day was
not evaluated there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

from truceline.compliance.ledger import Day, Ledger, ObligationLedger, Status

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A run of consecutive days of one obligation whose status moves the same way."""

    obligation: str
    clause: str  # the clause's reference, how a reader knows the obligation
    party: str
    first: dt.date
    last: dt.date
    before: Status | None  # None: the day was not evaluated before
    after: Status | None  # None: the day is no longer evaluated

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class Consequences:
    """What a ledger would gain from accepting some records."""

    changes: tuple[StatusChange, ...] = ()
    cited: int = field(default=0)  # days whose status stays, but that the records would back

    @property
    def decides_nothing(self) -> bool:
        """No day's status would change (the records may still back days already decided)."""
        return not self.changes

    @property
    def days(self) -> int:
        return sum(c.days for c in self.changes)


def compare(before: Ledger, after: Ledger, records: Collection[str]) -> Consequences:
    """The days whose status differs between two ledgers of the same agreements.

    ``records`` are the ids of the records accepted in ``after``: a day whose status
    stays but whose evidence now includes one of them counts in ``cited``.
    """
    earlier = {o.id: o for o in before.obligations}
    changes: list[StatusChange] = []
    cited = 0
    for row in after.obligations:
        old = earlier.pop(row.id, None)
        old_days = {d.day: d for d in old.days} if old else {}
        moved: list[tuple[dt.date, Status | None, Status | None]] = []
        for d in row.days:
            was = old_days.pop(d.day, None)
            if was is None or was.status != d.status:
                moved.append((d.day, was.status if was else None, d.status))
            elif _backs(d, records):
                cited += 1
        moved += [(day, d.status, None) for day, d in old_days.items()]
        changes += _runs(row, sorted(moved, key=lambda m: m[0]))
    for gone in earlier.values():  # an obligation no longer evaluated at all
        changes += _runs(gone, [(d.day, d.status, None) for d in gone.days])
    return Consequences(tuple(changes), cited)


def _backs(day: Day, records: Collection[str]) -> bool:
    return any(r in records for r in day.evidence) or any(r in records for r in day.against)


def _runs(
    row: ObligationLedger, moved: list[tuple[dt.date, Status | None, Status | None]]
) -> list[StatusChange]:
    """Consecutive days with the same before → after, as ranges."""
    out: list[StatusChange] = []
    for day, was, now in moved:
        last = out[-1] if out else None
        if last and last.before == was and last.after == now and last.last + ONE_DAY == day:
            out[-1] = StatusChange(row.id, row.clause_ref, row.party, last.first, day, was, now)
        else:
            out.append(StatusChange(row.id, row.clause_ref, row.party, day, day, was, now))
    return out
