"""Quotas: a daily series per counting body against a target; no count is unreported."""

from __future__ import annotations

import gc

from compliance_builders import Build, D, codes


def quota(build: Build, **terms: object) -> dict[str, object]:
    base = {"phase": "p1", "metric": "aid_trucks", "unit": "one truck", "target": 600}
    return build.obligation("quota", **{**base, **terms})


def test_daily_series_against_target(build: Build) -> None:
    agreement = build.agreement(quota(build, counted_by="OCHA"))
    f = build.figure
    records = [
        f("f1", "2025-01-01", "aid_trucks", 630, counted_by="OCHA"),
        f("f2", "2025-01-02", "aid_trucks", 599, counted_by="OCHA"),
        # day 3: no count at all -> unreported, never zero
        f("f4", "2025-01-04", "aid_trucks", 801, qualifier="at_least", counted_by="OCHA"),
        f("f5", "2025-01-05", "aid_trucks", 500, qualifier="at_least", counted_by="OCHA"),
        f("f6", "2025-01-06", "aid_trucks", 600, qualifier="nearly", counted_by="OCHA"),
        f("f7", "2025-01-07", "aid_trucks", 700, counted_by="OCHA"),
        f("f7b", "2025-01-07", "aid_trucks", 650, counted_by="OCHA"),  # same body, other count
        f("f8", "2025-01-08", "aid_trucks", 100, counted_by="COGAT"),  # other body: not counted
        f("f9", "2025-01-09", "aid_trucks", 900, counted_by="OCHA", state="candidate"),
    ]
    ledger = build.ledger(agreement, records)
    #                            1 2 3 4 5 6 7 8 9 10
    assert codes(ledger) == "MB-MUBD---"
    row = ledger.get("o")
    assert row is not None
    assert row.days[0].evidence == ("f1",)
    assert row.days[0].value == 630
    assert row.days[6].evidence == ("f7", "f7b")
    assert row.first_breach == D(2025, 1, 2)
    assert [s.counted_by for s in row.series] == ["OCHA"]


def test_bodies_kept_apart_and_disagreement_is_disputed(build: Build) -> None:
    agreement = build.agreement(quota(build))
    f = build.figure
    records = [
        f("ocha-1", "2025-01-01", "aid_trucks", 630, counted_by="OCHA"),
        f("egypt-1", "2025-01-01", "aid_trucks", 330, counted_by="Egypt"),
        f("ocha-2", "2025-01-02", "aid_trucks", 915, counted_by="OCHA"),
        f("egypt-2", "2025-01-02", "aid_trucks", 650, counted_by="Egypt"),
        f("egypt-3", "2025-01-03", "aid_trucks", 260, counted_by="Egypt"),
    ]
    ledger = build.ledger(agreement, records, as_of="2025-01-04")
    assert codes(ledger) == "DMB-"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[0].evidence, row.days[0].against) == (("ocha-1",), ("egypt-1",))
    assert row.days[1].evidence == ("egypt-2", "ocha-2")
    assert [(s.counted_by, [p.value for p in s.points]) for s in row.series] == [
        ("Egypt", [330, 650, 260]),
        ("OCHA", [630, 915]),
    ]


def test_dispute_object_makes_the_day_disputed(build: Build) -> None:
    agreement = build.agreement(quota(build, counted_by="OCHA"))
    records = [
        build.figure("f1", "2025-01-01", "aid_trucks", 630, counted_by="OCHA"),
        build.figure("f2", "2025-01-01", "aid_trucks", 100, counted_by="Other"),
    ]
    dispute = build.dispute("d1", ["f1"], ["f2"])
    ledger = build.ledger(agreement, records, as_of="2025-01-02", disputes=[dispute])
    assert codes(ledger) == "D-"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[0].evidence, row.days[0].against) == (("f1",), ("f2",))


def test_weekly_sum(build: Build) -> None:
    weekly = quota(build, target=3000, period="week", start="day 1", end="day 14", phase=None)
    agreement = build.agreement(weekly)
    records = [build.figure(f"w{i}", f"2025-01-0{i}", "aid_trucks", 500) for i in range(1, 8)] + [
        build.figure("x", "2025-01-08", "aid_trucks", 3100)
    ]
    ledger = build.ledger(agreement, records, as_of="2025-01-14")
    # week 1: 3500 >= 3000 met; week 2: 3100 already reached on day 8
    assert codes(ledger) == "MMMMMMM" + "MMMMMMM"
    ledger = build.ledger(agreement, records[:6], as_of="2025-01-10")
    # week 1 has six counts summing to 3000 -> met; week 2 is under way with nothing counted
    assert codes(ledger) == "MMMMMMM" + "---"


def test_collector_state_is_restored(build: Build) -> None:
    """The engine never changes the garbage collector's state (web threads share it)."""
    agreement = build.agreement(quota(build))
    records = [build.figure("f", "2025-01-02", "aid_trucks", 630)]
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            build.ledger(agreement, records)
            assert gc.isenabled() is enabled
        finally:
            gc.enable()


def test_same_body_counts_that_bound_each_other_are_read_together(build: Build) -> None:
    agreement = build.agreement(quota(build, counted_by="OCHA"))
    f = build.figure
    records = [
        # day 1: "at least 330", later "404": both true of 404 -> 404, short of 600
        f("early", "2025-01-01", "aid_trucks", 330, qualifier="at_least", counted_by="OCHA"),
        f("final", "2025-01-01", "aid_trucks", 404, counted_by="OCHA"),
        # day 2: between 500 and 700 -> cannot say
        f("low", "2025-01-02", "aid_trucks", 500, qualifier="at_least", counted_by="OCHA"),
        f("high", "2025-01-02", "aid_trucks", 700, qualifier="nearly", counted_by="OCHA"),
        # day 3: "more than 600" and "600" cannot both be true
        f("more", "2025-01-03", "aid_trucks", 600, qualifier="more_than", counted_by="OCHA"),
        f("exact", "2025-01-03", "aid_trucks", 600, counted_by="OCHA"),
        # day 4: "at least 650" and "up to 700" -> met whatever the true value
        f("a", "2025-01-04", "aid_trucks", 650, qualifier="at_least", counted_by="OCHA"),
        f("b", "2025-01-04", "aid_trucks", 700, qualifier="up_to", counted_by="OCHA"),
    ]
    ledger = build.ledger(agreement, records, as_of="2025-01-04")
    assert codes(ledger) == "BUDM"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[0].evidence, row.days[0].value) == (("early", "final"), 404)
    assert row.days[2].evidence == ("exact", "more")


def test_a_ceiling_is_breached_by_a_count_strictly_above_it(build: Build) -> None:
    agreement = build.agreement(quota(build, comparison="at_most", metric="strikes", target=5))
    f = build.figure
    records = [
        f("three", "2025-01-01", "strikes", 3),
        f("more", "2025-01-02", "strikes", 5, qualifier="more_than"),
        f("up-to", "2025-01-03", "strikes", 8, qualifier="up_to"),
        f("five", "2025-01-04", "strikes", 5, qualifier="at_least"),
    ]
    ledger = build.ledger(agreement, records, as_of="2025-01-04")
    assert codes(ledger) == "MBUU"
