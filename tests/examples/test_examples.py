"""The example dossiers: each imports, every verdict in its ledger rests on a record,
and `truceline demo --example` builds it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truceline.cli.app import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NEW = ["yemen-2022", "sudan-jeddah-2023"]
ALL = sorted(p.name for p in EXAMPLES.iterdir() if (p / "agreement.yaml").is_file())
runner = CliRunner()


def _ledger(name: str, tmp_path: Path) -> dict:
    dossier = tmp_path / "d"
    assert runner.invoke(app, ["init", str(dossier)]).exit_code == 0
    imported = runner.invoke(app, ["import", str(EXAMPLES / name), "--dossier", str(dossier)])
    assert imported.exit_code == 0, imported.output
    checked = runner.invoke(app, ["check", "--days", "--json", "--dossier", str(dossier)])
    assert checked.exit_code in (0, 1), checked.output  # 1: some day breached
    return json.loads(checked.stdout)


def test_the_new_examples_are_there() -> None:
    assert set(NEW) <= set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_every_verdict_rests_on_a_record(name: str, tmp_path: Path) -> None:
    ledger = _ledger(name, tmp_path)
    assert ledger["obligations"], "the example has obligations"
    for row in ledger["obligations"]:
        for day in row["days"]:
            if day["status"] in ("met", "breached"):
                assert day.get("evidence") or day.get("against"), (row["id"], day["day"])


@pytest.mark.parametrize("name", NEW)
def test_verdicts_and_silence(name: str, tmp_path: Path) -> None:
    """Both belligerents have verdicts on a record, and silence stays unreported."""
    ledger = _ledger(name, tmp_path)
    statuses = [d["status"] for row in ledger["obligations"] for d in row["days"]]
    assert "breached" in statuses and "met" in statuses
    assert "unreported" in statuses
    assert "assumed_met" not in statuses


def test_yemen_ledger_ends_at_the_lapse(tmp_path: Path) -> None:
    ledger = _ledger("yemen-2022", tmp_path)
    last = max(d["day"] for row in ledger["obligations"] for d in row["days"])
    assert last == "2022-10-02"


def test_sudan_declaration_runs_open_and_the_ceasefire_lapses(tmp_path: Path) -> None:
    ledger = _ledger("sudan-jeddah-2023", tmp_path)
    rows = {row["id"]: row for row in ledger["obligations"]}
    assert max(d["day"] for d in rows["ceasefire-saf"]["days"]) == "2023-06-03"
    assert max(d["day"] for d in rows["vacate-hospitals"]["days"]) > "2023-06-03"


@pytest.mark.parametrize("name", NEW)
def test_demo_builds_each_example(name: str, tmp_path: Path) -> None:
    for given in (str(EXAMPLES / name), name):
        result = runner.invoke(
            app,
            ["demo", "--example", given, "--folder", str(tmp_path / "demo"), "--no-serve"],
        )
        assert result.exit_code == 0, result.output
