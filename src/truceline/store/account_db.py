"""Where team accounts live: never in the file people are invited to share.

A SQLite dossier's ``truceline.db`` is meant to be opened in Datasette, copied
and published. Accounts (argon2 password hashes), sessions and login failures
therefore live in ``web.db`` beside it, a file that stays on the server. On
PostgreSQL they stay in the dossier's database (made by migrations 0002 and
0005): a server, not a file anyone hands around. Migration 0006 moved the
accounts of older SQLite dossiers out (see docs/web.md, "Storage").
"""

from __future__ import annotations

import weakref
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.schema import CreateIndex, CreateTable

from truceline.store.schema import login_failures, sessions, users
from truceline.store.store import Store, make_engine

ACCOUNTS_FILE = "web.db"
_TABLES = (users, sessions, login_failures)
_ENGINES: weakref.WeakKeyDictionary[Store, sa.Engine] = weakref.WeakKeyDictionary()


def accounts_engine(store: Store) -> sa.Engine:
    """The engine holding the account tables of ``store``'s dossier (opened once)."""
    engine = _ENGINES.get(store)
    if engine is None:
        engine = _ENGINES[store] = _open(store)
    return engine


def accounts_file(store: Store) -> Path | None:
    """``web.db`` beside a SQLite dossier's file; None when accounts share the database."""
    database = store.engine.url.database
    if store.dialect != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database).with_name(ACCOUNTS_FILE)


def _open(store: Store) -> sa.Engine:
    if store.dialect != "sqlite":
        return store.engine  # migrations 0002 and 0005 made the tables
    path = accounts_file(store)
    if path is None:  # an in-memory database: nothing to share, nothing to separate
        engine = store.engine
    else:
        engine = make_engine(f"sqlite:///{path}", store.busy_timeout)
        weakref.finalize(store, engine.dispose)
    with engine.begin() as conn:  # IF NOT EXISTS: workers may open it at the same time
        for table in _TABLES:
            conn.execute(CreateTable(table, if_not_exists=True))
            for index in table.indexes:
                conn.execute(CreateIndex(index, if_not_exists=True))
    return engine
