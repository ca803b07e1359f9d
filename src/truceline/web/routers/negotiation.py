"""Negotiation: proposals in order, their terms side by side with the differences marked,
and each party's answer as claimed by each source.

Reads ``Dossier.negotiation()`` (``NegotiationRecord.lineage``) and
``truceline.negotiation`` (``diff_terms``, ``diff_against_agreement``); cached per
version of the dossier. A proposal's terms are set beside its earlier version only
(the proposal it answers, supersedes or counters: ``LineageEntry.compared_with``),
never beside whichever proposal happens to be dated before it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from truceline.negotiation import diff_against_agreement, diff_terms
from truceline.web.deps import render, web

router = APIRouter()
AGREEMENT = "agreement"


def _record(w: Any) -> Any:
    def build() -> dict[str, Any]:
        record = w.dossier.negotiation()
        entries = record.lineage()
        try:
            agreement = record.agreement()
        except Exception:  # no agreement in the dossier: compare proposals only
            agreement = None
        return {"entries": entries, "agreement": agreement, "sources": record.sources}

    return w.snapshot.get("negotiation", build, heavy=True)


def changes(a: str, b: str, by_id: dict[str, Any], agreement: Any) -> list[Any]:
    """B's terms beside A's: a proposal, or the agreement (``AGREEMENT``)."""
    target = by_id[b].proposal
    if a == AGREEMENT:
        return list(diff_against_agreement(target, agreement, include_same=True))
    return list(diff_terms(by_id[a].proposal.terms, target.terms, include_same=True))


def answers_by_party(entry: Any) -> list[tuple[str, list[Any], bool]]:
    """(party, answers as claimed by each source, whether sources disagree)."""
    parties: dict[str, list[Any]] = {}
    for answer in entry.answers:
        parties.setdefault(answer.response.party, []).append(answer)
    return [(party, items, party in entry.contested_parties) for party, items in parties.items()]


@router.get("/negotiation", response_class=HTMLResponse)
def negotiation(request: Request) -> HTMLResponse:
    w = web(request)
    data = _record(w)
    entries = data["entries"]
    agreement = data["agreement"]
    by_id = {e.proposal.id: e for e in entries}
    sections = [
        {
            "entry": entry,
            "base": entry.compared_with,
            "changes": (
                changes(entry.compared_with, entry.proposal.id, by_id, agreement)
                if entry.compared_with
                else []
            ),
            "parties": answers_by_party(entry),
        }
        for entry in entries
    ]
    p = request.query_params
    a, b = p.get("a", ""), p.get("b", "")
    compare = None
    if b in by_id and (a in by_id or (a == AGREEMENT and agreement is not None)):
        compare = {"a": a, "b": b, "changes": changes(a, b, by_id, agreement)}
    return render(
        request,
        "negotiation.html",
        sections=sections,
        by_id=by_id,
        agreement=agreement,
        compare=compare,
        a=a,
        b=b,
        title="Negotiation",
    )


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/negotiation"]
