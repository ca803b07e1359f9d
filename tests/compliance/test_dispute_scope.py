"""What a dispute contests: only the days whose every deciding record it holds, and,
when scoped with ``about``, only the obligations (or metrics) it names."""

from __future__ import annotations

from compliance_builders import Build, codes


def calm(build: Build, oid: str = "o", actor: str = "A") -> dict[str, object]:
    return build.obligation(
        "prohibition", oid, party=actor, phase="p1", match={"types": ["ASSAULT"], "actors": [actor]}
    )


def test_a_who_fired_dispute_leaves_an_unrelated_breach_that_day(build: Build) -> None:
    records = [
        build.event("shot", "2025-01-02", "ASSAULT", ["A"], claimed_by="B"),
        build.event("shot-b", "2025-01-02", "ASSAULT", ["B"], claimed_by="A"),
        build.event("shelling", "2025-01-02", "ASSAULT", ["A"]),
        build.event("shot-3", "2025-01-03", "ASSAULT", ["A"], claimed_by="B"),
        build.event("shot-3b", "2025-01-03", "ASSAULT", ["B"], claimed_by="A"),
    ]
    disputes = [
        build.dispute("who-fired", ["shot"], ["shot-b"]),
        build.dispute("who-fired-3", ["shot-3"], ["shot-3b"]),
    ]
    ledger = build.ledger(
        build.agreement(calm(build)), records, as_of="2025-01-03", disputes=disputes
    )
    # day 2: the shelling is a breach no dispute contests; day 3: only the contested shot
    assert codes(ledger) == "-BD"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[1].evidence, row.days[1].against) == (("shot", "shelling"), ())
    assert (row.days[2].evidence, row.days[2].against) == (("shot-3",), ("shot-3b",))


def test_a_scoped_dispute_contests_only_the_obligations_it_names(build: Build) -> None:
    agreement = build.agreement(calm(build, "a"), calm(build, "b"))
    records = [
        build.event("shot", "2025-01-02", "ASSAULT", ["A", "B"]),
        build.event("other", "2025-01-02", "ASSAULT", ["C"]),
    ]
    dispute = build.dispute("d", ["shot"], ["other"], about=["a"])
    ledger = build.ledger(agreement, records, as_of="2025-01-02", disputes=[dispute])
    assert (codes(ledger, "a"), codes(ledger, "b")) == ("-D", "-B")


def test_a_dispute_scoped_to_a_metric_contests_the_quotas_that_count_it(build: Build) -> None:
    def quota(oid: str, metric: str) -> dict[str, object]:
        return build.obligation(
            "quota", oid, phase="p1", metric=metric, unit="one truck", target=100
        )

    agreement = build.agreement(quota("aid", "aid_trucks"), quota("fuel", "fuel_trucks"))
    records = [
        build.figure("aid-1", "2025-01-01", "aid_trucks", 150, counted_by="OCHA"),
        build.figure("fuel-1", "2025-01-01", "fuel_trucks", 150, counted_by="OCHA"),
        build.figure("claim", "2025-01-01", "trucks", 20, counted_by="X"),
    ]
    disputes = [
        build.dispute("d-aid", ["aid-1"], ["claim"], about=["aid_trucks"]),
        build.dispute("d-fuel", ["fuel-1"], ["claim"], about=["diesel"]),
    ]
    ledger = build.ledger(agreement, records, as_of="2025-01-01", disputes=disputes)
    assert (codes(ledger, "aid"), codes(ledger, "fuel")) == ("D", "M")
