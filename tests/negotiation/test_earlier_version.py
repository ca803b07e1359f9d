"""A proposal is compared with its earlier version only, never with whatever came before it."""

from __future__ import annotations

from truceline.model import Proposal, Response, Term
from truceline.negotiation import lineage


def proposal(pid: str, date: str, **links: str) -> Proposal:
    return Proposal(
        id=pid,
        date=date,
        title=f"Offer {pid}",
        proposer="Mediators",
        terms=[Term(type="truce", days=7)],
        **links,
    )


def test_each_proposal_is_compared_with_what_it_answers_supersedes_or_counters() -> None:
    proposals = [
        proposal("p-first", "2025-01-01"),
        proposal("p-other-track", "2025-01-02"),
        proposal("p-answer", "2025-01-03", answers="p-first"),
        proposal("p-revision", "2025-01-04", supersedes="p-answer"),
        proposal("p-counter", "2025-01-05"),
        proposal("p-orphan", "2025-01-06", answers="p-not-in-the-dossier"),
    ]
    responses = [
        Response(
            id="r-counter",
            date="2025-01-05",
            party="Hamas",
            proposal="p-other-track",
            stance="counter",
            counter_proposal="p-counter",
        )
    ]
    found = {e.proposal.id: e.compared_with for e in lineage(proposals, responses)}
    assert found == {
        "p-first": None,
        "p-other-track": None,  # dated after p-first, but on another track
        "p-answer": "p-first",
        "p-revision": "p-answer",
        "p-counter": "p-other-track",
        "p-orphan": None,
    }


def test_the_earlier_version_is_in_the_json() -> None:
    entries = lineage(
        [proposal("p-first", "2025-01-01"), proposal("p-next", "2025-01-02", supersedes="p-first")],
        [],
    )
    assert [e.to_json()["compared_with"] for e in entries] == [None, "p-first"]
