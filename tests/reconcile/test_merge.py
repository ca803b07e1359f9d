from __future__ import annotations

from truceline.model import Event, Source
from truceline.reconcile import event_similarity, merge_events

SOURCES = {
    "a": Source(id="a", outlet="Outlet A"),
    "b": Source(id="b", outlet="Outlet B"),
    "c": Source(id="c", outlet="Outlet C"),
}


def ev(id: str, source: str, date: str, type: str, actors: list[str], summary: str, **kw) -> Event:
    return Event(
        id=id,
        date=date,
        type=type,
        actors=actors,
        summary=summary,
        sources=[{"source": source}],
        **kw,
    )


def test_variant_spellings_merge_and_other_happenings_stay_apart() -> None:
    events = [
        ev(
            "a1",
            "a",
            "2025-03-12",
            "CONSULT",
            ["Witkoff"],
            "Witkoff presents bridge proposal in Doha",
        ),
        ev(
            "b1",
            "b",
            "2025-03-12",
            "CONSULT",
            ["Whitkoff"],
            "Whitkoff tables a bridge proposal, Doha",
        ),
        ev(
            "c1",
            "c",
            "2025-03-13",
            "CONSULT",
            ["Steve Witkoff"],
            "US envoy's bridge proposal in Doha",
        ),
        ev(
            "a2",
            "a",
            "2025-03-12",
            "CONSULT",
            ["Hamas"],
            "Hamas delegation meets Egyptian mediators",
        ),
        ev(
            "b2",
            "b",
            "2025-03-16",
            "CONSULT",
            ["Witkoff"],
            "Witkoff calls Hamas offer a non-starter",
        ),
    ]
    merged = merge_events(events, SOURCES)
    assert sorted(sorted(e.id for e in m.events) for m in merged) == [
        ["a1", "b1", "c1"],
        ["a2"],
        ["b2"],
    ]
    bridge = next(m for m in merged if len(m.events) == 3)
    assert bridge.outlets == ["Outlet A", "Outlet B", "Outlet C"]
    assert bridge.date == "2025-03-12" and bridge.last_date == "2025-03-13"
    assert bridge.actors[0] in {"Witkoff", "Whitkoff", "Steve Witkoff"}
    assert len(bridge.actors) == 1
    assert bridge.accounts[0] == "Outlet A says: Witkoff presents bridge proposal in Doha"


def test_hard_constraints() -> None:
    a = ev("a", "a", "2025-03-12", "ASSAULT", ["Israel"], "Strike on Jabalia")
    same_source = ev("b", "a", "2025-03-12", "ASSAULT", ["Israel"], "Strike on Jabalia")
    other_type = ev("c", "b", "2025-03-12", "RELEASE", ["Israel"], "Strike on Jabalia")
    too_late = ev("d", "b", "2025-03-15", "ASSAULT", ["Israel"], "Strike on Jabalia")
    assert event_similarity(a, same_source) is None
    assert event_similarity(a, other_type) is None
    assert event_similarity(a, too_late) is None
    assert event_similarity(a, too_late, tolerance_days=3) is not None


def test_merged_json() -> None:
    events = [
        ev("a1", "a", "2025-02-09", "RETREAT", ["IDF"], "IDF withdraws from Netzarim corridor"),
        ev(
            "b1",
            "b",
            "2025-02-09",
            "RETREAT",
            ["IDF"],
            "Israeli troops leave the Netzarim corridor",
        ),
    ]
    (m,) = merge_events(events, SOURCES)
    data = m.to_json()
    assert data["records"] == ["a1", "b1"] and data["sources"] == ["a", "b"]
    assert data["contested"] is False
