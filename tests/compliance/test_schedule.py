"""Schedules: cumulative due against cumulative done, disputes kept as ranges."""

from __future__ import annotations

from compliance_builders import Build, codes

from truceline.model import FigureValue


def releases(build: Build, **terms: object) -> dict[str, object]:
    base = {
        "phase": "p1",
        "match": {"kind": "event", "types": ["RELEASE"], "actors": ["B"]},
        "metric": "captives_released",
        "instalments": [{"due": "day 1", "count": 3}, {"due": "day 4", "count": 4},
                        {"due": "day 8", "count": 3}],
    }  # fmt: skip
    return build.obligation("schedule", party="B", **{**base, **terms})


def release(build: Build, rid: str, date: str, n: float, **extra: object):  # type: ignore[no-untyped-def]
    figures = [FigureValue(metric="captives_released", value=n)]
    return build.event(rid, date, "RELEASE", ["B"], figures=figures, **extra)


def test_cumulative_due_against_done(build: Build) -> None:
    records = [
        release(build, "r1", "2025-01-01", 3),
        release(build, "r2", "2025-01-05", 2),  # 5 of 7 due by day 4
        release(build, "r3", "2025-01-06", 2),  # 7 of 7
        release(build, "r4", "2025-01-09", 3),  # 10 of 10, a day late
    ]
    ledger = build.ledger(build.agreement(releases(build)), records)
    #                            1 2 3 4 5 6 7 8 9 10
    # days 4 and 8: short of the instalment with no count that day -> overdue, not breached
    assert codes(ledger) == "MMMOBMMOMM"
    row = ledger.get("o")
    assert row is not None
    assert row.days[4].note == "done 5 of 7 due"
    assert row.days[4].evidence == ("r2",)
    assert row.lifecycle == "violated"


def test_nothing_recorded_is_overdue_never_breached(build: Build) -> None:
    ledger = build.ledger(build.agreement(releases(build)), [], as_of="2025-01-03")
    assert codes(ledger) == "OOO"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[0].evidence, row.days[0].note) == ((), "done 0 of 3 due: no count recorded")
    assert row.lifecycle == "overdue"


def test_a_met_total_carries_the_records_it_rests_on(build: Build) -> None:
    records = [release(build, "r1", "2025-01-01", 3)]
    ledger = build.ledger(build.agreement(releases(build)), records, as_of="2025-01-03")
    row = ledger.get("o")
    assert row is not None
    assert [(d.status, d.evidence) for d in row.days] == [("met", ("r1",))] * 3


def test_nothing_due_yet_is_pending(build: Build) -> None:
    obligation = releases(build, instalments=[{"due": "day 3", "count": 1}])
    ledger = build.ledger(build.agreement(obligation), [], as_of="2025-01-03")
    assert codes(ledger) == "PPO"


def test_disputed_counts_are_a_range(build: Build) -> None:
    records = [
        release(build, "r1", "2025-01-01", 3),
        release(build, "say-4", "2025-01-04", 4),
        release(build, "say-2", "2025-01-04", 2),
    ]
    dispute = build.dispute("d", ["say-4"], ["say-2"])
    ledger = build.ledger(
        build.agreement(releases(build)), records, as_of="2025-01-05", disputes=[dispute]
    )
    # day 4: done 5-7 of 7 due, disputed (both ids kept); day 5: still straddling
    assert codes(ledger) == "MMMDD"
    row = ledger.get("o")
    assert row is not None
    assert row.days[3].note == "done 5–7 of 7 due"
    assert (row.days[3].evidence, row.days[3].against) == (("say-4", "say-2"), ())


def test_equal_figures_of_one_day_count_once(build: Build) -> None:
    obligation = releases(build, match={"kind": "figure"}, metric="captives_released")
    f = build.figure
    records = [
        f("a", "2025-01-01", "captives_released", 3, claimed_by="X"),
        f("b", "2025-01-01", "captives_released", 3, claimed_by="Y"),
        f("c", "2025-01-04", "captives_released", 4, claimed_by="X"),
        f("d", "2025-01-04", "captives_released", 3, claimed_by="Y"),
    ]
    ledger = build.ledger(build.agreement(obligation), records, as_of="2025-01-04")
    assert codes(ledger) == "MMMD"


def test_due_in_proportion_to_another_series(build: Build) -> None:
    per = {
        "match": {"kind": "event", "types": ["RELEASE"], "actors": ["B"]},
        "metric": "captives_released",
        "ratio": 30,
        "lag_days": 1,
    }
    obligation = {
        "id": "prisoners", "kind": "schedule", "party": "A", "clause": {"ref": "1", "text": "30 per captive"},
        "phase": "p1", "match": {"kind": "event", "types": ["RELEASE"], "actors": ["A"]},
        "metric": "prisoners_released", "per": per,
    }  # fmt: skip
    prisoners = [FigureValue(metric="prisoners_released", value=90)]
    records = [
        release(build, "c1", "2025-01-01", 3),
        build.event("p1", "2025-01-02", "RELEASE", ["A"], figures=prisoners),
        release(build, "c2", "2025-01-04", 2),
    ]
    ledger = build.ledger(build.agreement(obligation), records, as_of="2025-01-06")
    # due 90 from day 2, 150 from day 5; done 90 from day 2
    assert codes(ledger, "prisoners") == "PMMMOO"
