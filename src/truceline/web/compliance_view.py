"""Compliance, deadline and phase views built from ``truceline.compliance``'s ledger.

The ledger is computed once per version of the dossier and as-of date, then
sliced for the page: a window of days (or weeks) × obligations, so that no page
renders every day of every obligation at once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from truceline import dates
from truceline.agreement import Calendar, CalendarError
from truceline.errors import DateError

# Worst first: the status a week shows when its days differ. A week with one
# unreported day is not shown as met: silence is shown as silence.
SEVERITY = (
    "breached", "disputed", "overdue", "partial", "undecided", "unreported", "assumed_met",
    "pending", "suspended", "met",
)  # fmt: skip
SYMBOLS = {
    "met": "✓",
    "breached": "✗",
    "assumed_met": "≈",
    "pending": "…",
    "overdue": "!",
    "partial": "◐",
    "disputed": "⚖",
    "undecided": "?",
    "unreported": "–",
    "suspended": "‖",
}
ONE_DAY = dt.timedelta(days=1)


def ledger(w: Any, as_of: dt.date | None) -> Any:
    """The compliance ledger of the dossier (cached until the next change)."""
    key = f"ledger:{as_of}"
    return w.snapshot.get(key, lambda: w.dossier.check(as_of), heavy=True)


@dataclass(frozen=True)
class Column:
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        if self.start == self.end:
            return f"{self.start:%d %b}"
        return f"{self.start:%d %b}–{self.end:%d %b}"

    @property
    def iso(self) -> str:
        return self.start.isoformat()


@dataclass(frozen=True)
class Cell:
    status: str | None  # None: outside the obligation's window
    label: str  # what a screen reader hears: status and day counts
    day: dt.date | None  # the day the cell's link opens
    evidence: int


@dataclass(frozen=True)
class Row:
    obligation: Any
    cells: list[Cell]


@dataclass(frozen=True)
class Matrix:
    by: str
    columns: list[Column]
    rows: list[Row]
    first: dt.date | None
    last: dt.date | None
    previous: dt.date | None
    next: dt.date | None


def span(obligations: list[Any]) -> tuple[dt.date | None, dt.date | None]:
    days = [d.day for o in obligations for d in o.days]
    return (min(days), max(days)) if days else (None, None)


def matrix(obligations: list[Any], by: str, start: dt.date | None, width: int) -> Matrix:
    """Obligations × ``width`` days (or weeks) from ``start`` (default: the first day)."""
    first, last = span(obligations)
    step = 7 if by == "week" else 1
    if first is None or last is None:
        return Matrix(by, [], [Row(o, []) for o in obligations], None, None, None, None)
    start = max(first, min(start or first, last))
    columns: list[Column] = []
    day = start
    while day <= last and len(columns) < width:
        columns.append(Column(day, min(day + (step - 1) * ONE_DAY, last)))
        day += step * ONE_DAY
    later = day if day <= last else None
    back = start - width * step * ONE_DAY
    earlier = max(back, first) if start > first else None
    rows = []
    for o in obligations:
        by_day = {d.day: d for d in o.days}
        rows.append(Row(o, [_cell(by_day, col) for col in columns]))
    return Matrix(by, columns, rows, first, last, earlier, later)


def _cell(by_day: dict[dt.date, Any], col: Column) -> Cell:
    days = []
    day = col.start
    while day <= col.end:
        if day in by_day:
            days.append(by_day[day])
        day += ONE_DAY
    if not days:
        return Cell(None, "not in force", None, 0)
    counts = Counter(d.status for d in days)
    status = next((s for s in SEVERITY if counts.get(s)), days[0].status)
    evidence = len({e for d in days for e in (*d.evidence, *d.against)})
    if len(days) == 1:
        label = status
    else:
        label = f"{status}: " + ", ".join(f"{n} {s}" for s, n in counts.most_common())
    worst = next(d for d in days if d.status == status)
    return Cell(status, label, worst.day, evidence)


def targets(w: Any) -> dict[str, Any]:
    """Quota obligations by id (their metric, target, unit, comparison, period)."""
    out: dict[str, Any] = {}
    for agreement in w.dossier.agreements():
        for ob in agreement.obligations:
            if getattr(ob, "kind", None) == "quota":
                out[ob.id] = ob
    return out


@dataclass(frozen=True)
class PhaseDay:
    agreement: str
    phase: str
    name: str
    start: dt.date | None
    end: dt.date | None
    length: int | None
    today: int | None  # the as-of day's number within the phase, when inside it
    state: str  # before, current, over, unknown


def phases(agreements: list[Any], as_of: dt.date) -> list[PhaseDay]:
    """Each phase's dates and, as of a day, which day of the phase it is."""
    out = []
    for agreement in agreements:
        calendar = Calendar(agreement)
        for phase in agreement.phases:
            try:
                start, end = calendar.span(phase.id)
            except CalendarError:
                start, end = None, None
            length = phase.length_days or ((end - start).days + 1 if start and end else None)
            today = None
            if start is None:
                state = "unknown"
            elif as_of < start:
                state = "before"
            elif end is not None and as_of > end:
                state = "over"
            else:
                state, today = "current", (as_of - start).days + 1
            out.append(
                PhaseDay(
                    agreement.id,
                    phase.id,
                    phase.name or phase.id,
                    start,
                    end,
                    length,
                    today,
                    state,
                )
            )
    return out


def parse_day(value: str | None) -> dt.date | None:
    """A day from a query parameter; a malformed one is ignored (the page shows today)."""
    try:
        return dates.parse_day(value, "day")
    except DateError:
        return None
