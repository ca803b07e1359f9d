"""Reading a report file into text: UTF-8, else the detected encoding.

Offsets in extraction output are into the text returned here.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from pathlib import Path

from truceline.errors import IngestError

MAX_BYTES = 50_000_000


def decode_bytes(data: bytes, source: str = "<bytes>") -> str:
    """Decode a report: UTF-8 (a BOM is dropped), else charset detection.

    Raises `IngestError` for empty or binary input.
    """
    if not data.strip():
        raise IngestError(f"{source}: file is empty")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{source}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset_normalizer ships with our deps
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data).best()
    if best is None:
        raise IngestError(f"{source}: cannot tell the text encoding (not UTF-8)")
    return str(best)


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
    return decode_bytes(data, str(p))
