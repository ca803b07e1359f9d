"""Every command says what it did, and exit codes follow one rule: 1 for findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from truceline.cli.app import app

runner = CliRunner()
AGREEMENT = """
agreement:
  id: harbour-truce
  title: Harbour truce
  parties: [North Brigade, Coast Guard]
  in_force: 2025-01-01
  phases:
    - id: first
      start: {day: day 1}
      length_days: 30
  obligations:
    - id: open-the-quay
      kind: deadline
      party: Coast Guard
      phase: first
      clause: {ref: Article 4, text: The quay is opened to fishing boats by day 5.}
      act: {kind: event, types: [RETREAT], keywords: [quay]}
      what: opening of the quay
      due: day 5
"""
RECORDS = """
sources:
  - {id: src-log, outlet: Harbour Log, published: 2025-01-02}
events:
  - id: ev-patrol
    date: 2025-01-02
    type: MOBILIZE
    actors: [Coast Guard]
    summary: Patrol boats sailed out of the harbour.
    sources: [{source: src-log}]
statements:
  - id: st-captain
    date: 2025-01-02
    speaker: A captain
    quote: the boats will wait outside
    mode: indirect
    sources: [{source: src-log}]
"""


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    files = tmp_path / "files"
    files.mkdir()
    (files / "agreement.yaml").write_text(AGREEMENT, encoding="utf-8")
    (files / "records.yaml").write_text(RECORDS, encoding="utf-8")
    path = tmp_path / "d"
    assert runner.invoke(app, ["init", str(path)]).exit_code == 0
    imported = runner.invoke(app, ["import", str(files), "-d", str(path)])
    assert imported.exit_code == 0, imported.output
    assert f"imported {files} into {path}: created 4, edited 0, unchanged 0" in imported.stdout
    return path


def _run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_deadlines_exit_1_once_a_deadline_is_overdue(dossier: Path) -> None:
    before = _run("deadlines", "-d", str(dossier), "--as-of", "2025-01-04")
    assert before.exit_code == 0, before.output
    assert "none past due and unmet" in before.stdout
    after = _run("deadlines", "-d", str(dossier), "--as-of", "2025-01-08")
    assert after.exit_code == 1, after.output
    assert "past due and not met: open-the-quay (overdue)" in after.stdout
    assert _run("deadlines", "-d", str(dossier), "--as-of", "2025-01-08", "--json").exit_code == 1


def test_deadlines_says_where_it_wrote_the_calendar(dossier: Path, tmp_path: Path) -> None:
    ics = tmp_path / "d.ics"
    result = _run("deadlines", "-d", str(dossier), "--as-of", "2025-01-04", "--ical", str(ics))
    assert result.exit_code == 0
    assert f"wrote 1 deadlines to {ics}" in result.stderr
    assert "open-the-quay" in ics.read_text(encoding="utf-8")


def test_list_shows_each_records_type(dossier: Path) -> None:
    events = _run("list", "events", "-d", str(dossier))
    assert "type" in events.stdout and "MOBILIZE" in events.stdout
    statements = _run("list", "statements", "-d", str(dossier))
    assert "paraphrase" in statements.stdout and "quotation" not in statements.stdout


def test_check_and_deadlines_document_their_exit_codes() -> None:
    for command in ("check", "deadlines"):
        help_text = _run(command, "--help").stdout
        assert "Exit code 1 when" in help_text, command


def test_the_top_level_help_gives_the_exit_codes() -> None:
    help_text = " ".join(_run("--help").stdout.split())
    assert "Exit codes: 0 done" in help_text and "2 bad usage or bad input" in help_text
