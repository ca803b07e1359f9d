"""Every page answers, filters live in the query string, and hostile text stays text."""

from __future__ import annotations

import re

import pytest

from truceline.web.app import CSP

PAGES = [
    "/",
    "/timeline",
    "/timeline?kind=statement",
    "/timeline?q=trucks",
    "/timeline?party=Hamas",
    "/timeline?type=CONSULT",
    "/timeline?outlet=Plain+Times&state=candidate",
    "/timeline?source=src-evil",
    "/sources",
    "/source/src-evil",
    "/record/st-evil",
    "/record/ev-candidate",
    "/speakers",
    "/disputes",
    "/review",
    "/compliance",
    "/deadlines",
    "/negotiation",
    "/data",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_answers_with_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP


@pytest.mark.parametrize("path", PAGES)
def test_hostile_text_is_escaped(client, path):
    html = client.get(path).text
    assert "<script>window" not in html
    assert "<img src=x" not in html
    assert 'onerror="' not in html
    assert not re.search(r"(href|src|action)=\"\s*javascript:", html, re.I)
    # no inline scripts at all: every <script> has a src or is a JSON data block
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag


def test_unknown_record_is_404(client):
    assert client.get("/record/nope").status_code == 404
    assert client.get("/source/nope").status_code == 404


def test_timeline_filters(client):
    html = client.get("/timeline?kind=figure").text
    assert "aid trucks" in html and "Talks resumed" not in html
    html = client.get("/timeline?q=talks").text
    assert "Talks resumed" in html and "aid trucks" not in html
    html = client.get("/timeline?q=truck*").text
    assert "aid trucks" in html
    html = client.get("/timeline?party=Israel").text
    assert "Talks resumed" in html and "aid trucks" not in html
    # candidates are not on the timeline unless asked for
    assert "Strike reported" not in client.get("/timeline").text
    assert "Strike reported" in client.get("/timeline?state=candidate").text
    # the htmx request gets only the results fragment
    fragment = client.get("/timeline?kind=figure", headers={"HX-Request": "true"}).text
    assert fragment.lstrip().startswith('<section id="results"')


def test_search_with_fts_syntax_is_harmless(client):
    for q in ['"', "NEAR(", "a OR", "*", "-x", "col:x", "'; drop table records; --"]:
        assert client.get("/timeline", params={"q": q}).status_code == 200


def test_source_highlights_spans_linked_to_records(client):
    html = client.get("/source/src-evil?focus=st-evil").text
    assert 'id="r-st-evil"' in html
    assert re.search(r'<mark class="span focus"[^>]*><a href="/record/st-evil">', html)
    assert 'id="r-ev-talks"' in html  # placed by its evidence text
    assert 'href="/record/fig-trucks"' in html


def test_timeline_entry_links_to_its_source_sentence(client):
    html = client.get("/timeline?kind=statement").text
    assert 'href="/source/src-evil?focus=st-evil#r-st-evil"' in html


def test_record_page_shows_history(client, csrf_of):
    token = csrf_of(client.get("/review").text)
    client.post(
        "/review/ev-candidate/edit",
        data={"csrf": token, "field.summary": "Strike reported in Rafah", "note": "fixed"},
    )
    html = client.get("/record/ev-candidate").text
    assert "Strike reported in Rafah" in html
    assert "fixed" in html and "<del>" in html


def test_data_downloads(client):
    for name in ("events.csv", "records.jsonl", "records.json", "timeline.json", "deadlines.ics"):
        response = client.get(f"/data/{name}")
        assert response.status_code == 200, name
    timeline = client.get("/data/timeline.json").json()
    text = str(timeline)
    assert "<script>" not in text  # TimelineJS renders HTML: values are escaped
    assert client.get("/data/nope.txt").status_code == 404
