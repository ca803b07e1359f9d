"""Data exports: events as ACLED-like CSV, every record as JSONL, Parquet tables.

ACLED's ``time_precision`` codes are kept (1 = the day is known, 2 = the week,
3 = the month or less precise) beside our own ``date_precision`` word, so that
files can be appended to ACLED-shaped work without losing our detail.

CSV cells are made safe to open in a spreadsheet: text from articles could
start with ``=``, and Excel or LibreOffice would run it as a formula
(``=HYPERLINK(…)``, ``=cmd|…``). Such a cell gets a leading apostrophe, which
spreadsheets read as "this is text" (see ``spreadsheet_safe``). JSONL and
Parquet keep every value as it is.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from truceline.model import Event, Record, Source, summary_of

EVENT_COLUMNS = [
    "record_id",
    "event_date",
    "time_precision",
    "date_precision",
    "actor1",
    "actor2",
    "event_type",
    "sub_event_type",
    "location",
    "fatalities",
    "claimed_by",
    "source",
    "source_url",
    "notes",
    "state",
]
RECORD_COLUMNS = [
    "record_id",
    "kind",
    "date",
    "date_precision",
    "state",
    "claimed_by",
    "summary",
    "source",
    "data",
]
_ACLED_PRECISION = {"day": 1, "week": 2}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def event_rows(records: Iterable[Record], sources: dict[str, Source]) -> list[dict[str, Any]]:
    """One ACLED-like row per event record."""
    rows = []
    for event in records:
        if not isinstance(event, Event):
            continue
        cited = [sources[ev.source] for ev in event.sources if ev.source in sources]
        rows.append(
            {
                "record_id": event.id,
                "event_date": event.date,
                "time_precision": _ACLED_PRECISION.get(event.date_precision or "", 3),
                "date_precision": event.date_precision,
                "actor1": "; ".join(event.actors),
                "actor2": "; ".join(event.targets),
                "event_type": event.type,
                "sub_event_type": event.sub_type,
                "location": event.location,
                "fatalities": event.fatalities,
                "claimed_by": event.claimed_by,
                "source": "; ".join(dict.fromkeys(s.outlet for s in cited)),
                "source_url": "; ".join(dict.fromkeys(s.url for s in cited if s.url)),
                "notes": event.summary,
                "state": event.state,
            }
        )
    return rows


def record_rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """One row per record of any kind: common columns plus the full record as JSON."""
    return [
        {
            "record_id": r.id,
            "kind": r.kind,
            "date": r.date,
            "date_precision": r.date_precision,
            "state": r.state,
            "claimed_by": r.claimed_by,
            "summary": summary_of(r),
            "source": "; ".join(ev.source for ev in r.sources),
            "data": json.dumps(r.model_dump(mode="json", exclude_none=True), ensure_ascii=False),
        }
        for r in records
    ]


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet would take for a formula, with an apostrophe in front.

    The OWASP rule for CSV injection: a cell starting with = + - @, a tab or a
    carriage return. Numbers stay numbers; other text stays as it is.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(path: Path, rows: list[dict[str, Any]], columns: list[str]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return path


def write_jsonl(path: Path, records: Iterable[Record]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(
                json.dumps(record.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
            )
            fh.write("\n")
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]], columns: list[str]) -> Path:
    table = pa.Table.from_pylist(rows, schema=_schema(columns)) if rows else _empty(columns)
    pq.write_table(table, path)
    return path


def write_all(folder: Path, records: list[Record], sources: list[Source]) -> list[Path]:
    """Every data export into ``folder``: events.csv, records.jsonl, events/records.parquet."""
    folder.mkdir(parents=True, exist_ok=True)
    by_id = {s.id: s for s in sources}
    events = event_rows(records, by_id)
    return [
        write_csv(folder / "events.csv", events, EVENT_COLUMNS),
        write_jsonl(folder / "records.jsonl", records),
        write_parquet(folder / "events.parquet", events, EVENT_COLUMNS),
        write_parquet(folder / "records.parquet", record_rows(records), RECORD_COLUMNS),
    ]


_TYPES = {"time_precision": pa.int64(), "fatalities": pa.int64()}


def _schema(columns: list[str]) -> pa.Schema:
    return pa.schema([(c, _TYPES.get(c, pa.string())) for c in columns])


def _empty(columns: list[str]) -> pa.Table:
    return _schema(columns).empty_table()
