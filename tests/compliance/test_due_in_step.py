"""Obligations due in step with another party's act, or as soon as possible.

Fixture: party A is to open a crossing within three days of party B freeing
a group of detainees; B is also to hand over remains "as soon as possible".
B frees the detainees on day 4; A opens the crossing on day 9. A mediator
says on day 5 that the remains have still not been handed over, and B
refuses on day 8.
"""

from __future__ import annotations

import pytest
from compliance_builders import Build, codes
from pydantic import ValidationError

from truceline.compliance import deadlines
from truceline.model import Statement

HANDOVER = {"types": ["RETURN"], "actors": ["B"]}


def _opening(build: Build) -> dict:
    return build.obligation(
        "conditional",
        trigger={"when": {"types": ["RELEASE"], "actors": ["B"]}},
        then={"kind": "deadline", "act": {"types": ["AID"], "actors": ["A"]},
              "what": "opening of the crossing", "due": "trigger + 3"},
    )  # fmt: skip


def test_due_within_days_of_the_other_partys_act(build: Build) -> None:
    records = [
        build.event("freed", "2025-01-04", "RELEASE", ["B"]),
        build.event("opened", "2025-01-09", "AID", ["A"]),
    ]
    ledger = build.ledger(build.agreement(_opening(build)), records)
    assert codes(ledger) == "PPPPPPPOMM"
    row = ledger.get("o")
    assert row is not None and row.due is not None and row.due.isoformat() == "2025-01-07"


def _handover(build: Build) -> dict:
    return build.obligation(
        "deadline", party="B", act=HANDOVER, what="handover of remains",
        due="as soon as possible", contrary={"kind": "statement", "actors": ["B"]},
    )  # fmt: skip


def test_as_soon_as_possible_is_never_overdue_by_the_clock(build: Build) -> None:
    ledger = build.ledger(build.agreement(_handover(build)), [])
    assert codes(ledger) == "P" * 10
    item = deadlines(ledger)[0]
    assert item.state == "upcoming" and "as soon as possible" in item.text
    assert item.asap and item.due is None  # lists say "as soon as possible", not "not yet known"
    dated = deadlines(build.ledger(build.agreement(_opening(build)), []))[0]
    assert not dated.asap


def test_as_soon_as_possible_overdue_on_a_record_then_breached_on_a_refusal(
    build: Build,
) -> None:
    records = [
        build.event("not-yet", "2025-01-05", "RETURN", ["B"], occurred=False),
        Statement(
            id="refusal", date="2025-01-08", speaker="B", quote="We will not hand them over."
        ),
    ]
    ledger = build.ledger(build.agreement(_handover(build)), records)
    assert codes(ledger) == "PPPPOOOBBB"
    row = ledger.get("o")
    assert row is not None
    assert row.days[4].evidence == ("not-yet",) and row.days[7].evidence == ("refusal",)
    assert deadlines(ledger)[0].state == "breached"


def test_as_soon_as_possible_met_on_the_act(build: Build) -> None:
    records = [build.event("handed", "2025-01-03", "RETURN", ["B"])]
    assert codes(build.ledger(build.agreement(_handover(build)), records)) == "PPMMMMMMMM"


def test_a_due_that_is_neither_names_both_forms(build: Build) -> None:
    with pytest.raises(ValidationError, match="or as soon as possible"):
        build.agreement(build.obligation("deadline", act=HANDOVER, what="x", due="soonish"))
