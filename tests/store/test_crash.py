"""kill -9 during ``truceline import`` and ``truceline ingest`` leaves the dossier as it was
before the run or as after it, never in between, on SQLite and on PostgreSQL.

Each trial starts the command in a subprocess, waits until it holds the write
lock (its one transaction is under way), and kills it with SIGKILL. The table
contents must then be the ones from before the run or, if the commit landed
first, the ones a complete run leaves (the command run again to the end: from
either state it gives the complete one). ``bench/crash.py`` runs more trials, at
random moments.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from truceline.app import Dossier
from truceline.errors import StoreError
from truceline.store import Store

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXAMPLE = Path(__file__).parents[2] / "examples" / "gaza-2025"
VOLATILE = {("revisions", "id"), ("revisions", "at")}  # a sequence and a clock
Snapshot = dict[str, list[str]]


def snapshot(url: str) -> Snapshot:
    """Every row of every table (full-text index tables aside), as sorted text."""
    store = Store(url)
    try:
        names = sa.inspect(store.engine).get_table_names()
        with store.engine.connect() as conn:
            out = {}
            for name in sorted(n for n in names if not n.startswith("records_fts")):
                table = sa.Table(name, sa.MetaData(), autoload_with=conn)
                kept = [c for c in table.c if (name, c.name) not in VOLATILE]
                out[name] = sorted(repr(tuple(row)) for row in conn.execute(sa.select(*kept)))
            return out
    finally:
        store.close()


def _holds_the_lock(url: str) -> bool:
    probe = Store(url, busy_timeout=0.001)
    try:
        with probe.writer("probe"):
            return False
    except StoreError:
        return True
    finally:
        probe.close()


def _command(name: str, folder: Path, inputs: Path, url: str) -> list[str]:
    args = ["import", str(EXAMPLE)] if name == "import" else ["ingest", str(inputs), "--no-extract"]
    return [sys.executable, "-m", "truceline", *args, "-d", str(folder), "--db", url]


def _articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        text = f"Report {n}: {n} aid trucks crossed at Kerem Shalom on Monday, the UN said.\n"
        (folder / f"report-{n}.txt").write_text(text, encoding="utf-8")
    return folder


def _kill_inside_the_transaction(command: list[str], url: str) -> None:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None and not _holds_the_lock(url):
            time.sleep(0.002)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()


@pytest.mark.parametrize("command", ["import", "ingest"])
def test_kill_9_leaves_the_dossier_before_or_after(
    tmp_path: Path, dossier_path: Path, db_url: str, command: str
) -> None:
    with Dossier.init(dossier_path, db_url) as dossier:
        dossier.import_dir(FIXTURES / "basic")
    before = snapshot(db_url)
    run = _command(command, dossier_path, _articles(tmp_path / "articles", 300), db_url)

    _kill_inside_the_transaction(run, db_url)
    killed = snapshot(db_url)
    subprocess.run(run, check=True, capture_output=True)  # the dossier still works
    after = snapshot(db_url)

    assert before != after
    assert killed in (before, after)
