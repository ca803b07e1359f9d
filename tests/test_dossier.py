"""Importing a folder: all or nothing, idempotent, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from truceline.app import Dossier
from truceline.errors import DossierFileError, StoreError
from truceline.store import schema

FIXTURES = Path(__file__).parent / "fixtures"


def snapshot(dossier: Dossier) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order: the database's content (a SQLite
    dossier keeps its accounts in web.db beside it, so not every table is here)."""
    out = {}
    present = set(sa.inspect(dossier.store.engine).get_table_names())
    with dossier.store.engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            if table.name not in present:
                continue
            rows = conn.execute(sa.select(table)).all()
            out[table.name] = sorted(tuple(map(str, row)) for row in rows)
    return out


def test_import_twice_changes_nothing(dossier_path: Path, db_url: str) -> None:
    dossier = Dossier.init(dossier_path, db_url)
    first = dossier.import_dir(FIXTURES / "basic")
    assert (first.created, first.edited, first.unchanged) == (6, 0, 0)
    before = snapshot(dossier)
    second = dossier.import_dir(FIXTURES / "basic")
    assert (second.created, second.edited, second.unchanged) == (0, 0, 6)
    assert snapshot(dossier) == before


def test_failed_import_leaves_the_database_unchanged(
    dossier_path: Path, db_url: str, tmp_path: Path
) -> None:
    dossier = Dossier.init(dossier_path, db_url)
    dossier.import_dir(FIXTURES / "basic")
    before = snapshot(dossier)

    mixed = tmp_path / "mixed"
    shutil.copytree(FIXTURES / "basic", mixed)
    (mixed / "records.yaml").write_text(
        (mixed / "records.yaml").read_text().replace("value: 19", "value: 21")
    )  # a valid edit that must not land either
    shutil.copy(FIXTURES / "bad_number" / "figures.yaml", mixed / "zz-bad.yaml")
    with pytest.raises(DossierFileError, match="zz-bad.yaml:15"):
        dossier.import_dir(mixed)
    assert snapshot(dossier) == before


def test_crash_during_writes_rolls_back(
    dossier_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier = Dossier.init(dossier_path, db_url)
    calls = 0

    def crash(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        dossier.import_dir(FIXTURES / "basic", progress=crash)
    assert calls == 3
    assert dossier.store.counts() == {"sources": 0, "agreements": 0, "disputes": 0}


def test_edit_in_files_becomes_a_revision(dossier_path: Path, db_url: str, tmp_path: Path) -> None:
    dossier = Dossier.init(dossier_path, db_url)
    dossier.import_dir(FIXTURES / "basic", by="alice")
    edited = tmp_path / "edited"
    shutil.copytree(FIXTURES / "basic", edited)
    path = edited / "records.yaml"
    path.write_text(path.read_text().replace("value: 19", "value: 21"))
    report = dossier.import_dir(edited, by="bob")
    assert (report.created, report.edited) == (0, 1)
    history = dossier.store.history("fig-killed-delay")
    assert [(r.by, r.before and r.before["value"], r.after["value"]) for r in history] == [
        ("alice", None, 19.0),
        ("bob", 19.0, 21.0),
    ]


def test_records_may_cite_sources_already_in_the_store(dossier_path: Path, tmp_path: Path) -> None:
    dossier = Dossier.init(dossier_path)
    dossier.import_dir(FIXTURES / "basic")
    later = tmp_path / "later"
    later.mkdir()
    (later / "more.yaml").write_text(
        "events:\n  - {id: e2, type: AID, summary: Trucks entered., sources: [{source: src-radio-0302}]}\n"
    )
    assert dossier.import_dir(later).created == 1


def test_open_refuses_a_folder_that_is_not_a_dossier(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a dossier"):
        Dossier.open(tmp_path)


def test_sqlite_dossier_uses_wal(dossier_path: Path) -> None:
    dossier = Dossier.init(dossier_path)
    with dossier.store.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
    assert (dossier_path / "truceline.db").exists()
