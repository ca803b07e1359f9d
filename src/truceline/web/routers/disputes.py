"""Disputes: accounts that cannot all be true, each side with its claimant, records and sources.

Shows the disputes stored in the dossier and the ones ``Dossier.reconciliation``
detects among the accepted records.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from truceline.model import Dispute
from truceline.web.deps import render, web

router = APIRouter()


def all_disputes(w: Any) -> list[tuple[Dispute, str]]:
    """Stored disputes, plus those detected among the accepted records."""
    found = w.dossier.reconciliation()
    known = {d.id for d in found.stored_disputes}
    out = [(d, "stored" if d.id in known else "detected") for d in found.disputes]
    return sorted(out, key=lambda p: (p[0].date or "9999", p[0].id))


@router.get("/disputes", response_class=HTMLResponse)
def disputes(request: Request) -> HTMLResponse:
    w = web(request)
    items = w.snapshot.get("disputes", lambda: all_disputes(w), heavy=True)
    kind = request.query_params.get("kind", "")
    if kind:
        items = [(d, how) for d, how in items if d.kind == kind]
    items = items[:500]
    ids = [rid for d, _ in items for side in d.sides for rid in side.records]
    records = w.dossier.records_by_id(ids)
    entries = {e.record.id: e for e in w.dossier.entries_for(list(records.values()))}
    return render(
        request,
        "disputes.html",
        items=items,
        entries=entries,
        kind=kind,
        title="Disputes",
    )


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/disputes"]
