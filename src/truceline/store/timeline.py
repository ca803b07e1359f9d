"""The timeline: one page of records in date order matching a filter, never all of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

import sqlalchemy as sa

from truceline.store.counts import COUNT_CAP, count_filter, count_matches
from truceline.store.entries import Page, load_record, with_citations
from truceline.store.filters import TimelineFilter, timeline_where
from truceline.store.schema import records
from truceline.store.store import Store

R = records


class CountCache(Protocol):
    """Where ``timeline`` keeps counts between pages (the web app's ``Snapshot``)."""

    def get(self, key: str, compute: Callable[[], int]) -> int: ...


def timeline(
    store: Store,
    f: TimelineFilter,
    size: int,
    cache: CountCache | None = None,
    cap: int | None = COUNT_CAP,
) -> Page:
    """One page of records in date order (undated last) matching the filter.

    Dated and undated records are paged by two index-ordered queries (an
    ``ORDER BY date IS NULL`` would sort the whole table), each asking for one
    row more than the page holds, so the page itself says whether another
    follows; only the page's rows are read in full.

    The total is counted only up to ``cap`` (None: exactly): past it the page is
    marked inexact and its ``total`` is a lower bound. No count runs at all
    when the page already settles it (the last page, or a page beyond the cap).
    Counts are kept in ``cache``, when given, under a key of the filter.
    """
    where = timeline_where(store.dialect, f)
    page = max(1, f.page)
    offset = (page - 1) * size
    dated_where = [*where, R.c.date.is_not(None)]
    undated_where = [*where, R.c.date.is_(None)]
    with store.engine.connect() as conn:
        ids = [
            i
            for (i,) in conn.execute(
                sa.select(R.c.id)
                .where(*dated_where)
                .order_by(R.c.date, R.c.id)
                .limit(size + 1)
                .offset(offset)
            )
        ]
        dated_count = 0
        if len(ids) <= size:
            if not ids and offset > 0:
                # The page starts past the dated records: count them (fewer than
                # ``offset``, so the count is bounded by the page asked for) to know
                # how many undated ones to skip.
                dated_count = count_matches(conn, dated_where, None)
            skip = max(0, offset - dated_count) if not ids else 0
            ids += [
                i
                for (i,) in conn.execute(
                    sa.select(R.c.id)
                    .where(*undated_where)
                    .order_by(R.c.id)
                    .limit(size + 1 - len(ids))
                    .offset(skip)
                )
            ]
        following = len(ids) > size
        ids = ids[:size]
        if not following and ids:
            total, exact = offset + len(ids), True  # this page reached the end
        elif not following:
            # Nothing here: the first page of nothing, or a page past the end, whose
            # undated records are (like its dated ones) fewer than ``offset``.
            undated_count = count_matches(conn, undated_where, None) if offset else 0
            total, exact = dated_count + undated_count, True
        elif cap is not None and offset + size >= cap:
            total, exact = offset + size + 1, False  # at least one after this page
        else:
            # (the filter itself, not its query string: "any state" and the default
            # "accepted" leave the same query string)
            key = f"count:{cap}:{replace(f, page=1)!r}"

            def counted() -> int:
                with store.engine.connect() as c:
                    return count_filter(c, store.dialect, f, cap)

            n = cache.get(key, counted) if cache is not None else counted()
            exact = cap is None or n <= cap
            total = n if exact else max(n, offset + size + 1)
        rows = dict(conn.execute(sa.select(R.c.id, R.c.data).where(R.c.id.in_(ids))).all())
        found = [load_record(rows[i]) for i in ids if i in rows]
        entries = with_citations(conn, found)
    return Page(entries, total, page, size, exact)
