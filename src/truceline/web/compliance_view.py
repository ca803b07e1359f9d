"""Compliance, deadline and phase views built from ``truceline.compliance``'s ledger.

The ledger is computed once per version of the dossier and as-of date, then
sliced for the page: a window of days (or weeks) × obligations, so that no page
renders every day of every obligation at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from truceline import dates
from truceline.agreement import Calendar, CalendarError
from truceline.compliance import DeadlineItem, Ledger, ObligationLedger
from truceline.errors import DateError
from truceline.web import charts

# Worst first: the status a week shows when its days differ. A week with one
# unreported day is not shown as met: silence is shown as silence.
SEVERITY = (
    "breached", "disputed", "overdue", "partial", "undecided", "unreported", "assumed_met",
    "pending", "suspended", "met",
)  # fmt: skip
NOT_IN_FORCE = "·"
"""The matrix's mark of a day outside the obligation's window (listed in the legend too)."""
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


def clause_label(o: ObligationLedger, most: int = 72) -> str:
    """What a reader calls an obligation: its clause's first sentence, shortened at a word."""
    text = (o.clause_text or o.what or o.id).strip()
    sentence = text.split(". ", 1)[0].rstrip(".")
    if len(sentence) <= most:
        return sentence
    return sentence[: sentence.rfind(" ", 0, most)].rstrip(",;:") + " …"


@dataclass(frozen=True)
class Run:
    """Consecutive days that read the same (status, note, count, evidence): one row."""

    first: Any  # compliance.Day
    last: dt.date

    @property
    def days(self) -> list[dt.date]:
        return [self.first.day + i * ONE_DAY for i in range((self.last - self.first.day).days + 1)]

    @property
    def label(self) -> str:
        if self.last == self.first.day:
            return f"{self.first.day:%d %b %Y}"
        same_year = self.first.day.year == self.last.year
        return f"{self.first.day:%d %b}{'' if same_year else f' {self.first.day:%Y}'} – {self.last:%d %b %Y}"


def runs(days: list[Any]) -> list[Run]:
    """Days collapsed into runs of identical consecutive days ("24 Jan – 11 Feb · unreported")."""
    out: list[Run] = []
    for d in days:
        if out and _same(out[-1].first, d) and (d.day - out[-1].last).days == 1:
            out[-1] = Run(out[-1].first, d.day)
        else:
            out.append(Run(d, d.day))
    return out


def _same(a: Any, b: Any) -> bool:
    keys = ("status", "note", "value", "due", "evidence", "against", "claims")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def standings(ledger: Ledger, items: list[DeadlineItem]) -> dict[str, DeadlineItem]:
    """Each deadline obligation's current item (not a superseded due day), by obligation id.

    The compliance pages and ``/deadlines`` both word a deadline from this item
    (``DeadlineItem.standing``), so a deadline met late reads the same on both.
    """
    current = {o.id: o.due for o in ledger.obligations}
    return {i.obligation: i for i in items if i.due == current.get(i.obligation)}


def dated(text: str) -> Markup:
    """Text with each ISO date kept on one line (a ``<time>``): "due 2025-02-03" never
    breaks at a hyphen of its date in a narrow column."""
    return Markup(_ISO.sub(r'<time class="date" datetime="\1">\1</time>', str(escape(text))))


_ISO = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def marks(o: ObligationLedger) -> list[charts.Mark]:
    return [charts.Mark(d.day, d.status, f"{d.day:%d %b %Y}: {_said(d)}") for d in o.days]


def _said(d: Any) -> str:
    return d.status.replace("_", " ") + (f" ({d.note})" if d.note else "")


def window(o: ObligationLedger) -> tuple[dt.date, dt.date] | None:
    """The obligation's whole window: from its first day to its last (or its last evaluated)."""
    if o.start is None:
        return None
    last = o.end or (o.days[-1].day if o.days else o.start)
    return o.start, max(last, o.start)


