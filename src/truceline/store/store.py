"""The store: objects in, objects out, every change kept as a revision.

Nothing is ever deleted. ``Writer.put`` creates or edits an object and appends
a revision holding the before and after; rejecting a record only changes its
state. All writes happen inside ``Store.writer()``, one transaction: either
everything in the block lands or nothing does.

Writers take turns. ``Store.writer()`` takes the database's write lock before
its first read (SQLite ``BEGIN IMMEDIATE``; a transaction-scoped advisory lock
on PostgreSQL), so what a writer reads is what it overwrites: two edits of one
record never lose either change, and each revision's "before" is the previous
revision's "after". A writer that finds the lock taken waits up to
``busy_timeout`` seconds, then gives up with a ``StoreError``.
"""

from __future__ import annotations

import copy
import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any, Literal

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from pydantic import TypeAdapter
from pydantic_core import SchemaValidator

from truceline.bounds import unbounded
from truceline.errors import StoreError
from truceline.model import (
    RECORD_KINDS,
    Agreement,
    AnyRecord,
    Dispute,
    Record,
    ReviewState,
    Revision,
    Source,
    dump,
    kind_of,
    summary_of,
)
from truceline.store import schema

Stored = Source | Agreement | Dispute | Record
Outcome = Literal["created", "edited", "unchanged"]

_WRITE = "truceline_write"  # execution option marking a connection as a writer's
_WRITER_LOCK = 0x7472_7563_656C  # "trucel": the key of the PostgreSQL advisory lock
BUSY_TIMEOUT = 30.0
"""Seconds a writer waits for another one to finish before giving up."""


