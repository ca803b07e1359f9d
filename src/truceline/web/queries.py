"""The reads behind the pages: filtered, paginated, searched — never every record at once.

Each function takes the Store and returns plain objects for templates. Reads
that look at the whole dossier (filter choices, speakers) go through
``Snapshot``, recomputed only when the dossier changes (a new revision).
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from threading import Lock
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import TypeAdapter

from truceline.model import AnyRecord, Record, Source
from truceline.store import Store, schema
from truceline.web.tables import postgres_tsvector_sql, record_facets

_RECORD = TypeAdapter(AnyRecord)
T = TypeVar("T")

R = schema.records
RS = schema.record_sources
S = schema.sources


@dataclass(frozen=True)
class TimelineFilter:
    """What the timeline shows; every field is a query-string parameter of the page."""

    q: str = ""
    kind: str = ""
    party: str = ""
    type: str = ""
    outlet: str = ""
    source: str = ""
    state: str = "accepted"
    page: int = 1

    def query(self, **changes: Any) -> dict[str, Any]:
        """The query-string parameters for this filter (defaults left out), with changes."""
        values = {**self.__dict__, **changes}
        defaults = TimelineFilter().__dict__
        return {k: v for k, v in values.items() if v not in ("", None) and v != defaults[k]}

    @property
    def active(self) -> bool:
        return bool(self.query(page=1))


@dataclass
class Cited:
    """One source a record cites, with the span it rests on."""

    source_id: str
    outlet: str
    url: str | None
    published: str | None
    start: int | None
    end: int | None
    text: str | None


@dataclass
class Entry:
    record: Record
    cited: list[Cited] = field(default_factory=list)


@dataclass
class Page:
    """One page of results. ``total`` is exact when ``exact``; otherwise it is a lower
    bound (there are at least ``total`` matches, the count was stopped there)."""

    entries: list[Entry]
    total: int
    page: int
    size: int
    exact: bool = True

    @property
    def pages(self) -> int:
        """The number of pages known to exist (all of them when ``exact``)."""
        return max(1, math.ceil(self.total / self.size))

    @property
    def more(self) -> bool:
        """Whether there may be pages beyond ``pages`` (the count was capped)."""
        return not self.exact

    @property
    def numbers(self) -> list[int | None]:
        """Page numbers for the pager: the first, the last known, and two either side
        of this one; None marks a gap."""
        last, here = self.pages, self.page
        shown = sorted({1, last, *range(max(1, here - 2), min(last, here + 2) + 1)})
        out: list[int | None] = []
        for n in shown:
            if out and n - (out[-1] or 0) > 1:
                out.append(None)
            out.append(n)
        return out if len(out) > 1 else []


# ------------------------------------------------------------------ the dossier's version


def version(store: Store) -> int:
    """A number that changes whenever anything in the dossier changes (the last revision)."""
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.max(schema.revisions.c.id))).scalar() or 0


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


# ------------------------------------------------------------------ timeline


def _json(dialect: str, key: str) -> sa.ColumnElement[Any]:
    if dialect == "postgresql":
        return sa.literal_column(f"records.data->>'{key}'")
    return sa.func.json_extract(R.c.data, f"$.{key}")


def _in_list(dialect: str, key: str, value: str) -> sa.ColumnElement[bool]:
    if dialect == "postgresql":
        return sa.literal_column(f"(records.data->'{key}')::jsonb").op("?")(value)
    each = sa.select(sa.literal(1)).select_from(
        sa.func.json_each(R.c.data, f"$.{key}").table_valued("value")
    )
    return each.where(sa.literal_column("value") == value).exists()


_WORD = re.compile(r"[\w*]+", re.UNICODE)


def fts_query(text: str) -> str:
    """User words → an FTS5 query: every word must appear; ``word*`` is a prefix."""
    terms = []
    for word in _WORD.findall(text):
        star = word.endswith("*")
        word = word.strip("*")
        if word:
            terms.append(f'"{word}"' + ("*" if star else ""))
    return " ".join(terms)


def search_clause(dialect: str, text: str) -> sa.ColumnElement[bool] | None:
    """Records whose text matches ``text`` (FTS5 on SQLite, tsvector on PostgreSQL)."""
    if dialect == "postgresql":
        words = " ".join(w.strip("*") for w in _WORD.findall(text))
        if not words.strip():
            return None
        return sa.literal_column(postgres_tsvector_sql()).op("@@")(
            sa.func.plainto_tsquery(sa.literal_column("'simple'::regconfig"), words)
        )
    query = fts_query(text)
    if not query:
        return None
    fts = sa.table("records_fts", sa.column("rowid"))
    matched = sa.select(fts.c.rowid).where(sa.literal_column("records_fts").op("MATCH")(query))
    return sa.literal_column("records.rowid").in_(matched)


def party_clause(dialect: str, party: str) -> sa.ColumnElement[bool]:
    """Records in which ``party`` acts, speaks, claims, proposes or answers."""
    return sa.or_(
        R.c.claimed_by == party,
        _json(dialect, "speaker") == party,
        _json(dialect, "affiliation") == party,
        _json(dialect, "proposer") == party,
        _json(dialect, "party") == party,
        sa.and_(R.c.kind == "event", _in_list(dialect, "actors", party)),
        sa.and_(R.c.kind == "event", _in_list(dialect, "targets", party)),
    )


def facet_clause(facet: str, value: str) -> sa.ColumnElement[bool]:
    """Records with a facet value, through the trigger-kept ``record_facets`` (SQLite).

    A correlated EXISTS (one probe of ``ix_record_facets_value`` per record) lets the
    timeline walk ``ix_records_state_date`` in order and stop at the page's LIMIT,
    instead of first materialising every matching id.
    """
    F = record_facets.alias("f")
    return (
        sa.select(sa.literal(1))
        .where(F.c.facet == facet, F.c.value == value, F.c.record_id == R.c.id)
        .exists()
    )


def outlet_clause(outlet: str) -> sa.ColumnElement[bool]:
    """Records citing a source of ``outlet``.

    Nested EXISTS: for each of the record's citations (``ix_record_sources_record_source``)
    one point lookup of its source. As a join, SQLite would start from the outlet's
    sources (``ix_sources_outlet_id``, 0004) and scan hundreds per record.
    """
    rs, s = RS.alias("rs"), S.alias("s")
    of_outlet = sa.select(sa.literal(1)).where(s.c.id == rs.c.source_id, s.c.outlet == outlet)
    return sa.select(sa.literal(1)).where(rs.c.record_id == R.c.id, of_outlet.exists()).exists()


def timeline_where(
    dialect: str, f: TimelineFilter, driver: str = ""
) -> list[sa.ColumnElement[bool]]:
    """The filter as WHERE clauses on ``records``.

    ``driver`` (SQLite counts, see ``count_filter``) names the filter a count
    starts from: its clause is left out (the count's FROM applies it). For the
    search words, the state and kind are compared with a unary + so that SQLite
    reaches records by the FTS5 rowids rather than through the state or kind
    indexes (probing the FTS5 table once per record of the state).
    """
    where: list[sa.ColumnElement[bool]] = []
    plus = dialect == "sqlite" and bool(f.source or driver == "q")
    if f.state:
        if plus:
            # One source cites few records (and search matches reach records by
            # rowid): look records up by id rather than walking every record of the
            # state in date order. SQLite has no statistics here to choose that by
            # itself; the unary + keeps it off the state indexes.
            where.append(sa.literal_column("+records.state") == f.state)
        else:
            where.append(R.c.state == f.state)
    if f.kind:
        if plus:
            where.append(sa.literal_column("+records.kind") == f.kind)
        else:
            where.append(R.c.kind == f.kind)
    if f.type and driver != "type":
        if dialect == "sqlite":
            where.append(facet_clause("type", f.type))
        else:
            where.append(sa.and_(R.c.kind == "event", _json(dialect, "type") == f.type))
    if f.party and driver != "party":
        if dialect == "sqlite":
            where.append(facet_clause("party", f.party))
        else:
            where.append(party_clause(dialect, f.party))
    if f.source:
        where.append(R.c.id.in_(sa.select(RS.c.record_id).where(RS.c.source_id == f.source)))
    if f.outlet and driver != "outlet":
        where.append(outlet_clause(f.outlet))
    if f.q and driver != "q":
        clause = search_clause(dialect, f.q)
        if clause is not None:
            where.append(clause)
    return where


# Above this many matches the timeline says "more than 1,000" instead of counting them all.
COUNT_CAP = 1000


def count_matches(
    conn: sa.Connection,
    where: Sequence[sa.ColumnElement[bool]],
    cap: int | None,
) -> int:
    """How many records match, counting at most ``cap + 1`` of them (all when ``cap`` is None)."""
    query = sa.select(sa.literal(1)).select_from(R).where(*where)
    if cap is not None:
        query = query.limit(cap + 1)
    return int(conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one())


def count_driver(dialect: str, f: TimelineFilter) -> str:
    """The filter a SQLite count should start from ("" for none): an event type, a
    party, the search words or an outlet, in that order of preference."""
    if dialect != "sqlite" or f.source:
        return ""
    if f.type:
        return "type"
    if f.party:
        return "party"
    if f.q and fts_query(f.q):
        return "q"
    if f.outlet:
        return "outlet"
    return ""


def count_filter(conn: sa.Connection, dialect: str, f: TimelineFilter, cap: int | None) -> int:
    """How many records match the filter, counting at most ``cap + 1`` of them.

    On SQLite, a filter with an event type, a party, search words or an outlet
    is counted from that filter's own rows: the facet's rows in
    ``record_facets``, the FTS5 matches (rowids), or the outlet's sources and the
    records citing them; each record is then checked against the rest of the
    filter through ``ix_records_id_state_kind`` (or its rowid). The walk stops
    after ``cap + 1`` matches either way, but this way it reads matches only
    (under 3 ms for 1,000 of 100k, instead of 5–25 ms walking every record of
    the state and probing the filter for each).
    """
    driver = count_driver(dialect, f)
    if not driver:
        return count_matches(conn, timeline_where(dialect, f), cap)
    rest = timeline_where(dialect, f, driver)
    query: sa.Select[Any]
    if driver in ("type", "party"):
        F = record_facets
        query = (
            sa.select(sa.literal(1))
            .select_from(F.join(R, R.c.id == F.c.record_id))
            .where(F.c.facet == driver, F.c.value == getattr(f, driver), *rest)
        )
    elif driver == "q":
        fts = sa.table("records_fts", sa.column("rowid"))
        query = (
            sa.select(sa.literal(1))
            .select_from(fts.join(R, sa.literal_column("records.rowid") == fts.c.rowid))
            .where(sa.literal_column("records_fts").op("MATCH")(fts_query(f.q)), *rest)
        )
    else:  # outlet: a record citing two of its sources is counted once
        rs, s = RS.alias("rs"), S.alias("s")
        query = (
            sa.select(rs.c.record_id)
            .distinct()
            .select_from(s.join(rs, rs.c.source_id == s.c.id).join(R, R.c.id == rs.c.record_id))
            .where(s.c.outlet == f.outlet, *rest)
        )
    if cap is not None:
        query = query.limit(cap + 1)
    return int(conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one())


def timeline_total(store: Store, f: TimelineFilter) -> int:
    """The exact number of records matching the filter (for the static site)."""
    with store.engine.connect() as conn:
        return count_matches(conn, timeline_where(store.dialect, f), None)


def timeline(
    store: Store,
    f: TimelineFilter,
    size: int,
    snapshot: Snapshot | None = None,
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
    Counts are cached per filter until the dossier changes.
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

            n = snapshot.get(key, counted) if snapshot else counted()
            exact = cap is None or n <= cap
            total = n if exact else max(n, offset + size + 1)
        rows = dict(conn.execute(sa.select(R.c.id, R.c.data).where(R.c.id.in_(ids))).all())
        records = [_RECORD.validate_python(rows[i]) for i in ids if i in rows]
        entries = with_citations(conn, records)
    return Page(entries, total, page, size, exact)


def with_citations(conn: sa.Connection, records: Sequence[Record]) -> list[Entry]:
    """Attach each record's cited sources (outlet, address, span) in one query."""
    ids = [r.id for r in records]
    cited: dict[str, list[Cited]] = {i: [] for i in ids}
    if ids:
        query = (
            sa.select(
                RS.c.record_id,
                RS.c.source_id,
                S.c.outlet,
                S.c.url,
                S.c.published,
                RS.c.span_start,
                RS.c.span_end,
                RS.c.text,
            )
            .join(S, S.c.id == RS.c.source_id)
            .where(RS.c.record_id.in_(ids))
            .order_by(RS.c.record_id, RS.c.position)
        )
        for row in conn.execute(query):
            cited[row.record_id].append(Cited(*row[1:]))
    return [Entry(r, cited[r.id]) for r in records]


def entries(store: Store, records: Sequence[Record]) -> list[Entry]:
    with store.engine.connect() as conn:
        return with_citations(conn, records)


def records_by_id(store: Store, ids: Sequence[str]) -> dict[str, Record]:
    """The records among ``ids`` that exist, by id."""
    out: dict[str, Record] = {}
    ids = list(dict.fromkeys(ids))
    with store.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for (data,) in conn.execute(sa.select(R.c.data).where(R.c.id.in_(chunk))):
                record = _RECORD.validate_python(data)
                out[record.id] = record
    return out


# ------------------------------------------------------------------ filter choices


@dataclass(frozen=True)
class Choices:
    kinds: list[str]
    types: list[str]
    parties: list[str]
    outlets: list[str]


def choices(store: Store) -> Choices:
    """Values offered by the timeline's filters, from the whole dossier."""
    d = store.dialect
    with store.engine.connect() as conn:
        kinds = [k for (k,) in conn.execute(sa.select(R.c.kind).distinct().order_by(R.c.kind))]
        types = [] if d == "sqlite" else _distinct(conn, _json(d, "type"), R.c.kind == "event")
        outlets = [
            o for (o,) in conn.execute(sa.select(S.c.outlet).distinct().order_by(S.c.outlet))
        ]
        parties: set[str] = set()
        if d == "sqlite":
            F = record_facets
            types = [
                t
                for (t,) in conn.execute(
                    sa.select(F.c.value).where(F.c.facet == "type").distinct().order_by(F.c.value)
                )
            ]
            query = sa.select(F.c.value).where(F.c.facet == "party").distinct()
            parties.update(v for (v,) in conn.execute(query))
        else:
            parties.update(_distinct(conn, R.c.claimed_by))
            for key in ("speaker", "affiliation", "proposer", "party"):
                parties.update(_distinct(conn, _json(d, key)))
            for key in ("actors", "targets"):
                parties.update(_list_values(conn, d, key))
    return Choices(kinds, types, sorted(parties, key=str.casefold)[:2000], outlets)


def _distinct(
    conn: sa.Connection, expr: sa.ColumnElement[Any], *where: sa.ColumnElement[bool]
) -> list[str]:
    query = sa.select(expr).select_from(R).where(*where, expr.is_not(None)).distinct()
    query = query.order_by(expr)
    return [str(v) for (v,) in conn.execute(query) if v not in (None, "")]


def _list_values(conn: sa.Connection, dialect: str, key: str) -> set[str]:
    if dialect == "postgresql":
        sql = (
            f"SELECT DISTINCT json_array_elements_text(data->'{key}') FROM records "
            f"WHERE kind = 'event' AND json_typeof(data->'{key}') = 'array'"
        )
    else:
        sql = (
            f"SELECT DISTINCT j.value FROM records, json_each(records.data, '$.{key}') AS j "
            "WHERE records.kind = 'event'"
        )
    return {str(v) for (v,) in conn.execute(sa.text(sql)) if v}


# ------------------------------------------------------------------ sources


def source_page(store: Store, page: int, size: int) -> tuple[list[dict[str, Any]], int]:
    """Sources by date (newest first), with how many records cite each."""
    cites = (
        sa.select(RS.c.source_id, sa.func.count(sa.distinct(RS.c.record_id)).label("n"))
        .group_by(RS.c.source_id)
        .subquery()
    )
    query = (
        sa.select(S.c.id, S.c.outlet, S.c.title, S.c.url, S.c.published, cites.c.n)
        .outerjoin(cites, cites.c.source_id == S.c.id)
        .order_by(S.c.published.is_(None), S.c.published.desc(), S.c.id)
        .limit(size)
        .offset((max(1, page) - 1) * size)
    )
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(S)).scalar_one()
        rows = [dict(r._mapping) for r in conn.execute(query)]
    return rows, total


