"""Partial compliance: a quantified deadline with only part of the act recorded.

Fixture: party A is to withdraw from ten posts by day 4. A wire reports it
left three posts on day 2 and two more on day 3 ("all but five"); a later
report has it leave the last five on day 8.
"""

from __future__ import annotations

from compliance_builders import Build, codes

from truceline.compliance import deadlines
from truceline.model import FigureValue

POSTS = {"types": ["RETREAT"], "actors": ["A"]}


def _withdrawal(build: Build, **extra: object) -> dict:
    return build.obligation(
        "deadline", act=POSTS, what="withdrawal from ten posts", due="day 4",
        quantity=10, metric="posts_vacated", **extra,
    )  # fmt: skip


def _left(build: Build, rid: str, day: int, posts: int) -> object:
    return build.event(
        rid, f"2025-01-{day:02d}", "RETREAT", ["A"],
        figures=[FigureValue(metric="posts_vacated", value=posts)],
    )  # fmt: skip


def test_part_of_the_act_past_due_is_partial_not_met(build: Build) -> None:
    records = [_left(build, "r2", 2, 3), _left(build, "r3", 3, 2)]
    ledger = build.ledger(build.agreement(_withdrawal(build)), records, as_of="2025-01-05")
    assert codes(ledger) == "PPPPH"
    row = ledger.get("o")
    assert row is not None
    day5 = row.days[4]
    assert (day5.evidence, day5.value, day5.due) == (("r2", "r3"), 5, 10)
    assert row.lifecycle == "overdue"
    assert "5 of 10 so far" in (row.days[2].note or "")
    item = deadlines(ledger)[0]
    assert item.state == "partial" and "5 of 10" in item.text


def test_the_whole_act_late_is_met_from_its_day(build: Build) -> None:
    records = [_left(build, "r2", 2, 3), _left(build, "r3", 3, 2), _left(build, "r8", 8, 5)]
    agreement = build.agreement(_withdrawal(build, end="day 9"))
    ledger = build.ledger(agreement, records)
    assert codes(ledger) == "PPPPHHHMM"
    row = ledger.get("o")
    assert row is not None and row.days[-1].evidence == ("r2", "r3", "r8")


def test_a_stock_count_of_the_part_done_is_not_added_up(build: Build) -> None:
    records = [_left(build, "r2", 2, 5), _left(build, "r3", 3, 5)]
    agreement = build.agreement(_withdrawal(build, measure="stock"))
    assert codes(build.ledger(agreement, records, as_of="2025-01-05")) == "PPPPH"


def test_no_act_at_all_stays_overdue_not_partial(build: Build) -> None:
    ledger = build.ledger(build.agreement(_withdrawal(build)), [], as_of="2025-01-05")
    assert codes(ledger) == "PPPPO"
