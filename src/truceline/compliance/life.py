"""The days an agreement was alive: its term, renewals, suspensions and its end.

Reads the ``term`` and ``life`` changes of every version of a chain known by
the as-of date (``truceline.agreement.life``) and gives a ``Life``: the dated
changes (those the file records, those read from records, and those the term
implies: an automatic renewal no party objected to in time, a lapse when a
term ends unrenewed), the spans suspended by all parties or by one, each
party's withdrawal, and the last day in force. The engine evaluates no
obligation past that last day: "today" in the ledger of an agreement that
lapsed in month 2 is its last day, never the machine's clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from truceline.agreement.calendar import Calendar
from truceline.agreement.life import ENDINGS, LifeEvent, Term
from truceline.compliance.agreed import Published, not_before
from truceline.compliance.index import RecordIndex
from truceline.compliance.ledger import Day
from truceline.dates import first_day

ONE_DAY = dt.timedelta(days=1)


@dataclass(slots=True)
class Change:
    """One dated change in an agreement's life, with what it rests on."""

    day: dt.date
    event: str
    by: tuple[str, ...] = ()
    until: dt.date | None = None
    reason: str | None = None
    sources: tuple[str, ...] = ()
    records: tuple[str, ...] = ()  # the record that dated it, when read from the records
    agreement: str = ""


@dataclass(slots=True)
class Pause:
    """Days suspended, by all parties (``by`` empty) or by the parties named."""

    first: dt.date
    last: dt.date | None
    by: tuple[str, ...]
    reason: str


@dataclass(slots=True)
class Life:
    """An agreement chain's life as of a date."""

    agreement: str
    in_force: dt.date
    as_of: dt.date
    changes: list[Change] = field(default_factory=list)
    pauses: list[Pause] = field(default_factory=list)
    withdrawn: dict[str, dt.date] = field(default_factory=dict)  # party → last day bound
    term_end: dt.date | None = None
    last_day: dt.date | None = None  # the last day in force, once it ended
    reading: str | None = None  # the other reading of a change this life is read under

    @property
    def state(self) -> str:
        """In words, as of the date: in force, suspended (by whom), lapsed, terminated."""
        if self.last_day is not None and self.last_day < self.as_of:
            return next(c.event for c in reversed(self.changes) if c.day == self.last_day)
        for pause in self.pauses:
            if pause.first <= self.as_of and (pause.last is None or self.as_of <= pause.last):
                return f"suspended by {', '.join(pause.by)}" if pause.by else "suspended"
        return "in force"

    def last_for(self, bearers: Iterable[str]) -> dt.date | None:
        """The last day these duty-bearers are bound (the end, or a bearer's withdrawal)."""
        days = [self.withdrawn[p] for p in bearers if p in self.withdrawn]
        if self.last_day is not None:
            days.append(self.last_day)
        return min(days, default=None)

    def to_json(self) -> dict[str, Any]:
        return {
            "agreement": self.agreement,
            "reading": self.reading,
            "in_force": self.in_force.isoformat(),
            "state": self.state,
            "term_end": _iso(self.term_end),
            "last_day": _iso(self.last_day),
            "changes": [
                {
                    "day": c.day.isoformat(),
                    "event": c.event,
                    "by": list(c.by),
                    "until": _iso(c.until),
                    "reason": c.reason,
                    "sources": list(c.sources),
                    "records": list(c.records),
                    "agreement": c.agreement,
                }
                for c in self.changes
            ],  # fmt: skip
        }


def life(
    chain: Sequence[Any],
    calendar: Calendar,
    index: RecordIndex,
    dates: Published,
    as_of: dt.date,
    reading: str | None = None,
) -> Life:
    """The life of a chain (oldest version first) as of ``as_of``, under a reading.

    A change counts once its day has come and its sources are published (``dates``);
    a change with a reading of that id counts as that reading has it.
    """
    root = chain[0]
    out = Life(root.id, first_day(root.in_force), as_of, reading=reading)
    term = next((a.term for a in reversed(chain) if a.term is not None), None)
    out.term_end = calendar.resolve(term.ends) if term else None
    changes = sorted(
        (c for a in chain for c in _changes(a, calendar, index, as_of, reading)),
        key=lambda c: c.day,
    )
    changes = [c for c in changes if not_before(c.day, c.sources, dates) <= as_of]
    _Walk(out, term).run(changes)
    return out


def readings(chain: Sequence[Any]) -> list[str]:
    """Ids of the other readings of changes in a chain's life."""
    return list(dict.fromkeys(r.id for a in chain for e in a.life for r in e.readings))