class Store:
    """A dossier database (SQLite by default, PostgreSQL by URL)."""

    def __init__(self, url: str, busy_timeout: float | None = None) -> None:
        self.url = url
        self.busy_timeout = BUSY_TIMEOUT if busy_timeout is None else busy_timeout
        self.engine = make_engine(url, self.busy_timeout)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the latest migration (creates it on a new database).

        An upgrade runs under the writers' lock: two processes opening the same
        old dossier at once take turns, and the second finds it upgraded. A schema
        already at the latest migration is only read, so opening a dossier never
        waits behind a long import.
        """
        config = _alembic_config()
        try:
            if self._schema_version() == ScriptDirectory.from_config(config).get_current_head():
                return
            with self.engine.connect() as conn, self._begin_writing(conn):
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except sa.exc.OperationalError as exc:
            raise StoreError(f"cannot migrate database {self.url!r}: {exc.orig}") from exc

    def _schema_version(self) -> str | None:
        """The migration the database is at; None for a new database."""
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writer(self, by: str) -> Iterator[Writer]:
        """One transaction; ``by`` names who is making the changes (kept in revisions).

        The write lock is taken first, so every read in the block sees the last
        committed write and no other writer can commit until this one ends.
        """
        with self.engine.connect() as conn, self._begin_writing(conn):
            yield Writer(conn, by)

    @contextmanager
    def trial(self, by: str) -> Iterator[Writer]:
        """A writer whose transaction is always rolled back: to ask what a write would
        change (the review queue's "what accepting decides") without making it."""
        with self.engine.connect() as conn:
            transaction = self._begin_writing(conn)
            try:
                yield Writer(conn, by)
            finally:
                transaction.rollback()

    def _begin_writing(self, conn: sa.Connection) -> sa.RootTransaction:
        """Begin a transaction holding the write lock, waiting at most ``busy_timeout``."""
        conn.execution_options(**{_WRITE: True})
        try:
            transaction = conn.begin()  # SQLite: BEGIN IMMEDIATE (see _sqlite_begin)
        except sa.exc.OperationalError as exc:
            raise self._busy(exc) from exc
        if self.dialect == "postgresql":
            try:
                conn.execute(sa.text(f"SET LOCAL lock_timeout = {int(self.busy_timeout * 1000)}"))
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_WRITER_LOCK)))
            except sa.exc.OperationalError as exc:
                transaction.rollback()
                raise self._busy(exc) from exc
        return transaction

    def _busy(self, exc: sa.exc.OperationalError) -> StoreError:
        return StoreError(
            f"the database is busy: another writer held it for more than "
            f"{self.busy_timeout:g} s; try again ({str(exc.orig).strip().splitlines()[0]})"
        )

    # ---------------------------------------------------------------- reads

    def get(self, object_id: str) -> Stored | None:
        """Any object by id, or None."""
        with self.engine.connect() as conn:
            return _get(conn, object_id)

    def sources(self) -> list[Source]:
        return [load_source(d) for d in self._data(schema.sources, "id")]

    def agreements(self) -> list[Agreement]:
        rows = self._data(schema.agreements, "id")
        return [load_agreement(d) for d in rows]

    def disputes(self) -> list[Dispute]:
        return [load_dispute(d) for d in self._data(schema.disputes, "id")]

    def records(
        self, kind: str | None = None, states: tuple[str, ...] | None = None
    ) -> list[Record]:
        """Records in date order (undated last), optionally of one kind and some states."""
        query = sa.select(schema.records.c.data)
        if kind is not None:
            query = query.where(schema.records.c.kind == kind)
        if states is not None:
            query = query.where(schema.records.c.state.in_(states))
        query = query.order_by(
            schema.records.c.date.is_(None), schema.records.c.date, schema.records.c.id
        )
        with self.engine.connect() as conn:
            return [load_record(row[0]) for row in conn.execute(query)]

    def duplicate_of(self, source: Source) -> str | None:
        """The id of a stored source with the same id or the same text, if any."""
        with self.engine.connect() as conn:
            return _duplicate_of(conn, source)

    def history(self, object_id: str) -> list[Revision]:
        """Every revision of an object, oldest first."""
        t = schema.revisions
        query = sa.select(t).where(t.c.object_id == object_id).order_by(t.c.id)
        with self.engine.connect() as conn:
            return [_revision(dict(row._mapping)) for row in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        """How many objects of each kind the dossier holds."""
        with self.engine.connect() as conn:
            out = {
                "sources": conn.execute(
                    sa.select(sa.func.count()).select_from(schema.sources)
                ).scalar_one(),
                "agreements": conn.execute(
                    sa.select(sa.func.count()).select_from(schema.agreements)
                ).scalar_one(),
                "disputes": conn.execute(
                    sa.select(sa.func.count()).select_from(schema.disputes)
                ).scalar_one(),
            }
            rows = conn.execute(
                sa.select(schema.records.c.kind, sa.func.count()).group_by(schema.records.c.kind)
            )
            out.update({f"{kind}s": n for kind, n in rows})
        return out

    def _data(self, table: sa.Table, order: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [
                row[0] for row in conn.execute(sa.select(table.c.data).order_by(table.c[order]))
            ]


class Writer:
    """Writes inside one transaction, appending a revision for every change."""

    def __init__(self, conn: sa.Connection, by: str) -> None:
        self.conn = conn
        self.by = by

    def get(self, object_id: str) -> Stored | None:
        return _get(self.conn, object_id)

    def duplicate_of(self, source: Source) -> str | None:
        """As ``Store.duplicate_of``, inside this transaction: a source a concurrent
        run stored after it was first asked is seen here, and the answer cannot
        change before the commit."""
        return _duplicate_of(self.conn, source)

    def put(self, obj: Stored, note: str | None = None) -> Outcome:
        """Create or edit an object; unchanged content writes nothing."""
        before = self.get(obj.id)
        if before is not None and kind_of(before) != kind_of(obj):
            raise StoreError(
                f"id {obj.id!r} is already used by a {kind_of(before)}, not a {kind_of(obj)}"
            )
        after_data = dump(obj)
        before_data = dump(before) if before is not None else None
        if before_data == after_data:
            return "unchanged"
        _write_row(self.conn, obj, after_data, update=before is not None)
        action = "create" if before_data is None else _edit_action(before_data, after_data)
        self._revise(obj, action, before_data, after_data, note)
        return "created" if before is None else "edited"

    def set_state(self, record_id: str, state: ReviewState, note: str | None = None) -> Outcome:
        """Accept, reject or restore a record: a state change, never a deletion."""
        record = self.get(record_id)
        if record is None or kind_of(record) not in RECORD_KINDS:
            raise StoreError(f"no record with id {record_id!r}")
        changed = record.model_copy(update={"state": ReviewState(state).value})
        return self.put(changed, note=note)

    def _revise(
        self,
        obj: Stored,
        action: str,
        before: dict[str, Any] | None,
        after: dict[str, Any],
        note: str | None,
    ) -> None:
        self.conn.execute(
            schema.revisions.insert().values(
                object_kind=kind_of(obj),
                object_id=obj.id,
                at=dt.datetime.now(dt.UTC),
                by=self.by,
                action=action,
                before=before,
                after=after,
                note=note,
            )
        )


def _revision(row: dict[str, Any]) -> Revision:
    """SQLite drops the zone of stored times; they were written in UTC."""
    if row["at"].tzinfo is None:
        row["at"] = row["at"].replace(tzinfo=dt.UTC)
    return Revision.model_validate(row)


def _edit_action(before: dict[str, Any], after: dict[str, Any]) -> str:
    """Name a change by what it did to the review state, if anything."""
    old, new = before.get("state"), after.get("state")
    if old != new and new is not None:
        return {"accepted": "accept", "rejected": "reject"}.get(new, "restore")
    return "edit"


def _write_row(conn: sa.Connection, obj: Stored, data: dict[str, Any], update: bool) -> None:
    table, values = _row(obj, data)
    if update:
        conn.execute(table.update().where(table.c.id == obj.id).values(**values))
    else:
        conn.execute(table.insert().values(id=obj.id, **values))
    if table is schema.records:
        _write_spans(conn, obj)  # type: ignore[arg-type]  # only records go to the records table


def _row(obj: Stored, data: dict[str, Any]) -> tuple[sa.Table, dict[str, Any]]:
    if isinstance(obj, Source):
        return schema.sources, {
            "outlet": obj.outlet,
            "title": obj.title,
            "url": obj.url,
            "published": obj.published,
            "content_hash": obj.content_hash,
            "data": data,
        }
    if isinstance(obj, Agreement):
        return schema.agreements, {
            "title": obj.title,
            "version": obj.version,
            "amends": obj.amends,
            "in_force": obj.in_force,
            "data": data,
        }
    if isinstance(obj, Dispute):
        return schema.disputes, {
            "topic": obj.topic,
            "kind": obj.kind,
            "date": obj.date,
            "data": data,
        }
    return schema.records, {
        "kind": obj.kind,
        "date": obj.date,
        "date_precision": obj.date_precision,
        "state": obj.state,
        "claimed_by": obj.claimed_by,
        "summary": summary_of(obj),
        "confidence": obj.confidence,
        "data": data,
    }


def _write_spans(conn: sa.Connection, record: Record) -> None:
    t = schema.record_sources
    conn.execute(t.delete().where(t.c.record_id == record.id))
    for position, ev in enumerate(record.sources):
        conn.execute(
            t.insert().values(
                record_id=record.id,
                position=position,
                source_id=ev.source,
                span_start=ev.start,
                span_end=ev.end,
                text=ev.text,
            )
        )


def _get(conn: sa.Connection, object_id: str) -> Stored | None:
    for table, load in (
        (schema.records, load_record),
        (schema.sources, load_source),
        (schema.agreements, load_agreement),
        (schema.disputes, load_dispute),
    ):
        row = conn.execute(sa.select(table.c.data).where(table.c.id == object_id)).first()
        if row is not None:
            return load(row[0])
    return None


# ------------------------------------------------------------ reading rows
#
# A row is read with the models' checks minus the storable limits of
# ``truceline.bounds``: a dossier written before those limits existed may hold a
# 64-bit overflow, an infinite number, a NUL or a lone surrogate, and it must
# still open, list and check, and let ``review edit`` replace the value (the edit
# itself is validated with the limits).


def _loader(schema: Any) -> Callable[[Any], Any]:
    return SchemaValidator(unbounded(copy.deepcopy(schema))).validate_python


_LOAD_RECORD = _loader(TypeAdapter(AnyRecord).core_schema)
_LOAD_SOURCE = _loader(Source.__pydantic_core_schema__)
_LOAD_AGREEMENT = _loader(Agreement.__pydantic_core_schema__)
_LOAD_DISPUTE = _loader(Dispute.__pydantic_core_schema__)


def load_record(data: Any) -> Record:
    """A record from its stored ``data`` (JSON), as the model class of its kind."""
    return _LOAD_RECORD(data)  # type: ignore[no-any-return]


def load_source(data: Any) -> Source:
    return _LOAD_SOURCE(data)  # type: ignore[no-any-return]


def load_agreement(data: Any) -> Agreement:
    return _LOAD_AGREEMENT(data)  # type: ignore[no-any-return]


def load_dispute(data: Any) -> Dispute:
    return _LOAD_DISPUTE(data)  # type: ignore[no-any-return]


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("truceline.store") / "migrations")
    )
    return config


