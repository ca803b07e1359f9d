"""Day references and the calendar that resolves them."""

from __future__ import annotations

import datetime as dt

import pytest

from truceline.agreement import Agreement, Calendar, DayExpr, parse_day

D = dt.date


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("2025-02-03", DayExpr(date=D(2025, 2, 3))),
        ("day 16", DayExpr(day=16)),
        ("the 42nd day", DayExpr(day=42)),
        ("phase_1.end", DayExpr(phase="phase_1", edge="end")),
        ("phase_2.day 3", DayExpr(phase="phase_2", day=3)),
        ("phase_1.end + 8 days", DayExpr(phase="phase_1", edge="end", offset=8)),
        ("trigger+8", DayExpr(edge="trigger", offset=8)),
        ("day 50 - 1", DayExpr(day=50, offset=-1)),
    ],
)
def test_parse(text: str, expr: DayExpr) -> None:
    assert parse_day(text) == expr


@pytest.mark.parametrize("text", ["day zero", "end", "phase_1.trigger", "day 0", "soon"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_day(text)


def agreement(**extra: object) -> Agreement:
    return Agreement.model_validate(
        {
            "id": "a",
            "title": "A",
            "parties": ["X"],
            "in_force": "2025-01-19",
            "phases": [
                {"id": "p1", "start": {"day": "day 1"}, "length_days": 42},
                {"id": "p2", "start": {"after": "p1"}, "length_days": 42},
                {"id": "p3", "start": {"when": {"types": ["AGREE"]}}, "length_days": 5},
            ],
            **extra,
        }
    )


def test_day_one_is_the_in_force_date_by_default() -> None:
    calendar = Calendar(agreement())
    assert calendar.resolve("day 1") == D(2025, 1, 19)
    assert calendar.resolve("day 16") == D(2025, 2, 3)
    assert calendar.resolve("the 42nd day") == D(2025, 3, 1)
    assert calendar.resolve("day 50") == D(2025, 3, 9)
    assert calendar.number(D(2025, 2, 9)) == 22


def test_day_one_from_the_file() -> None:
    calendar = Calendar(agreement(day_one="2025-01-20"))
    assert calendar.resolve("day 1") == D(2025, 1, 20)


def test_phases_chain_and_wait_for_their_trigger() -> None:
    calendar = Calendar(agreement())
    assert calendar.span("p1") == (D(2025, 1, 19), D(2025, 3, 1))
    assert calendar.span("p2") == (D(2025, 3, 2), D(2025, 4, 12))
    assert calendar.span("p3") == (None, None)
    assert calendar.resolve("p2.day 3") == D(2025, 3, 4)
    assert calendar.resolve("p1.end + 8") == D(2025, 3, 9)
    assert calendar.resolve("p3.start") is None
    assert calendar.end is None
    started = Calendar(agreement(), phase_starts={"p3": D(2025, 5, 1)})
    assert started.span("p3") == (D(2025, 5, 1), D(2025, 5, 5))
    assert started.end == D(2025, 5, 5)


def test_trigger_resolves_only_with_a_trigger_day() -> None:
    calendar = Calendar(agreement())
    assert calendar.resolve("trigger + 8") is None
    assert calendar.resolve("trigger + 8", trigger=D(2025, 3, 1)) == D(2025, 3, 9)
