"""The overview page: where the process stands, what is new, and what the dossier holds.

Every status comes from the compliance ledger the compliance page shows (the same
cached ``Dossier.check``), so the two pages never disagree; each line names the
record behind its latest verdict, one click away.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse

from truceline.compliance import MEANINGS
from truceline.compliance import deadlines as list_deadlines
from truceline.vocab import DisputeKind
from truceline.web import compliance_view as cv
from truceline.web.deps import render, web
from truceline.web.routers.disputes import all_disputes, newest_first

router = APIRouter()
SOON = ("overdue", "partial", "upcoming", "waiting")  # deadline states still open
LATEST = 8  # records in "latest records"
DISPUTES = 3  # disputes shown in full on the overview
CHANGES = 20  # changed objects listed under "what changed"
DEFAULT_SINCE = dt.timedelta(days=7)


@dataclass(frozen=True)
class StatusLine:
    """One obligation's standing: its status on the last day evaluated and the latest
    day a record decided (``evidence_day``), with the record shown for it."""

    obligation: Any  # compliance.ObligationLedger
    status: str
    on: dt.date | None  # the last day evaluated (None: the window has not opened)
    note: str | None
    evidence_day: Any | None  # compliance.Day
    record: str | None
    others: int  # the other records deciding that day


def status_line(o: Any) -> StatusLine:
    last = o.days[-1] if o.days else None
    decided = next((d for d in reversed(o.days) if d.evidence or d.against), None)
    ids = [*decided.evidence, *decided.against] if decided else []
    return StatusLine(
        o,
        o.status_today,
        last.day if last else None,
        last.note if last else None,
        decided,
        ids[0] if ids else None,
        max(0, len(ids) - 1),
    )


def since_day(value: str | None, today: dt.date) -> tuple[dt.date, bool]:
    """The day "what changed" starts from, and whether the reader asked for it."""
    asked = cv.parse_day(value)
    return (asked, True) if asked else (today - DEFAULT_SINCE, False)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    w = web(request)
    dossier = w.dossier
    counts = w.snapshot.get("counts", dossier.counts, heavy=True)
    states = w.snapshot.get("states", dossier.state_counts, heavy=True)
    agreements = w.snapshot.get("agreements", dossier.agreements, heavy=True)
    ledger = cv.ledger(w, None)
    lines = [status_line(o) for o in ledger.obligations]
    latest = w.snapshot.get("latest-records", lambda: dossier.latest_records(LATEST))
    deadlines = list_deadlines(ledger)
    every = newest_first(w.snapshot.get("disputes", lambda: all_disputes(w), heavy=True))
    # A running total updated by its counting body is a series of updates, not a dispute.
    disputes = [(d, origin) for d, origin in every if d.kind != DisputeKind.EVOLVING]
    since, asked = since_day(request.query_params.get("since"), dt.datetime.now(dt.UTC).date())
    changes = dossier.changes_since(since, CHANGES)
    shown = [d for d, _ in disputes[:DISPUTES]]
    ids = [line.record for line in lines if line.record]
    ids += [rid for d in shown for side in d.sides for rid in side.records]
    ids += [c.object_id for c in changes.items]
    found = dossier.records_by_id(ids)
    entries = {e.record.id: e for e in dossier.entries_for(list(found.values()))}
    return render(
        request,
        "home.html",
        ledger=ledger,
        lines=lines,
        headline=_tally(line.status for line in lines),
        lifecycles=_tally(line.obligation.lifecycle for line in lines),
        latest=latest,
        newest=latest[0].record.date if latest else None,
        phases=cv.phases(agreements, ledger.as_of),
        deadlines=[i for i in deadlines if i.state in SOON],
        deadline_states=_tally(i.state for i in deadlines),
        disputes=disputes,
        shown=disputes[:DISPUTES],
        dispute_kinds=_tally(d.kind for d, _ in disputes),
        series=len(every) - len(disputes),
        changes=changes,
        since=since,
        since_asked=asked,
        entries=entries,
        meanings=MEANINGS,
        counts=counts,
        states=states,
        agreements=agreements,
        title="Overview",
    )


def _tally(values: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[str(v)] = out.get(str(v), 0) + 1
    return out


@router.get("/healthz", response_class=PlainTextResponse)
def healthz() -> str:
    return "ok"


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/"]
