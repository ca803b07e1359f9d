"""Data exports: ACLED-like CSV, JSONL and Parquet carry the same records."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq

from truceline.files import read_dir
from truceline.report.exports import EVENT_COLUMNS, write_all

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_events_csv_has_acled_columns_and_sources(tmp_path: Path) -> None:
    content = read_dir(FIXTURES / "basic")
    write_all(tmp_path, content.records, content.sources)
    with open(tmp_path / "events.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == EVENT_COLUMNS
    first = rows[0]
    assert first["record_id"] == "ev-truce-begins"
    assert first["event_date"] == "2025-01-19"
    assert first["time_precision"] == "1"
    assert first["actor1"] == "Israel; Hamas"
    assert first["source"] == "Example Wire"
    assert first["source_url"] == "https://wire.example/2025/01/19/truce-begins"
    assert rows[1]["actor2"] == "Gaza Strip"


def test_jsonl_and_parquet_hold_every_record(tmp_path: Path) -> None:
    content = read_dir(FIXTURES / "basic")
    write_all(tmp_path, content.records, content.sources)
    lines = (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == sorted(r.id for r in content.records)
    table = pq.read_table(tmp_path / "records.parquet")
    assert table.num_rows == 4
    assert set(table.column("kind").to_pylist()) == {"event", "statement", "figure"}
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.column("event_type").to_pylist() == ["AGREE", "SANCTION"]
    assert events.schema.field("fatalities").type == "int64"


def test_empty_dossier_still_writes_typed_files(tmp_path: Path) -> None:
    write_all(tmp_path, [], [])
    assert pq.read_table(tmp_path / "events.parquet").column_names == EVENT_COLUMNS


FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_csv_cells_that_spreadsheets_would_run_start_with_an_apostrophe(tmp_path: Path) -> None:
    content = read_dir(FIXTURES / "basic")
    event = next(r for r in content.records if r.kind == "event")
    hostile = [
        event.model_copy(update={"id": f"ev-{n}", "summary": text, "location": text})
        for n, text in enumerate(FORMULAS)
    ]
    harmless = event.model_copy(update={"id": "ev-plain", "fatalities": 3})
    write_all(tmp_path, [*hostile, harmless], content.sources)

    with open(tmp_path / "events.csv", encoding="utf-8", newline="") as fh:
        rows = {row["record_id"]: row for row in csv.DictReader(fh)}
    for n, text in enumerate(FORMULAS):
        assert rows[f"ev-{n}"]["notes"] == "'" + text
        assert rows[f"ev-{n}"]["location"] == "'" + text
    assert rows["ev-plain"]["notes"] == event.summary
    assert rows["ev-plain"]["fatalities"] == "3"
    lines = (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()
    kept = {json.loads(line)["id"]: json.loads(line) for line in lines}
    assert kept["ev-0"]["summary"] == FORMULAS[0]
