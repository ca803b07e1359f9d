"""What the engine returns: obligations × days, each day with a status and its evidence.

Plain dataclasses, cheap to build by the hundred thousand and easy to turn into
JSON (``Ledger.to_json``) for the CLI, the web dashboard and exports.

Day statuses. Met and breached always rest on a record (its id in ``evidence``):
silence is never a verdict, so a ledger reader can follow every verdict to a source.

    met          a record shows the obligation kept that day (the act, a count, a
                 record that the prohibited act did not happen)
    partial      past due, a record shows part of a quantified act done (withdrawn from
                 all but five posts); ``value`` is the part done, ``due`` the whole
    breached     a record shows it broken that day (a violation, a short count, a
                 record that a past-due act did not happen, a refusal)
    assumed_met  no record; the agreement file declares silence reads as kept
                 (``silence: assume_met``): an analyst's assumption, counted apart
    pending      not yet due, or not yet started (a conditional waiting for its trigger)
    overdue      past due, and no record of the act (nor of its refusal)
    disputed     the records that decide the day conflict; ``evidence`` and ``against``
                 hold both sides
    undecided    records were found but cannot decide the day (a count "up to 700"
                 against 600; a week whose counts are incomplete)
    unreported   no record about the day at all: nothing reported, never read as zero
    suspended    the agreement suspends the obligation that day
    ended        outside the agreement's life: it lapsed or was terminated, or the party
                 withdrew; no day past the end is evaluated, so this is only ever
                 ``status_today`` (and ``day()``) of an obligation whose agreement ended
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal[
    "met", "partial", "breached", "assumed_met", "pending", "overdue", "disputed", "undecided",
    "unreported", "suspended", "ended",
]  # fmt: skip
STATUSES: tuple[Status, ...] = (
    "met", "partial", "breached", "assumed_met", "pending", "overdue", "disputed", "undecided",
    "unreported", "suspended", "ended",
)  # fmt: skip
MEANINGS: dict[Status, str] = {
    "met": "met: a record shows it kept",
    "partial": "partial: past due, a record shows part of the act done (all but five posts)",
    "breached": "breached: a record shows it broken",
    "assumed_met": "assumed met: no violation reported (the agreement file assumes silence is kept)",
    "pending": "pending: not yet due",
    "overdue": "overdue: past due, no act recorded",
    "disputed": "disputed: the deciding records conflict",
    "undecided": "undecided: the records found cannot decide",
    "unreported": "unreported: nothing reported",
    "suspended": "suspended by the agreement",
    "ended": "ended: outside the agreement's life (lapsed, terminated or withdrawn from)",
}
"""Each status in words, for legends: one wording for the CLI, the dashboard and the site."""
COUNTED: tuple[Status, ...] = (
    "met", "assumed_met", "partial", "breached", "overdue", "disputed", "undecided", "unreported",
)  # fmt: skip
"""The day counts a summary shows: days met on a record and days assumed met apart."""
Lifecycle = Literal[
    "created", "in_effect", "suspended", "fulfilled", "violated", "overdue", "discharged",
    "terminated", "expired", "ended",
]  # fmt: skip


@dataclass(slots=True)
class Day:
    """The status of one obligation on one day, with the ids of the records that decide it."""

    day: dt.date
    status: Status
    evidence: tuple[str, ...] = ()
    against: tuple[str, ...] = ()
    note: str | None = None
    value: float | None = None
    due: float | None = None
    agreement: str = ""
    claims: tuple[Claim, ...] = ()  # justifications claimed for the deciding records


@dataclass(frozen=True, slots=True)
class Claim:
    """A justification someone claims for a record deciding a day: shown, never ruled on."""

    record: str
    claim: str
    claimed_by: str
    exception: str | None  # the exception it invokes, if it names one
    listed: bool  # whether the obligation lists that exception


@dataclass(slots=True)
class Point:
    """One count in a series: a day's value from one counting body."""

    day: dt.date
    value: float
    qualifier: str
    records: tuple[str, ...]


@dataclass(slots=True)
class Series:
    """A metric's daily counts by one counting body (None: no body named)."""

    metric: str
    counted_by: str | None
    points: list[Point] = field(default_factory=list)


@dataclass(slots=True)
class Version:
    """The full evaluation of one version of an obligation, kept when an amendment replaces it."""

    agreement: str
    version: int
    governs_from: dt.date | None
    governs_until: dt.date | None
    days: list[Day]
    due: dt.date | None = None  # a deadline's due day under this version
    due_day: int | None = None


