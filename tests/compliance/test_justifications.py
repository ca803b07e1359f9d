"""Claimed justifications: a strike claimed as self-defence stays a breach, shown with the claim.

Fixture: the agreement bars party A from strikes and excepts self-defence
against an imminent threat. On day 2 A strikes a launch site and says it
acted in self-defence; on day 5 A strikes a depot and cites retaliation,
which the clause does not except.
"""

from __future__ import annotations

from compliance_builders import Build, codes

from truceline.compliance.ledger import day_json
from truceline.model import Justification

STRIKES = {"types": ["ASSAULT"], "actors": ["A"]}
SELF_DEFENCE = {"id": "self-defence", "text": "self-defence against an imminent threat"}


def _agreement(build: Build) -> object:
    return build.agreement(
        build.obligation("prohibition", match=STRIKES, exceptions=[SELF_DEFENCE])
    )


def _strike(build: Build, rid: str, day: int, claim: str, exception: str | None) -> object:
    why = Justification(claim=claim, claimed_by="A", exception=exception)
    return build.event(rid, f"2025-01-{day:02d}", "ASSAULT", ["A"], justification=why)


def test_a_claimed_exception_never_excuses_the_breach(build: Build) -> None:
    records = [
        _strike(build, "s2", 2, "self-defence against rockets about to launch", "self-defence"),
        _strike(build, "s5", 5, "retaliation for an earlier attack", "retaliation"),
    ]
    ledger = build.ledger(_agreement(build), records, as_of="2025-01-06")
    assert codes(ledger) == "-B--B-"
    row = ledger.get("o")
    assert row is not None and row.lifecycle == "violated"
    listed, unlisted = row.days[1].claims[0], row.days[4].claims[0]
    assert (listed.record, listed.claimed_by, listed.exception, listed.listed) == (
        "s2",
        "A",
        "self-defence",
        True,
    )
    assert (unlisted.exception, unlisted.listed) == ("retaliation", False)
    assert "A claims self-defence" in (row.days[1].note or "")
    assert "not an exception the clause lists" in (row.days[4].note or "")


def test_claims_appear_in_the_json_only_where_made(build: Build) -> None:
    records = [_strike(build, "s2", 2, "self-defence", None), build.event("s3", "2025-01-03",
               "ASSAULT", ["A"])]  # fmt: skip
    row = build.ledger(_agreement(build), records, as_of="2025-01-03").get("o")
    assert row is not None
    assert day_json(row.days[1])["claims"] == [
        {"record": "s2", "claim": "self-defence", "claimed_by": "A", "exception": None,
         "listed": False}
    ]  # fmt: skip
    assert "claims" not in day_json(row.days[2])
