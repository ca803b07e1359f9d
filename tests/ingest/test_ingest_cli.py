"""`truceline ingest` and `truceline review` through the CLI (truceline.cli.ingest)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from truceline.app import Dossier
from truceline.app import ingest as app_ingest
from truceline.cli import main
from truceline.cli.app import app

runner = CliRunner()


class QuoteExtractor:
    """Reports every text's first quotation, confidence 0.9."""

    def extract_many(self, docs: Iterable[tuple[str, dt.date | None]]) -> Iterator[dict[str, Any]]:
        for text, _ in docs:
            start = text.find('"') + 1
            end = text.find('"', start)
            quotes = []
            if start and end > start:
                quotes.append(
                    {
                        "text": text[start:end],
                        "start": start,
                        "end": end,
                        "speaker": "an official",
                        "confidence": 0.9,
                    }
                )
            yield {"quotes": quotes, "figures": [], "events": [], "timex": []}


@pytest.fixture
def dossier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(app_ingest, "_default_extractor", lambda store: QuoteExtractor())
    monkeypatch.delenv("TRUCELINE_DB", raising=False)
    monkeypatch.delenv("TRUCELINE_AUTO_ACCEPT", raising=False)
    monkeypatch.setenv("USER", "tester")
    path = tmp_path / "d"
    Dossier.init(path).close()
    return path


def run_main(args: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """The console entry point, errors mapped to exit codes as for a user."""
    monkeypatch.setattr(sys, "argv", ["truceline", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
        sys.exit(0)
    return int(exit_info.value.code or 0)


def test_ingest_json(dossier: Path, fixtures: Path) -> None:
    txt = str(fixtures / "truce-first-day.txt")
    result = runner.invoke(app, ["ingest", txt, "--dossier", str(dossier), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["new"] == 1 and report["duplicates"] == 0 and report["candidates"] == 1
    assert report["sources"][0]["status"] == "new"

    again = runner.invoke(app, ["ingest", txt, "--dossier", str(dossier), "--json"])
    assert json.loads(again.stdout)["duplicates"] == 1


def test_ingest_table_and_env(
    dossier: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRUCELINE_DOSSIER", str(dossier))
    monkeypatch.setenv("TRUCELINE_AUTO_ACCEPT", "0.85")
    result = runner.invoke(
        app, ["ingest", str(fixtures / "truce-first-day.txt"), "--outlet", "Gulf Desk"]
    )
    assert result.exit_code == 0, result.output
    assert "Gulf Desk" in result.stdout
    assert "1 new, 0 duplicate; 1 candidates (1 auto-accepted)" in result.stdout
    with Dossier.open(dossier) as opened:
        [record] = opened.store.records()
        assert record.state == "accepted"
        assert opened.store.history(record.id)[0].by == "tester"


def test_ingest_no_extract(dossier: Path, fixtures: Path) -> None:
    result = runner.invoke(
        app,
        ["ingest", str(fixtures / "articles.jsonl"), "-d", str(dossier), "--no-extract", "--json"],
    )
    assert json.loads(result.stdout)["candidates"] == 0


def test_bad_input_is_one_line_and_exit_2(
    dossier: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run_main(["ingest", str(empty), "-d", str(dossier)], monkeypatch) == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "empty.txt: empty input" in err


def test_private_url_refused(
    dossier: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_main(["ingest", "http://169.254.169.254/latest/", "-d", str(dossier)], monkeypatch)
    assert code == 2
    assert "refused" in capsys.readouterr().err


def test_ingest_url_with_allow_private(dossier: Path, server: str) -> None:
    result = runner.invoke(
        app, ["ingest", f"{server}/article", "-d", str(dossier), "--allow-private", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"][0]["outlet"] == "The Harbour Ledger"


def test_review_flow(dossier: Path, fixtures: Path) -> None:
    d = ["-d", str(dossier)]
    inputs = [str(fixtures / "truce-first-day.txt"), str(fixtures / "truce-aid.html")]
    assert runner.invoke(app, ["ingest", *inputs, *d]).exit_code == 0

    listed = runner.invoke(app, ["review", *d, "--json"])
    assert listed.exit_code == 0, listed.output
    ids = [r["id"] for r in json.loads(listed.stdout)]
    assert len(ids) == 2

    table = runner.invoke(app, ["review", *d])
    assert "2 candidates" in table.stdout and "an official" in table.stdout

    edited = runner.invoke(
        app, ["review", "edit", ids[0], "--set", "speaker=a Qatari official", *d, "--json"]
    )
    assert edited.exit_code == 0, edited.output
    assert json.loads(edited.stdout)["speaker"] == "a Qatari official"

    accepted = runner.invoke(app, ["review", "accept", ids[0], *d, "--by", "ana"])
    assert accepted.exit_code == 0 and f"{ids[0]}: accepted" in accepted.stdout
    rejected = runner.invoke(app, ["review", "reject", ids[1], "--note", "off topic", *d])
    assert rejected.exit_code == 0 and f"{ids[1]}: rejected" in rejected.stdout

    assert json.loads(runner.invoke(app, ["review", *d, "--json"]).stdout) == []
    with Dossier.open(dossier) as opened:
        history = opened.store.history(ids[1])
        assert history[-1].action == "reject" and history[-1].note == "off topic"
        assert history[-1].by == "tester"
        assert [h.by for h in opened.store.history(ids[0])][-1] == "ana"


def test_review_errors(
    dossier: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_main(["review", "accept", "nope", "-d", str(dossier)], monkeypatch) == 2
    assert "no record with id 'nope'" in capsys.readouterr().err
    assert run_main(["review", "edit", "x", "--set", "oops", "-d", str(dossier)], monkeypatch) == 2
    assert "expected FIELD=VALUE" in capsys.readouterr().err


def test_commands_have_help() -> None:
    for args in (
        ["ingest"],
        ["review"],
        ["review", "accept"],
        ["review", "reject"],
        ["review", "edit"],
    ):
        result = runner.invoke(app, [*args, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout
