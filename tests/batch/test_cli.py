"""`truceline batch` through typer's CliRunner, on the session's two-worker cluster
(the local-cluster path is the same `open_client` the `scheduler` fixture uses)."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
from typer.testing import CliRunner

from truceline.cli import app

from .conftest import PUBLISHED, TEXTS


def test_batch_writes_the_tables_and_reports_failures(corpus, tmp_path, scheduler) -> None:
    out = tmp_path / "out.parquet"
    args = ["batch", str(corpus / "reports"), str(tmp_path / "missing.txt"), "--out", str(out)]
    args += ["--published-from", str(corpus / "index.jsonl"), "--scheduler", scheduler]
    args += ["--day1", "2025-01-19", "--chunk-size", "3"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "4 of 5 files" in result.stdout and "1 failed" in result.stdout
    assert "missing.txt: no such file" in result.stderr
    files = pq.read_table(out / "files.parquet").to_pylist()
    assert {row["file"].rsplit("/", 1)[-1]: str(row["published"]) for row in files} == PUBLISHED
    quotes = pq.read_table(out / "quotes.parquet").to_pylist()
    assert {row["file"].rsplit("/", 1)[-1] for row in quotes} <= TEXTS.keys() and quotes
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["day1"] == "2025-01-19"


def test_workers_and_scheduler_exclude_each_other(tmp_path) -> None:
    args = ["batch", str(tmp_path), "--out", str(tmp_path / "o"), "--workers", "2"]
    result = CliRunner().invoke(app, [*args, "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert "--scheduler" in result.output
