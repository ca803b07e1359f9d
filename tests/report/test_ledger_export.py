"""The ledger as data: a row per obligation-day, each status with the records behind it."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from truceline.app import DATA_FILES, Dossier

AS_OF = dt.date(2025, 1, 6)
FILES = {
    "agreement.yaml": """
agreement:
  id: harbour-truce
  title: Harbour truce
  parties: [North Brigade, Coast Guard]
  in_force: 2025-01-01
  phases:
    - id: first
      start: {day: day 1}
      length_days: 5
  obligations:
    - id: relief-boats
      kind: quota
      party: Coast Guard
      phase: first
      metric: relief_boats
      unit: one boat
      target: 10
      clause: {ref: Article 2, text: Ten relief boats a day may enter the harbour.}
""",
    "sources.yaml": """
sources:
  - {id: src-log, outlet: Harbour Log, published: 2025-01-03}
""",
    "figures.yaml": """
figures:
  - {id: fig-d1, date: 2025-01-01, metric: relief_boats, value: 12, sources: [{source: src-log}]}
  - {id: fig-d2, date: 2025-01-02, metric: relief_boats, value: 4, sources: [{source: src-log}]}
""",
}


@pytest.fixture
def dossier(tmp_path: Path) -> Dossier:
    files = tmp_path / "files"
    files.mkdir()
    for name, text in FILES.items():
        (files / name).write_text(text, encoding="utf-8")
    opened = Dossier.init(tmp_path / "d")
    opened.import_dir(files)
    return opened


def test_ledger_rows_are_the_ledgers_days_with_their_records(
    dossier: Dossier, tmp_path: Path
) -> None:
    with dossier:
        written = dossier.export_data(tmp_path / "data", as_of=AS_OF)
        ledger = dossier.check(AS_OF)
    assert sorted(p.name for p in written) == sorted(DATA_FILES)
    rows = pq.read_table(tmp_path / "data" / "ledger.parquet").to_pylist()
    [obligation] = ledger.obligations
    assert [(r["day"], r["status"]) for r in rows] == [(d.day, d.status) for d in obligation.days]
    by_day = {r["day"]: r for r in rows}
    assert by_day[dt.date(2025, 1, 1)]["status"] == "met"
    assert by_day[dt.date(2025, 1, 1)]["evidence"] == ["fig-d1"]
    assert (by_day[dt.date(2025, 1, 2)]["status"], by_day[dt.date(2025, 1, 2)]["value"]) == (
        "breached",
        4.0,
    )
    assert by_day[dt.date(2025, 1, 3)]["status"] == "unreported"  # silence stays silence
    assert by_day[dt.date(2025, 1, 3)]["evidence"] == []
    assert {r["as_of"] for r in rows} == {AS_OF}
    assert rows[0]["clause_ref"] == "Article 2" and rows[0]["party"] == "Coast Guard"


def test_ledger_csv_and_json_say_the_same(dossier: Dossier, tmp_path: Path) -> None:
    with dossier:
        dossier.export_data(tmp_path / "data", as_of=AS_OF)
    with open(tmp_path / "data" / "ledger.csv", encoding="utf-8", newline="") as fh:
        csv_rows = list(csv.DictReader(fh))
    document = json.loads((tmp_path / "data" / "ledger.json").read_text(encoding="utf-8"))
    assert document["as_of"] == AS_OF.isoformat()
    [obligation] = document["obligations"]
    assert [(r["day"], r["status"], r["evidence"]) for r in csv_rows] == [
        (d["day"], d["status"], "; ".join(d["evidence"])) for d in obligation["days"]
    ]
    assert obligation["clause"]["ref"] == "Article 2"
