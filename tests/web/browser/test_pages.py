"""The dashboard in Debian's chromium, driven by Playwright.

One server (local mode) over the example dossier plus a hostile article ingested
through ``truceline.ingest``; one team-mode server for the role check. Each
test screenshots its page into ``test-artifacts/web/``.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_kit import EXAMPLE, HOSTILE, PAGES, XSS, Server, assert_nothing_ran, shot

from truceline.app import Dossier
from truceline.web import create_app

pytestmark = pytest.mark.browser


def test_every_page_loads_populated_and_nothing_runs(server, page):
    for path in PAGES:
        response = page.goto(server.url + path)
        assert response.status == 200, path
        assert page.locator("main h1").count() == 1, path
        assert "not installed" not in page.inner_text("main"), path
        shot(page, "page" + (path.replace("/", "-") if path != "/" else "-overview"))
        assert_nothing_ran(page)
    # every list the example fills is populated
    page.goto(server.url + "/timeline")
    assert page.locator("article.entry").count() == 50
    page.goto(server.url + "/compliance")
    assert page.locator("table.matrix tbody tr").count() >= 5
    page.goto(server.url + "/negotiation")
    assert page.locator("section.proposal").count() >= 5
    page.goto(server.url + "/disputes")
    assert page.locator("section.dispute").count() >= 5
    page.goto(server.url + "/speakers")
    assert page.locator("section.speaker").count() >= 5


def test_hostile_article_pages_run_nothing(server, browser_dossier, page):
    sources = [s for s in browser_dossier.store.sources() if s.url == HOSTILE["url"]]
    source_id = sources[0].id
    records = [
        r.id
        for r in browser_dossier.store.records()
        if r.sources and any(e.source == source_id for e in r.sources)
    ]
    assert records, "the hostile article gave no records"
    paths = [f"/source/{source_id}", f"/timeline?source={source_id}&state="]
    paths += [f"/record/{rid}" for rid in records]
    paths += ["/review", "/speakers?speaker=x", "/timeline?q=reject", "/timeline?state=candidate"]
    for i, path in enumerate(paths):
        page.goto(server.url + path)
        page.wait_for_load_state("load")
        assert_nothing_ran(page)
        if i == 0:
            shot(page, "hostile-source")
            # the text is there, as text
            assert "<script>" in page.inner_text("main")
            hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
            assert not [h for h in hrefs if h.lower().startswith("javascript:")]


def test_filter_the_timeline(server, page):
    page.goto(server.url + "/timeline")
    page.select_option("#f-kind", "figure")
    page.wait_for_url(re.compile(r"kind=figure"))
    page.wait_for_function(
        "document.querySelectorAll('article.entry:not(.kind-figure)').length === 0"
    )
    assert page.locator("article.kind-figure").count() > 0
    shot(page, "timeline-filtered")
    # the filtered URL is shareable: loading it fresh gives the same filter
    page.goto(page.url)
    assert page.input_value("#f-kind") == "figure"
    assert_nothing_ran(page)


def test_search_the_timeline(server, page):
    page.goto(server.url + "/timeline")
    page.fill("#f-q", "trucks")
    page.press("#f-q", "Enter")
    page.wait_for_url(re.compile(r"q=trucks"))
    page.wait_for_function("document.querySelector('#results h2').textContent.includes('trucks')")
    assert page.locator("article.entry").count() > 0
    shot(page, "timeline-search")
    assert_nothing_ran(page)


def test_timeline_entry_opens_its_source_sentence(server, page):
    page.goto(server.url + "/timeline?kind=statement")
    link = page.locator("article.entry ul.cited a").first
    link.click()
    page.wait_for_url(re.compile(r"/source/"))
    assert "#r-" in page.url
    assert_nothing_ran(page)


def test_open_a_compliance_cell(server, page):
    page.goto(server.url + "/compliance")
    cell = page.locator("table.matrix a.status-breached").first
    cell.click()
    page.wait_for_selector("#evidence .cell-evidence")
    assert "breached" in page.inner_text("#evidence")
    shot(page, "compliance-evidence")
    assert_nothing_ran(page)


def test_accept_a_candidate(server, browser_dossier, page):
    page.goto(server.url + "/review")
    card = page.locator("#c-ev-browser-candidate")
    card.get_by_role("button", name=re.compile("^Accept")).click()
    page.wait_for_load_state("load")
    assert page.locator("#c-ev-browser-candidate").count() == 0
    assert browser_dossier.store.get("ev-browser-candidate").state == "accepted"
    shot(page, "review-accepted")
    assert_nothing_ran(page)


def test_viewer_is_refused_an_edit(team_server, page):
    page.goto(team_server.url + "/review")
    page.wait_for_url(re.compile(r"/login"))
    page.fill("#l-user", "vera")
    page.fill("#l-pass", "viewer-password")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/review"))
    assert page.get_by_role("button", name=re.compile("^Accept")).count() == 0
    assert "not change it" in page.inner_text("main")
    token = page.get_attribute('input[name="csrf"]', "value")
    candidates = page.evaluate("location.origin")
    response = page.request.post(
        f"{candidates}/review/ev-browser-candidate/reject",
        form={"csrf": token},
        headers={"origin": candidates},
    )
    assert response.status == 403
    shot(page, "viewer-review")


# --------------------------------------------------------------------------- published site


@pytest.fixture(scope="module")
def published(browser_dossier: Dossier, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dossier published as a static site (before or after the review test accepts its
    candidate: the expectations below are read from the site's own index).

    ``publish`` runs its own event loop, so it runs in a thread of its own: this one
    may already hold Playwright's.
    """
    from concurrent.futures import ThreadPoolExecutor

    from truceline.web.publish import publish

    folder = tmp_path_factory.mktemp("published") / "site"
    with ThreadPoolExecutor(1) as pool:
        pool.submit(publish, browser_dossier, folder).result()
    return folder


