"""Prohibitions: each qualifying event is a breach on its day; silence is unreported."""

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
    assert codes(ledger) == "-B--B-"
    row = ledger.get("o")
    assert row is not None
    assert row.days[1].evidence == ("strike",)
    assert row.days[1].note == "killed 2"
    assert row.days[4].note == "fatalities 1"


def test_silence_is_unreported_with_no_evidence(build: Build) -> None:
    ledger = build.ledger(build.agreement(calm(build)), [], as_of="2025-01-02")
    row = ledger.get("o")
    assert row is not None
    assert [(d.status, d.evidence, d.note) for d in row.days] == [
        ("unreported", (), "no qualifying record")
    ] * 2
    assert (row.counts["met"], row.counts["unreported"]) == (0, 2)


def test_silence_declared_as_assumed_met_is_labelled_and_counted_apart(build: Build) -> None:
    records = [build.event("strike", "2025-01-02", "ASSAULT", ["A"])]
    agreement = build.agreement(calm(build, silence="assume_met"))
    ledger = build.ledger(agreement, records, as_of="2025-01-03")
    assert codes(ledger) == "ABA"
    row = ledger.get("o")
    assert row is not None
    assert row.days[0].note == "assumed met: no violation reported"
    assert (row.counts["met"], row.counts["assumed_met"]) == (0, 2)
    quiet = build.ledger(agreement, [], as_of="2025-02-01").get("o")
    assert quiet is not None
    assert quiet.lifecycle == "expired"  # assumed days never make it fulfilled


def test_disputed_occurrence_keeps_both_sides(build: Build) -> None:
    records = [
        build.event("strike", "2025-01-02", "ASSAULT", ["A"], claimed_by="B"),
        build.event("denial", "2025-01-02", "REJECT", ["A"], claimed_by="A"),
    ]
    dispute = build.dispute("d", ["strike"], ["denial"])
    ledger = build.ledger(
        build.agreement(calm(build)), records, as_of="2025-01-03", disputes=[dispute]
    )
    assert codes(ledger) == "-D-"
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
    assert codes(ledger) == "-B"


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
        e("shelling", "2025-01-02", "ASSAULT", ["A"], location="near Rafah",
          figures=[FigureValue(metric="killed", value=4)]),
        e("drone", "2025-01-02", "ASSAULT", ["A"], location="Jabalia",
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
    assert codes(ledger) == "--B"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[2].evidence, row.days[2].note) == (("incitement",), None)


def test_a_denial_is_no_breach_contests_the_report_and_alone_shows_the_day_kept(
    build: Build,
) -> None:
    records = [
        build.event("strike", "2025-01-02", "ASSAULT", ["A"], claimed_by="B"),
        build.event("denied", "2025-01-02", "ASSAULT", ["A"], claimed_by="A", occurred=False),
        build.event("denied-alone", "2025-01-03", "ASSAULT", ["A"], occurred=False),
    ]
    dispute = build.dispute("d", ["strike"], ["denied"])
    ledger = build.ledger(
        build.agreement(calm(build)), records, as_of="2025-01-03", disputes=[dispute]
    )
    assert codes(ledger) == "-DM"
    row = ledger.get("o")
    assert row is not None
    assert (row.days[1].evidence, row.days[1].against) == (("strike",), ("denied",))
    assert row.days[2].evidence == ("denied-alone",)


def test_a_threat_is_never_the_act_it_threatens(build: Build) -> None:
    """A match by actor and keyword alone must not take a threatened strike for a strike."""
    records = [
        build.event("threat", "2025-01-02", "THREATEN", ["A"], sub_type="strike threatened"),
        build.event("strike", "2025-01-03", "ASSAULT", ["A"], sub_type="air strike"),
    ]
    terms = calm(build, match={"actors": ["A"], "keywords": ["strike"]})
    ledger = build.ledger(build.agreement(terms), records, as_of="2025-01-03")
    assert codes(ledger) == "--B"
    threats = calm(build, match={"types": ["THREATEN"], "actors": ["A"]})
    assert codes(build.ledger(build.agreement(threats), records, as_of="2025-01-03")) == "-B-"
