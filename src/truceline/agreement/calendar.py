"""Turn day references into dates for one agreement.

A phase may start when another ends, or on the first record that matches a
selector; those dates are only known once records are read, so the engine
passes them in (``phase_starts``) and anything that depends on a date not yet
known resolves to None ("not yet", never a guess).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from truceline.agreement.chains import day_one as agreement_day_one
from truceline.agreement.days import OPEN, DayExpr, parse_day
from truceline.dates import first_day

if TYPE_CHECKING:  # types only: the agreement model validates itself with this calendar
    from truceline.agreement.model import Agreement, Phase

Span = tuple[dt.date | None, dt.date | None]


class CalendarError(ValueError):
    """A day reference cannot be resolved: unknown phase, or a cycle between phases."""


class Calendar:
    """Dates of an agreement's days and phases."""

    def __init__(
        self,
        agreement: Agreement,
        day_one: dt.date | None = None,
        phases: Sequence[Phase] | None = None,
        phase_starts: Mapping[str, dt.date] | None = None,
    ) -> None:
        self.day_one = day_one or agreement_day_one(agreement)
        self.phases = {p.id: p for p in (phases if phases is not None else agreement.phases)}
        self._known_starts = dict(phase_starts or {})
        self._spans: dict[str, Span] = {}
        self._busy: set[str] = set()

    def day(self, number: int) -> dt.date:
        """The date of day ``number`` of the agreement."""
        return self.day_one + dt.timedelta(days=number - 1)

    def number(self, day: dt.date) -> int:
        """The agreement day number of a date (day 1 = ``day_one``)."""
        return (day - self.day_one).days + 1

    def span(self, phase_id: str) -> Span:
        """First and last day of a phase (either may be None while unknown)."""
        if phase_id not in self.phases:
            raise CalendarError(f"unknown phase {phase_id!r}")
        if phase_id not in self._spans:
            if phase_id in self._busy:
                raise CalendarError(f"phase {phase_id!r} depends on itself")
            self._busy.add(phase_id)
            try:
                self._spans[phase_id] = self._compute(self.phases[phase_id])
            finally:
                self._busy.discard(phase_id)
        return self._spans[phase_id]

    def _compute(self, phase: Phase) -> Span:
        start = self._start(phase)
        if phase.length_days is not None:
            end = start + dt.timedelta(days=phase.length_days - 1) if start else None
        elif phase.end == OPEN:
            end = None
        else:
            end = self._resolve(parse_day(phase.end or ""), None, own=(phase.id, start))
        return start, end

    def _start(self, phase: Phase) -> dt.date | None:
        how = phase.start
        if how.date is not None:
            return first_day(how.date)
        if how.day is not None:
            return self._resolve(parse_day(how.day), None)
        if how.after is not None:
            end = self.span(how.after)[1]
            return end + dt.timedelta(days=1) if end else None
        return self._known_starts.get(phase.id)

    @property
    def end(self) -> dt.date | None:
        """The last day of the last phase, if every phase end is known."""
        ends = [self.span(p)[1] for p in self.phases]
        return max(ends) if ends and all(ends) else None  # type: ignore[type-var]

    def resolve(self, ref: str, trigger: dt.date | None = None) -> dt.date | None:
        """The date of a day reference (None while it depends on something not yet known)."""
        return self._resolve(parse_day(ref), trigger)

    def last(self, ref: str, trigger: dt.date | None = None) -> dt.date | None:
        """The date of a last day, None for ``open`` (no end) or while not yet known."""
        return None if ref == OPEN else self.resolve(ref, trigger)

    def _resolve(
        self, expr: DayExpr, trigger: dt.date | None, own: tuple[str, dt.date | None] | None = None
    ) -> dt.date | None:
        base: dt.date | None
        if expr.date is not None:
            base = expr.date
        elif expr.edge == "trigger":
            base = trigger
        elif expr.phase is None:
            base = self.day(expr.day or 1)
        else:
            start, end = (own[1], None) if own and own[0] == expr.phase else self.span(expr.phase)
            if expr.edge == "end":
                if own and own[0] == expr.phase:
                    raise CalendarError(f"phase {expr.phase!r} ends relative to its own end")
                base = end
            elif expr.edge == "start":
                base = start
            else:
                base = start + dt.timedelta(days=(expr.day or 1) - 1) if start else None
        return base + dt.timedelta(days=expr.offset) if base else None
