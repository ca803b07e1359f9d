"""The dashboard's reads: every page's query, as a method of the dossier it reads.

Each is one line over the store's read model (``truceline.store.timeline``,
``.entries``, ``.sources``, ``.speakers``, ``.counts``, ``.choices``,
``.review_queue``, ``.version``, ``.changes``), so that the web face asks the dossier and never
holds the store: the SQL stays in the store, the page in the web, and this is
the one door between them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from truceline.model import Record, Source
from truceline.store import Store, counts
from truceline.store.changes import Changes, changes_since, latest_records
from truceline.store.choices import Choices, choices
from truceline.store.counts import state_counts, timeline_total
from truceline.store.entries import Entry, Page, entries_for, record_ids, records_by_id
from truceline.store.filters import TimelineFilter
from truceline.store.review_queue import QueueFilter, candidates
from truceline.store.sources import records_citing, source, source_ids, source_page
from truceline.store.speakers import Speaker, speakers, statements_of
from truceline.store.timeline import CountCache, timeline
from truceline.store.version import VersionWatch, version


class Dashboard:
    """The dashboard's reads of a ``Dossier`` (a mixin: ``self.store`` is the dossier's)."""

    store: Store

    # ------------------------------------------------------------- the timeline

    def timeline_page(
        self, f: TimelineFilter, size: int, cache: CountCache | None = None, exact: bool = False
    ) -> Page:
        """One page of records matching ``f``, in date order.

        The total is counted up to ``COUNT_CAP`` (a page that says "more than 1,000"
        costs no full count), or exactly when ``exact``: a static site has no
        server to ask again.
        """
        return timeline(self.store, f, size, cache, None if exact else counts.COUNT_CAP)

    def timeline_total(self, f: TimelineFilter) -> int:
        """How many records match ``f``, counted exactly."""
        return timeline_total(self.store, f)

    def filter_choices(self) -> Choices:
        """The values the timeline's filters offer."""
        return choices(self.store)

    # ------------------------------------------------------------- records and sources

    def entries_for(self, found: Sequence[Record]) -> list[Entry]:
        """Each record with the sources it cites."""
        return entries_for(self.store, found)

    def records_by_id(self, ids: Sequence[str]) -> dict[str, Record]:
        """The records among ``ids`` that exist, by id."""
        return records_by_id(self.store, ids)

    def record_ids(self) -> list[str]:
        return record_ids(self.store)

    def source_ids(self) -> list[str]:
        return source_ids(self.store)

    def source_page(self, page: int, size: int) -> tuple[list[dict[str, Any]], int]:
        """One page of sources (newest first) and how many there are."""
        return source_page(self.store, page, size)

    def source(self, source_id: str) -> Source | None:
        return source(self.store, source_id)

    def records_citing(self, source_id: str, limit: int = 2000) -> list[Record]:
        """The records resting on a source, at most ``limit``."""
        return records_citing(self.store, source_id, limit)

    # ------------------------------------------------------------- speakers

    def speakers(self) -> list[Speaker]:
        """Everyone quoted in an accepted statement, by affiliation and name."""
        return speakers(self.store)

    def statements_of(self, name: str, affiliation: str | None, limit: int = 500) -> list[Record]:
        """A speaker's accepted statements in date order, at most ``limit``."""
        return statements_of(self.store, name, affiliation, limit=limit)

    # ------------------------------------------------------------- review, counts, version

    def review_page(self, f: QueueFilter, page: int, size: int) -> Page:
        """One page of the review queue: the candidates the filter keeps."""
        return candidates(self.store, f, page, size)

    def state_counts(self) -> dict[str, int]:
        """How many records are in each review state."""
        return state_counts(self.store)

    def version(self) -> int:
        """A number that moves with every change to the dossier."""
        return version(self.store)

    def version_watch(self) -> VersionWatch:
        """``version()`` as a callable that skips the query while the database is unchanged
        (for a cache that asks on every request)."""
        return VersionWatch(self.store)

    # ------------------------------------------------------------- what is new

    def latest_records(self, limit: int = 8) -> list[Entry]:
        """The accepted records with the latest dates, newest first, with their sources."""
        return latest_records(self.store, limit)

    def changes_since(self, since: dt.date, limit: int = 50) -> Changes:
        """Objects added, accepted, rejected or edited since a day (its revisions)."""
        return changes_since(self.store, since, limit)
