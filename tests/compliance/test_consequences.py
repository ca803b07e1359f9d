"""What accepting records would decide: two ledgers compared, runs of days kept together."""

from __future__ import annotations

from compliance_builders import Build, D

from truceline.compliance.consequences import compare


def quota(build: Build) -> dict[str, object]:
    return build.obligation("quota", phase="p1", metric="aid_trucks", unit="one truck", target=600)


def test_a_count_on_a_silent_day_turns_it_from_unreported_to_met(build: Build) -> None:
    agreement = build.agreement(quota(build))
    known = [build.figure("f1", "2025-01-01", "aid_trucks", 650)]
    candidate = build.figure("f3", "2025-01-03", "aid_trucks", 700)
    before = build.ledger(agreement, known)
    after = build.ledger(agreement, [*known, candidate])
    found = compare(before, after, {"f3"})
    assert [(c.obligation, c.first, c.last, c.before, c.after) for c in found.changes] == [
        ("o", D(2025, 1, 3), D(2025, 1, 3), "unreported", "met")
    ]
    assert found.changes[0].clause == "1"
    assert not found.decides_nothing
    assert found.cited == 0


def test_a_count_short_of_the_target_breaches_and_a_second_count_only_backs(build: Build) -> None:
    agreement = build.agreement(quota(build))
    known = [build.figure("f1", "2025-01-01", "aid_trucks", 650)]
    before = build.ledger(agreement, known)
    short = build.figure("f2", "2025-01-02", "aid_trucks", 300)
    assert [(c.before, c.after) for c in compare(
        before, build.ledger(agreement, [*known, short]), {"f2"}
    ).changes] == [("unreported", "breached")]  # fmt: skip
    again = build.figure("f1b", "2025-01-01", "aid_trucks", 650)
    same = compare(before, build.ledger(agreement, [*known, again]), {"f1b"})
    assert same.decides_nothing
    assert same.cited == 1  # day 1 stays met, now on two counts


def test_consecutive_days_moving_alike_are_one_range(build: Build) -> None:
    talks = build.obligation(
        "deadline",
        phase="p1",
        act={"kind": "event", "types": ["CONSULT"], "keywords": ["phase two talks"]},
        what="talks on phase 2",
        due="day 4",
    )
    agreement = build.agreement(talks)
    before = build.ledger(agreement, [], as_of="2025-01-07")  # PPPPOOO
    held = build.event("e1", "2025-01-03", "CONSULT", ["A", "B"], sub_type="phase two talks")
    after = build.ledger(agreement, [held], as_of="2025-01-07")  # PPMMMMM
    found = compare(before, after, {"e1"})
    assert [(c.first, c.last, c.before, c.after) for c in found.changes] == [
        (D(2025, 1, 3), D(2025, 1, 4), "pending", "met"),
        (D(2025, 1, 5), D(2025, 1, 7), "overdue", "met"),
    ]
    assert [c.days for c in found.changes] == [2, 3]
    assert found.days == 5


def test_nothing_accepted_decides_nothing(build: Build) -> None:
    agreement = build.agreement(quota(build))
    ledger = build.ledger(agreement, [])
    found = compare(ledger, build.ledger(agreement, []), set())
    assert found.decides_nothing and found.days == 0 and found.cited == 0
