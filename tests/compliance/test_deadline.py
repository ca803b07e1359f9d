"""Deadlines: met on the day of the act; past due, overdue until a record says it was not done."""

from __future__ import annotations

import pytest
from compliance_builders import Build, D, codes

from truceline.model import Statement


def talks(build: Build, **terms: object) -> dict[str, object]:
    base = {
        "phase": "p1",
        "act": {"kind": "event", "types": ["CONSULT"], "keywords": ["phase two talks"]},
        "what": "talks on phase 2",
        "due": "day 4",
    }
    return build.obligation("deadline", **{**base, **terms})


def test_act_before_the_due_day(build: Build) -> None:
    records = [build.event("e1", "2025-01-03", "CONSULT", ["A", "B"], sub_type="phase two talks")]
    ledger = build.ledger(build.agreement(talks(build)), records, as_of="2025-01-06")
    assert codes(ledger) == "PPMMMM"
    row = ledger.get("o")
    assert row is not None
    assert row.days[2].evidence == ("e1",)
    assert (row.lifecycle, row.done_on) == ("fulfilled", D(2025, 1, 3))


def test_no_act_is_overdue_not_breached(build: Build) -> None:
    unrelated = build.event("e1", "2025-01-02", "CONSULT", ["A"], sub_type="talks on prisoners")
    ledger = build.ledger(build.agreement(talks(build)), [unrelated], as_of="2025-01-07")
    assert codes(ledger) == "PPPPOOO"
    row = ledger.get("o")
    assert row is not None
    assert row.first_breach is None
    assert row.days[4].note == "no talks on phase 2 recorded by 2025-01-04"
    assert row.days[4].evidence == ()
    assert row.lifecycle == "overdue"


def test_late_act(build: Build) -> None:
    late = build.event("e1", "2025-01-07", "CONSULT", ["A"], sub_type="phase two talks")
    ledger = build.ledger(build.agreement(talks(build)), [late], as_of="2025-01-10")
    assert codes(ledger) == "PPPPOOMMMM"
    row = ledger.get("o")
    assert row is not None
    assert row.lifecycle == "fulfilled"
    assert row.days[6].note == "talks on phase 2 recorded on 2025-01-07, after 2025-01-04"


def test_the_act_is_read_from_labels_not_from_prose(build: Build) -> None:
    """A summary that negates the act ("not phase two talks") must not read as the act."""
    prose = build.event(
        "e1", "2025-01-03", "CONSULT", ["A"], summary="These were not phase two talks"
    )
    ledger = build.ledger(build.agreement(talks(build)), [prose], as_of="2025-01-05")
    assert codes(ledger) == "PPPPO"


def test_contrary_record_disputes_the_act(build: Build) -> None:
    obligation = talks(build, contrary={"types": ["REJECT"], "keywords": ["phase two"]})
    records = [
        build.event("yes", "2025-01-03", "CONSULT", ["A"], sub_type="phase two talks"),
        build.event("no", "2025-01-03", "REJECT", ["B"], sub_type="denies phase two talks"),
    ]
    ledger = build.ledger(build.agreement(obligation), records, as_of="2025-01-04")
    assert codes(ledger) == "PPDM"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[2].evidence, row.days[2].against) == (("yes",), ("no",))


def test_a_refusal_breaches_from_the_day_after_the_due_day(build: Build) -> None:
    obligation = talks(build, contrary={"types": ["REJECT"], "actors": ["A"]})
    refusal = build.event("no", "2025-01-02", "REJECT", ["A"], sub_type="refuses talks")
    ledger = build.ledger(build.agreement(obligation), [refusal], as_of="2025-01-06")
    assert codes(ledger) == "PPPPBB"
    row = ledger.get("o")
    assert row is not None
    assert [d.evidence for d in row.days[4:]] == [("no",), ("no",)]
    assert row.lifecycle == "violated"


def test_an_act_said_not_to_have_happened_breaches_only_past_due(build: Build) -> None:
    def denied(rid: str, date: str) -> object:
        return build.event(rid, date, "CONSULT", ["A"], sub_type="phase two talks", occurred=False)

    early, late = denied("e1", "2025-01-03"), denied("e2", "2025-01-06")
    ledger = build.ledger(build.agreement(talks(build)), [early, late], as_of="2025-01-07")
    assert codes(ledger) == "PPPPOBB"
    row = ledger.get("o")
    assert row is not None
    assert row.days[5].evidence == ("e2",)
    assert row.done_on is None


def test_words_are_not_the_act_unless_the_act_names_their_kind(build: Build) -> None:
    said = Statement(
        id="said", date="2025-01-03", speaker="A official", affiliation="A",
        quote="There will be no withdrawal", summary="rules out the withdrawal",
    )  # fmt: skip
    act = {"actors": ["A"], "keywords": ["withdrawal"]}
    ledger = build.ledger(build.agreement(talks(build, act=act)), [said], as_of="2025-01-05")
    assert codes(ledger) == "PPPPO"
    spoken = talks(build, act={**act, "kind": "statement"})
    assert codes(build.ledger(build.agreement(spoken), [said], as_of="2025-01-05")) == "PPMMM"


@pytest.mark.parametrize("mode", ["planned", "threatened", "hypothetical"])
def test_an_act_only_planned_or_threatened_is_not_the_act(build: Build, mode: str) -> None:
    intended = build.event(
        "p", "2025-01-03", "CONSULT", ["A"], sub_type="phase two talks", mode=mode
    )
    ledger = build.ledger(build.agreement(talks(build)), [intended], as_of="2025-01-06")
    assert codes(ledger) == "PPPPOO"  # never met on the plan, never breached on it either
    done = build.event("d", "2025-01-03", "CONSULT", ["A"], sub_type="phase two talks")
    ledger = build.ledger(build.agreement(talks(build)), [intended, done], as_of="2025-01-06")
    assert codes(ledger) == "PPMMMM"
