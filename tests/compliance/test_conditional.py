"""Conditionals: pending until the trigger, then the terms under ``then``."""

from __future__ import annotations

from compliance_builders import Build, D, codes


def withdrawal(build: Build, trigger: dict[str, object]) -> dict[str, object]:
    return build.obligation(
        "conditional",
        phase="p1",
        trigger=trigger,
        then={
            "kind": "deadline",
            "act": {"types": ["RETREAT"], "actors": ["A"], "keywords": ["corridor"]},
            "what": "withdrawal from the corridor",
            "due": "trigger + 2",
        },
    )


def test_trigger_on_a_record(build: Build) -> None:
    trigger = {"when": {"types": ["RELEASE"], "keywords": ["last exchange"]}}
    records = [
        build.event("last", "2025-01-04", "RELEASE", ["B"], sub_type="the last exchange"),
        build.event("out", "2025-01-08", "RETREAT", ["A"], sub_type="leaves the corridor"),
    ]
    ledger = build.ledger(build.agreement(withdrawal(build, trigger)), records)
    # pending days 1-3 (no trigger), day 4 trigger, due day 6, overdue day 7, met day 8
    assert codes(ledger) == "PPPPPPOMMM"
    row = ledger.get("o")
    assert row is not None
    assert row.trigger == D(2025, 1, 4)
    assert row.due == D(2025, 1, 6)
    assert row.kind == "conditional deadline"
    assert row.lifecycle == "fulfilled"


def test_untriggered_conditional_waits_then_is_discharged(build: Build) -> None:
    trigger = {"when": {"types": ["RELEASE"]}}
    ledger = build.ledger(build.agreement(withdrawal(build, trigger)), [], as_of="2025-01-05")
    assert codes(ledger) == "PPPPP"
    row = ledger.get("o")
    assert row is not None
    assert (row.lifecycle, row.due) == ("created", None)
    ledger = build.ledger(build.agreement(withdrawal(build, trigger)), [], as_of="2025-02-01")
    row = ledger.get("o")
    assert row is not None
    assert row.lifecycle == "discharged"


def test_trigger_on_a_day_has_a_known_due_day_in_advance(build: Build) -> None:
    ledger = build.ledger(
        build.agreement(withdrawal(build, {"day": "day 5"})), [], as_of="2025-01-03"
    )
    row = ledger.get("o")
    assert row is not None
    assert codes(ledger) == "PPP"
    assert row.due == D(2025, 1, 7)


def test_phase_started_by_a_record(build: Build) -> None:
    phases = [
        {"id": "p1", "start": {"day": "day 1"}, "length_days": 10},
        {"id": "p2", "start": {"when": {"types": ["AGREE"], "keywords": ["phase two"]}},
         "length_days": 3},
    ]  # fmt: skip
    obligation = build.obligation("prohibition", phase="p2", match={"types": ["ASSAULT"]})
    agreement = build.agreement(obligation, phases=phases)
    records = [
        build.event("late", "2025-01-06", "AGREE", ["A"], sub_type="phase two agreed again"),
        build.event("start", "2025-01-04", "AGREE", ["A"], sub_type="phase two agreed"),
        build.event("hit", "2025-01-05", "ASSAULT", ["B"]),
    ]
    ledger = build.ledger(agreement, records)
    row = ledger.get("o")
    assert row is not None
    assert (row.start, row.end) == (D(2025, 1, 4), D(2025, 1, 6))
    assert codes(ledger) == "-B-"


def test_a_refusal_made_before_the_trigger_breaches_once_past_due(build: Build) -> None:
    """A party that said, while the agreement was in force, that it would not do the act
    has refused this act even before the trigger started the deadline."""
    obligation = withdrawal(build, {"day": "day 5"})
    obligation["then"]["contrary"] = {"types": ["REJECT"], "actors": ["A"]}  # type: ignore[index]
    refusal = build.event("no", "2025-01-02", "REJECT", ["A"], sub_type="will not leave")
    ledger = build.ledger(build.agreement(obligation), [refusal], as_of="2025-01-09")
    # trigger day 5, due day 7; the day-2 refusal decides day 8 on
    assert codes(ledger) == "PPPPPPPBB"
    row = ledger.get("o")
    assert row is not None
    assert row.days[7].evidence == ("no",)