def source(store: Store, source_id: str) -> Source | None:
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(S.c.data).where(S.c.id == source_id)).first()
    return Source.model_validate(row[0]) if row else None


def records_citing(store: Store, source_id: str, limit: int = 2000) -> list[Record]:
    """Records (any state) that cite a source, in date order."""
    query = (
        sa.select(R.c.data)
        .where(R.c.id.in_(sa.select(RS.c.record_id).where(RS.c.source_id == source_id)))
        .order_by(R.c.date.is_(None), R.c.date, R.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [_RECORD.validate_python(r[0]) for r in conn.execute(query)]


# ------------------------------------------------------------------ speakers


@dataclass
class Speaker:
    name: str
    affiliation: str
    count: int


def speakers(store: Store, state: str = "accepted") -> list[Speaker]:
    """Every speaker with affiliation and how many statements they made."""
    d = store.dialect
    speaker, affiliation = _json(d, "speaker"), _json(d, "affiliation")
    query = (
        sa.select(speaker, affiliation, sa.func.count())
        .where(R.c.kind == "statement", R.c.state == state)
        .group_by(speaker, affiliation)
    )
    with store.engine.connect() as conn:
        out = [Speaker(str(s or "unknown"), str(a or ""), n) for s, a, n in conn.execute(query)]
    return sorted(out, key=lambda s: (s.affiliation.casefold(), s.name.casefold()))


def statements_of(
    store: Store, name: str, affiliation: str | None, state: str = "accepted", limit: int = 500
) -> list[Record]:
    d = store.dialect
    where = [R.c.kind == "statement", R.c.state == state, _json(d, "speaker") == name]
    if affiliation is not None:
        aff = _json(d, "affiliation")
        where.append(aff == affiliation if affiliation else aff.is_(None))
    query = (
        sa.select(R.c.data)
        .where(*where)
        .order_by(R.c.date.is_(None), R.c.date, R.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [_RECORD.validate_python(r[0]) for r in conn.execute(query)]


# ------------------------------------------------------------------ review queue


def candidates(store: Store, kind: str, page: int, size: int) -> Page:
    """One page of the review queue (candidates, lowest confidence first)."""
    where = [R.c.state == "candidate"]
    if kind:
        where.append(R.c.kind == kind)
    query = (
        sa.select(R.c.data)
        .where(*where)
        .order_by(R.c.date.is_(None), R.c.date, R.c.id)
        .limit(size)
        .offset((max(1, page) - 1) * size)
    )
    with store.engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(R).where(*where)).scalar_one()
        records = [_RECORD.validate_python(r[0]) for r in conn.execute(query)]
        return Page(with_citations(conn, records), total, max(1, page), size)


def state_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(R.c.state, sa.func.count()).group_by(R.c.state))
        return {state: n for state, n in rows}
