"""Smoke test on examples/gaza-2025 (skipped until the example is complete)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truceline.app import Dossier
from truceline.cli.app import app

EXAMPLE = Path(__file__).parents[2] / "examples" / "gaza-2025"
NEEDED = ("agreement.yaml", "negotiation.yaml", "disputes.yaml", "figures.yaml", "events.yaml")
pytestmark = pytest.mark.skipif(
    not all((EXAMPLE / name).exists() for name in NEEDED), reason="example not complete"
)
runner = CliRunner()


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gaza") / "dossier"
    with Dossier.init(path) as d:
        d.import_dir(EXAMPLE)
    return path


def invoke(dossier: Path, *args: str):
    return runner.invoke(app, [*args, "--dossier", str(dossier)], env={"TRUCELINE_DB": ""})


def test_proposals(dossier: Path) -> None:
    result = invoke(dossier, "proposals", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    ids = [p["id"] for p in data]
    assert "prop-2025-03-12-us-bridge" in ids
    assert [p["date"] for p in data if p["date"]] == sorted(p["date"] for p in data if p["date"])
    for p in data:
        for r in p["responses"]:
            assert " says " in r["claim"]


def test_diffs(dossier: Path) -> None:
    pair = invoke(
        dossier,
        "diff",
        "prop-2025-03-12-us-bridge-account-witkoff",
        "prop-2025-03-12-us-bridge-account-pmo",
        "--json",
    )
    assert pair.exit_code == 0, pair.output
    changes = json.loads(pair.stdout)["changes"]
    captives = next(c for c in changes if c["type"] == "release_captives")
    assert {"field": "living", "before": 5, "after": 11} in captives["fields"]
    against = invoke(dossier, "diff", "prop-2025-03-12-us-bridge", "--agreement", "--json")
    assert against.exit_code == 0, against.output
    labels = {(c["change"], c["label"]) for c in json.loads(against.stdout)["changes"]}
    assert ("dropped", "talks (phase 2)") in labels


def test_disputes(dossier: Path) -> None:
    result = invoke(dossier, "disputes", "--json")
    assert result.exit_code == 1
    data = {d["id"]: d for d in json.loads(result.stdout)}
    assert data["disp-2025-03-14-hamas-answer-to-bridge"]["kind"] == "contradiction"
    assert data["disp-2025-03-18-death-toll"]["kind"] == "evolving"
    assert data["disp-2025-01-21-aid-truck-counts"]["kind"] == "definition"
    assert data["disp-2025-02-13-shelter-entry"]["origin"] == "stored"
    for d in data.values():
        for side in d["sides"]:
            assert " say" in side["claim"] or side["claim"].startswith("According to"), side
