"""The negotiation record: proposals in date order, linked, with every answer claimed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from truceline.model import Proposal, Response, Source
from truceline.negotiation.terms import describe, label
from truceline.reconcile import claimant, outlets, says, stance_disputes, stance_phrase


@dataclass(frozen=True)
class Answer:
    """A response as claimed by someone: "PMO says Hamas rejected …"."""

    response: Response
    claim: str
    claimed_by: str
    outlets: list[str]

    def to_json(self) -> dict[str, Any]:
        r = self.response
        return {
            "id": r.id,
            "party": r.party,
            "stance": r.stance,
            "date": r.date,
            "claim": self.claim,
            "claimed_by": self.claimed_by,
            "conditions": r.conditions,
            "counter_proposal": r.counter_proposal,
            "sources": [e.source for e in r.sources],
            "outlets": self.outlets,
        }


@dataclass(frozen=True)
class LineageEntry:
    """One proposal in the record, with its links and its answers."""

    proposal: Proposal
    answers: list[Answer] = field(default_factory=list)
    answered_by: list[str] = field(default_factory=list)
    superseded_by: list[str] = field(default_factory=list)
    countered_by: list[str] = field(default_factory=list)
    contested_parties: list[str] = field(default_factory=list)
    compared_with: str | None = None  # the earlier version its terms are diffed against

    def to_json(self) -> dict[str, Any]:
        p = self.proposal
        return {
            "id": p.id,
            "date": p.date,
            "title": p.title,
            "proposer": p.proposer,
            "mediators": p.mediators,
            "claimed_by": p.claimed_by,
            "answers_proposal": p.answers,
            "supersedes": p.supersedes,
            "answered_by": self.answered_by,
            "superseded_by": self.superseded_by,
            "countered_by": self.countered_by,
            "compared_with": self.compared_with,
            "terms": [
                {
                    **t.model_dump(mode="json", exclude_none=True, exclude_defaults=True),
                    "type": t.type,
                    "label": label(t),
                    "description": describe(t),
                }
                for t in p.terms
            ],
            "conditions": p.conditions,
            "sources": [e.source for e in p.sources],
            "responses": [a.to_json() for a in self.answers],
            "contested_parties": self.contested_parties,
        }


def _order(record: Proposal | Response) -> tuple[bool, str, str]:
    return (record.date is None, str(record.day or ""), record.id)


def lineage(
    proposals: list[Proposal],
    responses: list[Response],
    sources: Mapping[str, Source] | None = None,
    stance_window_days: int = 3,
) -> list[LineageEntry]:
    """Proposals in date order (undated last), each with its answers in date order.

    ``contested_parties`` names the parties for whom sources claim different
    stances on this proposal within ``stance_window_days`` of each other (the
    rule ``detect_disputes`` uses; a stance that changes later is not contested).
    Responses to proposals that are not in ``proposals`` are left out.
    ``compared_with`` is the earlier version of each proposal (``earlier_version``).
    """
    sources = sources or {}
    known = {p.id for p in proposals}
    answered_by: dict[str, list[str]] = defaultdict(list)
    superseded_by: dict[str, list[str]] = defaultdict(list)
    countered_by: dict[str, list[str]] = defaultdict(list)
    for p in sorted(proposals, key=_order):
        if p.answers in known:
            answered_by[p.answers].append(p.id)
        if p.supersedes in known:
            superseded_by[p.supersedes].append(p.id)
    by_proposal: dict[str, list[Response]] = defaultdict(list)
    for r in sorted(responses, key=_order):
        if r.proposal in known:
            by_proposal[r.proposal].append(r)
            if r.counter_proposal in known and r.counter_proposal not in countered_by[r.proposal]:
                countered_by[r.proposal].append(r.counter_proposal)
    countering = {
        r.counter_proposal: r.proposal
        for r in sorted(responses, key=_order, reverse=True)  # the earliest response wins
        if r.counter_proposal in known and r.proposal in known
    }
    entries = []
    for p in sorted(proposals, key=_order):
        answers = []
        for r in by_proposal[p.id]:
            who = claimant(r, sources)
            answers.append(Answer(r, says(who, stance_phrase(r, p)), who, outlets(r, sources)))
        clashes = stance_disputes(by_proposal[p.id], {p.id: p}, sources, stance_window_days)
        party_of = {r.id: r.party for r in by_proposal[p.id]}
        contested = list(dict.fromkeys(party_of[d.sides[0].records[0]] for d in clashes))
        entries.append(
            LineageEntry(
                p,
                answers,
                answered_by[p.id],
                superseded_by[p.id],
                countered_by[p.id],
                contested,
                earlier_version(p, known, countering),
            )
        )
    return entries


def earlier_version(
    proposal: Proposal, known: Collection[str], countering: Mapping[str, str]
) -> str | None:
    """The proposal this one is a new version of: the one it answers, else the one it
    supersedes, else the one a response says it counters; None when the dossier records
    no such link. Never the proposal merely dated before it: two proposals in a row
    may be on different tracks, and a diff between them would invent changes.
    """
    for ref in (proposal.answers, proposal.supersedes, countering.get(proposal.id)):
        if ref and ref in known and ref != proposal.id:
            return ref
    return None
