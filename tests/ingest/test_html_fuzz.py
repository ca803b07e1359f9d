"""Hostile pages: the HTML reader gives a Source or a one-line IngestError, nothing else.

bench/fuzz.py runs the same property over many more cases.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from truceline.errors import IngestError
from truceline.ingest import IngestOptions, read_input
from truceline.ingest._readers import read_html

from .conftest import ARTICLE_HTML

OPTIONS = IngestOptions()
SNIPPETS = st.sampled_from(
    [
        b'<meta charset="punycode">', b'<meta charset="utf-7">', b'<meta charset="unicode_escape">',
        b'<meta charset="idna">', b'<meta charset="rot13">', b'<meta charset="nonsense">',
        b'<link rel="canonical" href="https://a.example:99999/x">',
        b'<link rel="canonical" href="http://[::1/x">', b"&#xd800;", b"\\ud800", b"\x00",
        b'<meta name="date" content="9999-12-31">', b"<!--", b"<![CDATA[", b"<div>" * 300,
    ]
)  # fmt: skip


@st.composite
def hostile_page(draw: st.DrawFn) -> bytes:
    """The fixture article with snippets and random bytes spliced in."""
    page = ARTICLE_HTML
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(page)))
        page = page[:at] + draw(SNIPPETS | st.binary(max_size=8)) + page[at:]
    return page


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_page())
def test_a_hostile_page_is_read_or_refused_in_one_line(data: bytes) -> None:
    try:
        source = read_html(data, "page.html", OPTIONS)
    except IngestError as exc:
        assert str(exc).startswith("page.html: ")
        assert "\n" not in str(exc)
    else:
        assert source.text and "\x00" not in source.text


def page_with(head: str) -> bytes:
    return ARTICLE_HTML.replace(b"<head>", b"<head>" + head.encode(), 1)


def test_a_canonical_link_with_a_bad_port_is_refused() -> None:
    data = page_with('<link rel="canonical" href="https://a.example:99999/x">')
    with pytest.raises(IngestError, match=r"^page\.html: url: Port out of range"):
        read_html(data, "page.html", OPTIONS)


def test_a_charset_that_cannot_decode_the_page_falls_back() -> None:
    source = read_html(page_with('<meta charset="punycode">'), "page.html", OPTIONS)
    assert source.title == "Aid convoys roll into Gaza on third day of truce"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "\ud800"}, "title: text must not contain a lone surrogate"),
        ({"published": "9999-12-31"}, "published: the year must be between 1800 and 2200"),
        ({"url": "https://a.example:99999/"}, "url: Port out of range"),
    ],
)
def test_a_jsonl_line_no_dossier_can_hold_is_refused(
    tmp_path: Path, fields: dict[str, str], message: str
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "The truce held overnight.", **fields}) + "\n")
    with pytest.raises(IngestError, match=rf"a\.jsonl:1: {message}"):
        list(read_input(path, OPTIONS))


def test_a_lone_surrogate_in_jsonl_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "The truce \ud800 held."}) + "\n")
    with pytest.raises(IngestError, match=r"a\.jsonl:1: text: text must not contain"):
        list(read_input(path, OPTIONS))
