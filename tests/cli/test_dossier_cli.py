"""The dossier commands, end to end through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truceline.app import DATA_FILES
from truceline.cli.app import app

FIXTURES = Path(__file__).parent.parent / "fixtures"
runner = CliRunner()


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "truceline", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    path = tmp_path / "d"
    assert runner.invoke(app, ["init", str(path)]).exit_code == 0
    result = runner.invoke(
        app, ["import", str(FIXTURES / "basic"), "--dossier", str(path), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"created": 6, "edited": 0, "unchanged": 0}
    return path


def test_list_json_filters_by_kind(dossier: Path) -> None:
    result = runner.invoke(app, ["list", "events", "--dossier", str(dossier), "--json"])
    assert result.exit_code == 0
    assert [r["id"] for r in json.loads(result.stdout)] == ["ev-truce-begins", "ev-goods-halted"]


def test_dossier_from_environment(dossier: Path) -> None:
    result = runner.invoke(app, ["list", "--json"], env={"TRUCELINE_DOSSIER": str(dossier)})
    assert len(json.loads(result.stdout)) == 4


def test_show_and_history(dossier: Path) -> None:
    shown = runner.invoke(app, ["show", "st-hamas-0302", "-d", str(dossier), "--json"])
    assert json.loads(shown.stdout)["speaker"] == "Hamas"
    history = runner.invoke(app, ["history", "st-hamas-0302", "-d", str(dossier), "--json"])
    (revision,) = json.loads(history.stdout)
    assert revision["action"] == "create" and revision["before"] is None


def test_unknown_id_is_exit_2(dossier: Path) -> None:
    assert runner.invoke(app, ["show", "nope", "-d", str(dossier)]).exit_code == 2
    assert runner.invoke(app, ["history", "nope", "-d", str(dossier)]).exit_code == 2


def test_export_yaml_reimports_unchanged(dossier: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["export", str(out), "-d", str(dossier)]).exit_code == 0
    again = runner.invoke(app, ["import", str(out), "-d", str(dossier), "--json"])
    assert json.loads(again.stdout) == {"created": 0, "edited": 0, "unchanged": 6}


def test_export_data_writes_the_data_pages_files_and_says_so(dossier: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    result = runner.invoke(app, ["export", str(out), "--format", "data", "-d", str(dossier)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(DATA_FILES)
    assert f"wrote {len(DATA_FILES)} data files to {out}" in result.stdout
    assert str(out / "ledger.csv") in result.stdout


def test_export_yaml_says_what_it_wrote(dossier: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", str(out), "-d", str(dossier), "--json"])
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    assert files and all(Path(f).is_file() and Path(f).is_relative_to(out) for f in files)
    said = runner.invoke(app, ["export", str(out), "-d", str(dossier)]).stdout
    assert f"wrote {len(files)} YAML dossier files" in said and str(out) in said


def test_schema_describes_every_section(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    assert runner.invoke(app, ["schema", "--output", str(path)]).exit_code == 0
    schema = json.loads(path.read_text())
    assert set(schema["properties"]) == {
        "format",
        "agreement",
        "sources",
        "events",
        "statements",
        "figures",
        "proposals",
        "responses",
        "disputes",
    }


def test_bad_yaml_is_one_line_exit_2_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "d"
    assert cli("init", str(path)).returncode == 0
    result = cli("import", str(FIXTURES / "bad_number"), "--dossier", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert (
        'figures.yaml:15: figures[1].value: expected a number, got "six hundred"' in result.stderr
    )
    assert cli("list", "--json", "--dossier", str(path)).stdout.strip() == "[]"


def test_command_outside_a_dossier_is_exit_2(tmp_path: Path) -> None:
    result = cli("list", "--dossier", str(tmp_path))
    assert result.returncode == 2
    assert "not a dossier" in result.stderr and "Traceback" not in result.stderr


def test_bad_usage_is_exit_2() -> None:
    assert cli("list", "--no-such-flag").returncode == 2
