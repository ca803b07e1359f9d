"""What a reader sees of claim and source, in Debian's chromium at a desktop's and a phone's width.

Every page fits the window; a paraphrase (``mode: indirect``) is never inside
quotation marks, on the live pages or in the published site's in-browser search;
a source reads as separate outlet, date and link; no field shows JSON.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from browser_kit import PAGES, assert_fits_window, assert_nothing_ran, shot

from truceline.app import Dossier
from truceline.model import Statement

pytestmark = pytest.mark.browser

# In the page: the elements whose own text is exactly `words`, and for each whether it
# sits in quotation marks (inside <q> or <blockquote>, after an opening mark, or drawn
# with a quotation mark by CSS) and whether a "paraphrase" label goes with it.
FIND_WORDS = """words => {
  const found = [];
  for (const el of document.querySelectorAll('main *')) {
    if (el.children.length || el.textContent.trim() !== words) continue;
    const before = (el.previousSibling && el.previousSibling.textContent) ||
      (el.parentElement.previousSibling && el.parentElement.previousSibling.textContent) || '';
    const drawn = getComputedStyle(el, '::before').content;
    const said = el.closest('.said, .entry, li');
    found.push({
      inQ: Boolean(el.closest('q, blockquote')),
      afterMark: /[“"«]\\s*$/.test(before),
      drawnMark: /[“"«]|open-quote/.test(drawn),
      labelled: Boolean(said && /paraphrase/i.test(said.textContent)),
      table: Boolean(el.closest('table')),
    });
  }
  return found;
}"""


@pytest.fixture(scope="module")
def paraphrase(browser_dossier: Dossier) -> Statement:
    """An example statement whose words are a paraphrase, with its source."""
    said = [
        r
        for r in browser_dossier.store.records("statement")
        if r.mode == "indirect" and r.sources and r.state == "accepted"
    ]
    assert said, "the example has no paraphrased statement"
    return said[0]  # type: ignore[return-value]


@pytest.fixture(scope="module")
def extra_pages(browser_dossier: Dossier, paraphrase: Statement) -> list[str]:
    """A record, a source, an obligation and a speaker page of the example."""
    agreement = browser_dossier.agreements()[0]
    obligation = agreement.obligations[0].id
    return [
        f"/record/{paraphrase.id}",
        f"/source/{paraphrase.sources[0].source}",
        f"/compliance/obligation/{obligation}",
        f"/speakers?speaker={quote(paraphrase.speaker)}",
    ]


def pages_fit(server, page, paths: list[str], name: str) -> None:  # type: ignore[no-untyped-def]
    for path in paths:
        response = page.goto(server.url + path)
        assert response.status == 200, path
        assert_fits_window(page)
        assert '["' not in page.inner_text("main"), f"{path} shows raw JSON"
        assert '{"' not in page.inner_text("main"), f"{path} shows raw JSON"
        # the nav bar spans the window: it never stops mid-page
        nav = page.evaluate("document.querySelector('header.top').getBoundingClientRect().width")
        assert nav == page.evaluate("document.documentElement.clientWidth"), path
        shot(
            page,
            f"typography-{name}"
            + (path.split("?")[0].replace("/", "-") if path != "/" else "-overview"),
        )
        assert_nothing_ran(page)


def test_every_page_fits_a_desktop_window(server, page, extra_pages):
    pages_fit(server, page, PAGES + extra_pages, "desktop")


def test_every_page_fits_a_phone(server, phone, extra_pages):
    pages_fit(server, phone, PAGES + extra_pages, "phone")


def test_a_paraphrase_is_never_in_quotation_marks(server, page, paraphrase, extra_pages):
    paths = [
        f"/record/{paraphrase.id}",
        f"/speakers?speaker={quote(paraphrase.speaker)}",
        f"/source/{paraphrase.sources[0].source}",
        f"/timeline?kind=statement&party={quote(paraphrase.speaker)}",
    ]
    for path in paths:
        page.goto(server.url + path)
        found = page.evaluate(FIND_WORDS, paraphrase.quote)
        assert found, f"{path} does not show the paraphrase"
        for where in found:
            assert not (where["inQ"] or where["afterMark"] or where["drawnMark"]), (path, where)
        # outside the record's table of fields, it is labelled a paraphrase
        assert all(w["labelled"] for w in found if not w["table"]), path
        assert page.locator("main .mark-paraphrase").first.is_visible(), path
    shot(page, "typography-paraphrase-timeline")


def test_verbatim_words_are_in_quotation_marks(server, page, browser_dossier):
    own = [
        r
        for r in browser_dossier.store.records("statement")
        if r.mode == "direct" and r.state == "accepted" and "<" not in r.quote
    ][0]
    page.goto(f"{server.url}/record/{own.id}")
    drawn = page.evaluate(
        "() => { const q = document.querySelector('main q.verbatim');"
        " return [q.textContent, getComputedStyle(q, '::before').content,"
        " getComputedStyle(q).quotes]; }"
    )
    assert drawn[0] == own.quote
    assert drawn[1] == "open-quote" and "“" in drawn[2]
    assert page.locator("main .mark-verbatim").first.is_visible()


def test_sources_read_outlet_date_link(server, page, paraphrase):
    page.goto(f"{server.url}/record/{paraphrase.id}")
    lines = page.locator("main ul.cited .source-line")
    assert lines.count() >= 1
    line = lines.first
    assert line.locator(".outlet").count() == 1
    assert line.locator("time.published, .published").count() == 1
    parts = line.evaluate(
        "el => [...el.children].filter(c => !c.classList.contains('sep'))"
        ".map(c => c.getBoundingClientRect())"
        ".map(r => [Math.round(r.left), Math.round(r.right), Math.round(r.top)])"
    )
    # the parts stand apart on the line: each starts after the one before ends
    for (_, right, top), (left, _, top2) in zip(parts, parts[1:], strict=False):
        assert left > right or top2 > top, parts
    text = line.inner_text()
    assert " · " in text and not any(c.isdigit() for c in text.split(" · ")[0][-1:])
    # a date never wraps inside a narrow column
    page.set_viewport_size({"width": 390, "height": 844})
    for time in page.locator("main time").all()[:20]:
        box = time.evaluate("t => t.getClientRects().length")
        assert box == 1


@pytest.fixture(scope="module")
def published(browser_dossier: Dossier, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example published as a static site (in a thread: ``publish`` runs its own loop)."""
    from concurrent.futures import ThreadPoolExecutor

    from truceline.web.publish import publish

    folder = tmp_path_factory.mktemp("typography") / "site"
    with ThreadPoolExecutor(1) as pool:
        pool.submit(publish, browser_dossier, folder).result()
    return folder


def test_published_search_shows_a_paraphrase_unquoted(published, page, paraphrase):
    page.goto((published / "timeline" / "index.html").as_uri())
    page.wait_for_selector("#static-search:not([hidden])")
    page.fill("#s-q", " ".join(paraphrase.quote.split()[:6]))
    page.wait_for_selector("#search-results article.entry")
    texts = page.locator("#search-results article.entry .head a").all_inner_texts()
    mine = [t for t in texts if paraphrase.quote in t]
    assert mine, texts
    for text in mine:
        assert "(paraphrase)" in text
        assert f"“{paraphrase.quote}" not in text
    shot(page, "typography-published-search")
    assert_nothing_ran(page)


def test_published_pages_fit_a_phone(published, phone, paraphrase):
    for name in ("index.html", "timeline/index.html", "speakers.html", "sources.html",
                 f"record/{paraphrase.id}.html", "compliance.html"):  # fmt: skip
        phone.goto((published / name).as_uri())
        assert_fits_window(phone)
        found = phone.evaluate(FIND_WORDS, paraphrase.quote)
        assert not any(w["inQ"] or w["afterMark"] for w in found), name
    assert_nothing_ran(phone)


def test_a_matrix_cell_is_coloured_to_its_edges(server, page):
    page.goto(server.url + "/compliance?by=day")
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('table.matrix td > a')].slice(0, 40)"
        ".map(a => [a.getBoundingClientRect().height, a.parentElement.clientHeight])"
    )
    assert sizes
    for link, cell in sizes:
        assert link >= cell - 1, sizes
