"""What is new: the latest accepted records, and the objects changed since a day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from truceline.model import Event, Evidence, Source
from truceline.store import Store
from truceline.store.changes import changes_since, latest_records
from truceline.store.schema import revisions


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    if db_url.startswith("sqlite:///"):
        Path(db_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    store = Store(db_url)
    store.migrate()
    yield store
    store.close()


def event(record_id: str, date: str | None, state: str = "accepted") -> Event:
    return Event(
        id=record_id,
        date=date,
        type="CONSULT",
        actors=["Mediators"],
        summary=f"Envoys met ({record_id}).",
        state=state,
        sources=[Evidence(source="src-wire")],
    )


def backdate(store: Store, object_id: str, when: dt.datetime) -> None:
    """Move an object's revisions into the past, as if written then."""
    with store.engine.begin() as conn:
        conn.execute(sa.update(revisions).where(revisions.c.object_id == object_id).values(at=when))


def test_latest_records_are_accepted_dated_newest_first_with_their_sources(store: Store) -> None:
    with store.writer("ana") as w:
        w.put(Source(id="src-wire", outlet="Harbour Wire", published="2025-02-03"))
        w.put(event("ev-early", "2025-01-05"))
        w.put(event("ev-late", "2025-02-03"))
        w.put(event("ev-middle", "2025-01-20"))
        w.put(event("ev-undated", None))
        w.put(event("ev-newest-candidate", "2025-03-01", state="candidate"))
    found = latest_records(store, 2)
    assert [e.record.id for e in found] == ["ev-late", "ev-middle"]
    assert [c.outlet for c in found[0].cited] == ["Harbour Wire"]


def test_changes_since_a_day_leave_out_older_revisions_and_name_every_action(
    store: Store,
) -> None:
    with store.writer("import") as w:
        w.put(Source(id="src-wire", outlet="Harbour Wire"))
        w.put(event("ev-old", "2025-01-05"))
        w.put(event("ev-reviewed", "2025-01-06", state="candidate"))
    long_ago = dt.datetime(2025, 1, 10, 12, 0, tzinfo=dt.UTC)
    for object_id in ("src-wire", "ev-old", "ev-reviewed"):
        backdate(store, object_id, long_ago)
    with store.writer("vera") as w:
        w.set_state("ev-reviewed", "accepted")
        w.put(event("ev-new", "2025-02-01"))
        w.put(event("ev-new", "2025-02-02"))  # an edit of the record just added

    today = dt.datetime.now(dt.UTC).date()
    recent = changes_since(store, today, limit=10)
    assert [c.object_id for c in recent.items] == ["ev-new", "ev-reviewed"]
    assert recent.items[0].actions == ("create", "edit")
    assert recent.items[1].actions == ("accept",)
    assert recent.items[1].by == "vera"
    assert recent.total == 2
    assert recent.by_action == {"create": 1, "edit": 1, "accept": 1}

    everything = changes_since(store, long_ago.date(), limit=1)
    assert everything.total == 4 and len(everything.items) == 1
    assert everything.items[0].object_id == "ev-new"
    assert everything.by_action == {"create": 4, "edit": 1, "accept": 1}
    assert changes_since(store, today + dt.timedelta(days=1), limit=10).total == 0
