"""Continuing states: a state reported once holds until its end, and decides the days between.

Fixture: the agreement bars party A from blockading the port. On day 3 a
wire reports A's navy has cut the port off; on day 7 another reports it
reopened. A peacekeeping force reports 10,500 troops deployed on day 5, and
9,000 on day 8.
"""

from __future__ import annotations

from compliance_builders import Build, codes

from truceline.model import Evidence

BLOCKADE = {"types": ["COERCE"], "actors": ["A"]}


def _closure(build: Build, until: str) -> object:
    return build.event("ev-port-cut", "2025-01-03", "COERCE", ["A"], location="port", until=until)


def _reopening(build: Build) -> object:
    return build.event("ev-port-open", "2025-01-07", "CONCEDE", ["A"], ends="ev-port-cut")


def test_a_state_holds_until_the_record_that_ends_it(build: Build) -> None:
    agreement = build.agreement(build.obligation("prohibition", match=BLOCKADE))
    ledger = build.ledger(agreement, [_closure(build, "open"), _reopening(build)])
    assert codes(ledger) == "--BBBB----"
    row = ledger.get("o")
    assert row is not None
    assert all(d.evidence == ("ev-port-cut",) for d in row.days[2:6])


def test_a_state_with_a_last_day_holds_through_it(build: Build) -> None:
    agreement = build.agreement(build.obligation("prohibition", match=BLOCKADE))
    ledger = build.ledger(agreement, [_closure(build, "2025-01-04")])
    assert codes(ledger) == "--BB------"


def test_an_open_state_holds_up_to_the_as_of_date_only(build: Build) -> None:
    agreement = build.agreement(build.obligation("prohibition", match=BLOCKADE))
    ledger = build.ledger(agreement, [_closure(build, "open")], as_of="2025-01-05")
    assert codes(ledger) == "--BBB"


def test_an_ending_record_not_yet_published_does_not_end_it(build: Build) -> None:
    agreement = build.agreement(build.obligation("prohibition", match=BLOCKADE))
    closure = _closure(build, "open")
    reopening = _reopening(build).model_copy(update={"sources": [Evidence(source="late")]})
    sources = [build.source("late", "2025-01-20")]
    ledger = build.ledger(agreement, [closure, reopening], sources=sources)
    assert codes(ledger) == "--BBBBBBBB"


def test_a_held_count_decides_the_days_until_the_next_count(build: Build) -> None:
    agreement = build.agreement(
        build.obligation(
            "schedule",
            match={"kind": "figure", "metric": "troops_deployed"},
            metric="troops_deployed",
            measure="stock",
            instalments=[{"due": "day 5", "count": 10000}],
        )  # fmt: skip
    )
    records = [
        build.figure("f5", "2025-01-05", "troops_deployed", 10500, until="open"),
        build.figure("f8", "2025-01-08", "troops_deployed", 9000),
    ]
    ledger = build.ledger(agreement, records)
    assert codes(ledger) == "PPPPMMMBOO"
    row = ledger.get("o")
    assert row is not None and row.days[6].evidence == ("f5",)


def test_a_held_daily_count_fills_a_quota_between_reports(build: Build) -> None:
    agreement = build.agreement(
        build.obligation("quota", metric="aid_trucks", unit="one truck", target=600)
    )
    records = [build.figure("f2", "2025-01-02", "aid_trucks", 650, until="2025-01-04")]
    ledger = build.ledger(agreement, records)
    assert codes(ledger) == "-MMM------"