@dataclass(slots=True)
class ObligationLedger:
    """One obligation evaluated over its window up to the as-of date."""

    id: str
    agreement: str
    party: str
    kind: str
    clause_ref: str
    clause_text: str
    clause_note: str | None
    start: dt.date | None
    end: dt.date | None
    days: list[Day]
    lifecycle: Lifecycle
    due: dt.date | None = None
    due_day: int | None = None
    what: str | None = None
    trigger: dt.date | None = None
    done_on: dt.date | None = None  # a deadline's act, the first day a record shows it
    series: list[Series] = field(default_factory=list)
    versions: list[Version] = field(default_factory=list)
    parties: tuple[str, ...] = ()  # the duty-bearers (several: a joint duty)
    through: str | None = None  # the signatory through whom a non-signatory is bound
    ended: dt.date | None = None  # the last day in force, when the agreement ended by as_of
    reading: str | None = None  # another reading of the clause (its id), see clause_sources
    clause_sources: tuple[str, ...] = ()

    @property
    def status_today(self) -> Status:
        """The status of the last evaluated day (pending before the window opens), or
        ``ended`` once the agreement's life ended before the as-of date."""
        if self.ended is not None:
            return "ended"
        return self.days[-1].status if self.days else "pending"

    @property
    def counts(self) -> dict[str, int]:
        """Days per status."""
        found = Counter(d.status for d in self.days)
        return {s: found.get(s, 0) for s in STATUSES}

    @property
    def first_breach(self) -> dt.date | None:
        return next((d.day for d in self.days if d.status == "breached"), None)

    @property
    def evidence(self) -> list[str]:
        """Every record id that decides or disputes some day, in first-seen order."""
        seen: dict[str, None] = {}
        for d in self.days:
            seen.update(dict.fromkeys(d.evidence))
            seen.update(dict.fromkeys(d.against))
        return list(seen)

    def day(self, when: dt.date) -> Day | None:
        """The day's status; past the agreement's end, an ``ended`` day with no evidence."""
        if self.ended is not None and when > self.ended:
            return Day(when, "ended", agreement=self.agreement)
        return next((d for d in self.days if d.day == when), None)


@dataclass(slots=True)
class Ledger:
    """Every obligation of the agreements evaluated, as of one date."""

    as_of: dt.date
    obligations: list[ObligationLedger]
    lives: list[Any] = field(default_factory=list)  # compliance.life.Life, one per agreement

    def get(self, obligation_id: str) -> ObligationLedger | None:
        return next((o for o in self.obligations if o.id == obligation_id), None)

    @property
    def breached(self) -> bool:
        """True when any obligation has a breached day."""
        return any(o.first_breach for o in self.obligations)

    def to_json(self, days: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; ``days=False`` leaves out the daily detail."""
        return {
            "as_of": self.as_of.isoformat(),
            "breached": self.breached,
            "agreements": [life.to_json() for life in self.lives],
            "obligations": [obligation_json(o, days) for o in self.obligations],
        }


def obligation_json(o: ObligationLedger, days: bool = True) -> dict[str, Any]:
    """One obligation as a JSON-ready dict, with its summary figures."""
    out: dict[str, Any] = {
        "id": o.id,
        "agreement": o.agreement,
        "party": o.party,
        "parties": list(o.parties),
        "through": o.through,
        "kind": o.kind,
        "reading": o.reading,
        "clause": {
            "ref": o.clause_ref,
            "text": o.clause_text,
            "note": o.clause_note,
            "sources": list(o.clause_sources),
        },  # fmt: skip
        "ended": _iso(o.ended),
        "start": _iso(o.start),
        "end": _iso(o.end),
        "due": _iso(o.due),
        "due_day": o.due_day,
        "trigger": _iso(o.trigger),
        "done_on": _iso(o.done_on),
        "lifecycle": o.lifecycle,
        "status_today": o.status_today,
        "counts": o.counts,
        "first_breach": _iso(o.first_breach),
        "evidence_count": len(o.evidence),
        "series": [
            {
                "metric": s.metric,
                "counted_by": s.counted_by,
                "points": [
                    {
                        "day": p.day.isoformat(),
                        "value": p.value,
                        "qualifier": p.qualifier,
                        "records": list(p.records),
                    }
                    for p in s.points
                ],
            }
            for s in o.series
        ],  # fmt: skip
    }
    if days:
        out["days"] = [day_json(d) for d in o.days]
        out["versions"] = [
            {
                "agreement": v.agreement,
                "version": v.version,
                "governs_from": _iso(v.governs_from),
                "governs_until": _iso(v.governs_until),
                "due": _iso(v.due),
                "days": [day_json(d) for d in v.days],
            }
            for v in o.versions
        ]
    return out


def day_json(d: Day) -> dict[str, Any]:
    out: dict[str, Any] = {
        "day": d.day.isoformat(),
        "status": d.status,
        "evidence": list(d.evidence),
        "against": list(d.against),
        "note": d.note,
        "value": d.value,
        "due": d.due,
        "agreement": d.agreement,
    }
    if d.claims:  # only where claimed, so ledgers without claims keep their shape
        out["claims"] = [
            {"record": c.record, "claim": c.claim, "claimed_by": c.claimed_by,
             "exception": c.exception, "listed": c.listed}
            for c in d.claims
        ]  # fmt: skip
    return out


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
