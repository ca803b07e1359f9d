"""The Parquet tables a corpus run writes: one flat table per kind of item.

Every item table starts with `file` (the path as given on the command line, or
found under a given folder) followed by the item's fields in the extraction
output (`to_json()` of the typed results; see DESIGN.md, "Extraction output"). Offsets are into the file's decoded
text, as with `truceline extract`. Figure values are float64 (a figure may be
"half"); lists of names are list<string>; an event's figures are a list of
structs with the figure fields. An event's `date` and a file's `published` are
date32 columns: a date known to the month or week is stored as its first day,
its precision kept beside it (`precision`).

DOCS: docs/batch.md
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from truceline.dates import first_day

ITEM_KINDS = ("quotes", "timex", "figures", "events")
"""Item tables, in DESIGN.md order (one row per extracted item)."""

_FIGURE_FIELDS = [
    pa.field("text", pa.string()),
    pa.field("start", pa.int64()),
    pa.field("end", pa.int64()),
    pa.field("value", pa.float64()),
    pa.field("qualifier", pa.string()),
    pa.field("category", pa.string()),
    pa.field("who", pa.string()),
    pa.field("confidence", pa.float64()),
    pa.field("incident", pa.string()),
    pa.field("period", pa.string()),
    pa.field("cumulative", pa.bool_()),
    pa.field("counted_by", pa.string()),
    pa.field("as_of", pa.string()),
]

_FILE = pa.field("file", pa.string(), nullable=False)

SCHEMAS: dict[str, pa.Schema] = {
    "quotes": pa.schema(
        [
            _FILE,
            pa.field("text", pa.string()),
            pa.field("start", pa.int64()),
            pa.field("end", pa.int64()),
            pa.field("speaker", pa.string()),
            pa.field("affiliation", pa.string()),
            pa.field("kind", pa.string()),
            pa.field("confidence", pa.float64()),
            pa.field("cue", pa.string()),
        ]
    ),
    "timex": pa.schema(
        [
            _FILE,
            pa.field("text", pa.string()),
            pa.field("start", pa.int64()),
            pa.field("end", pa.int64()),
            pa.field("value", pa.string()),
            pa.field("precision", pa.string()),
            pa.field("confidence", pa.float64()),
        ]
    ),
    "figures": pa.schema([_FILE, *_FIGURE_FIELDS]),
    "events": pa.schema(
        [
            _FILE,
            pa.field("date", pa.date32()),
            pa.field("precision", pa.string()),
            pa.field("actors", pa.list_(pa.string())),
            pa.field("type", pa.string()),
            pa.field("target", pa.string()),
            pa.field("summary", pa.string()),
            pa.field("start", pa.int64()),
            pa.field("end", pa.int64()),
            pa.field("negated", pa.bool_()),
            pa.field("figures", pa.list_(pa.struct(_FIGURE_FIELDS))),
            pa.field("confidence", pa.float64()),
        ]
    ),
    "files": pa.schema(
        [
            _FILE,
            pa.field("published", pa.date32()),
            pa.field("characters", pa.int64()),
        ]
    ),
    "failures": pa.schema([_FILE, pa.field("error", pa.string(), nullable=False)]),
}
"""Table name → Arrow schema. `files` has one row per file processed (with its
publication date, or null); `failures` one row per file that could not be."""

TABLES = (*ITEM_KINDS, "files", "failures")
"""Every table of a corpus run, in the order they are written."""


def to_table(name: str, rows: Iterable[dict]) -> pa.Table:
    """Rows (dicts) as an Arrow table with the schema of `name`.

    Keys outside the schema are left out (tests/batch pins the schema to the
    extractor's output, so a new field fails a test rather than a long run).
    """
    schema = SCHEMAS[name]
    dates = [f.name for f in schema if f.type == pa.date32()]
    return pa.Table.from_pylist([_dated(row, dates) for row in rows], schema=schema)


def _dated(row: dict, fields: list[str]) -> dict:
    """The row with its ISO date strings as dates (their first day)."""
    found = {f: first_day(row[f]) for f in fields if isinstance(row.get(f), str)}
    return {**row, **found} if found else row
