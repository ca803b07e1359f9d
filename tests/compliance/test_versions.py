"""Suspensions and amendments: hand-computed days, old evaluations kept."""

from __future__ import annotations

from compliance_builders import Build, codes


def calm(build: Build, oid: str = "o") -> dict[str, object]:
    return build.obligation(
        "prohibition", oid, phase="p1", match={"types": ["ASSAULT"], "actors": ["A"]}
    )


def test_suspension(build: Build) -> None:
    suspension = {"start": "day 3", "end": "day 5", "reason": "mediators pause the clause"}
    agreement = build.agreement(calm(build), suspensions=[suspension])
    records = [
        build.event("hit", "2025-01-04", "ASSAULT", ["A"]),
        build.event("hit2", "2025-01-06", "ASSAULT", ["A"]),
    ]
    ledger = build.ledger(agreement, records, as_of="2025-01-07")
    assert codes(ledger) == "--SSSB-"
    row = ledger.get("o")
    assert row is not None
    assert row.days[3].note == "suspended: mediators pause the clause"
    assert row.days[3].evidence == ("hit",)


def test_suspension_is_the_lifecycle_while_it_lasts(build: Build) -> None:
    agreement = build.agreement(calm(build), suspensions=[{"start": "day 2", "reason": "paused"}])
    ledger = build.ledger(agreement, [], as_of="2025-01-03")
    assert codes(ledger) == "-SS"
    row = ledger.get("o")
    assert row is not None
    assert row.lifecycle == "suspended"


def test_suspension_of_listed_obligations_only(build: Build) -> None:
    agreement = build.agreement(
        calm(build, "a"), calm(build, "b"),
        suspensions=[{"start": "day 2", "end": "day 2", "obligations": ["b"], "reason": "r"}],
    )  # fmt: skip
    ledger = build.ledger(agreement, [], as_of="2025-01-03")
    assert (codes(ledger, "a"), codes(ledger, "b")) == ("---", "-S-")


def test_amendment_changes_an_obligation_from_its_date(build: Build) -> None:
    quota = {"phase": "p1", "metric": "aid_trucks", "unit": "one truck", "counted_by": "OCHA"}
    v1 = build.agreement(build.obligation("quota", "aid", target=600, **quota), calm(build, "calm"))
    v2 = build.agreement(
        build.obligation("quota", "aid", target=400, **quota),
        id="t-v2", version=2, amends="t", in_force="2025-01-04", phases=[],
    )  # fmt: skip
    records = [
        build.figure(f"f{d}", f"2025-01-0{d}", "aid_trucks", 500, counted_by="OCHA")
        for d in range(1, 7)
    ]
    ledger = build.ledger([v2, v1], records, as_of="2025-01-06")
    # 500 trucks a day: short of 600 under v1 (days 1-3), enough for 400 under v2 (days 4-6)
    assert codes(ledger, "aid") == "BBBMMM"
    row = ledger.get("aid")
    assert row is not None
    assert [d.agreement for d in row.days] == ["t"] * 3 + ["t-v2"] * 3
    old, new = row.versions
    assert "".join(d.status[0] for d in old.days) == "bbbbbb"  # v1's own reading, kept
    assert (old.agreement, old.governs_until.isoformat()) == ("t", "2025-01-03")  # type: ignore[union-attr]
    assert (new.agreement, new.governs_from.isoformat()) == ("t-v2", "2025-01-04")  # type: ignore[union-attr]
    assert row.lifecycle == "violated"
    # the amendment drops the prohibition: it ends on day 3 and is terminated
    assert codes(ledger, "calm") == "---"
    calm_row = ledger.get("calm")
    assert calm_row is not None
    assert calm_row.lifecycle == "terminated"
