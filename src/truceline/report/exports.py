"""Data exports: flat typed tables as CSV and Parquet, every record as JSONL.

The tables and their columns are in ``truceline.report.tables`` (records) and
``truceline.report.ledger`` (the compliance ledger). Parquet keeps their types;
CSV writes dates in ISO form and lists as their items joined by "; ". Events
keep ACLED's ``time_precision`` codes (1 = the day is known, 2 = the week,
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
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from truceline.model import Record, Source
from truceline.report.ledger import LEDGER_SCHEMA, ledger_rows
from truceline.report.tables import (
    SCHEMAS,
    event_rows,
    figure_rows,
    record_rows,
    source_rows,
    statement_rows,
)

if TYPE_CHECKING:  # types only: report and compliance are sibling engines
    from truceline.compliance.ledger import Ledger

EVENT_COLUMNS = SCHEMAS["events"].names
"""The columns of events.csv and events.parquet (ACLED's first, then ours)."""
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet would take for a formula, with an apostrophe in front.

    The OWASP rule for CSV injection: a cell starting with = + - @, a tab or a
    carriage return. Numbers stay numbers; other text stays as it is.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(path: Path, rows: list[dict[str, Any]], columns: list[str]) -> Path:
    """Rows as CSV: ISO dates, lists joined by "; ", whole numbers without ".0",
    formula-like text made safe."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: spreadsheet_safe(_cell(value)) for key, value in row.items()})
    return path


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 24, not 24.0: a count reads as a count
    return value


def write_jsonl(path: Path, records: Iterable[Record]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(
                json.dumps(record.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
            )
            fh.write("\n")
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]], schema: pa.Schema) -> Path:
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return path


def write_table(
    folder: Path, name: str, rows: list[dict[str, Any]], schema: pa.Schema
) -> list[Path]:
    """``name``.csv and ``name``.parquet, the same rows and columns."""
    return [
        write_csv(folder / f"{name}.csv", rows, schema.names),
        write_parquet(folder / f"{name}.parquet", rows, schema),
    ]


def write_all(folder: Path, records: list[Record], sources: list[Source]) -> list[Path]:
    """Every record table (``report.tables``) as CSV and Parquet, and records.jsonl."""
    folder.mkdir(parents=True, exist_ok=True)
    by_id = {s.id: s for s in sources}
    tables = {
        "events": event_rows(records, by_id),
        "statements": statement_rows(records),
        "figures": figure_rows(records),
        "records": record_rows(records),
        "sources": source_rows(sources),
    }
    written: list[Path] = []
    for name, rows in tables.items():
        written += write_table(folder, name, rows, SCHEMAS[name])
    written.append(write_jsonl(folder / "records.jsonl", records))
    return written


def write_ledger(folder: Path, ledger: Ledger, document: dict[str, Any]) -> list[Path]:
    """The ledger as ledger.csv and ledger.parquet (a row per obligation-day) and
    ledger.json (``document``: what ``truceline check --json --days`` prints)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = write_table(folder, "ledger", ledger_rows(ledger), LEDGER_SCHEMA)
    path = folder / "ledger.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return [*written, path]
