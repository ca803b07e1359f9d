"""The negotiation commands end to end, on a dossier built from fixtures/mini."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truceline.app import Dossier
from truceline.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"

runner = CliRunner()


@pytest.fixture
def dossier(tmp_path: Path, db_url: str) -> Path:
    path = tmp_path / "dossier"
    with Dossier.init(path, db_url) as d:
        d.import_dir(MINI)
    return path


def run(dossier: Path, db_url: str, *args: str):
    return runner.invoke(app, [*args, "--dossier", str(dossier), "--db", db_url])


def test_proposals_json(dossier: Path, db_url: str) -> None:
    result = run(dossier, db_url, "proposals", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [p["id"] for p in data] == ["p-witkoff", "p-bridge", "p-counter"]
    assert [r["stance"] for r in data[0]["responses"]] == ["reject", "accept", "conditional"]
    assert data[0]["contested_parties"] == ["Hamas"]
    assert data[1]["answered_by"] == ["p-counter"]


def test_proposals_table(dossier: Path, db_url: str) -> None:
    result = run(dossier, db_url, "proposals")
    assert result.exit_code == 0
    assert "Witkoff" in result.stdout and "sources differ on:" in result.stdout


def test_diff_two_proposals_json(dossier: Path, db_url: str) -> None:
    result = run(dossier, db_url, "diff", "p-witkoff", "p-counter", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["before"], data["after"]) == ("p-witkoff", "p-counter")
    assert [c["summary"] for c in data["changes"]] == [
        "changed: release 10 living + 18 deceased captives in phase 1"
        " → release 5 living + 10 deceased captives in phase 1",
        "dropped: talks on phase 2 starting by 2025-03-15",
        "added: withdraw from Philadelphi by 2025-03-09",
        "added: release 250 prisoners in phase 1",
    ]


def test_diff_against_agreement(dossier: Path, db_url: str) -> None:
    result = run(dossier, db_url, "diff", "p-witkoff", "--agreement", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["before"] == "mini-ceasefire"
    assert [c["change"] for c in data["changes"]] == [
        "dropped",
        "dropped",
        "changed",
        "changed",
        "added",
    ]
    table = run(dossier, db_url, "diff", "p-witkoff", "--agreement")
    assert "2025-02-03" in table.stdout and "2025-03-15" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("diff", "p-witkoff"), "give two proposal ids, or one and --agreement"),
        (("diff", "p-witkoff", "nope"), "no proposal 'nope'"),
    ],
)
def test_diff_errors(dossier: Path, db_url: str, args: tuple[str, ...], message: str) -> None:
    result = run(dossier, db_url, *args)
    assert result.exit_code != 0
    assert message in str(result.exception)


def test_disputes_json_and_exit_code(dossier: Path, db_url: str) -> None:
    result = run(dossier, db_url, "disputes", "--json")
    assert result.exit_code == 1  # findings
    data = json.loads(result.stdout)
    assert sorted((d["kind"], d["origin"]) for d in data) == [
        ("contradiction", "detected"),
        ("contradiction", "detected"),
        ("contradiction", "detected"),
        ("definition", "detected"),
        ("evolving", "detected"),
        ("occurrence", "stored"),
    ]
    for d in data:
        for side in d["sides"]:
            assert " says" in side["claim"] and side["sources"]


def test_disputes_exit_zero_without_findings(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "dossier"
    Dossier.init(path, db_url).close()
    result = run(path, db_url, "disputes")
    assert result.exit_code == 0 and "no disputes" in result.stdout


def test_proposal_add_and_edit_write_revisions(dossier: Path, db_url: str) -> None:
    added = run(dossier, db_url, "proposal", "add", str(FIXTURES / "new-proposal.yaml"))
    assert added.exit_code == 0, added.output
    assert "created p-egypt" in added.stdout and "created r-hamas-egypt" in added.stdout
    edit = run(
        dossier,
        db_url,
        "proposal",
        "edit",
        "p-egypt",
        "--set",
        "terms[0].living=4",
        "--set",
        "supersedes=p-counter",
        "--by",
        "tester",
    )
    assert edit.exit_code == 0, edit.output
    with Dossier.open(dossier, db_url) as d:
        p = d.store.get("p-egypt")
        assert p.terms[0].living == 4 and p.supersedes == "p-counter"
        history = d.store.history("p-egypt")
        assert [(h.action, h.by) for h in history] == [("create", "cli"), ("edit", "tester")]
        assert history[1].before["terms"][0]["living"] == 5


def test_proposal_edit_refuses_invalid_values(dossier: Path, db_url: str) -> None:
    result = run(dossier, db_url, "proposal", "edit", "p-bridge", "--set", "terms[0].days=-2")
    assert result.exit_code != 0
    assert "terms[0].days" in str(result.exception)
    with Dossier.open(dossier, db_url) as d:
        assert [h.action for h in d.store.history("p-bridge")] == ["create"]


def test_proposal_add_names_the_bad_line(dossier: Path, db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "proposals:\n  - id: p-x\n    title: X\n    proposer: Y\n    terms: [{type: nope}]\n"
    )
    result = run(dossier, db_url, "proposal", "add", str(bad))
    assert result.exit_code != 0
    assert f"{bad}:5: proposals[0].terms[0].type" in str(result.exception)
