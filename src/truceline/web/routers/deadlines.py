"""Deadlines: upcoming and overdue acts, the phase calendar, and which day of which phase it is.

Reads ``truceline.compliance.deadlines`` over the cached ledger, and the
agreement's phases through ``truceline.agreement.Calendar``.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from truceline.compliance import deadlines as list_deadlines
from truceline.web import compliance_view as cv
from truceline.web.deps import render, web

router = APIRouter()
ORDER = (
    "breached",
    "overdue",
    "partial",
    "upcoming",
    "waiting",
    "disputed",
    "met",
    "superseded",
    "ended",
)


@router.get("/deadlines", response_class=HTMLResponse)
def deadlines(request: Request) -> HTMLResponse:
    w = web(request)
    ledger = cv.ledger(w, cv.parse_day(request.query_params.get("as_of")))
    items = list_deadlines(ledger)
    groups = [(state, [i for i in items if i.state == state]) for state in ORDER]
    agreements = w.snapshot.get("agreements", w.dossier.agreements, heavy=True)
    phases = cv.phases(agreements, ledger.as_of)
    calendar = cv.calendar(phases, cv.standings(ledger, items), ledger.as_of)
    return render(
        request,
        "deadlines.html",
        ledger=ledger,
        groups=[(s, g) for s, g in groups if g],
        phases=phases,
        calendar=calendar if phases else None,
        dated=cv.dated,
        count=len(items),
        title="Deadlines",
    )


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/deadlines"]