@pytest.fixture(scope="module")
def site_server(published: Path) -> Iterator[str]:
    """The published folder behind Python's plain static file server, on a free port."""
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(published)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    thread.join(10)
    httpd.server_close()


def index_rows(site: Path) -> list[list]:  # type: ignore[type-arg]
    text = (site / "data" / "timeline-index.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1 : text.rindex(";")])["records"]  # type: ignore[no-any-return]


def shown_ids(page) -> set[str]:  # type: ignore[no-untyped-def]
    hrefs = page.eval_on_selector_all(
        "#search-results article.entry a", "links => links.map(a => a.href)"
    )
    return {re.search(r"/record/([^/]+)\.html$", h).group(1) for h in hrefs}  # type: ignore[union-attr]


def open_search(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector("#static-search:not([hidden])")


def test_published_timeline_searches_from_disk(published, page):
    rows = index_rows(published)
    first_page = {row[0] for row in rows[:50]}
    trucks = {row[0] for row in rows if "trucks" in " ".join([row[4], *row[3]]).lower()}
    assert trucks - first_page, "the word should also match records beyond the first page"
    open_search(page, (published / "timeline" / "index.html").as_uri())
    assert page.locator("#results article.entry").count() == 50
    page.fill("#s-q", "TRUCKS")
    page.wait_for_selector("#search-results:not([hidden])")
    assert page.is_hidden("#results")
    assert shown_ids(page) == trucks
    count = len(trucks)
    assert page.inner_text("#search-results h2") == f"{count} records matching “TRUCKS”"
    shot(page, "published-search")
    page.fill("#s-q", "trucks zzqxv")
    page.wait_for_function("!document.querySelector('#search-results article.entry')")
    assert "Nothing matches these filters." in page.inner_text("#search-results")
    assert "0 records" in page.inner_text("#search-results h2")
    page.fill("#s-q", "")
    page.wait_for_selector("#search-results", state="hidden")
    assert page.locator("#results article.entry").count() == 50
    page.fill("#s-q", "trucks")
    page.locator("#search-results article.entry a").first.click()
    page.wait_for_url(re.compile(r"/record/.+\.html$"))
    assert_nothing_ran(page)


def test_published_timeline_filters_by_kind_and_party_over_http(published, site_server, page):
    rows = index_rows(published)
    wanted = {row[0] for row in rows if row[2] == "statement" and "Hamas" in row[3]}
    assert wanted
    open_search(page, site_server + "/timeline/page-2.html")
    page.select_option("#s-kind", "statement")
    page.select_option("#s-party", "Hamas")
    page.wait_for_selector("#search-results:not([hidden])")
    assert shown_ids(page) == wanted
    assert page.locator("#search-results article.entry:not(.kind-statement)").count() == 0
    assert_nothing_ran(page)


def test_published_search_shows_hostile_text_as_text(published, site_server, page):
    open_search(page, site_server + "/timeline/")
    page.fill("#s-q", "haddad")
    page.wait_for_selector("#search-results article.entry")
    text = page.inner_text("#search-results")
    assert XSS in text
    markup = "#search-results :is(script, img, svg)"
    assert page.locator(markup).count() == 0
    # Enter must not submit the form (the site's CSP allows no form action)
    page.press("#s-q", "Enter")
    shot(page, "published-search-hostile")
    assert_nothing_ran(page)


# --------------------------------------------------------------------------- payloads everywhere

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=window.__pwned=2>",
    "<svg onload=window.__pwned=3>",
    '"><script>window.__pwned=4</script>',
    "'><img src=x onerror=window.__pwned=5>",
    "javascript:window.__pwned=6",
    "</textarea><script>window.__pwned=7</script>",
    '<iframe srcdoc="<script>parent.__pwned=8</script>">',
    '<a href="javascript:window.__pwned=9">x</a>',
    "<details open ontoggle=window.__pwned=10>",
    "</script><script>window.__pwned=11</script>",
    "\u2028\u2029<script>window.__pwned=12</script>",
    "<img src=x onerror=alert(13)>",
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=14">',
    "{{constructor.constructor('window.__pwned=15')()}}",
]


def _string_leaves(data: object, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    if isinstance(data, str):
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _string_leaves(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _string_leaves(value, (*path, i))


def _replaced(data: object, path: tuple[object, ...], value: str) -> object:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)  # type: ignore[call-overload]
    copy[path[0]] = _replaced(copy[path[0]], path[1:], value)
    return copy


def _with_payloads(obj, payloads: Iterator[str]):  # type: ignore[no-untyped-def]
    """``obj`` with a payload added to every text its model accepts one in (free text:
    ids, dates and words from a vocabulary refuse it), and how many took one."""
    from pydantic import ValidationError

    from truceline.model import dump

    model = type(obj)
    data: object = dump(obj)
    taken = 0
    for path in list(_string_leaves(data)):
        leaf = data
        for key in path:
            leaf = leaf[key]  # type: ignore[index]
        trial = _replaced(data, path, f"{leaf} {next(payloads)}")
        try:
            model.model_validate(trial)
        except ValidationError:
            continue
        data, taken = trial, taken + 1
    return model.model_validate(data), taken


@pytest.fixture(scope="module")
def payload_dossier(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Dossier, int]]:
    """The example dossier with a payload in every free-text field of every object (three
    events back in the review queue); and how many fields took one."""
    import itertools

    dossier = Dossier.init(tmp_path_factory.mktemp("payloads") / "dossier")
    dossier.import_dir(EXAMPLE)
    store = dossier.store
    objects = [*store.sources(), *store.agreements(), *store.records(), *store.disputes()]
    payloads = itertools.cycle(PAYLOADS)
    fields = 0
    with store.writer("test") as writer:
        for obj in objects:
            changed, taken = _with_payloads(obj, payloads)
            writer.put(changed)
            fields += taken
        for record in store.records(kind="event")[:3]:
            writer.set_state(record.id, "candidate")
    yield dossier, fields
    dossier.close()


@pytest.fixture(scope="module")
def payload_server(payload_dossier: tuple[Dossier, int]) -> Iterator[Server]:
    with Server(create_app(payload_dossier[0])) as s:
        yield s


def _page_kinds(dossier: Dossier, server: Server, page) -> list[str]:  # type: ignore[no-untyped-def]
    """Every kind of page: the lists, every source, two records of each kind, and the
    compliance cells and obligations the compliance page links to."""
    paths = [*PAGES, "/timeline?state=", "/timeline?state=candidate", "/timeline?page=2"]
    paths += [f"/source/{s.id}" for s in dossier.store.sources()]
    for kind in ("event", "statement", "figure", "proposal", "response"):
        paths += [f"/record/{r.id}" for r in dossier.store.records(kind=kind)[:2]]
    page.goto(server.url + "/compliance")
    links = page.eval_on_selector_all(
        "a[href^='/compliance/']", "els => els.map(e => e.getAttribute('href'))"
    )
    cells = [h for h in links if h.startswith("/compliance/cell")][:3]
    return paths + cells + [h for h in links if h.startswith("/compliance/obligation")][:3]


def test_payloads_in_every_field_run_nowhere(payload_server, payload_dossier, page):
    dossier, fields = payload_dossier
    paths = _page_kinds(dossier, payload_server, page)
    served, shown = {}, set()
    for path in paths:
        response = page.goto(payload_server.url + path)
        page.wait_for_load_state("load")
        served[path] = response.status
        assert_nothing_ran(page)
        text = page.inner_text("body")
        if any(p in text for p in PAYLOADS):  # the payload is there, as text
            shown.add(path)
    shot(page, "payloads-last-page")
    print(f"{fields} fields with a payload; {len(paths)} pages, {len(shown)} showing one")
    assert {p: s for p, s in served.items() if s != 200} == {}
    # the downloads page and a cell's status show no text from the dossier
    assert set(paths) - shown <= {"/data", *(p for p in paths if p.startswith("/compliance/cell"))}
