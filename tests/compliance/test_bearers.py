"""Joint duties (`party: [A, B]`) and non-signatories bound through a party (`through`)."""

from __future__ import annotations

from compliance_builders import Build, codes


def test_a_joint_duty_names_every_bearer(build: Build) -> None:
    inspect = build.obligation(
        "deadline", "inspect", party=["A", "B", "UN"], due="day 3", what="joint inspection",
        act={"types": ["CONSULT"], "keywords": ["inspection"]},
    )  # fmt: skip
    ledger = build.ledger(build.agreement(inspect), [], as_of="2025-01-04")
    row = ledger.get("inspect")
    assert row is not None
    assert (row.party, row.parties) == ("A, B and UN", ("A", "B", "UN"))
    assert ledger.to_json()["obligations"][0]["parties"] == ["A", "B", "UN"]


def test_a_non_signatory_bound_through_a_party(build: Build) -> None:
    calm = build.obligation(
        "prohibition", "militia-calm", party="Militia", through="B", start="day 1",
        end="open", match={"types": ["ASSAULT"], "actors": ["Militia"]},
    )  # fmt: skip
    walkout = {"event": "withdrawn", "by": "B", "day": "day 2"}
    rocket = build.event("militia-rocket-day-2", "2025-01-02", "ASSAULT", ["Militia"])
    ledger = build.ledger(build.agreement(calm, life=[walkout]), [rocket], as_of="2025-01-05")
    row = ledger.get("militia-calm")
    assert row is not None
    assert (row.party, row.through) == ("Militia (through B)", "B")
    # B's withdrawal after day 2 ends the duty it carried for the militia
    assert codes(ledger, "militia-calm") == "-B"
    assert row.status_today == "ended"
