"""Contradicting accounts of a party's answer, read from reported speech."""

from __future__ import annotations

from truceline.model import Statement
from truceline.reconcile.stances import claim_disputes, stance_claims


def said(sid: str, speaker: str, quote: str, sentence: str, date: str = "2025-03-20") -> Statement:
    return Statement(
        id=sid,
        speaker=speaker,
        quote=quote,
        mode="indirect",
        date=date,
        sources=[{"source": f"src-{sid}", "text": sentence}],
    )


REJECTED = said(
    "us",
    "U.S. officials",
    "the group's negotiators turned down a U.S. extension offer",
    "Washington faulted Hamas, saying the group's negotiators turned down a U.S. extension offer.",
)
NOT_REJECTED = said(
    "hamas",
    "Hamas officials",
    "it never formally rejected any plan from Witkoff",
    "Hamas officials told a reporter that it never formally rejected any plan from Witkoff.",
)
RESPONDED = said(
    "egypt",
    "Egyptian officials",
    "Israel responded positively to the latest mediators' proposals",
    "Egyptian officials said Israel responded positively to the latest mediators' proposals.",
)
NEVER_RECEIVED = said(
    "pmo",
    "Netanyahu's office",
    "Israel got a fresh Egyptian proposal",
    "Netanyahu's office on Wednesday denied that Israel got a fresh Egyptian proposal.",
)


def test_claims_read_party_act_and_denial() -> None:
    got = {
        c.statement.id: (c.party, c.act, c.holds)
        for c in stance_claims([REJECTED, NOT_REJECTED, RESPONDED, NEVER_RECEIVED])
    }
    assert got == {
        "us": ("Hamas", "reject", True),
        "hamas": ("Hamas", "reject", False),
        "egypt": ("Israel", "accept", True),
        "pmo": ("Israel", "receive", False),
    }


def test_rejected_against_did_not_reject_and_answer_against_no_proposal() -> None:
    found = claim_disputes([REJECTED, NOT_REJECTED, RESPONDED, NEVER_RECEIVED])
    sides = sorted(sorted(s.records[0] for s in d.sides) for d in found)
    assert sides == [["egypt", "pmo"], ["hamas", "us"]]
    denial = next(s for d in found for s in d.sides if s.records == ["pmo"])
    assert denial.claim.startswith("Netanyahu's office says it is not so that")


def test_one_speaker_changing_their_account_is_no_dispute() -> None:
    accepted = said(
        "a",
        "Hamas",
        "Hamas had accepted the Qatari plan",
        "Hamas said Hamas had accepted the Qatari plan.",
    )
    rejected = said(
        "b",
        "Hamas",
        "Hamas had rejected the Qatari plan",
        "Hamas said Hamas had rejected the Qatari plan.",
    )
    assert claim_disputes([accepted, rejected]) == []


def test_claims_about_different_proposers_plans_do_not_clash() -> None:
    egyptian = said(
        "e",
        "Cairo officials",
        "Hamas had accepted the Egyptian plan",
        "They said Hamas had accepted the Egyptian plan.",
    )
    qatari = said(
        "q",
        "Doha officials",
        "Hamas had rejected the Qatari plan",
        "They said Hamas had rejected the Qatari plan.",
    )
    assert claim_disputes([egyptian, qatari]) == []


def test_claims_weeks_apart_are_outside_the_window() -> None:
    early = said(
        "x",
        "Israeli officials",
        "Hamas had accepted the plan",
        "Israeli officials said Hamas had accepted the plan.",
        "2025-02-01",
    )
    late = said(
        "y",
        "Hamas officials",
        "Hamas had rejected the plan",
        "Hamas officials said Hamas had rejected the plan.",
        "2025-02-25",
    )
    assert claim_disputes([early, late], window_days=3) == []
    assert len(claim_disputes([early, late], window_days=30)) == 1
