"""Periods of any length, anchored to any day, and figures dated by a span of days.

Fixture: a monitoring mission counts ceasefire violations and inspections of
ships. The agreement caps violations per ten-day period, counted from 3
January, and asks for an average of three inspections a day each month.
"""

from __future__ import annotations

import pytest
from compliance_builders import Build, codes
from pydantic import ValidationError

from truceline.agreement.periods import block_end, block_start
from truceline.dates import parse_day

PHASES = [{"id": "p1", "start": {"day": "day 1"}, "length_days": 59}]  # 1 Jan to 28 Feb


def _violations(build: Build) -> dict:
    return build.obligation(
        "quota", metric="violations", unit="one reported violation", target=100,
        comparison="at_most", period="10 days", anchor="2025-01-03",
    )  # fmt: skip


def _span(build: Build, rid: str, first: str, last: str, metric: str, value: float,
          **extra: object) -> object:  # fmt: skip
    return build.figure(rid, first, metric, value, period_end=last, **extra)


def test_a_figure_over_a_span_decides_the_block_it_covers(build: Build) -> None:
    agreement = build.agreement(_violations(build), phases=PHASES)
    records = [_span(build, "f816", "2025-01-03", "2025-01-12", "violations", 816)]
    ledger = build.ledger(agreement, records, as_of="2025-01-20")
    assert codes(ledger) == "--" + "B" * 10 + "-" * 8
    row = ledger.get("o")
    assert row is not None and row.days[2].evidence == ("f816",) and row.days[2].value == 816


def test_a_span_across_two_blocks_decides_neither(build: Build) -> None:
    agreement = build.agreement(_violations(build), phases=PHASES)
    records = [_span(build, "f", "2025-01-10", "2025-01-15", "violations", 816)]
    assert codes(build.ledger(agreement, records, as_of="2025-01-20")) == "-" * 20


def test_a_span_inside_a_block_is_a_lower_bound_of_its_sum(build: Build) -> None:
    agreement = build.agreement(_violations(build), phases=PHASES)
    high = [_span(build, "f", "2025-01-04", "2025-01-06", "violations", 300)]
    low = [_span(build, "f", "2025-01-04", "2025-01-06", "violations", 30)]
    assert codes(build.ledger(agreement, high, as_of="2025-01-12"))[2:] == "B" * 10
    assert codes(build.ledger(agreement, low, as_of="2025-01-12"))[2:] == "U" * 10


def test_monthly_averages_of_a_daily_rate(build: Build) -> None:
    agreement = build.agreement(
        build.obligation(
            "quota",
            metric="inspections",
            unit="one ship inspected",
            target=3,
            period="month",
            aggregation="mean",
        ),  # fmt: skip
        phases=PHASES,
    )
    records = [
        _span(build, "jan", "2025-01-01", "2025-01-31", "inspections", 3.4, period="day"),
        _span(build, "feb", "2025-02-01", "2025-02-28", "inspections", 2.1, period="day"),
    ]
    ledger = build.ledger(agreement, records, as_of="2025-02-28")
    assert codes(ledger) == "M" * 31 + "B" * 28
    row = ledger.get("o")
    assert row is not None and row.days[40].evidence == ("feb",)


def test_daily_counts_and_a_span_that_disagree_make_the_block_disputed(build: Build) -> None:
    agreement = build.agreement(_violations(build), phases=PHASES)
    daily = [build.figure(f"d{n}", f"2025-01-{n:02d}", "violations", 5) for n in range(3, 13)]
    records = [*daily, _span(build, "f816", "2025-01-03", "2025-01-12", "violations", 816)]
    ledger = build.ledger(agreement, records, as_of="2025-01-12")
    assert codes(ledger)[2:] == "D" * 10


@pytest.mark.parametrize(
    ("day", "period", "anchor", "first", "last"),
    [
        ("2025-02-10", "week", "2025-01-06", "2025-02-10", "2025-02-16"),
        ("2025-01-05", "10 days", "2025-01-13", "2025-01-03", "2025-01-12"),
        ("2025-03-05", "month", "2025-01-31", "2025-02-28", "2025-03-30"),
        ("2025-03-31", "month", "2025-01-31", "2025-03-31", "2025-04-29"),
    ],
)
def test_blocks_repeat_from_the_anchor_both_ways(
    day: str, period: str, anchor: str, first: str, last: str
) -> None:
    d, a = parse_day(day, "day"), parse_day(anchor, "anchor")
    assert d is not None and a is not None
    start = block_start(d, period, a)
    assert (start.isoformat(), block_end(start, period, a).isoformat()) == (first, last)


def test_an_unknown_period_names_the_forms(build: Build) -> None:
    with pytest.raises(ValidationError, match="day, week, month or N days"):
        build.agreement(
            build.obligation("quota", metric="m", unit="u", target=1, period="fortnight")
        )
