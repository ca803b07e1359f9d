"""Typed, flat tables: dates as dates, figures as floats, names as lists, no JSON blobs."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from truceline.model import Event, Figure, FigureValue, Source, Statement
from truceline.report.exports import write_all
from truceline.report.tables import SCHEMAS

WIRE = Source(
    id="src-wire", outlet="Harbour Wire", url="https://wire.example/a", published="2025-02"
)
EV = {"source": "src-wire"}
RECORDS = [
    Event(
        id="ev-crossing",
        date="2025-02",
        type="ASSAULT",
        actors=["North Brigade", "Coast Guard"],
        targets=["Port"],
        summary="A crossing was shelled, the port authority says.",
        figures=[FigureValue(metric="injured", value=3, qualifier="at_least")],
        sources=[EV],
    ),
    Statement(
        id="st-spokesman",
        date="2025-02-03",
        speaker="A spokesman",
        quote="the convoys will resume on Monday",
        mode="indirect",
        sources=[EV],
    ),
    Figure(
        id="fig-trucks",
        date="2025-02-03",
        metric="aid_trucks",
        value=412.5,
        qualifier="about",
        counted_by="Relief Office",
        period_end="2025-02-09",
        sources=[EV],
    ),
]


def _read(folder: Path, name: str) -> pa.Table:
    return pq.read_table(folder / f"{name}.parquet")


def test_parquet_columns_carry_their_types(tmp_path: Path) -> None:
    write_all(tmp_path, RECORDS, [WIRE])
    for name, schema in SCHEMAS.items():
        table = _read(tmp_path, name)
        assert table.schema.equals(schema), name
        assert "data" not in table.column_names
    [event] = _read(tmp_path, "events").to_pylist()
    assert (event["event_date"], event["date_precision"]) == (dt.date(2025, 2, 1), "month")
    assert event["actors"] == ["North Brigade", "Coast Guard"] and event["targets"] == ["Port"]
    assert event["time_precision"] == 3
    [source] = _read(tmp_path, "sources").to_pylist()
    assert source["published"] == dt.date(2025, 2, 1) and source["outlet"] == "Harbour Wire"


def test_figures_hold_figure_records_and_the_counts_events_carry(tmp_path: Path) -> None:
    write_all(tmp_path, RECORDS, [WIRE])
    rows = {r["record_id"]: r for r in _read(tmp_path, "figures").to_pylist()}
    assert rows["fig-trucks"]["value"] == 412.5
    assert rows["fig-trucks"]["qualifier"] == "about"
    assert rows["fig-trucks"]["counted_by"] == "Relief Office"
    assert rows["fig-trucks"]["period_end"] == dt.date(2025, 2, 9)
    carried = rows["ev-crossing"]
    assert (carried["record_kind"], carried["metric"], carried["value"]) == (
        "event",
        "injured",
        3.0,
    )
    assert carried["sources"] == ["src-wire"]


def test_statements_say_whether_the_words_are_quoted_or_paraphrased(tmp_path: Path) -> None:
    write_all(tmp_path, RECORDS, [WIRE])
    [row] = _read(tmp_path, "statements").to_pylist()
    assert (row["speaker"], row["mode"]) == ("A spokesman", "indirect")


def test_csv_has_the_same_columns_with_lists_joined_and_iso_dates(tmp_path: Path) -> None:
    write_all(tmp_path, RECORDS, [WIRE])
    for name, schema in SCHEMAS.items():
        with open(tmp_path / f"{name}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert list(rows[0]) == schema.names, name
    with open(tmp_path / "events.csv", encoding="utf-8", newline="") as fh:
        [event] = list(csv.DictReader(fh))
    assert event["actors"] == "North Brigade; Coast Guard"
    assert event["event_date"] == "2025-02-01" and event["date_precision"] == "month"
    with open(tmp_path / "figures.csv", encoding="utf-8", newline="") as fh:
        values = {r["record_id"]: r["value"] for r in csv.DictReader(fh)}
    assert values == {"ev-crossing": "3", "fig-trucks": "412.5"}


def test_an_empty_dossier_writes_every_table_typed_and_empty(tmp_path: Path) -> None:
    write_all(tmp_path, [], [])
    for name, schema in SCHEMAS.items():
        table = _read(tmp_path, name)
        assert table.num_rows == 0 and table.schema.equals(schema)
