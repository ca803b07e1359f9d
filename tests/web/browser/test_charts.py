"""The charts and the compliance, obligation and deadline pages, as a reader sees them in
Debian's chromium: at a desktop's width and a phone's, live and in the published site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_kit import assert_fits_window, assert_nothing_ran, shot

from truceline.app import Dossier

pytestmark = pytest.mark.browser

AID = "/compliance/obligation/aid-trucks-daily"
RELEASES = "/compliance/obligation/phase-one-captive-releases"
MET_LATE = "met late (due 2025-01-25, done 2025-01-27)"  # return-north in the example


@pytest.fixture(params=["desktop", "phone"])
def view(request, page):  # type: ignore[no-untyped-def]
    """The page at a desktop's width, then at a phone's."""
    if request.param == "phone":
        page.set_viewport_size({"width": 390, "height": 844})
    page.size_name = request.param
    return page


@pytest.fixture(scope="module")
def published(browser_dossier: Dossier, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example published as a static site (in a thread: Playwright holds this one's loop)."""
    from concurrent.futures import ThreadPoolExecutor

    from truceline.web.publish import publish

    folder = tmp_path_factory.mktemp("charts-site") / "site"
    with ThreadPoolExecutor(1) as pool:
        pool.submit(publish, browser_dossier, folder).result()
    return folder


def _chart_has_its_text(figure) -> None:  # type: ignore[no-untyped-def]
    """A chart names itself (title, desc), has a legend, and its values open as a table."""
    svg = figure.locator("svg.chart")
    assert svg.get_attribute("role") == "img"
    assert svg.locator("title").first.text_content().strip()  # type: ignore[union-attr]
    assert svg.locator("desc").first.text_content().strip()  # type: ignore[union-attr]
    assert figure.locator(".chart-legend li").count() >= 2
    details = figure.locator("details.chart-data")
    assert not details.locator("table").is_visible()
    details.locator("summary").click()
    assert details.locator("table tbody tr").first.is_visible()
    # the chart scales to its column: never wider than the page
    box, column = svg.bounding_box(), figure.bounding_box()
    assert box and column and box["width"] <= column["width"] + 1


def test_quota_chart_spans_the_phase_leaves_gaps_and_marks_each_day(server, view):
    view.goto(server.url + AID)
    figure = view.locator("figure.chart")
    assert figure.count() == 1
    svg = figure.locator("svg.chart")
    # the x-axis is the phase (42 days), not the days with counts
    assert "19 Jan 2025 – 01 Mar 2025 (42 days)" in svg.inner_html()
    assert svg.locator("g.day-mark").count() == 42
    statuses = set(svg.locator("g.day-mark").evaluate_all("gs => gs.map(g => g.classList[1])"))
    assert {"status-met", "status-breached", "status-disputed", "status-unreported"} <= statuses
    # OCHA counted 19-24 Jan and 12 Feb: the line moves to 12 Feb, it is not drawn across
    paths = svg.locator("path.line").evaluate_all("ps => ps.map(p => p.getAttribute('d'))")
    moves = [re.findall(r"[ML]", d) for d in paths]
    assert ["M", "L", "L", "L", "L", "L", "M"] in moves
    # ticks are round numbers
    ticks = svg.locator("text.tick").evaluate_all("ts => ts.map(t => t.textContent)")
    values = [int(t.replace(",", "")) for t in ticks if re.fullmatch(r"[\d,]+", t)]
    assert values and all(v % 100 == 0 for v in values), values
    _chart_has_its_text(figure)
    shot(view, f"charts-quota-{view.size_name}")
    assert_fits_window(view)
    assert_nothing_ran(view)


def test_obligation_days_collapse_into_ranges(server, view):
    view.goto(server.url + AID)
    heads = view.locator("table.days tbody th").all_inner_texts()
    assert "25 Jan – 11 Feb 2025 (18 days)" in heads
    assert "13 Feb – 01 Mar 2025 (17 days)" in heads
    assert len(heads) < 15  # not one row per day of the 42
    range_row = view.locator("tr.run", has_text="25 Jan – 11 Feb 2025")
    assert "unreported" in range_row.inner_text() and "no count" in range_row.inner_text()
    # a link to one day inside the range still finds its row
    view.goto(server.url + AID + "#day-2025-02-01")
    assert view.locator("#day-2025-02-01").count() == 1
    assert_fits_window(view)


