"""--as-of: only records published by then count; later reports never rewrite the past."""

from __future__ import annotations

from compliance_builders import Build, codes


def test_a_later_report_does_not_change_an_earlier_evaluation(build: Build) -> None:
    obligation = build.obligation(
        "prohibition", phase="p1", match={"types": ["ASSAULT"], "actors": ["A"]}
    )
    agreement = build.agreement(obligation)
    sources = [build.source("early", "2025-01-03"), build.source("late", "2025-01-09")]
    strike = build.event("strike", "2025-01-02", "ASSAULT", ["A"], sources=[{"source": "late"}])
    talk = build.event("talk", "2025-01-02", "CONSULT", ["A"], sources=[{"source": "early"}])
    before = build.ledger(agreement, [talk], as_of="2025-01-05", sources=sources)
    after_with_late = build.ledger(agreement, [talk, strike], as_of="2025-01-05", sources=sources)
    assert codes(before) == codes(after_with_late) == "-----"
    later = build.ledger(agreement, [talk, strike], as_of="2025-01-09", sources=sources)
    assert codes(later) == "-B-------"


def test_earliest_dated_source_and_undated_records(build: Build) -> None:
    obligation = build.obligation("prohibition", phase="p1", match={"types": ["ASSAULT"]})
    agreement = build.agreement(obligation)
    sources = [build.source("late", "2025-01-09"), build.source("early", "2025-01-04"),
               build.source("undated", None), build.source("month", "2025-01")]  # fmt: skip
    records = [
        build.event(
            "two", "2025-01-02", "ASSAULT", ["A"], sources=[{"source": "late"}, {"source": "early"}]
        ),
        build.event("own", "2025-01-03", "ASSAULT", ["A"], sources=[{"source": "undated"}]),
        build.event("monthly", "2025-01-04", "ASSAULT", ["A"], sources=[{"source": "month"}]),
    ]
    ledger = build.ledger(agreement, records, as_of="2025-01-05", sources=sources)
    # "two" known on 4 Jan (earliest source), "own" on its own date, "monthly" only from 31 Jan
    assert codes(ledger) == "-BB--"


def test_days_after_as_of_are_not_evaluated(build: Build) -> None:
    obligation = build.obligation("prohibition", phase="p1", match={"types": ["ASSAULT"]})
    ledger = build.ledger(build.agreement(obligation), [], as_of="2025-01-03")
    row = ledger.get("o")
    assert row is not None
    assert len(row.days) == 3
    assert row.lifecycle == "in_effect"
    before = build.ledger(build.agreement(obligation), [], as_of="2024-12-31")
    row = before.get("o")
    assert row is not None
    assert (row.days, row.status_today, row.lifecycle) == ([], "pending", "created")