def obligation_chart(o: ObligationLedger, quota: Any | None) -> Markup | None:
    """A quota's counts against its target, or a schedule's cumulative done against due."""
    span = window(o)
    if span is None:
        return None
    if o.kind == "quota" and o.series:
        return _quota_chart(o, quota, span)
    if o.kind == "schedule":
        done = [(d.day, d.value) for d in o.days if d.value is not None]
        due = [(d.day, d.due) for d in o.days if d.due is not None]
        return charts.cumulative_chart(
            f"{clause_label(o)}: cumulative count done against the schedule",
            span, done, due, marks(o), unit="in total",
        )  # fmt: skip
    return None


def _quota_chart(o: ObligationLedger, quota: Any | None, span: tuple[dt.date, dt.date]) -> Markup:
    lines = []
    for s in o.series:
        body = s.counted_by or "no counting body named"
        points = [
            (p.day, p.value, f"{body}, {p.day:%d %b %Y}: {p.value:g} ({p.qualifier})")
            for p in s.points
        ]
        lines.append(charts.Line(f"{s.metric.replace('_', ' ')}, counted by {body}", points))
    target = getattr(quota, "target", None)
    per = getattr(quota, "period", "day")
    bound = "at most" if getattr(quota, "comparison", "") == "at_most" else "at least"
    label = f"target: {bound} {target:g} per {per}" if target is not None else "target"
    metric = o.series[0].metric.replace("_", " ")
    return charts.quota_chart(
        f"{clause_label(o)}: counts per day by counting body against the target",
        span, lines, marks(o), target=target, target_label=label, unit=f"{metric} per day",
    )  # fmt: skip


def calendar(phase_days: list[PhaseDay], items: dict[str, DeadlineItem], today: dt.date) -> Markup:
    """The phase calendar with every dated deadline on it."""
    bands = [charts.Band(p.name, p.start, p.end) for p in phase_days]
    due = [
        charts.Due(i.what or i.obligation, i.due, i.state, i.met_on, f"{i.party}: {i.standing}")
        for i in items.values()
        if i.due is not None
    ]
    return charts.calendar_chart("Phases and deadlines", bands, due, today)


def claims(obligations: list[ObligationLedger], records: dict[str, Any]) -> list[Any]:
    """Violations of each prohibition claimed per day, stacked by who claims them: small
    multiples on one scale, so that two parties' bars compare at a glance."""
    counted = [(o, span, _claimed(o, records)) for o in obligations if (span := window(o))]
    top = max((sum(v) for _, _, by in counted for v in _per_day(by)), default=0)
    return [
        (o, charts.claims_chart(
            f"Violations of “{clause_label(o, 48)}” attributed to {o.party}, as claimed, per day",
            span, by, top=top,
        ))
        for o, span, by in counted
    ]  # fmt: skip


def _claimed(o: ObligationLedger, records: dict[str, Any]) -> dict[str, dict[dt.date, int]]:
    by: dict[str, dict[dt.date, int]] = {}
    seen: set[str] = set()  # a continuing state is one claim, on its first day
    for d in o.days:
        for rid in d.evidence if d.status in ("breached", "disputed") else ():
            if rid in seen:
                continue
            seen.add(rid)
            who = claimant(records.get(rid))
            by.setdefault(who, {})
            by[who][d.day] = by[who].get(d.day, 0) + 1
    return by


def _per_day(by: dict[str, dict[dt.date, int]]) -> list[list[int]]:
    days = {day for per in by.values() for day in per}
    return [[per.get(day, 0) for per in by.values()] for day in days]


def claimant(record: Any | None) -> str:
    """Who makes a claim: the record's claimant, a statement's speaker, else its sources."""
    if record is None:
        return "a record not found"
    if getattr(record, "claimed_by", None):
        return str(record.claimed_by)
    if getattr(record, "speaker", None):
        return str(record.affiliation or record.speaker)
    return "its sources (no claimant named)"
