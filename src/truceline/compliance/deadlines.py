"""Deadlines as a to-do list ("day 14 of 16, no talks recorded") and as iCalendar.

Built from a ledger, so a deadline's state here always agrees with ``check``.
Day numbers count from the agreement's day 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from truceline.compliance.ledger import Ledger, ObligationLedger

DeadlineState = Literal["met", "disputed", "upcoming", "overdue", "breached", "waiting"]
"""``overdue``: past due, no record of the act; ``breached``: a record says it was not done."""


@dataclass(frozen=True)
class DeadlineItem:
    """One deadline as of the ledger's date."""

    obligation: str
    agreement: str
    party: str
    what: str
    clause_ref: str
    due: dt.date | None
    due_day: int | None
    state: DeadlineState
    text: str
    met_on: dt.date | None = None


def deadlines(ledger: Ledger) -> list[DeadlineItem]:
    """Every deadline (conditional ones included), soonest due first."""
    items = [_item(o, ledger.as_of) for o in ledger.obligations if o.what is not None]
    return sorted(items, key=lambda i: (i.due is None, i.due or dt.date.max, i.obligation))


def _item(o: ObligationLedger, as_of: dt.date) -> DeadlineItem:
    what = o.what or ""
    met = o.done_on
    state: DeadlineState
    if o.due is None or o.due_day is None:
        state, text = "waiting", "waiting for its trigger; due day not yet known"
    elif met is not None:
        late = (met - o.due).days
        state = "disputed" if o.status_today == "disputed" else "met"
        verb = "recorded, disputed," if state == "disputed" else "recorded"
        text = f"{what} {verb} on {met}" + (f", {late} days after the due day" if late > 0 else "")
    else:
        today = o.due_day - (o.due - as_of).days
        past = f"day {today}, {today - o.due_day} days past day {o.due_day}"
        if as_of <= o.due:
            state, text = "upcoming", f"day {today} of {o.due_day}, no {what} recorded"
        elif o.status_today in ("breached", "disputed"):
            state = o.status_today  # type: ignore[assignment]
            text = f"{past}, recorded as not done ({', '.join(o.days[-1].evidence)})"
        else:
            state, text = "overdue", f"{past}, no {what} recorded"
    return DeadlineItem(
        o.id, o.agreement, o.party, what, o.clause_ref, o.due, o.due_day, state, text, met
    )


def to_ical(items: list[DeadlineItem], stamp: dt.date) -> str:
    """An iCalendar file with one all-day event per deadline whose due day is known."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//truceline//compliance deadlines//EN",
        "CALSCALE:GREGORIAN",
    ]
    for item in items:
        if item.due is None:
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.agreement}.{item.obligation}@truceline",
            f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{item.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{item.due + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(f'{item.party}: {item.what} due (day {item.due_day})')}",
            f"DESCRIPTION:{_escape(f'{item.clause_ref}. {item.text} [{item.state}]')}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, as RFC 5545 requires."""
    out: list[str] = []
    current = ""
    for char in line:
        if len((current + char).encode()) > (75 if not out else 74):
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return "\r\n ".join(out)
