"""The dashboard's cache: whole-dossier computations and page fragments, kept until the
dossier changes (a new revision), each computed once however many requests ask.

    VersionWatch    the dossier's version (``truceline.store.version``), asked of the
                    database only when a cheap check says it may have moved
    Snapshot        two LRU caches emptied by a new version, with single-flight
                    computation: concurrent callers of one key wait for one result
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import Any, TypeVar

from truceline.store import Store
from truceline.store.version import version

T = TypeVar("T")


class VersionWatch:
    """``version(store)``, read again only when the database may have changed.

    On a SQLite file, a connection of its own (never used to write) asks ``PRAGMA
    data_version``, a counter that moves whenever any other connection, in this
    process or another, commits to the database: a few microseconds, against a
    pooled connection and a query on ``revisions`` for every cached read. Only
    when the counter moved is the last revision id read again, so the cache is
    still invalidated by every revision and by nothing else. Elsewhere
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


MISSING = object()  # what ``Snapshot.peek`` returns for a key it does not hold


class Snapshot:
    """Whole-dossier computations and rendered fragments, cached until the next revision.

    Two least-recently-used caches: at most ``size`` fragments and counts (cheap to
    make again, many: one per URL), and at most ``heavy_size`` whole-dossier
    computations asked for with ``heavy=True`` (the compliance ledger, seconds to
    compute; the filter choices), so that a burst of new timeline URLs cannot
    push the ledger out. A new revision empties both.
    """

    def __init__(self, store: Store, size: int = 512, heavy_size: int = 32) -> None:
        self.store = store
        self.size = size
        self.heavy_size = heavy_size
        self.version = VersionWatch(store)
        self._lock = Lock()
        self._version = -1
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._heavy: OrderedDict[str, Any] = OrderedDict()
        self._flights: dict[str, Lock] = {}

    def _current(self) -> int:
        """The dossier's version, emptying the caches when it moved (hold ``_lock``)."""
        current = self.version()
        if current != self._version:
            self._cache.clear()
            self._heavy.clear()
            self._version = current
        return current

    def peek(self, key: str) -> Any:
        """The cached fragment or count ``key``, or ``MISSING``: never computes, never waits."""
        with self._lock:
            self._current()
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        return MISSING

    def get(self, key: str, compute: Callable[[], T], heavy: bool = False) -> T:
        """The cached value of ``key``, computing it once (other callers wait for it)."""
        cache, size = (self._heavy, self.heavy_size) if heavy else (self._cache, self.size)
        with self._lock:
            current = self._current()
            if key in cache:
                cache.move_to_end(key)
                return cache[key]  # type: ignore[no-any-return]
            flight = self._flights.setdefault(key, Lock())
        with flight:
            with self._lock:
                if self._version == current and key in cache:
                    return cache[key]  # type: ignore[no-any-return]
            try:
                value = compute()
                with self._lock:
                    if self._version == current:
                        cache[key] = value
                        while len(cache) > size:
                            cache.popitem(last=False)
            finally:
                with self._lock:
                    self._flights.pop(key, None)
        return value
