"""Prohibitions: each qualifying event is a breach on its day, with its figures."""

from __future__ import annotations

from compliance_builders import Build, codes

from truceline.model import FigureValue, Statement


def calm(build: Build, **terms: object) -> dict[str, object]:
    base = {"phase": "p1", "match": {"kind": "event", "types": ["ASSAULT"], "actors": ["A"]}}
    return build.obligation("prohibition", **{**base, **terms})


def test_each_event_breaches_its_day(build: Build) -> None:
    e = build.event
    records = [
        e(
            "strike",
            "2025-01-02",
            "ASSAULT",
            ["A"],
            figures=[FigureValue(metric="killed", value=2)],
        ),
        e("other-party", "2025-01-03", "ASSAULT", ["B"]),
        e("threat", "2025-01-04", "THREATEN", ["A"]),
        e("raid", "2025-01-05", "ASSAULT", ["a"], fatalities=1),
        e("rejected", "2025-01-06", "ASSAULT", ["A"], state="rejected"),
        e("vague", "2025-01", "ASSAULT", ["A"]),
    ]
    ledger = build.ledger(build.agreement(calm(build)), records, as_of="2025-01-06")
    assert codes(ledger) == "MBMMBM"
    row = ledger.get("o")
    assert row is not None
    assert row.days[1].evidence == ("strike",)
    assert row.days[1].note == "killed 2"
    assert row.days[4].note == "fatalities 1"


def test_silence_can_read_as_unknown(build: Build) -> None:
    records = [build.event("strike", "2025-01-02", "ASSAULT", ["A"])]
    ledger = build.ledger(
        build.agreement(calm(build, silence="unknown")), records, as_of="2025-01-03"
    )
    assert codes(ledger) == "UBU"


def test_disputed_occurrence_keeps_both_sides(build: Build) -> None:
    records = [
        build.event("strike", "2025-01-02", "ASSAULT", ["A"], claimed_by="B"),
        build.event("denial", "2025-01-02", "REJECT", ["A"], claimed_by="A"),
    ]
    dispute = build.dispute("d", ["strike"], ["denial"])
    ledger = build.ledger(
        build.agreement(calm(build)), records, as_of="2025-01-03", disputes=[dispute]
    )
    assert codes(ledger) == "MDM"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[1].evidence, row.days[1].against) == (("strike",), ("denial",))
    assert row.lifecycle == "in_effect"


def test_definition_disputes_do_not_contest(build: Build) -> None:
    records = [
        build.event("strike", "2025-01-02", "ASSAULT", ["A"]),
        build.event("x", "2025-01-02", "ASSAULT", ["B"]),
    ]
    dispute = build.dispute("d", ["strike"], ["x"]).model_copy(update={"kind": "definition"})
    ledger = build.ledger(
        build.agreement(calm(build)), records, as_of="2025-01-02", disputes=[dispute]
    )
    assert codes(ledger) == "MB"


def test_a_day_sums_the_figures_of_all_its_breaches(build: Build) -> None:
    e = build.event
    records = [
        e("raid", "2025-01-02", "ASSAULT", ["A"], fatalities=2,
          figures=[FigureValue(metric="killed", value=2), FigureValue(metric="injured", value=5)]),
        e("strike", "2025-01-02", "ASSAULT", ["A"], fatalities=1,
          figures=[FigureValue(metric="killed", value=1)]),
        e("shelling", "2025-01-02", "ASSAULT", ["A"]),
    ]  # fmt: skip
    ledger = build.ledger(build.agreement(calm(build)), records, as_of="2025-01-02")
    row = ledger.get("o")
    assert row is not None
    assert row.days[1].evidence == ("raid", "strike", "shelling")
    assert row.days[1].note == "fatalities 3; killed 3; injured 5"


def test_keywords_narrow_the_breaches(build: Build) -> None:
    e = build.event
    records = [
        e("shelling", "2025-01-02", "ASSAULT", ["A"], summary="Shelling near Rafah",
          figures=[FigureValue(metric="killed", value=4)]),
        e("drone", "2025-01-02", "ASSAULT", ["A"], summary="Drone strike in Jabalia",
          figures=[FigureValue(metric="killed", value=1)]),
    ]  # fmt: skip
    terms = calm(build, match={"types": ["ASSAULT"], "actors": ["A"], "keywords": ["rafah"]})
    ledger = build.ledger(build.agreement(terms), records, as_of="2025-01-02")
    row = ledger.get("o")
    assert row is not None
    assert (row.days[1].evidence, row.days[1].note) == (("shelling",), "killed 4")


def test_a_prohibition_on_statements_breaches_without_figures(build: Build) -> None:
    said = Statement(
        id="incitement", date="2025-01-03", speaker="A spokesman", affiliation="A",
        quote="We will return to the fighting", summary="threat to resume the war",
    )  # fmt: skip
    terms = calm(build, match={"kind": "statement", "actors": ["A"], "keywords": ["resume"]})
    ledger = build.ledger(build.agreement(terms), [said], as_of="2025-01-03")
    assert codes(ledger) == "MMB"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[2].evidence, row.days[2].note) == (("incitement",), None)


def test_a_denial_is_no_breach_and_contests_the_report(build: Build) -> None:
    records = [
        build.event("strike", "2025-01-02", "ASSAULT", ["A"], claimed_by="B"),
        build.event("denied", "2025-01-02", "ASSAULT", ["A"], claimed_by="A", occurred=False),
        build.event("denied-alone", "2025-01-03", "ASSAULT", ["A"], occurred=False),
    ]
    dispute = build.dispute("d", ["strike"], ["denied"])
    ledger = build.ledger(
        build.agreement(calm(build)), records, as_of="2025-01-03", disputes=[dispute]
    )
    assert codes(ledger) == "MDM"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[1].evidence, row.days[1].against) == (("strike",), ("denied",))
