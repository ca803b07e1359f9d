"""Timeline paging: result order across pages (dated by date, id; undated last), every
filter, and the capped count ("more than N records") with its pager at the bound."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest

from truceline.app import Dossier
from truceline.model import Event, Evidence, Source, Statement
from truceline.store import counts
from truceline.store.filters import TimelineFilter
from truceline.store.timeline import timeline
from truceline.web import create_app
from truceline.web.settings import WebSettings

# 23 dated events (some share a date, so the id breaks ties), 7 undated statements.
DATED = 23
UNDATED = 7


@pytest.fixture
def paged(dossier: Dossier) -> Dossier:
    with dossier.store.writer("test") as w:
        w.put(Source(id="src-wire", outlet="Wire", url="https://example.org/wire"))
        for i in range(DATED):
            w.put(
                Event(
                    id=f"pg-ev-{i:02d}",
                    date=f"2025-02-{1 + (i * 7) % 9:02d}",
                    type="AID" if i % 2 else "ASSAULT",
                    actors=["Egypt" if i % 3 else "Qatar"],
                    summary=f"Paging event {i} {'convoy' if i % 4 else 'crossing'}",
                    sources=[Evidence(source="src-wire" if i % 5 else "src-plain")],
                )
            )
        for i in range(UNDATED):
            w.put(
                Statement(
                    id=f"pg-st-{i:02d}",
                    speaker="Paging Speaker",
                    affiliation="Egypt",
                    quote=f"Undated paging statement {i} convoy",
                    sources=[Evidence(source="src-wire")],
                )
            )
    return dossier


def _expected(dossier: Dossier, keep: Callable[[object], bool], state: str) -> list[str]:
    outlets = {s.id: s.outlet for s in dossier.store.sources()}
    records = [
        r
        for r in dossier.store.records()
        if (not state or r.state == state) and keep((r, outlets))  # type: ignore[attr-defined]
    ]
    records.sort(key=lambda r: (r.date is None, r.date or "", r.id))  # type: ignore[attr-defined]
    return [r.id for r in records]  # type: ignore[attr-defined]


def _cites(r: object, outlets: dict[str, str], **match: str) -> bool:
    for e in r.sources or []:  # type: ignore[attr-defined]
        if match.get("source") == e.source or match.get("outlet") == outlets.get(e.source):
            return True
    return False


FILTERS: list[tuple[dict[str, str], Callable[[tuple[object, dict[str, str]]], bool]]] = [
    ({}, lambda ro: True),
    ({"kind": "event"}, lambda ro: ro[0].kind == "event"),  # type: ignore[attr-defined]
    ({"type": "AID"}, lambda ro: getattr(ro[0], "type", None) == "AID"),
    (
        {"party": "Egypt"},
        lambda ro: (
            "Egypt"
            in (*(getattr(ro[0], "actors", None) or []), getattr(ro[0], "affiliation", None))
        ),
    ),
    ({"outlet": "Wire"}, lambda ro: _cites(*ro, outlet="Wire")),
    ({"source": "src-plain"}, lambda ro: _cites(*ro, source="src-plain")),
    ({"q": "convoy"}, lambda ro: "convoy" in f"{ro[0].summary} {getattr(ro[0], 'quote', '')}"),  # type: ignore[attr-defined]
    ({"outlet": "Wire", "type": "AID", "q": "convoy"}, None),  # checked against the others
]


@pytest.mark.parametrize("state", ["accepted", ""])
@pytest.mark.parametrize("size,cap", [(4, 10), (5, 10), (7, None), (50, 1000)])
def test_pages_walk_every_match_in_order(paged, state, size, cap):  # type: ignore[no-untyped-def]
    for params, keep in FILTERS:
        if keep is None:
            continue
        want = _expected(paged, keep, state)
        got: list[str] = []
        for n in range(1, len(want) // size + 3):
            f = TimelineFilter(**params, state=state, page=n)
            page = timeline(paged.store, f, size, cap=cap)
            got += [e.record.id for e in page.entries]
            if page.exact:
                assert page.total == len(want), (params, n)
            else:
                # a lower bound, never more than there are, and past the cap
                assert cap is not None and cap < page.total <= len(want), (params, n)
            last = n * size >= len(want)
            assert page.more == (not page.exact)
            assert (page.page < page.pages or page.more) == (not last), (params, n)
        assert got == want, params
        assert counts.timeline_total(paged.store, TimelineFilter(**params, state=state)) == len(
            want
        )


def test_combined_filters_are_the_intersection(paged):  # type: ignore[no-untyped-def]
    def ids(**params: str) -> set[str]:
        f = TimelineFilter(**params)
        return {e.record.id for e in timeline(paged.store, f, 500).entries}

    both = ids(outlet="Wire", type="AID", q="convoy")
    assert both and both == ids(outlet="Wire") & ids(type="AID") & ids(q="convoy")


@pytest.fixture
def small_pages(paged: Dossier, monkeypatch: pytest.MonkeyPatch, make_client) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The app with 5 records a page and the count stopped at 10."""
    monkeypatch.setattr(counts, "COUNT_CAP", 10)
    with make_client(create_app(paged, WebSettings(page_size=5))) as client:
        yield client


def _heading(html: str) -> str:
    found = re.search(r'<h2 class="count">(.*?)</h2>', html, re.S)
    assert found
    return found.group(1)


def _pager(html: str) -> str:
    found = re.search(r'<nav class="pager".*?</nav>', html, re.S)
    return found.group(0) if found else ""


def test_capped_count_says_more_than(small_pages):  # type: ignore[no-untyped-def]
    html = small_pages.get("/timeline").text
    assert _heading(html) == "more than 10 records"
    pager = _pager(html)
    assert "page 1 of 3 or more" in pager
    assert 'rel="next"' in pager and "page=2" in pager
    assert 'rel="prev"' not in pager
    # page numbers only up to the known bound
    assert 'aria-label="page 3"' in pager and 'aria-label="page 4"' not in pager
    # a filter with few matches is counted exactly
    html = small_pages.get("/timeline?source=src-plain").text
    assert re.fullmatch(r"\d+ records?", _heading(html))
    assert "or more" not in html and "more than" not in html


def test_pager_at_and_past_the_bound(small_pages, paged):  # type: ignore[no-untyped-def]
    total = len(_expected(paged, lambda ro: True, "accepted"))
    # page 2 ends at the cap (10): the page itself shows one more follows
    html = small_pages.get("/timeline?page=2").text
    assert _heading(html) == "more than 10 records"
    pager = _pager(html)
    assert "page 2 of 3 or more" in pager
    assert 'rel="prev"' in pager and 'rel="next"' in pager and "page=3" in pager
    # further on, the lower bound grows with the pages seen
    html = small_pages.get("/timeline?page=4").text
    assert _heading(html) == "more than 20 records"
    assert "page 4 of 5 or more" in _pager(html)
    # the last page knows the exact total and offers no next page
    last = -(-total // 5)
    html = small_pages.get(f"/timeline?page={last}").text
    assert _heading(html) == f"{total:,} records"
    pager = _pager(html)
    assert f"page {last} of {last}</span>" in pager
    assert 'rel="next"' not in pager and 'rel="prev"' in pager
    # past the end: nothing, an exact total, a way back
    html = small_pages.get(f"/timeline?page={last + 3}").text
    assert _heading(html) == f"{total:,} records"
    assert "Nothing matches these filters." in html
    assert 'rel="prev"' in _pager(html)
