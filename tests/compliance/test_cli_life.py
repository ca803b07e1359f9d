"""`truceline check` shows the agreement's life; `deadlines --as-of` reads only what was agreed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truceline.app import Dossier
from truceline.cli.app import app

runner = CliRunner()
FILES = {
    "agreement.yaml": """\
format: 2
agreement:
  id: corridor
  title: A shipping corridor
  parties: [North, South]
  mediators: [Envoy]
  signed: 2025-01-01
  in_force: 2025-01-01
  term: {ends: day 30, sources: [src-text]}
  life:
    - {event: suspended, by: North, day: 2025-01-10, until: 2025-01-13,
       reason: North pulls out of the inspection centre, sources: [src-pullout]}
  obligations:
    - id: inspections
      kind: deadline
      party: [North, South, Envoy]
      clause: {ref: "4", text: a joint inspection team starts work by day 5}
      due: day 5
      what: start of joint inspections
      act: {types: [COOPERATE], keywords: [inspection]}
""",
    "extension.yaml": """\
format: 2
agreement:
  id: corridor-ext
  title: The corridor, inspections moved
  amends: corridor
  version: 2
  signed: 2025-01-04
  in_force: 2025-01-04
  parties: [North, South]
  replace:
    - id: inspections
      kind: deadline
      party: [North, South, Envoy]
      clause: {ref: "4", text: inspections start by day 12}
      due: day 12
      what: start of joint inspections
      act: {types: [COOPERATE], keywords: [inspection]}
""",
    "sources.yaml": """\
sources:
  - {id: src-text, outlet: Wire, published: 2025-01-01}
  - id: src-pullout
    outlet: Wire
    published: 2025-01-10
    notes: the only report of the pull-out names no official
""",
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = tmp_path_factory.mktemp("files")
    for name, text in FILES.items():
        (files / name).write_text(text, encoding="utf-8")
    path = tmp_path_factory.mktemp("corridor")
    with Dossier.init(path) as d:
        d.import_dir(files)
    return path


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "250"})
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_check_ends_with_the_agreement_and_shows_its_life(dossier: Path) -> None:
    out = run("check", "--dossier", str(dossier), "--as-of", "2026-06-01")
    assert "corridor: lapsed (in force 2025-01-01, last day 2025-01-30)" in out
    assert "2025-01-10 suspended by North until 2025-01-13: North pulls out" in out
    assert "2025-01-30 lapsed: its term ended with no renewal recorded (src-text)" in out
    assert "ended: outside the agreement's life" in out
    data = json.loads(run("check", "--dossier", str(dossier), "--as-of", "2026-06-01", "--json"))
    (row,) = data["obligations"]
    assert (row["status_today"], row["ended"], row["lifecycle"]) == (
        "ended",
        "2025-01-30",
        "overdue",
    )
    assert row["party"] == "North, South and Envoy"
    assert data["agreements"][0]["changes"][0]["sources"] == ["src-pullout"]


def test_deadlines_as_of_reads_only_what_was_agreed(dossier: Path) -> None:
    before = json.loads(
        run("deadlines", "--dossier", str(dossier), "--as-of", "2025-01-03", "--json")
    )
    assert [(i["due"], i["state"]) for i in before] == [("2025-01-05", "upcoming")]
    after = json.loads(
        run("deadlines", "--dossier", str(dossier), "--as-of", "2025-01-06", "--json")
    )
    assert [(i["due"], i["state"]) for i in after] == [
        ("2025-01-05", "superseded"), ("2025-01-12", "upcoming"),
    ]  # fmt: skip
