"""The dossier's version: the id of its last revision, so it moves with every change.

Every write appends a revision (``Writer.put``), so caches of whole-dossier
computations stay valid exactly as long as this number does not move.

    version(store)        the number, read from the database
    VersionWatch(store)   the same number, read again only when a cheap check
                          (SQLite's ``PRAGMA data_version``) says it may have moved
"""

from __future__ import annotations

import sqlite3
from threading import Lock

import sqlalchemy as sa

from truceline.store.schema import revisions
from truceline.store.store import Store


def version(store: Store) -> int:
    """A number that changes whenever anything in the dossier changes (0 when empty)."""
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.max(revisions.c.id))).scalar() or 0


class VersionWatch:
    """``version(store)``, read again only when the database may have changed.

    On a SQLite file, a connection of its own (never used to write) asks ``PRAGMA
    data_version``, a counter that moves whenever any other connection, in this
    process or another, commits to the database: a few microseconds, against a
    pooled connection and a query on ``revisions`` for every cached read. Only
    when the counter moved is the last revision id read again, so a cache keyed
    on it is still invalidated by every revision and by nothing else. Elsewhere
    (PostgreSQL, an in-memory database) every call reads the revision id.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = Lock()
        self._conn: sqlite3.Connection | None = None
        self._seen: int | None = None
        self._version = 0
        url = store.engine.url
        path = url.database if store.dialect == "sqlite" else None
        if path and path != ":memory:" and not path.startswith("file:") and not url.query:
            try:
                self._conn = sqlite3.connect(path, check_same_thread=False)
            except sqlite3.Error:
                self._conn = None

    def __call__(self) -> int:
        if self._conn is None:
            return version(self.store)
        with self._lock:
            try:
                # The counter first: a commit landing between the two reads moves it
                # again, so the next call reads the revision id again.
                seen = self._conn.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:
                return version(self.store)
            if seen != self._seen:
                self._version = version(self.store)
                self._seen = seen
            return self._version

    @property
    def cheap(self) -> bool:
        """Whether a call costs microseconds (no query unless the database changed)."""
        return self._conn is not None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
