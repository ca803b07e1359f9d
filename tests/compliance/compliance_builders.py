"""Builders for agreements and records, so each test reads as its own fixture.

Every test agreement comes into force on 1 January 2025 (day 1) and has one
ten-day phase ``p1`` unless it says otherwise. ``codes`` turns a ledger row into
one letter per day: M met, B breached, A assumed met, P pending, O overdue,
D disputed, U undecided, - unreported, S suspended, H partial (E ended: only ever a
``status_today``, never a day of the ledger).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from truceline.agreement import Agreement
from truceline.compliance import Ledger, evaluate
from truceline.model import Dispute, Event, Figure, Source

D = dt.date
LETTER = {"met": "M", "partial": "H", "breached": "B", "assumed_met": "A", "pending": "P",
          "overdue": "O", "disputed": "D", "undecided": "U", "unreported": "-", "suspended": "S",
          "ended": "E"}  # fmt: skip


class Build:
    """Factories for the objects the engine reads."""

    def agreement(self, *obligations: dict[str, Any], **extra: Any) -> Agreement:
        data: dict[str, Any] = {
            "id": "t",
            "title": "Test truce",
            "parties": ["A", "B"],
            "in_force": "2025-01-01",
            "phases": [{"id": "p1", "start": {"day": "day 1"}, "length_days": 10}],
            "obligations": list(obligations),
        }
        data.update(extra)
        return Agreement.model_validate(data)

    def obligation(
        self, kind: str, oid: str = "o", party: str | list[str] = "A", **terms: Any
    ) -> dict[str, Any]:
        return {"id": oid, "kind": kind, "party": party,
                "clause": {"ref": "1", "text": "clause"}, **terms}  # fmt: skip

    def event(self, rid: str, date: str, type: str, actors: list[str], **extra: Any) -> Event:
        return Event(id=rid, date=date, type=type, actors=actors,
                     summary=extra.pop("summary", rid), **extra)  # fmt: skip

    def figure(self, rid: str, date: str, metric: str, value: float, **extra: Any) -> Figure:
        return Figure(id=rid, date=date, metric=metric, value=value, **extra)

    def source(self, sid: str, published: str | None) -> Source:
        return Source(id=sid, outlet="Wire", published=published)

    def dispute(self, did: str, *sides: list[str], about: list[str] | None = None) -> Dispute:
        return Dispute(
            id=did,
            topic=did,
            sides=[{"claim": f"side {i}", "records": s} for i, s in enumerate(sides)],
            about=about or [],
        )

    def ledger(self, agreement: Agreement | list[Agreement], records: list[Any], as_of: str = "2025-01-10",
               **kw: Any) -> Ledger:  # fmt: skip
        agreements = agreement if isinstance(agreement, list) else [agreement]
        return evaluate(agreements, records, as_of=D.fromisoformat(as_of), **kw)


def codes(ledger: Ledger, oid: str = "o") -> str:
    """One letter per evaluated day of an obligation."""
    row = ledger.get(oid)
    assert row is not None
    return "".join(LETTER[d.status] for d in row.days)
