"""The dashboard's cache: whole-dossier computations and page fragments, kept until the
dossier changes (a new revision), each computed once however many requests ask.

    Snapshot        two LRU caches emptied by a new version of the dossier
                    (``Dossier.version_watch``: asked of the database only when a
                    cheap check says it may have moved), with single-flight
                    computation: concurrent callers of one key wait for one result
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import Any, TypeVar

from truceline.app import Dossier

T = TypeVar("T")
MISSING = object()  # what ``Snapshot.peek`` returns for a key it does not hold


class Snapshot:
    """Whole-dossier computations and rendered fragments, cached until the next revision.

    Two least-recently-used caches: at most ``size`` fragments and counts (cheap to
    make again, many: one per URL), and at most ``heavy_size`` whole-dossier
    computations asked for with ``heavy=True`` (the compliance ledger, seconds to
    compute; the filter choices), so that a burst of new timeline URLs cannot
    push the ledger out. A new revision empties both.
    """

    def __init__(self, dossier: Dossier, size: int = 512, heavy_size: int = 32) -> None:
        self.size = size
        self.heavy_size = heavy_size
        self.version = dossier.version_watch()
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
