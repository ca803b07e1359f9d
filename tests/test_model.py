"""One-line descriptions of records, shared by the CLI and the dashboard."""

from __future__ import annotations

from truceline.model import Event, Figure, Proposal, Response, Statement, describe, summary_of


def test_each_kind_reads_as_one_line() -> None:
    said = Statement(id="s", speaker="Majed al-Ansari", quote="Talks continue", date="2025-02-03")
    count = Figure(id="f", metric="aid_trucks", value=630, qualifier="at_least", who="trucks")
    exact = Figure(id="g", metric="killed", value=3)
    event = Event(id="e", type="RETREAT", actors=["IDF"], summary="Troops leave Netzarim")
    plan = Proposal(id="p", title="Phase-two framework", proposer="Egypt")
    answer = Response(id="r", party="Hamas", proposal="p", stance="no_answer")
    assert [describe(r) for r in (said, count, exact, event, plan, answer)] == [
        "Majed al-Ansari: “Talks continue”",
        "aid trucks: at least 630 (trucks)",
        "killed: 3",
        "Troops leave Netzarim",
        "Phase-two framework (proposed by Egypt)",
        "Hamas: no answer on p",
    ]
    assert summary_of(said) == "Talks continue"