def test_schedule_draws_done_against_due(server, view):
    view.goto(server.url + RELEASES)
    figure = view.locator("figure.chart")
    svg = figure.locator("svg.chart")
    assert svg.locator("path.due").count() == 1
    assert svg.locator("g.series path.line").count() == 1
    assert svg.locator("g.day-mark").count() == 42
    _chart_has_its_text(figure)
    assert "done" in figure.locator("details table").inner_text()
    shot(view, f"charts-schedule-{view.size_name}")
    assert_fits_window(view)
    assert_nothing_ran(view)


def test_compliance_page_has_the_phase_calendar_and_claimed_violations(server, view):
    view.goto(server.url + "/compliance")
    figures = view.locator("figure.chart")
    calendar = figures.first
    svg = calendar.locator("svg.chart")
    assert svg.locator("g.band").count() == 3  # the example's three phases
    assert svg.locator("g.deadline").count() >= 4
    assert "today" in svg.inner_html()
    _chart_has_its_text(calendar)
    claims = view.locator("figure.chart", has_text="claimed by")
    assert claims.count() == 2  # one per ceasefire obligation: Israel's and Hamas's
    for i in range(claims.count()):
        assert claims.nth(i).locator("svg.chart rect").count() >= 1
        assert "as claimed" in (claims.nth(i).locator("svg title").first.text_content() or "")
    # the legend names every symbol the matrix uses, the "·" of a day not in force too
    legend = view.locator('ul.legend[aria-label="Legend"]').inner_text()
    assert re.search(r"·\s+not in force", legend)
    for sym in set(view.locator("table.matrix td [aria-hidden=true]").all_inner_texts()):
        assert sym in legend, sym
    shot(view, f"charts-compliance-{view.size_name}")
    assert_fits_window(view)
    assert_nothing_ran(view)


def test_matrix_cells_are_coloured_top_to_bottom(server, page):
    page.goto(server.url + "/compliance")
    cells = page.locator("table.matrix td:has(a.status)")
    for i in (0, cells.count() // 2, cells.count() - 1):
        cell = cells.nth(i).bounding_box()
        link = cells.nth(i).locator("a.status").bounding_box()
        assert cell and link
        assert link["height"] >= cell["height"] - 2, (cell, link)


def test_a_deadline_met_late_reads_the_same_on_deadlines_and_compliance(server, view):
    view.goto(server.url + "/deadlines")
    row = view.locator("table.deadlines tr", has_text="return of displaced people")
    assert MET_LATE in row.inner_text()
    assert view.locator("figure.chart svg g.band").count() == 3
    shot(view, f"charts-deadlines-{view.size_name}")
    assert_fits_window(view)
    view.goto(server.url + "/compliance")
    summary = view.locator("table.summary tr", has_text="return-north")
    assert MET_LATE in summary.inner_text()
    assert "violated" not in summary.inner_text()
    view.goto(server.url + "/compliance/obligation/return-north")
    assert MET_LATE in view.locator("p.ob-meta").inner_text()
    assert_fits_window(view)


def test_charts_render_in_the_published_site(published, view):
    view.goto((published / "compliance.html").as_uri())
    assert view.locator("figure.chart svg.chart").count() >= 3
    assert view.locator("figure.chart svg g.band").count() == 3
    view.locator("table.summary a[href*='aid-trucks-daily']").click()  # the site's own link
    view.wait_for_selector("figure.chart svg.chart")
    svg = view.locator("figure.chart svg.chart")
    assert svg.locator("g.day-mark").count() == 42
    colour = svg.locator("g.day-mark.status-met rect").first.evaluate(
        "r => getComputedStyle(r).fill"
    )
    assert colour not in ("", "none", "rgb(0, 0, 0)")  # charts.css reached the static page
    shot(view, f"charts-published-{view.size_name}")
    assert_fits_window(view)
    assert_nothing_ran(view)  # no CSP violation: no inline style or script