def make_engine(url: str, busy_timeout: float = BUSY_TIMEOUT) -> sa.Engine:
    """An engine on ``url``; on SQLite with WAL, foreign keys, the busy timeout and
    transactions begun by us (see ``_sqlite_connect``)."""
    sqlite = url.startswith("sqlite")
    try:
        engine = sa.create_engine(
            _driver_url(url), connect_args={"timeout": busy_timeout} if sqlite else {}
        )
    except (sa.exc.ArgumentError, ModuleNotFoundError) as exc:
        raise StoreError(f"cannot open database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _duplicate_of(conn: sa.Connection, source: Source) -> str | None:
    t = schema.sources
    condition = t.c.id == source.id
    if source.content_hash:
        condition = sa.or_(condition, t.c.content_hash == source.content_hash)
    row = conn.execute(sa.select(t.c.id).where(condition).limit(1)).first()
    return str(row[0]) if row else None


def _driver_url(url: str) -> str:
    """Use psycopg 3 for plain postgresql:// URLs."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    """Set the pragmas, and take transactions out of pysqlite's hands.

    pysqlite sends its own BEGIN only before the first write, so a writer's
    reads would happen outside its transaction; with ``isolation_level = None``
    it sends none, and ``_sqlite_begin`` sends ours (SQLAlchemy's documented
    recipe for pysqlite).
    """
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    _wal(cursor)
    cursor.close()


def _wal(cursor: Any) -> None:
    """Switch to WAL, waiting while another process holds the file.

    A new database records WAL in its header only when its first transaction
    commits; until then, a second process opening it must switch too, and
    SQLite answers "database is locked" at once instead of calling the busy
    handler (processes creating one dossier together hit it).
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_begin(conn: sa.Connection) -> None:
    """Writers begin with the write lock (IMMEDIATE); readers with a plain BEGIN."""
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
