"""truceline.text.decode (used by ingest): encodings, empty and binary input."""

from __future__ import annotations

import codecs

import pytest

from truceline.errors import IngestError
from truceline.text import decode

TEXT = (
    "Negotiators in Doha said Thursday’s meeting was “constructive”, and that the "
    "délégations would meet again before the exchange on day 16 — a step the mediators "
    "called decisive for the café-side talks.\n"
)


def test_utf8() -> None:
    assert decode(TEXT.encode(), "a.txt") == TEXT


def test_non_utf8_is_detected() -> None:
    assert decode(TEXT.encode("cp1252"), "a.txt") == TEXT


def test_declared_charset_wins() -> None:
    assert decode("café".encode("latin-1") * 3, "a", declared="iso-8859-1") == "café" * 3


def test_html_meta_charset() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body>é</body></html>'
    assert "é" in decode(html.encode("cp1252"), "a.html", html=True)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_byte_order_mark(bom: bytes) -> None:
    encoding = "utf-8" if bom == codecs.BOM_UTF8 else "utf-16-le"
    assert decode(bom + TEXT.encode(encoding), "a.txt") == TEXT


def test_line_ends_become_newlines() -> None:
    assert decode(b"one\r\ntwo\rthree", "a.txt") == "one\ntwo\nthree"


@pytest.mark.parametrize("data", [b"", b"  \n\t \n"])
def test_empty(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"^a\.txt: empty input"):
        decode(data, "a.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        bytes(range(1, 32)) * 50,
    ],
)
def test_binary(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"^a\.txt: binary input"):
        decode(data, "a.txt")