def _as_read(event: LifeEvent, reading: str | None) -> LifeEvent:
    found = next((r for r in event.readings if r.id == reading), None)
    if found is None:
        return event
    return event.model_copy(
        update={"day": found.day or event.day, "until": found.until or event.until,
                "reason": found.text, "sources": found.sources}
    )  # fmt: skip


def _changes(
    agreement: Any, calendar: Calendar, index: RecordIndex, as_of: dt.date, reading: str | None
) -> Iterable[Change]:
    for written in agreement.life:
        event = _as_read(written, reading)
        day, records = _dated(event, calendar, index)
        if day is None or day > as_of:
            continue
        until = calendar.resolve(event.until) if event.until else None
        yield Change(day, event.event, tuple(event.by), until, event.reason,
                     tuple(event.sources), records, agreement.id)  # fmt: skip


def _dated(
    event: LifeEvent, calendar: Calendar, index: RecordIndex
) -> tuple[dt.date | None, tuple[str, ...]]:
    if event.day is not None:
        return calendar.resolve(event.day), ()
    assert event.when is not None
    day = index.first(event.when, calendar.day_one)
    if day is None:
        return None, ()
    found = index.select(event.when).get(day, [])
    return day, tuple(r.id for r in found)


class _Walk:
    """Applies the changes in date order, renewing or ending terms on the way."""

    def __init__(self, out: Life, term: Term | None) -> None:
        self.out, self.term = out, term
        self.objections: list[dt.date] = []
        self.term_start = out.in_force

    def run(self, changes: list[Change]) -> None:
        for change in changes:
            self._roll(change.day)
            self.out.changes.append(change)
            if self.out.last_day is None:  # recorded after the end: shown, changes nothing
                self._apply(change)
        self._roll(self.out.as_of + ONE_DAY)

    def _roll(self, day: dt.date) -> None:
        """Renew or end every term that ended before ``day``."""
        out, term = self.out, self.term
        while out.last_day is None and out.term_end is not None and out.term_end < day:
            if term is None or term.renewal != "automatic" or self._objected():
                reason = "its term ended with no renewal recorded"
                out.changes.append(Change(out.term_end, "lapsed", reason=reason,
                                          sources=tuple(term.sources) if term else ()))  # fmt: skip
                out.last_day = out.term_end
                break
            assert term.length_days is not None
            self.term_start = out.term_end + ONE_DAY
            out.term_end += dt.timedelta(days=term.length_days)
            out.changes.append(Change(self.term_start, "renewed", until=out.term_end,
                                      reason="renewed automatically: no objection recorded in time",
                                      sources=tuple(term.sources)))  # fmt: skip

    def _objected(self) -> bool:
        """An objection made in this term, by the notice deadline, stops its renewal."""
        assert self.term is not None and self.out.term_end is not None
        deadline = self.out.term_end - dt.timedelta(days=self.term.notice_days)
        return any(self.term_start <= d <= deadline for d in self.objections)

    def _apply(self, change: Change) -> None:
        out = self.out
        if change.event == "renewed":
            length = self.term.length_days if self.term else None
            if change.until is not None:
                out.term_end = change.until
            elif out.term_end is not None and length:
                out.term_end += dt.timedelta(days=length)
            self.term_start = change.day
        elif change.event == "objected":
            self.objections.append(change.day)
        elif change.event == "suspended":
            out.pauses.append(Pause(change.day, change.until, change.by, change.reason or ""))
        elif change.event == "resumed":
            for pause in out.pauses:
                if pause.last is None and (not change.by or set(pause.by) == set(change.by)):
                    pause.last = change.day - ONE_DAY
        elif change.event == "withdrawn" and change.by:
            out.withdrawn.update(dict.fromkeys(change.by, change.day))
        elif change.event in (*ENDINGS, "withdrawn"):
            out.last_day = change.day


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def mark(days: list[Day], alive: Life, bound: Iterable[str]) -> None:
    """Days the agreement was suspended: by all parties, ``suspended``; by a party this
    duty binds, a note on the day (a walk-out is recorded, never an excuse)."""
    bound = set(bound)
    for pause in alive.pauses:
        if pause.by and bound.isdisjoint(pause.by):
            continue
        for d in days:
            if d.day < pause.first or (pause.last is not None and d.day > pause.last):
                continue
            if pause.by:
                said = f"{', '.join(pause.by)} suspended its part: {pause.reason}"
                d.note = f"{d.note}; {said}" if d.note else said
            else:
                d.status, d.note = "suspended", f"suspended: {pause.reason}"
