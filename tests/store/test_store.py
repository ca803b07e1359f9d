"""The store keeps every change: the same tests on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from truceline.errors import StoreError
from truceline.model import Event, Evidence, Source, Statement
from truceline.store import Store


@pytest.fixture
def store(db_url: str) -> Store:
    if db_url.startswith("sqlite:///"):
        from pathlib import Path

        Path(db_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    store = Store(db_url)
    store.migrate()
    yield store
    store.close()


def source() -> Source:
    return Source(
        id="s1", outlet="Example Wire", published="2025-03-18", text="Strikes resumed overnight."
    )


def event(**changes: object) -> Event:
    base = dict(
        id="e1",
        date="2025-03-18",
        type="ASSAULT",
        actors=["Israel"],
        summary="Gaza's health ministry says strikes resumed across the strip.",
        claimed_by="Gaza Health Ministry",
        sources=[Evidence(source="s1", start=0, end=26)],
    )
    return Event.model_validate({**base, **changes})


def test_create_edit_and_read_history_back(store: Store) -> None:
    with store.writer("alice") as w:
        assert w.put(source()) == "created"
        assert w.put(event()) == "created"
    with store.writer("bob") as w:
        assert w.put(event(fatalities=404), note="toll by noon") == "edited"

    assert store.get("e1").fatalities == 404
    history = store.history("e1")
    assert [(r.action, r.by) for r in history] == [("create", "alice"), ("edit", "bob")]
    assert history[0].before is None
    assert history[0].at.tzinfo is not None and history[0].at <= history[1].at
    assert "fatalities" not in history[0].after
    assert history[1].before["summary"] == history[1].after["summary"]
    assert history[1].after["fatalities"] == 404
    assert history[1].note == "toll by noon"


def test_unchanged_put_writes_no_revision(store: Store) -> None:
    with store.writer("a") as w:
        w.put(source())
        w.put(event())
    with store.writer("a") as w:
        assert w.put(event()) == "unchanged"
    assert len(store.history("e1")) == 1


def test_reject_is_a_state_not_a_deletion(store: Store) -> None:
    with store.writer("a") as w:
        w.put(source())
        w.put(event(state="candidate"))
    with store.writer("reviewer") as w:
        assert w.set_state("e1", "rejected", note="duplicate") == "edited"
    assert store.get("e1").state == "rejected"
    assert [r.id for r in store.records(states=("rejected",))] == ["e1"]
    assert store.records(states=("accepted",)) == []
    assert [r.action for r in store.history("e1")] == ["create", "reject"]


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.writer("a") as w:
        w.put(source())
        raise RuntimeError("crash mid-run")
    assert store.get("s1") is None
    assert store.history("s1") == []


def test_id_reused_for_another_kind_is_refused(store: Store) -> None:
    with store.writer("a") as w:
        w.put(source())
        w.put(event())
    with pytest.raises(StoreError, match="already used by a event"), store.writer("a") as w:
        w.put(Statement(id="e1", speaker="X", quote="q"))


def test_foreign_key_to_sources_is_enforced(store: Store) -> None:
    with pytest.raises(sa.exc.IntegrityError), store.writer("a") as w:
        w.put(event())  # cites s1, which is not stored


def test_views_spread_each_kind_into_columns(store: Store) -> None:
    with store.writer("a") as w:
        w.put(source())
        w.put(event())
    with store.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT id, event_type, location FROM events")).one()
        spans = conn.execute(
            sa.text("SELECT source_id, span_start, span_end FROM record_sources")
        ).one()
    assert tuple(row) == ("e1", "ASSAULT", None)
    assert tuple(spans) == ("s1", 0, 26)


def test_records_come_in_date_order_undated_last(store: Store) -> None:
    with store.writer("a") as w:
        w.put(source())
        w.put(event(id="late", date="2025-03-20"))
        w.put(event(id="undated", date=None))
        w.put(event(id="month", date="2025-03"))
    assert [r.id for r in store.records()] == ["month", "late", "undated"]
