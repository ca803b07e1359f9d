from __future__ import annotations

from truceline.model import Proposal, Response
from truceline.negotiation import lineage


def test_lineage_of_the_mini_dossier(proposals, responses, sources) -> None:
    entries = lineage(list(proposals.values()), responses, sources)
    assert [e.proposal.id for e in entries] == ["p-witkoff", "p-bridge", "p-counter"]
    witkoff, bridge, counter = entries
    assert witkoff.superseded_by == ["p-bridge"]
    assert bridge.answered_by == ["p-counter"]
    assert bridge.countered_by == ["p-counter"]
    assert counter.answered_by == [] and counter.superseded_by == []
    assert [a.claim for a in witkoff.answers] == [
        "PMO says Hamas rejected “Witkoff framework”",
        "PMO says Israel accepted “Witkoff framework”",
        "Hamas says HAMAS accepted with conditions “Witkoff framework”"
        " (conditions: talks on phase 2 start)",
    ]
    assert witkoff.contested_parties == ["Hamas"]
    assert bridge.contested_parties == [] and counter.contested_parties == []
    assert [a.claim for a in counter.answers] == ["PMO says Israel rejected “Hamas counter-offer”"]


def test_lineage_json(proposals, responses, sources) -> None:
    data = [e.to_json() for e in lineage(list(proposals.values()), responses, sources)]
    assert data[1]["supersedes"] == "p-witkoff"
    assert data[2]["answers_proposal"] == "p-bridge"
    assert data[0]["terms"][1] == {
        "type": "release_captives",
        "phase": "1",
        "living": 10,
        "deceased": 18,
        "label": "release of captives (phase 1)",
        "description": "release 10 living + 18 deceased captives in phase 1",
    }
    assert data[0]["responses"][0]["outlets"] == ["Wire Agency"]


def test_undated_last_and_unknown_proposals_ignored() -> None:
    a = Proposal(id="a", title="A", proposer="X")
    b = Proposal(id="b", title="B", proposer="Y", date="2025-01-02")
    stray = Response(id="r", party="X", proposal="nope", stance="accept")
    entries = lineage([a, b], [stray])
    assert [e.proposal.id for e in entries] == ["b", "a"]
    assert all(e.answers == [] for e in entries)


def test_unattributed_answer_is_still_someones() -> None:
    p = Proposal(id="a", title="A", proposer="X")
    r = Response(id="r", party="Y", proposal="a", stance="no_answer")
    assert lineage([p], [r])[0].answers[0].claim == (
        "an unattributed source says Y gave no formal answer to “A”"
    )
