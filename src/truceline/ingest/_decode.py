"""Bytes to text: detect the encoding, refuse what is empty or binary."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from truceline.bounds import storable_text
from truceline.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, where: str, declared: str | None = None, html: bool = False) -> str:
    """Decode a document, naming ``where`` in any error.

    The encoding is, in order: a byte-order mark, the ``declared`` charset
    (an HTTP header), a ``<meta charset>`` for HTML, UTF-8 if the bytes are
    valid UTF-8, else what charset_normalizer detects. Line ends become ``\\n``.
    """
    if not data.strip():
        raise IngestError(f"{where}: empty input")
    text = _decode(data, where, declared, html)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(f"{where}: empty input")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise IngestError(f"{where}: binary input (not text)")
    return storable_text(text)


def _decode(data: bytes, where: str, declared: str | None, html: bool) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{where}: binary input (not text)")
    candidates = [declared]
    if html:
        match = _META_CHARSET.search(data[:4096])
        candidates.append(match.group(1).decode("ascii") if match else None)
    for name in candidates:
        if name:
            try:
                return data.decode(_lookup(name))
            except (LookupError, ValueError):  # punycode, idna …: any codec can fail its own way
                pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise IngestError(f"{where}: binary input or unknown encoding")
    return str(best)


def _lookup(name: str) -> str:
    """Browsers read latin-1 and ascii labels as windows-1252; so do we."""
    encoding = codecs.lookup(name).name
    return "cp1252" if encoding in {"latin-1", "iso8859-1", "ascii"} else encoding
