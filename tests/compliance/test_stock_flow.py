"""Stocks and flows: a level counted twice is one level, never the sum of the counts.

Fixture: a peacekeeping force is to have 10,000 troops deployed by day 5; the
mission reports 6,000 deployed on day 2 and again 6,000 on day 4.
"""

from __future__ import annotations

import pytest
from compliance_builders import Build, codes
from pydantic import ValidationError

DEPLOYED = {"kind": "figure", "metric": "troops_deployed"}


def _counts(build: Build, *days_values: tuple[int, float]) -> list:
    return [
        build.figure(f"f{day}", f"2025-01-{day:02d}", "troops_deployed", value)
        for day, value in days_values
    ]


def _schedule(build: Build, measure: str | None) -> dict:
    extra = {"measure": measure} if measure else {}
    return build.obligation(
        "schedule", match=DEPLOYED, metric="troops_deployed",
        instalments=[{"due": "day 5", "count": 10000}], **extra,
    )  # fmt: skip


def test_a_flow_adds_the_two_counts_up(build: Build) -> None:
    ledger = build.ledger(
        build.agreement(_schedule(build, None)), _counts(build, (2, 6000), (4, 6000))
    )
    assert codes(ledger)[4] == "M"  # the old reading: 12,000 "done"


def test_a_stock_is_the_latest_count_not_the_sum(build: Build) -> None:
    records = _counts(build, (2, 6000), (4, 6000), (7, 6000))
    ledger = build.ledger(build.agreement(_schedule(build, "stock")), records)
    assert codes(ledger) == "PPPPOOBOOO"
    row = ledger.get("o")
    assert row is not None
    day7 = row.days[6]
    assert (day7.status, day7.evidence, day7.value) == ("breached", ("f7",), 6000)
    assert "no count since 2025-01-04" in (row.days[4].note or "")


def test_a_stock_met_is_not_carried_to_days_without_a_count(build: Build) -> None:
    records = _counts(build, (5, 10500))
    ledger = build.ledger(build.agreement(_schedule(build, "stock")), records)
    assert codes(ledger) == "PPPPM-----"


def _weekly(build: Build, **extra: object) -> dict:
    return build.obligation(
        "quota", metric="troops_deployed", unit="one soldier deployed", target=10000,
        period="week", **extra,
    )  # fmt: skip


def test_a_weekly_stock_quota_reads_its_latest_count(build: Build) -> None:
    records = _counts(build, (2, 6000), (4, 6000))
    flow = build.ledger(build.agreement(_weekly(build)), records)
    stock = build.ledger(build.agreement(_weekly(build, measure="stock")), records)
    assert codes(flow)[:7] == "MMMMMMM"
    assert codes(stock)[:7] == "BBBBBBB"
    row = stock.get("o")
    assert row is not None and row.days[0].evidence == ("f4",) and row.days[0].value == 6000


def test_a_stock_is_never_summed(build: Build) -> None:
    with pytest.raises(ValidationError, match="a stock is a level"):
        build.agreement(_weekly(build, measure="stock", aggregation="sum"))
