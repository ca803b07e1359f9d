"""What a person sees on the overview, disputes and negotiation pages, in Debian's chromium,
at a desktop's and a phone's width."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_kit import assert_fits_window, assert_nothing_ran, shot

pytestmark = pytest.mark.browser

AREA = ["/", "/disputes", "/negotiation"]


@pytest.mark.parametrize("path", AREA)
def test_pages_fit_a_desktop_and_a_phone(server, page, path: str) -> None:  # type: ignore[no-untyped-def]
    name = path.strip("/") or "overview"
    page.goto(server.url + path)
    assert_fits_window(page)
    shot(page, f"{name}-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert_fits_window(page)
    shot(page, f"{name}-phone")
    assert_nothing_ran(page)


def test_every_obligation_has_a_status_line_one_click_from_its_record(  # type: ignore[no-untyped-def]
    server, page, browser_dossier
) -> None:
    ledger = browser_dossier.check()
    page.goto(server.url + "/")
    lines = page.locator("table.standing tbody tr")
    assert lines.count() == len(ledger.obligations)
    for o in ledger.obligations:
        line = page.locator(f"#ob-{o.id}")
        assert o.clause_ref in line.locator("th").inner_text()
        assert line.locator(".now .status").first.get_attribute("class") == (
            f"status status-{o.status_today}"
        )
    # the latest evidence: one click to the record
    record = page.locator("#ob-return-north td.evidence .rec a").first
    target = record.get_attribute("href")
    record.click()
    page.wait_for_url(f"**{target}")
    assert page.locator("main h1").count() == 1
    # the status: one click to the day's records
    page.go_back()
    page.locator("#ob-return-north a.status-link").click()
    page.wait_for_url("**/compliance/cell?**")
    assert page.locator('main a[href^="/record/"]').count() >= 1
    assert_nothing_ran(page)


def test_what_changed_since_a_day(server, phone) -> None:  # type: ignore[no-untyped-def]
    today = dt.datetime.now(dt.UTC).date()
    phone.goto(server.url + "/")
    phone.fill("#ov-since", (today + dt.timedelta(days=1)).isoformat())
    phone.get_by_role("button", name="Show").click()
    phone.wait_for_url("**/?since=**")
    assert phone.get_by_text("Nothing was added, accepted, rejected or edited").is_visible()
    phone.fill("#ov-since", today.isoformat())
    phone.get_by_role("button", name="Show").click()
    phone.wait_for_url(f"**/?since={today.isoformat()}")
    changed = phone.locator("ol.changes > li")
    assert changed.count() > 0
    assert "added" in changed.first.inner_text()
    assert_fits_window(phone)
    shot(phone, "overview-since-phone")
    assert_nothing_ran(phone)


def test_disputes_index_leads_to_each_dispute_and_the_filter_narrows(  # type: ignore[no-untyped-def]
    server, page
) -> None:
    page.goto(server.url + "/disputes")
    every = page.locator("section.dispute").count()
    assert every > 1
    first = page.locator(".d-index a[href^='#d-']").first
    anchor = first.get_attribute("href")
    first.click()
    section = page.locator(f"section{anchor}")
    assert section.is_visible()
    assert section.evaluate("e => e.getBoundingClientRect().top") < 200  # scrolled to it
    page.select_option("#d-who", "Hamas")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/disputes?**who=Hamas**")
    shown = page.locator("section.dispute")
    assert 0 < shown.count() < every
    for i in range(shown.count()):
        claimants = shown.nth(i).locator(".side .claimant").all_inner_texts()
        assert "Hamas" in claimants
        assert shown.nth(i).locator(".side-records a[href^='/source/']").count() >= 1
    shot(page, "disputes-filtered-desktop")
    assert_nothing_ran(page)


def test_negotiation_diffs_follow_the_lineage(server, phone) -> None:  # type: ignore[no-untyped-def]
    phone.goto(server.url + "/negotiation")
    answer = phone.locator("#p-prop-2025-03-14-hamas-alexander-four-bodies")
    assert "earlier version" in answer.locator("h3").first.inner_text()
    assert answer.locator("table.terms").count() == 1
    account = phone.locator("#p-prop-2025-03-12-us-bridge-account-witkoff")
    assert account.locator("table.terms").count() == 0
    assert account.get_by_text("No earlier version").is_visible()
    assert_fits_window(phone)
    assert_nothing_ran(phone)
