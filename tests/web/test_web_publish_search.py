"""The published timeline carries what its in-browser search needs, with record text as data.

The search itself runs in chromium in ``test_web_browser.py``; here: the form and
script on the published pages, the index's rows, and the live timeline unchanged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from truceline.app import Dossier
from truceline.web.publish import SEARCH_GLOBAL, SEARCH_INDEX, publish


@pytest.fixture
def site(dossier: Dossier, tmp_path: Path) -> Path:
    publish(dossier, tmp_path / "site")
    return tmp_path / "site"


def read_index(site: Path) -> list[list[object]]:
    """The rows of the published index, read back as the browser would (a JSON literal)."""
    text = (site / "data" / SEARCH_INDEX).read_text(encoding="utf-8")
    prefix = f"window.{SEARCH_GLOBAL} = "
    assert text.startswith(prefix) and text.endswith(";\n")
    return json.loads(text[len(prefix) : -2])["records"]  # type: ignore[no-any-return]


def test_timeline_pages_carry_the_hidden_form_and_the_script(site: Path) -> None:
    html = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    form = re.search(r"<form [^>]*id=\"static-search\"[^>]*>", html)
    assert form, "no search form on the published timeline"
    # hidden until the script has loaded the index: without JavaScript nothing is offered
    assert " hidden " in form.group(0)
    assert 'data-index="../data/timeline-index.js"' in form.group(0)
    assert '<section id="search-results" aria-live="polite" hidden>' in html
    assert '<script src="../static/timeline-search.js" defer></script>' in html
    assert (site / "static" / "timeline-search.js").is_file()
    assert "<script>window.__pwned" not in html


def test_index_holds_accepted_records_in_timeline_order_as_escaped_json(
    site: Path, dossier: Dossier
) -> None:
    raw = (site / "data" / SEARCH_INDEX).read_text(encoding="utf-8")
    # every hostile character is a JSON escape: the index is data wherever it is read
    assert not {"<", ">", "&"} & set(raw)
    assert "\\u003cscript\\u003e" in raw
    rows = {row[0]: row for row in read_index(site)}
    accepted = sorted(
        (r for r in dossier.store.records() if r.state == "accepted"),
        key=lambda r: (r.date is None, r.date or "", r.id),
    )
    assert list(rows) == [r.id for r in accepted]
    assert "ev-candidate" not in rows
    talks = dossier.store.get("ev-talks")
    assert "<script>" in talks.summary
    # the hostile text comes back verbatim, as data
    assert rows["ev-talks"] == [
        "ev-talks",
        "2025-01-20",
        "event",
        [talks.claimed_by, "Israel", "Hamas"],
        talks.summary,
        "../record/ev-talks.html",
    ]
    said = dossier.store.get("st-evil")
    assert rows["st-evil"][3] == [said.speaker, said.affiliation]
    for row in rows.values():
        link = str(row[5])
        assert (site / "data" / link).resolve().is_file(), link


def test_live_timeline_keeps_its_server_search(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/timeline").text
    assert 'hx-get="/timeline"' in html and 'name="q"' in html
    assert "static-search" not in html and "timeline-search.js" not in html
    found = client.get("/timeline?q=trucks").text
    assert "fig-trucks" in found and "ev-talks" not in found
