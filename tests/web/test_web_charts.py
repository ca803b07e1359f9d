"""Charts span their whole window, leave days nobody counted as gaps, and read as values too."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from truceline.web.charts import (
    GAP_NOTE,
    Band,
    Due,
    Line,
    Mark,
    calendar_chart,
    claims_chart,
    cumulative_chart,
    day_ticks,
    nice_ticks,
    quota_chart,
)

D = dt.date
JANUARY = (D(2025, 1, 1), D(2025, 1, 31))


def _paths(svg: str, cls: str) -> list[str]:
    return re.findall(rf'<path class="{cls}" d="([^"]+)"', svg)


def _xs(path: str) -> list[float]:
    return [float(x) for x in re.findall(r"[ML]([\d.]+),", path)]


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (1007, [0, 250, 500, 750, 1000, 1250]),
        (960, [0, 200, 400, 600, 800, 1000]),
        (55, [0, 20, 40, 60]),
        (7, [0, 2, 4, 6, 8]),
        (0.8, [0, 0.2, 0.4, 0.6, 0.8]),
        (0, [0, 1]),
    ],
)
def test_axis_values_step_by_one_two_or_five_times_a_power_of_ten(top, ticks) -> None:  # type: ignore[no-untyped-def]
    assert nice_ticks(top) == ticks


def test_counts_of_records_get_whole_numbers_on_their_axis() -> None:
    assert nice_ticks(1, integers=True) == [0, 1]
    assert nice_ticks(3, integers=True) == [0, 1, 2, 3]
    assert all(t == int(t) for t in nice_ticks(13, integers=True))


def test_day_ticks_cover_the_window_at_a_readable_step() -> None:
    ticks = day_ticks(D(2025, 1, 19), D(2025, 3, 1))  # 42 days
    assert ticks[0] == D(2025, 1, 19)
    assert len(ticks) <= 8
    assert {(b - a).days for a, b in zip(ticks, ticks[1:], strict=False)} == {7}
    assert ticks[-1] <= D(2025, 3, 1) < ticks[-1] + dt.timedelta(days=7)


def test_a_line_moves_across_days_with_no_count_and_never_draws_across_them() -> None:
    points = [(D(2025, 1, d), 600.0 + d, f"tip {d}") for d in (1, 2, 3, 10, 11, 20)]
    svg = str(quota_chart("aid", JANUARY, [Line("OCHA", points)], [], target=600))
    (path,) = _paths(svg, "line")
    # three runs: 1-3 Jan, 10-11 Jan, 20 Jan alone; each starts with a move-to
    assert re.findall(r"[ML]", path) == ["M", "L", "L", "M", "L", "M"]
    assert all(f"<title>tip {d}</title>" in svg for d in (1, 2, 3, 10, 11, 20))
    assert GAP_NOTE in svg


def test_the_x_axis_spans_the_whole_window_not_only_the_days_with_counts() -> None:
    two_days = [(D(2025, 1, 20), 300.0, ""), (D(2025, 1, 21), 310.0, "")]
    wide = str(quota_chart("north", JANUARY, [Line("OCHA", two_days)], []))
    narrow = str(quota_chart("north", (D(2025, 1, 20), D(2025, 1, 21)), [Line("O", two_days)], []))
    # the same two counts take a fifteenth of the month's width, all of a two-day window
    (a, b) = _xs(_paths(wide, "line")[0])
    (c, d) = _xs(_paths(narrow, "line")[0])
    assert (b - a) * 15 == pytest.approx(d - c, rel=0.05)
    assert "01 Jan 2025 – 31 Jan 2025 (31 days)" in wide
    assert ">01 Jan</text>" in wide


def test_each_day_of_the_window_has_its_status_marked() -> None:
    marks = [
        Mark(D(2025, 1, d), "met" if d < 10 else "unreported", f"day {d}") for d in range(1, 32)
    ]
    marks[4] = Mark(D(2025, 1, 5), "breached", "short count")
    svg = str(quota_chart("aid", JANUARY, [Line("OCHA", [])], marks, target=600))
    found = re.findall(r'<g class="day-mark status-(\w+)">', svg)
    assert len(found) == 31
    assert found.count("met") == 8 and found.count("breached") == 1
    assert "<title>short count</title>" in svg
    # the legend names every status drawn, and the table lists every day
    assert "breached: a record shows it broken" in svg
    assert "unreported: nothing reported" in svg
    table = svg[svg.index("<details") :]
    assert table.count("<tr>") == 1 + 31
    assert "no count" in table


def test_a_chart_has_a_title_a_description_and_scales_to_its_column() -> None:
    svg = str(quota_chart("Aid <trucks>", JANUARY, [Line("A & B", [(D(2025, 1, 2), 5, "")])], []))
    assert 'role="img"' in svg and "viewBox=" in svg and " width=" not in svg.split(">")[0]
    title = re.search(r'aria-labelledby="([\w-]+) ([\w-]+)"', svg)
    assert title
    assert f'<title id="{title.group(1)}">Aid &lt;trucks&gt;</title>' in svg
    assert f'<desc id="{title.group(2)}">' in svg
    assert "A &amp; B" in svg


def test_a_schedule_draws_done_against_due_with_gaps_where_nothing_was_counted() -> None:
    done = [(D(2025, 1, d), float(d)) for d in (1, 2, 3, 7, 8)]
    due = [(D(2025, 1, d), 3.0 if d < 7 else 7.0) for d in range(1, 11)]
    svg = str(cumulative_chart("releases", (D(2025, 1, 1), D(2025, 1, 10)), done, due, []))
    (done_path,) = re.findall(r'<path class="line" d="([^"]+)"', svg)
    (due_path,) = _paths(svg, "due")
    assert done_path.count("M") == 2  # 1-3 Jan, then 7-8 Jan: days 4-6 left as a gap
    assert due_path.count("M") == 1
    table = svg[svg.index("<details") :]
    assert '<th scope="row">05 Jan 2025</th><td>no count</td><td>3</td>' in table


def test_the_calendar_puts_phases_deadlines_and_today_on_one_axis() -> None:
    bands = [Band("Phase 1", D(2025, 1, 1), D(2025, 1, 14)), Band("Phase 2", None, None)]
    due = [
        Due(
            "talks",
            D(2025, 1, 5),
            "met",
            D(2025, 1, 8),
            "met late (due 2025-01-05, done 2025-01-08)",
        )
    ]
    svg = str(calendar_chart("calendar", bands, due, today=D(2025, 1, 10)))
    assert svg.count('<g class="band') == 1 and "dates not yet known" in svg
    assert '<g class="deadline status-met">' in svg and '<path class="late"' in svg
    assert "today, 10 Jan" in svg
    assert "met late (due 2025-01-05, done 2025-01-08)" in svg
    later = str(calendar_chart("calendar", bands, due, today=D(2026, 1, 1)))
    assert "is after the last day shown" in later and '<path class="today"' not in later


def test_violations_are_stacked_by_claimant_and_worded_as_claims() -> None:
    claims = {"A": {D(2025, 1, 3): 2}, "B": {D(2025, 1, 3): 1, D(2025, 1, 9): 1}}
    svg = str(claims_chart("violations", JANUARY, claims))
    assert "claimed by A" in svg and "claimed by B" in svg
    bars = re.findall(r'<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)">', svg)
    assert len(bars) == 3
    assert "4 claims on 2 of 31 days" in svg
    # one scale across small multiples: a shared top makes the same bar shorter
    tall = str(claims_chart("v", JANUARY, {"A": {D(2025, 1, 3): 1}}))
    short = str(claims_chart("v", JANUARY, {"A": {D(2025, 1, 3): 1}}, top=4))
    height = r'height="([\d.]+)"><title>'
    assert float(re.findall(height, tall)[0]) == pytest.approx(
        4 * float(re.findall(height, short)[0])
    )
    assert "No violation claimed" in str(claims_chart("v", JANUARY, {}))
