"""Compliance: obligations × days (or weeks) by status, the phase calendar, claimed violations,
each obligation's days (as runs) and chart, the evidence behind a cell.

Reads ``Dossier.check`` (through ``web.compliance_view``,
cached per version of the dossier); evidence records come from ``Dossier.records_by_id``
and ``Dossier.entries_for``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from truceline.compliance import COUNTED, MEANINGS, deadlines
from truceline.web import compliance_view as cv
from truceline.web.charts import SYMBOLS
from truceline.web.deps import fragment, render, web

router = APIRouter()
WIDTH = {"day": 42, "week": 26}


def _as_of(request: Request) -> dt.date | None:
    return cv.parse_day(request.query_params.get("as_of"))


@router.get("/compliance", response_class=HTMLResponse)
def compliance(request: Request) -> HTMLResponse:
    return render(
        request,
        "compliance.html",
        body=fragment(request, "compliance_body.html", lambda: _context(request)),
        title="Compliance",
    )


def _context(request: Request) -> dict[str, Any]:
    w = web(request)
    p = request.query_params
    ledger = cv.ledger(w, _as_of(request))
    party = p.get("party", "")
    obligations = [o for o in ledger.obligations if not party or o.party == party]
    first, last = cv.span(obligations)
    default_by = "week" if first and last and (last - first).days > WIDTH["day"] else "day"
    asked = p.get("by", "")
    by = asked if asked in ("day", "week") else default_by
    width = 10_000 if w.settings.static else WIDTH[by]
    agreements = w.snapshot.get("agreements", w.dossier.agreements, heavy=True)
    standings = cv.standings(ledger, deadlines(ledger))
    prohibitions = [o for o in obligations if o.kind == "prohibition"]
    claimed = list(dict.fromkeys(i for o in prohibitions for d in o.days for i in d.evidence))
    records = w.dossier.records_by_id(claimed) if claimed else {}
    return {
        "ledger": ledger,
        "obligations": obligations,
        "matrix": cv.matrix(obligations, by, cv.parse_day(p.get("from")), width),
        "by": by,
        "party": party,
        "parties": sorted({o.party for o in ledger.obligations}),
        "as_of": p.get("as_of", ""),
        "calendar": cv.calendar(cv.phases(agreements, ledger.as_of), standings, ledger.as_of),
        "claims": cv.claims(prohibitions, records),
        "standings": standings,
        "label_of": cv.clause_label,
        "dated": cv.dated,
        "symbols": SYMBOLS,
        "not_in_force": cv.NOT_IN_FORCE,
        "meanings": MEANINGS,
        "counted": COUNTED,
    }


CELL_LIMIT = 25


def _evidence(w: Any, day: Any) -> tuple[list[Any], list[Any]]:
    """The first ``CELL_LIMIT`` records for and against a day's status, with their sources."""
    ids = [*day.evidence[:CELL_LIMIT], *day.against[:CELL_LIMIT]]
    found = w.dossier.records_by_id(ids)
    entries = {e.record.id: e for e in w.dossier.entries_for(list(found.values()))}
    return (
        [entries[i] for i in day.evidence if i in entries],
        [entries[i] for i in day.against if i in entries],
    )


@router.get("/compliance/cell", response_class=HTMLResponse)
def cell(request: Request) -> HTMLResponse:
    """The evidence behind one cell: the day's status, note and records (for and against)."""
    w = web(request)
    p = request.query_params
    ledger = cv.ledger(w, _as_of(request))
    o = ledger.get(p.get("obligation", ""))
    when = cv.parse_day(p.get("day"))
    day = o.day(when) if o is not None and when is not None else None
    if o is None or day is None:
        raise HTTPException(404, "No such obligation or day in the ledger.")

    def context() -> dict[str, Any]:
        evidence, against = _evidence(w, day)
        more = max(0, len(day.evidence) - CELL_LIMIT) + max(0, len(day.against) - CELL_LIMIT)
        return {
            "o": o,
            "label": cv.clause_label(o),
            "day": day,
            "evidence": evidence,
            "against": against,
            "more": more,
        }

    # The same for every viewer: cached (per query string) until the dossier changes.
    body = fragment(request, "compliance_cell.html", context)
    if request.headers.get("hx-request") == "true":
        return HTMLResponse(body)
    return render(
        request,
        "compliance_cell_page.html",
        body=body,
        title=f"{cv.clause_label(o, 48)} on {day.day}",
    )


@router.get("/compliance/obligation/{obligation_id}", response_class=HTMLResponse)
def obligation(request: Request, obligation_id: str) -> HTMLResponse:
    w = web(request)
    ledger = cv.ledger(w, _as_of(request))
    o = ledger.get(obligation_id)
    if o is None:
        raise HTTPException(404, f"No obligation {obligation_id}.")
    ids = [i for d in o.days for i in (*d.evidence[:CELL_LIMIT], *d.against[:CELL_LIMIT])]
    found = w.dossier.records_by_id(ids)
    entries = {e.record.id: e for e in w.dossier.entries_for(list(found.values()))}
    return render(
        request,
        "obligation.html",
        o=o,
        label=cv.clause_label(o),
        runs=cv.runs(o.days),
        standing=cv.standings(ledger, deadlines(ledger)).get(o.id),
        dated=cv.dated,
        entries=entries,
        chart=cv.obligation_chart(o, cv.targets(w).get(o.id)),
        limit=CELL_LIMIT,
        meanings=MEANINGS,
        title=cv.clause_label(o, 60),
    )


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    ledger = cv.ledger(w, None)
    return ["/compliance"] + [f"/compliance/obligation/{o.id}" for o in ledger.obligations]
