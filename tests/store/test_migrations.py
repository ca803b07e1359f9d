"""Dossiers made by an older release upgrade in place, on SQLite and on PostgreSQL."""

from __future__ import annotations

import ast
import datetime as dt
import multiprocessing
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from truceline.app import Dossier
from truceline.store import Store, schema
from truceline.store.account_db import accounts_file
from truceline.store.accounts import accounts


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An empty database; each test migrates it as far as it needs."""
    if db_url.startswith("sqlite:///"):
        Path(db_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    store = Store(db_url)
    yield store
    store.close()


def _run(store: Store, step, revision: str) -> None:  # type: ignore[no-untyped-def]
    """``step`` (alembic's upgrade or downgrade) to ``revision``, as ``Store.migrate`` runs it."""
    config = _config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        step(config, revision)


def _config() -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("truceline.store") / "migrations")
    )
    return config


def _version(store: Store) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar())


def test_upgrading_a_0004_database_adds_login_failures(store: Store) -> None:
    _run(store, command.upgrade, "0004")
    assert "login_failures" not in sa.inspect(store.engine).get_table_names()
    _run(store, command.upgrade, "0005")
    inspector = sa.inspect(store.engine)
    columns = {c["name"] for c in inspector.get_columns("login_failures")}
    indexes = {i["name"]: i["column_names"] for i in inspector.get_indexes("login_failures")}
    assert columns == {"id", "kind", "key_hash", "at"}
    assert indexes == {
        "ix_login_failures_key": ["kind", "key_hash", "at"],
        "ix_login_failures_at": ["at"],
    }
    assert _version(store) == "0005"


def test_login_failures_downgrade_to_0004_and_back(store: Store) -> None:
    store.migrate()
    _run(store, command.downgrade, "0004")
    assert "login_failures" not in sa.inspect(store.engine).get_table_names()
    assert _version(store) == "0004"
    _run(store, command.upgrade, "0005")
    assert "login_failures" in sa.inspect(store.engine).get_table_names()


def test_migrations_import_nothing_from_truceline() -> None:
    """Frozen history: a revision that imported live code would change with it."""
    versions = resources.files("truceline.store") / "migrations" / "versions"
    for path in sorted(Path(str(versions)).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n.split(".")[0] == "truceline" for n in names), (path.name, names)


def test_the_metadata_describes_the_migrated_database(store: Store) -> None:
    """Every table, column and index of ``schema.metadata`` is what the migrations made."""
    store.migrate()
    inspector = sa.inspect(store.engine)
    for table in schema.metadata.sorted_tables:
        if store.dialect == "sqlite" and table.name in ACCOUNT_TABLES:
            continue  # in web.db beside the dossier's file (migration 0006)
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == set(table.c.keys()), table.name
        indexes = {i["name"]: i["column_names"] for i in inspector.get_indexes(table.name)}
        for index in table.indexes:
            assert indexes.get(index.name) == [c.name for c in index.columns], index.name


ACCOUNT_TABLES = {"users", "sessions", "login_failures"}


def test_upgrading_a_0005_sqlite_dossier_moves_its_accounts_beside_it(store: Store) -> None:
    _run(store, command.upgrade, "0005")
    with store.engine.begin() as conn:
        conn.execute(
            sa.text("INSERT INTO users VALUES ('ana', 'argon2-hash', 'analyst', :at)"),
            {"at": dt.datetime(2025, 1, 2, tzinfo=dt.UTC)},
        )
    store.migrate()
    left = set(sa.inspect(store.engine).get_table_names())
    if store.dialect == "sqlite":
        assert left.isdisjoint(ACCOUNT_TABLES)
        assert accounts(store) == [("ana", "analyst")]
        path = accounts_file(store)
        assert path is not None and path.name == "web.db"
        assert b"argon2-hash" not in Path(store.engine.url.database).read_bytes()
    else:  # a PostgreSQL database is not a file anyone shares: accounts stay
        assert left >= ACCOUNT_TABLES
        assert accounts(store) == [("ana", "analyst")]
    assert _version(store) == "0007"


def test_accounts_out_downgrades_to_0005_and_back(store: Store) -> None:
    store.migrate()
    _run(store, command.downgrade, "0005")
    assert set(sa.inspect(store.engine).get_table_names()) >= ACCOUNT_TABLES
    store.migrate()
    assert _version(store) == "0007"


def _open_at_once(queue: Any, barrier: Any, path: Path, url: str, init: bool) -> None:
    """Open (``init``: create) the dossier as soon as every process is ready."""
    barrier.wait(timeout=60)
    try:
        (Dossier.init if init else Dossier.open)(path, url).close()
    except Exception as exc:  # reported to the parent, which asserts there are none
        queue.put(f"{type(exc).__name__}: {exc}")
    else:
        queue.put("ok")


@pytest.mark.parametrize("start", [None, "0005"], ids=["new", "old"])
def test_processes_upgrading_one_dossier_at_once_all_succeed(
    store: Store, dossier_path: Path, db_url: str, start: str | None
) -> None:
    if start is not None:
        _run(store, command.upgrade, start)
    fork = multiprocessing.get_context("fork")
    queue, barrier = fork.Queue(), fork.Barrier(3)
    processes = [
        fork.Process(target=_open_at_once, args=(queue, barrier, dossier_path, db_url, not start))
        for _ in range(3)
    ]
    for process in processes:
        process.start()
    results = [queue.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    assert results == ["ok"] * 3
    assert _version(store) == ScriptDirectory.from_config(_config()).get_current_head()
