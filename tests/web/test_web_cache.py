"""Caches and counts behind the fast pages: the dossier version read through
``PRAGMA data_version`` (every revision invalidates, from any connection or process),
cached timeline and compliance-cell HTML refreshed after an edit, the timeline form
shared by the pages of one filter, and counts driven from a filter's own rows equal
to plain counts for every combination of filters."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from truceline.app import DB_FILE, Dossier
from truceline.model import Event, Evidence, Source, Statement
from truceline.store import counts
from truceline.store.filters import TimelineFilter, timeline_where
from truceline.store.version import VersionWatch, version
from truceline.web import cache, create_app


@pytest.fixture
def web_client(dossier: Dossier, make_client) -> Iterator:  # type: ignore[no-untyped-def]
    app = create_app(dossier)
    with make_client(app) as c:
        c.app_state = app.state  # type: ignore[attr-defined]
        yield c


def _edit_summary(dossier: Dossier, text: str) -> None:
    event = dossier.store.get("ev-talks")
    assert event is not None
    with dossier.store.writer("test") as w:
        w.put(event.model_copy(update={"summary": text}))


def test_version_watch_follows_every_revision(dossier: Dossier) -> None:
    watch = VersionWatch(dossier.store)
    assert watch._conn is not None, "a SQLite file dossier is watched through data_version"
    first = watch()
    assert first == version(dossier.store)
    assert watch() == first  # nothing changed: no new read
    _edit_summary(dossier, "Talks resumed, edited")
    assert watch() == version(dossier.store) > first
    watch.close()


def test_version_watch_sees_other_connections_and_ignores_other_commits(
    dossier: Dossier,
) -> None:
    watch = VersionWatch(dossier.store)
    before = watch()
    other = sqlite3.connect(str(dossier.path / DB_FILE))  # as another process would
    try:
        # A commit that is not a revision leaves the version alone.
        other.execute("CREATE TABLE IF NOT EXISTS scratch(x)")
        other.execute("INSERT INTO scratch VALUES (1)")
        other.commit()
        assert watch() == before
        other.execute(
            "INSERT INTO revisions(object_kind, object_id, at, by, action) "
            "VALUES ('dossier', 'x', ?, 'other', 'create')",
            (dt.datetime.now(dt.UTC).isoformat(),),
        )
        other.commit()
        assert watch() == before + 1
    finally:
        other.close()
        watch.close()


def test_in_memory_store_reads_the_version_every_time() -> None:
    from truceline.store import Store

    store = Store("sqlite://")
    store.migrate()
    watch = VersionWatch(store)
    assert watch._conn is None
    assert watch() == version(store)


def test_cached_timeline_shows_an_edit_at_once(web_client) -> None:  # type: ignore[no-untyped-def]
    dossier = web_client.app_state.web.dossier
    assert "Talks resumed" in web_client.get("/timeline").text
    assert "Talks resumed" in web_client.get("/timeline?q=talks").text
    assert web_client.get("/timeline?q=zanzibar").text.count('class="entry') == 0
    _edit_summary(dossier, "Zanzibar talks resumed")
    page = web_client.get("/timeline").text
    assert "Zanzibar talks resumed" in page
    found = web_client.get("/timeline?q=zanzibar").text
    assert "Zanzibar talks resumed" in found and "1 record " in found


def test_timeline_form_is_shared_by_the_pages_of_a_filter(web_client) -> None:  # type: ignore[no-untyped-def]
    snapshot = web_client.app_state.web.snapshot
    web_client.get("/timeline?kind=event")
    web_client.get("/timeline?kind=event&page=2")
    forms = [k for k in snapshot._cache if k.startswith("fragment|timeline_form.html")]
    assert len(forms) == 1
    html = web_client.get("/timeline?kind=event&page=2").text
    assert '<option value="event" selected>' in html
    web_client.get("/timeline?kind=statement")
    forms = [k for k in snapshot._cache if k.startswith("fragment|timeline_form.html")]
    assert len(forms) == 2


def test_snapshot_recomputes_after_any_revision(dossier: Dossier) -> None:
    snapshot = cache.Snapshot(dossier)
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert snapshot.get("k", compute) == 1
    assert snapshot.get("k", compute) == 1  # cached
    _edit_summary(dossier, "Talks resumed, once more")
    assert snapshot.get("k", compute) == 2  # the revision emptied the cache
    with dossier.store.writer("test") as w:
        w.set_state("ev-candidate", "accepted")  # type: ignore[arg-type]
    assert snapshot.get("k", compute) == 3
    assert snapshot.get("k", compute) == 3


EXAMPLE = Path(__file__).parents[2] / "examples" / "gaza-2025"


def test_compliance_cell_is_cached_and_refreshed(tmp_path: Path, make_client) -> None:  # type: ignore[no-untyped-def]
    dossier = Dossier.init(tmp_path / "gaza")
    dossier.import_dir(EXAMPLE)
    app = create_app(dossier)
    w = app.state.web
    url = "/compliance/cell?obligation=aid-trucks-daily&day=2025-01-19"
    with make_client(app) as client:
        full = client.get(url)
        assert full.status_code == 200, full.text[:300]
        partial = client.get(url, headers={"hx-request": "true"})
        assert partial.status_code == 200
        assert "<html" not in partial.text and "<html" in full.text
        assert partial.text.strip() in full.text  # the same cached body, inside the page
        keys = [k for k in w.snapshot._cache if k.startswith("fragment|compliance_cell.html")]
        assert len(keys) == 1
        before = w.snapshot._version
        figure = next(r for r in dossier.store.records(kind="figure") if r.metric == "aid_trucks")  # type: ignore[union-attr]
        with dossier.store.writer("test") as writer:
            writer.put(figure.model_copy(update={"notes": "checked again"}))
        assert client.get(url).status_code == 200
        assert w.snapshot._version == version(dossier.store) > before
        assert (
            client.get("/compliance/cell?obligation=aid-trucks-daily&day=1999-01-01").status_code
            == 404
        )
    dossier.close()


@pytest.fixture
def varied(dossier: Dossier) -> Dossier:
    """Records over two outlets, with citations of both, shared words and parties."""
    with dossier.store.writer("test") as w:
        w.put(Source(id="src-a", outlet="Alpha", url="https://example.org/a"))
        w.put(Source(id="src-a2", outlet="Alpha", url="https://example.org/a2"))
        w.put(Source(id="src-b", outlet="Beta", url="https://example.org/b"))
        for i in range(40):
            sources = [Evidence(source="src-a" if i % 2 else "src-b")]
            if i % 5 == 0:
                sources.append(Evidence(source="src-a2"))  # two Alpha sources: counted once
            if i % 3 == 0:
                w.put(
                    Statement(
                        id=f"cv-st-{i:02d}",
                        date=f"2025-03-{1 + i % 20:02d}" if i % 7 else None,
                        speaker="Counter Speaker",
                        affiliation="Egypt" if i % 2 else "Qatar",
                        quote=f"We count {'convoy' if i % 4 else 'crossing'} words {i}",
                        state="candidate" if i % 11 == 0 else "accepted",
                        sources=sources,
                    )
                )
            else:
                w.put(
                    Event(
                        id=f"cv-ev-{i:02d}",
                        date=f"2025-03-{1 + i % 20:02d}" if i % 9 else None,
                        type="AID" if i % 2 else "ASSAULT",
                        actors=["Egypt" if i % 3 else "Qatar"],
                        summary=f"Counted event {'convoy' if i % 4 else 'crossing'} {i}",
                        state="rejected" if i % 13 == 0 else "accepted",
                        sources=sources,
                    )
                )
    return dossier


def test_driven_counts_equal_plain_counts(varied: Dossier) -> None:
    store = varied.store
    options = {
        "q": ["", "convoy", "counted convoy", "cross*"],
        "kind": ["", "event", "statement"],
        "type": ["", "AID"],
        "party": ["", "Egypt"],
        "outlet": ["", "Alpha", "Beta"],
        "state": ["accepted", ""],
    }
    checked = 0
    with store.engine.connect() as conn:
        for values in itertools.product(*options.values()):
            f = TimelineFilter(**dict(zip(options, values, strict=True)))
            plain = counts.count_matches(conn, timeline_where(store.dialect, f), None)
            driven = counts.count_filter(conn, store.dialect, f, None)
            assert driven == plain, f
            for cap in (0, 2, 5):
                assert counts.count_filter(conn, store.dialect, f, cap) == min(plain, cap + 1), (
                    f,
                    cap,
                )
            checked += bool(counts.count_driver(store.dialect, f))
    assert checked > 100


def test_new_indexes_exist(dossier: Dossier) -> None:
    from truceline.store.schema import ORDER_INDEXES

    inspector = sa.inspect(dossier.store.engine)
    for name, table, columns in ORDER_INDEXES:
        found = {i["name"]: i["column_names"] for i in inspector.get_indexes(table)}
        assert found.get(name) == list(columns)
    with dossier.store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0007"


def test_fragments_cannot_push_out_heavy_computations(dossier: Dossier) -> None:
    snapshot = cache.Snapshot(dossier, size=4)
    ledger_runs: list[int] = []

    def ledger() -> str:
        ledger_runs.append(1)
        return "ledger"

    snapshot.get("ledger:None", ledger, heavy=True)
    for i in range(20):  # a burst of new URLs
        snapshot.get(f"fragment|{i}", lambda: "html")
    assert len(snapshot._cache) == 4
    assert snapshot.get("ledger:None", ledger, heavy=True) == "ledger"
    assert len(ledger_runs) == 1
    assert snapshot.peek("fragment|19") == "html"
    assert snapshot.peek("fragment|0") is cache.MISSING
    assert snapshot.peek("ledger:None") is cache.MISSING  # peek is for fragments only
    _edit_summary(dossier, "Talks resumed, heavy")
    snapshot.get("ledger:None", ledger, heavy=True)
    assert len(ledger_runs) == 2
