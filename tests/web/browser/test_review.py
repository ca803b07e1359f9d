"""The review queue in Debian's chromium: consequences on each card, bulk decisions, keys.

The module's own ``browser_dossier`` (the example plus the hostile article, whose
extracted records wait for review) is changed by these tests: the keyboard test
accepts one candidate and the bulk test accepts a filtered set, so they run last.
"""

from __future__ import annotations

import pytest
from browser_kit import assert_fits_window, assert_nothing_ran, shot

pytestmark = pytest.mark.browser
COUNT_ID = "fig-browser-count"


@pytest.fixture(scope="module", autouse=True)
def count_for_a_silent_day(browser_dossier):  # type: ignore[no-untyped-def]
    """A candidate truck count for 5 February, a day the example has no count for."""
    from truceline.model import Evidence, Figure

    source = next(s.id for s in browser_dossier.store.sources() if s.published == "2025-01-20")
    with browser_dossier.store.writer("test") as w:
        w.put(
            Figure(
                id=COUNT_ID,
                date="2025-02-05",
                metric="aid_trucks",
                value=640,
                counted_by="OCHA",
                period="day",
                state="candidate",
                confidence=0.8,
                sources=[Evidence(source=source, text="A count of 640 trucks for the day.")],
            )
        )


def candidate_ids(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.removeprefix("c-") for i in page.eval_on_selector_all(
        "article.candidate", "cards => cards.map(c => c.id)"
    )]  # fmt: skip


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_each_card_shows_what_accepting_it_decides(server, browser_dossier, page, size):
    if size == "phone":
        page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + "/review")
    cards = page.locator("article.candidate")
    assert cards.count() >= 2
    # each card asks the engine as it comes into view
    for i in range(cards.count()):
        cards.nth(i).scroll_into_view_if_needed()
        cards.nth(i).locator(".pending-work").wait_for(state="detached")
    for i in range(cards.count()):
        section = cards.nth(i).locator("section.consequences")
        assert section.locator("h3").inner_text() == "If accepted, this decides"
        assert (
            section.locator("ul.decides li").count() + section.locator(".decides-nothing").count()
        )
    # a count for a silent day: the engine says which day of which obligation it
    # decides, from what to what
    figure = page.locator(f"#c-{COUNT_ID}")
    decided = figure.locator("ul.decides li")
    assert decided.count() == 1
    assert "Phase 1, humanitarian aid (Israel)" in decided.inner_text()
    assert decided.locator("time").first.get_attribute("datetime") == "2025-02-05"
    assert decided.locator(".status").first.get_attribute("class") == "status status-unreported"
    assert decided.locator(".status").last.get_attribute("class") == "status status-met"
    assert "Counted by\nOCHA" in figure.locator(".facts").inner_text()
    shot(page, f"review-consequences-{size}")
    # the extracted count for 20 January adds a count to a day already decided
    assert (
        "would back 1 day"
        in page.locator("article.candidate", has_text="aid trucks: about 600").inner_text()
    )
    # the link goes to the obligation behind the status
    href = decided.locator("a").first.get_attribute("href")
    assert href.startswith("/compliance/obligation/")
    assert page.locator("#keys-hint").is_visible()
    shot(page, f"review-consequences-{size}")
    assert_fits_window(page)
    assert_nothing_ran(page)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_help_overlay_and_keys_ignore_typing(server, page, size):
    if size == "phone":
        page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + "/review")
    page.locator("#r-min").focus()
    page.keyboard.press("j")  # typed into the field, not a card move
    assert page.locator("article.candidate.current").count() == 0
    page.locator("main h1").click()
    page.keyboard.press("?")
    assert page.locator("#keys-help").is_visible()
    assert "accept the current card" in page.locator("#keys-help").inner_text()
    shot(page, f"review-keys-help-{size}")
    assert_fits_window(page)
    page.keyboard.press("Escape")
    assert not page.locator("#keys-help").is_visible()
    assert_nothing_ran(page)


def test_keys_move_between_cards_and_accept(server, browser_dossier, page):
    page.goto(server.url + "/review")
    ids = candidate_ids(page)
    page.locator("main h1").click()
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.locator("article.candidate.current").get_attribute("id") == f"c-{ids[1]}"
    page.keyboard.press("k")
    assert page.locator("article.candidate.current").get_attribute("id") == f"c-{ids[0]}"
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("a")
    assert browser_dossier.store.get(ids[1]).state == "accepted"
    assert browser_dossier.store.get(ids[0]).state == "candidate"
    # the card that took its place is the current one, ready for the next key
    assert ids[1] not in candidate_ids(page)
    assert page.locator("article.candidate.current").get_attribute("id") == f"c-{ids[2]}"
    shot(page, "review-after-key-accept")
    assert_nothing_ran(page)


@pytest.mark.parametrize(("size", "kind"), [("desktop", "statement"), ("phone", "event")])
def test_bulk_accept_of_a_filtered_set(server, browser_dossier, page, size, kind):
    if size == "phone":
        page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + "/review")
    page.select_option("#r-kind", kind)
    with page.expect_navigation():
        page.click("form.queue-filters button[type=submit]")
    shown = candidate_ids(page)
    assert shown, f"no {kind} left to accept"
    others = [r.id for r in browser_dossier.candidates() if r.kind != kind]
    assert others, "the filter kept everything"
    button = page.locator(".bulk a.accept")
    assert f"Accept all {len(shown)} shown" in button.inner_text()
    with page.expect_navigation():
        button.click()
    assert page.locator("main h1").inner_text() == (
        f"Accept {len(shown)} candidate{'' if len(shown) == 1 else 's'}?"
    )
    assert page.locator("section.consequences").is_visible()
    shot(page, f"review-bulk-confirm-{size}")
    assert_fits_window(page)
    with page.expect_navigation():
        page.click("form.bulk-confirm button[type=submit]")
    assert page.locator("p.done").inner_text() == (
        f"Accepted {len(shown)} candidate{'' if len(shown) == 1 else 's'}."
    )
    assert all(browser_dossier.store.get(i).state == "accepted" for i in shown)
    assert all(browser_dossier.store.get(i).state == "candidate" for i in others)
    shot(page, f"review-bulk-done-{size}")
    assert_fits_window(page)
    assert_nothing_ran(page)
