"""Bytes to text, once for every reader: the text offsets point into.

`truceline extract FILE` and `truceline ingest FILE` must agree on a file's
text, because an extracted span is stored against the ingested Source's text
and checked by slicing it. Both decode here: the encoding is detected, and line
ends become ``\\n`` (what Python's own text mode gives, so ``open(f).read()``
slices the same way).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer

from truceline.bounds import storable_text
from truceline.errors import IngestError

MAX_BYTES = 50_000_000
"""The largest file `read_text` reads (a report, not an archive)."""

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


def read_text(path: str | Path) -> str:
    """The decoded text of a report file; `IngestError` if it cannot be read."""
    p = Path(path)
    if not p.exists():
        raise IngestError(f"{p}: no such file")
    if not p.is_file():
        raise IngestError(f"{p}: not a regular file")
    if p.stat().st_size > MAX_BYTES:
        raise IngestError(f"{p}: larger than {MAX_BYTES} bytes")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    return decode(data, str(p))
