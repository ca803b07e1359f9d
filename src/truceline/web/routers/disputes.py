"""Disputes: accounts that cannot all be true, each side with its claimant, records and sources.

Shows the disputes stored in the dossier and the ones ``Dossier.reconciliation``
detects among the accepted records, with an index by what each is about (an
obligation or metric it names, a counted figure, a proposal, or what was said
or done) and filters by party, claimant, subject, kind and origin. A claimant's
party is what the dossier's register of actors says (its affiliation, or the
actor itself: "Israeli Prime Minister's Office" speaks for Israel); a claimant
the register does not know belongs to no party.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from truceline.model import Dispute, Figure, Proposal, Record, Response
from truceline.web.deps import render, web

router = APIRouter()
LIMIT = 500  # disputes a page shows at most
KINDS = ("contradiction", "definition", "evolving", "occurrence")
ORIGINS = {"stored": "declared in the dossier", "detected": "detected among the records"}
SUBJECTS = {
    "named": "obligations and metrics named",
    "figure": "counted figures",
    "negotiation": "proposals and answers",
    "claim": "what was said or done",
}


@dataclass(frozen=True)
class Item:
    """A dispute with where it comes from and what it is about (its index group)."""

    dispute: Dispute
    origin: str  # stored (declared in the dossier) or detected
    subject: str  # a key of SUBJECTS
    about: str  # the heading it is indexed under: a metric, an obligation, "proposals" …
    parties: frozenset[str]  # the parties its claimants speak for, as the register says

    @property
    def claimants(self) -> list[str]:
        return [side.claimed_by or "unattributed" for side in self.dispute.sides]


def all_disputes(w: Any) -> list[tuple[Dispute, str]]:
    """Stored disputes, plus those detected among the accepted records, oldest first."""
    found = w.dossier.reconciliation()
    known = {d.id for d in found.stored_disputes}
    out = [(d, "stored" if d.id in known else "detected") for d in found.disputes]
    return sorted(out, key=lambda p: (p[0].date or "9999", p[0].id))


def newest_first(items: list[tuple[Dispute, str]]) -> list[tuple[Dispute, str]]:
    """Dated disputes latest first, then undated ones."""
    dated = sorted((p for p in items if p[0].date), key=lambda p: (p[0].date, p[0].id))
    return [*reversed(dated), *(p for p in items if not p[0].date)]


def subject_of(d: Dispute, records: dict[str, Record]) -> tuple[str, str]:
    """What a dispute is about: the obligations or metrics it names, else the kind of
    records its sides rest on (a figure's metric, a proposal, a statement or event)."""
    if d.about:
        return "named", ", ".join(a.replace("_", " ") for a in d.about)
    held = [records[r] for side in d.sides for r in side.records if r in records]
    figures = [r for r in held if isinstance(r, Figure)]
    if figures:
        return "figure", figures[0].metric.replace("_", " ")
    if any(isinstance(r, Proposal | Response) for r in held):
        return "negotiation", SUBJECTS["negotiation"]
    return "claim", SUBJECTS["claim"]


def party_of(claimant: str, register: Any) -> str | None:
    """The party a claimant speaks for: its register entry's affiliation, else the entry;
    "Hamas (Basem Naim)" is looked up as written, then as "Hamas"."""
    for name in (claimant, claimant.split(" (", 1)[0]):
        actor = register.resolve(name)
        if actor is not None:
            return str(actor.affiliation or actor.name)
    return None


def items_of(w: Any) -> tuple[list[Item], dict[str, Record]]:
    """Every dispute as an ``Item``, and the records its sides rest on (cached per version)."""

    def build() -> tuple[list[Item], dict[str, Record]]:
        pairs = w.snapshot.get("disputes", lambda: all_disputes(w), heavy=True)
        ids = [rid for d, _ in pairs for side in d.sides for rid in side.records]
        records = w.dossier.records_by_id(ids)
        register = w.dossier.register()
        items = [Item(d, how, *subject_of(d, records), _parties(d, register)) for d, how in pairs]
        return items, records

    return w.snapshot.get("dispute-items", build, heavy=True)  # type: ignore[no-any-return]


def _parties(d: Dispute, register: Any) -> frozenset[str]:
    found = (party_of(side.claimed_by, register) for side in d.sides if side.claimed_by)
    return frozenset(p for p in found if p)


def index(items: list[Item]) -> list[tuple[str, int, list[tuple[str, list[Item]]]]]:
    """The items grouped by subject (with how many), then by what they are about."""
    out = []
    for subject in SUBJECTS:
        groups: dict[str, list[Item]] = {}
        for item in items:
            if item.subject == subject:
                groups.setdefault(item.about, []).append(item)
        if groups:
            count = sum(len(g) for g in groups.values())
            out.append((subject, count, sorted(groups.items(), key=lambda g: g[0].casefold())))
    return out


def matches(item: Item, party: str, who: str, subject: str, kind: str, origin: str) -> bool:
    return (
        (not party or party in item.parties)
        and (not who or who in item.claimants)
        and (not subject or item.subject == subject)
        and (not kind or item.dispute.kind == kind)
        and (not origin or item.origin == origin)
    )


@router.get("/disputes", response_class=HTMLResponse)
def disputes(request: Request) -> HTMLResponse:
    w = web(request)
    every, records = items_of(w)
    p = request.query_params
    chosen = {k: p.get(k, "") for k in ("party", "who", "subject", "kind", "origin")}
    items = [i for i in every if matches(i, **chosen)]
    shown = items[:LIMIT]
    cited = [records.get(r) for i in shown for side in i.dispute.sides for r in side.records]
    entries = {e.record.id: e for e in w.dossier.entries_for([r for r in cited if r])}
    return render(
        request,
        "disputes.html",
        items=shown,
        more=len(items) - len(shown),
        total=len(every),
        index=index(items),
        entries=entries,
        claimants=sorted({c for i in every for c in i.claimants}, key=str.casefold),
        parties=sorted({p for i in every for p in i.parties}, key=str.casefold),
        subjects=SUBJECTS,
        kinds=KINDS,
        origins=ORIGINS,
        chosen=chosen,
        filtered=any(chosen.values()),
        title="Disputes",
    )


def static_paths(w) -> list[str]:  # type: ignore[no-untyped-def]
    return ["/disputes"]
