"""What runs on a Dask worker: one chunk of files in, Arrow tables out.

A worker builds the spaCy pipeline once per (model, day 1) and keeps it for
every later chunk. The cache is per thread, because a spaCy pipeline is not
meant to be shared between threads; run workers with one thread each
(`dask worker --nthreads 1`), as the local cluster does.

DOCS: docs/batch.md
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass

import pyarrow as pa

from truceline.batch.tables import ITEM_KINDS, TABLES, to_table
from truceline.errors import IngestError, TrucelineError
from truceline.extract import Extractor
from truceline.mentions import Extraction
from truceline.text import read_text

ChunkItem = tuple[str, str, str | None]
"""One file of a chunk: (file as reported, path to read, published date or None)."""

_local = threading.local()


def extractor_for(model: str | None, day1: str | None) -> Extractor:
    """This thread's Extractor for (model, day 1), built on first use and kept."""
    cache: dict[tuple[str | None, str | None], Extractor] = _local.__dict__.setdefault(
        "extractors", {}
    )
    key = (model, day1)
    if key not in cache:
        cache[key] = Extractor(model=model, agreement_day1=day1)
    return cache[key]


@dataclass(frozen=True)
class ChunkResult:
    """A chunk's rows, one Arrow table per table name, and the model that made them."""

    tables: dict[str, pa.Table]
    model: str


def _message(exc: Exception) -> str:
    if isinstance(exc, TrucelineError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _extract(
    extractor: Extractor, docs: list[tuple[str, str, str | None]]
) -> list[Extraction | Exception]:
    """Results in input order; when the batch fails, each file alone, so one bad
    file costs only its own result."""
    try:
        return list(extractor.extract_many((text, published) for _, text, published in docs))
    except Exception:
        out: list[Extraction | Exception] = []
        for _, text, published in docs:
            try:
                out.append(extractor.extract(text, published))
            except Exception as exc:
                out.append(exc)
        return out


def extract_chunk(chunk: list[ChunkItem], model: str | None, day1: str | None) -> ChunkResult:
    """Read and extract every file of `chunk`; files that fail go to `failures`."""
    extractor = extractor_for(model, day1)
    rows: dict[str, list[dict]] = defaultdict(list)
    errors: dict[int, str] = {}
    docs: list[tuple[str, str, str | None]] = []
    positions: list[int] = []
    for position, (file, path, published) in enumerate(chunk):
        try:
            text = read_text(path)
        except IngestError as exc:
            errors[position] = str(exc)
            continue
        docs.append((file, text, published))
        positions.append(position)
    for position, (file, text, published), result in zip(
        positions, docs, _extract(extractor, docs), strict=True
    ):
        if isinstance(result, Exception):
            errors[position] = f"{file}: {_message(result)}"
            continue
        rows["files"].append({"file": file, "published": published, "characters": len(text)})
        for kind in ITEM_KINDS:
            rows[kind].extend({"file": file, **item.to_json()} for item in getattr(result, kind))
    rows["failures"] = [{"file": chunk[p][0], "error": errors[p]} for p in sorted(errors)]
    meta = extractor.nlp.meta
    return ChunkResult(
        tables={name: to_table(name, rows[name]) for name in TABLES},
        model=f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}",
    )
