"""`truceline check` and `truceline deadlines` on the Gaza 2025 example dossier."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truceline.app import Dossier
from truceline.cli.app import app

EXAMPLE = Path(__file__).parents[2] / "examples" / "gaza-2025"
runner = CliRunner()


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gaza")
    with Dossier.init(path) as d:
        d.import_dir(EXAMPLE)
    return path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "250"})
    return result.exit_code, result.stdout


def test_check_prints_the_ledger_and_exits_1_on_breach(dossier: Path) -> None:
    code, out = run("check", "--dossier", str(dossier), "--as-of", "2025-03-31")
    assert code == 1
    assert "Compliance as of 2025-03-31" in out
    for oid in (
        "aid-trucks-daily",
        "phase-two-talks",
        "philadelphi-withdrawal",
        "ceasefire-israel",
    ):
        assert oid in out


def test_example_shows_every_status(dossier: Path) -> None:
    code, out = run("check", "--dossier", str(dossier), "--as-of", "2025-03-31", "--json")
    assert code == 1
    data = json.loads(out)
    seen = {status for o in data["obligations"] for status, n in o["counts"].items() if n}
    assert {"met", "breached", "disputed", "unreported"} <= seen
    aid = next(o for o in data["obligations"] if o["id"] == "aid-trucks-daily")
    assert {s["counted_by"] for s in aid["series"]} >= {"OCHA", "Egyptian crossing count"}


def test_every_verdict_in_the_example_rests_on_a_record(dossier: Path) -> None:
    _, out = run("check", "--days", "--dossier", str(dossier), "--as-of", "2025-06-30", "--json")
    days = [d for o in json.loads(out)["obligations"] for d in o["days"]]
    verdicts = [d for d in days if d["status"] in ("met", "breached")]
    assert verdicts
    assert [d for d in verdicts if not d["evidence"] and not d["against"]] == []


def test_check_one_obligation_by_day(dossier: Path) -> None:
    code, out = run(
        "check", "aid-trucks-daily", "--days", "--dossier", str(dossier), "--as-of", "2025-03-01"
    )
    assert code == 1
    assert "2025-01-19" in out and "aid-2025-01-19-trucks-ocha" in out
    assert "series aid_trucks by OCHA" in out


def test_as_of_before_anything_is_due(dossier: Path) -> None:
    code, out = run(
        "check", "return-north", "--dossier", str(dossier), "--as-of", "2025-01-20", "--json"
    )
    assert code == 0
    (row,) = json.loads(out)["obligations"]
    assert (row["status_today"], row["lifecycle"]) == ("pending", "in_effect")


def test_unknown_obligation_and_bad_date(dossier: Path) -> None:
    code, _ = run("check", "nope", "--dossier", str(dossier))
    assert code == 2
    code, _ = run("check", "--as-of", "31/03/2025", "--dossier", str(dossier))
    assert code == 2


def test_deadlines_and_ical(dossier: Path, tmp_path: Path) -> None:
    ics = tmp_path / "d.ics"
    code, out = run(
        "deadlines", "--dossier", str(dossier), "--as-of", "2025-02-01", "--ical", str(ics)
    )
    assert code == 0
    assert "day 14 of 16, no talks on phase 2 recorded" in out
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == 4
