"""Deadlines as a to-do list ("day 14 of 16, no talks recorded") and as iCalendar.

Built from a ledger, so a deadline's state here always agrees with ``check``.
Day numbers count from the agreement's day 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import icalendar

from truceline.compliance.ledger import Ledger, ObligationLedger

DeadlineState = Literal[
    "met", "disputed", "upcoming", "overdue", "partial", "breached", "waiting", "superseded",
    "ended",
]  # fmt: skip
"""``overdue``: past due, no record of the act; ``breached``: a record says it was not done;
``partial``: past due, part of a quantified act recorded;
``superseded``: an amendment moved the due day (the original stays listed); ``ended``: the
agreement ended before the due day."""


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
    asap: bool = False  # due "as soon as possible": no due day will ever be known

    @property
    def standing(self) -> str:
        """The state in a few words with its days ("met late (due D, done D2)"): one wording
        for every page that shows a deadline, so that they never disagree."""
        due = f"due {self.due}" if self.due else "no due day"
        if self.state in ("met", "disputed") and self.met_on is not None:
            late = self.due is not None and self.met_on > self.due
            word = "met late" if late and self.state == "met" else self.state
            done = "done" if self.state == "met" else "recorded done"
            return f"{word} ({due}, {done} {self.met_on})"
        if self.state == "superseded":
            return f"superseded (was {due})"
        if self.state == "waiting":
            return "waiting for its trigger (due day not yet known)"
        return f"{self.state} ({due})"


def deadlines(ledger: Ledger) -> list[DeadlineItem]:
    """Every deadline (conditional ones included), soonest due first; a due day an
    amendment moved stays listed as it was agreed."""
    items = [_item(o, ledger.as_of) for o in ledger.obligations if o.what is not None]
    items += [i for o in ledger.obligations if o.what is not None for i in _superseded(o)]
    return sorted(items, key=lambda i: (i.due is None, i.due or dt.date.max, i.obligation))


def _superseded(o: ObligationLedger) -> list[DeadlineItem]:
    """The due days of earlier versions that a later one changed."""
    out = []
    for v, following in zip(o.versions, o.versions[1:], strict=False):
        if v.due is None or v.due == o.due:
            continue
        met = next((d.day for d in v.days if d.status == "met"), None)
        if met is not None and (v.governs_until is None or met <= v.governs_until):
            state: DeadlineState = "met"
            text = f"{o.what} recorded on {met}, under {v.agreement}"
        else:
            state = "superseded"
            moved = f"moved to {o.due} by {following.agreement}" if o.due else "changed"
            text = f"due by {v.due} under {v.agreement}; {moved}"
        out.append(DeadlineItem(o.id, v.agreement, o.party, o.what or "", o.clause_ref,
                                v.due, v.due_day, state, text, met))  # fmt: skip
    return out


def _undated(o: ObligationLedger) -> tuple[DeadlineState, str]:
    """A deadline with no due day (as soon as possible): its state follows its records only."""
    status = o.status_today
    if status in ("met", "disputed", "breached", "overdue"):
        return status, (o.days[-1].note or "") if o.days else ""  # type: ignore[return-value]
    return "upcoming", f"no due day (as soon as possible); no {o.what} recorded"


def _item(o: ObligationLedger, as_of: dt.date) -> DeadlineItem:
    what = o.what or ""
    met = o.done_on
    state: DeadlineState
    if o.ended is not None and met is None and (o.due is None or o.due > o.ended):
        state, text = "ended", f"the agreement ended on {o.ended}, before the due day"
    elif o.kind == "deadline" and o.due is None:
        state, text = _undated(o)
    elif o.due is None or o.due_day is None:
        state, text = "waiting", "waiting for its trigger; due day not yet known"
    elif met is not None:
        late = (met - o.due).days
        state = "disputed" if o.status_today == "disputed" else "met"
        verb = "recorded, disputed," if state == "disputed" else "recorded"
        text = f"{what} {verb} on {met}" + (f", {late} days after the due day" if late > 0 else "")
    else:
        now = min(as_of, o.ended) if o.ended else as_of  # never past the agreement's end
        today = o.due_day - (o.due - now).days
        past = f"day {today}, {today - o.due_day} days past day {o.due_day}"
        if now <= o.due:
            state, text = "upcoming", f"day {today} of {o.due_day}, no {what} recorded"
        elif o.status_today == "partial":
            state, text = "partial", f"{past}, {o.days[-1].note}"
        elif o.status_today in ("breached", "disputed"):
            state = o.status_today  # type: ignore[assignment]
            text = f"{past}, recorded as not done ({', '.join(o.days[-1].evidence)})"
        else:
            state, text = "overdue", f"{past}, no {what} recorded"
            if o.ended:
                text += f"; the agreement ended on {o.ended}"
    asap = o.kind == "deadline" and o.due is None
    return DeadlineItem(
        o.id, o.agreement, o.party, what, o.clause_ref, o.due, o.due_day, state, text, met, asap
    )


def to_ical(items: list[DeadlineItem], stamp: dt.date) -> str:
    """An iCalendar file with one all-day event per deadline whose due day is known.

    Written by ``icalendar`` (escaping, line folding and value types as RFC 5545
    wants them), so calendar programs read it as they read any other feed.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//truceline//compliance deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for item in items:
        if item.due is None:
            continue
        event = icalendar.Event()
        event.add("uid", f"{item.agreement}.{item.obligation}@truceline")
        event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), tzinfo=dt.UTC))
        event.add("dtstart", item.due)
        event.add("dtend", item.due + dt.timedelta(days=1))
        event.add("summary", f"{item.party}: {item.what} due (day {item.due_day})")
        event.add("description", f"{item.clause_ref}. {item.text} [{item.state}]")
        calendar.add_component(event)
    return calendar.to_ical().decode()
