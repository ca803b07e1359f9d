"""Deadlines: met on the day of the act, breached the day after the due day without it."""

from __future__ import annotations

from compliance_builders import Build, D, codes


def talks(build: Build, **terms: object) -> dict[str, object]:
    base = {
        "phase": "p1",
        "act": {"kind": "event", "types": ["CONSULT"], "keywords": ["phase two talks"]},
        "what": "talks on phase 2",
        "due": "day 4",
    }
    return build.obligation("deadline", **{**base, **terms})


def test_act_before_the_due_day(build: Build) -> None:
    records = [
        build.event("e1", "2025-01-03", "CONSULT", ["A", "B"], summary="Phase two talks open")
    ]
    ledger = build.ledger(build.agreement(talks(build)), records, as_of="2025-01-06")
    assert codes(ledger) == "PPMMMM"
    row = ledger.get("o")
    assert row is not None
    assert row.days[2].evidence == ("e1",)
    assert row.lifecycle == "fulfilled"


def test_no_act_breaches_from_the_day_after(build: Build) -> None:
    unrelated = build.event("e1", "2025-01-02", "CONSULT", ["A"], summary="talks on prisoners")
    ledger = build.ledger(build.agreement(talks(build)), [unrelated], as_of="2025-01-07")
    assert codes(ledger) == "PPPPBBB"
    row = ledger.get("o")
    assert row is not None
    assert row.first_breach == D(2025, 1, 5)
    assert row.days[4].note == "no talks on phase 2 recorded by 2025-01-04"
    assert row.lifecycle == "violated"


def test_late_act(build: Build) -> None:
    late = build.event("e1", "2025-01-07", "CONSULT", ["A"], summary="Phase two talks start")
    ledger = build.ledger(build.agreement(talks(build)), [late], as_of="2025-01-10")
    assert codes(ledger) == "PPPPBBMMMM"
    row = ledger.get("o")
    assert row is not None
    assert row.lifecycle == "violated"
    assert row.days[6].note == "talks on phase 2 recorded on 2025-01-07, after 2025-01-04"


def test_contrary_record_disputes_the_act(build: Build) -> None:
    obligation = talks(build, contrary={"types": ["REJECT"], "keywords": ["phase two"]})
    records = [
        build.event("yes", "2025-01-03", "CONSULT", ["A"], summary="Phase two talks open"),
        build.event("no", "2025-01-03", "REJECT", ["B"], summary="B denies phase two talks began"),
    ]
    ledger = build.ledger(build.agreement(obligation), records, as_of="2025-01-04")
    assert codes(ledger) == "PPDM"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[2].evidence, row.days[2].against) == (("yes",), ("no",))


def test_an_act_said_not_to_have_happened_does_not_meet_it(build: Build) -> None:
    denied = build.event(
        "e1", "2025-01-03", "CONSULT", ["A", "B"], summary="Phase two talks open", occurred=False
    )
    ledger = build.ledger(build.agreement(talks(build)), [denied], as_of="2025-01-05")
    assert codes(ledger) == "PPPPB"
