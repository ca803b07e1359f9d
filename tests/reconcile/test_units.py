"""Incremental reconciliation: after any sequence of writes, the kept disputes are those
``detect_disputes`` finds over the whole dossier, and a write touches only its neighbours."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
import sqlalchemy as sa

from truceline.app import Dossier
from truceline.app.reconcile import kept_disputes
from truceline.model import (
    Event,
    Evidence,
    Figure,
    Proposal,
    Record,
    Response,
    ReviewState,
    Source,
    Statement,
)
from truceline.reconcile import detect_disputes
from truceline.reconcile.units import units_of
from truceline.store import reconciled

START = dt.date(2025, 1, 18)
OUTLETS = ["Coastal Wire", "Harbour Daily", "Valley Post", "Ridge Times"]
ACTORS = [["Israel"], ["IDF"], ["Israeli army"], ["Hamas"], ["Hamas", "Israel"]]
VERBS = ["strike hit", "air strike hit", "shelling struck", "raid targeted", "drone attack hit"]
PLACES = ["Rafah", "Khan Younis", "Jabalia", "Deir al-Balah"]
SAYINGS = [
    "Hamas rejected the Egyptian proposal",
    "Hamas accepted the Egyptian proposal",
    "Hamas did not reject the Egyptian proposal",
    "Israel received no proposal from Egypt",
    "Israel responded positively to the Egyptian proposal",
]


def _day(rng: random.Random) -> str:
    return (START + dt.timedelta(days=rng.randrange(6))).isoformat()


def _article(rng: random.Random, n: int) -> list[Source | Record]:
    """One outlet's report: an event or two, a figure, a statement, sometimes an answer."""
    source = Source(id=f"src-{n}", outlet=rng.choice(OUTLETS), published=_day(rng), text="x")
    cite = [Evidence(source=source.id, text="x")]
    state = ReviewState.ACCEPTED if rng.random() < 0.8 else ReviewState.CANDIDATE
    out: list[Source | Record] = [source]
    for k in range(rng.randrange(1, 3)):
        place = rng.choice(PLACES)
        out.append(
            Event(
                id=f"ev-{n}-{k}",
                date=_day(rng),
                type=rng.choice(["ASSAULT", "ASSAULT", "RETREAT"]),
                actors=rng.choice(ACTORS),
                summary=f"A {rng.choice(VERBS)} a house in {place}",
                location=place if rng.random() < 0.5 else None,
                fatalities=rng.choice([None, 3, 4, 9]),
                occurred=False if rng.random() < 0.1 else None,
                sources=cite,
                state=state,
            )
        )
    scope = rng.choice([{}, {"cumulative": True}, {"incident": "strike on the school"}])
    out.append(
        Figure(
            id=f"fig-{n}",
            date=_day(rng),
            metric=rng.choice(["killed", "deaths", "aid_trucks"]),
            value=float(rng.choice([230, 330, 404, 600])),
            qualifier=rng.choice(["exact", "at_least", "about"]),
            counted_by=rng.choice([None, "the health ministry", "OCHA"]),
            sources=cite,
            state=state,
            **scope,
        )
    )
    out.append(
        Statement(
            id=f"st-{n}",
            date=_day(rng) if rng.random() < 0.9 else None,  # undated: compared with all
            speaker=rng.choice(["Taher al-Nunu", "an Israeli official", "Osama Hamdan"]),
            quote=rng.choice(SAYINGS),
            mode="indirect",
            sources=cite,
            state=state,
        )
    )
    if rng.random() < 0.4:
        out.append(
            Response(
                id=f"resp-{n}",
                date=_day(rng),
                party="Hamas",
                proposal="prop-egypt",
                stance=rng.choice(["accept", "reject", "conditional"]),
                sources=cite,
                state=state,
            )
        )
    return out


def _scratch(dossier: Dossier) -> list[dict[str, object]]:
    store = dossier.store
    found = detect_disputes(store.records(states=("accepted",)), store.sources(), store.disputes())
    return [d.model_dump(mode="json") for d in found]


def _kept(dossier: Dossier) -> list[dict[str, object]]:
    return [d.model_dump(mode="json") for d in kept_disputes(dossier.store)]


def _edit(rng: random.Random, dossier: Dossier) -> None:
    """One write of a reviewer or an ingest: new article, accept, reject, re-date, rename."""
    store = dossier.store
    records = store.records()
    choice = rng.random()
    with store.writer("test") as w:
        if choice < 0.4 or not records:
            for obj in _article(rng, len(store.sources()) + rng.randrange(10**6)):
                w.put(obj)
        elif choice < 0.6:
            w.set_state(rng.choice(records).id, ReviewState.ACCEPTED)
        elif choice < 0.75:
            w.set_state(rng.choice(records).id, ReviewState.REJECTED)
        elif choice < 0.9:
            record = rng.choice(records)
            w.put(record.model_copy(update={"date": _day(rng)}))
        else:
            source = rng.choice(store.sources())
            w.put(source.model_copy(update={"outlet": rng.choice(OUTLETS)}))


@pytest.mark.parametrize("seed", range(8))
def test_kept_disputes_equal_a_fresh_reconciliation_after_every_write(
    tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    dossier = Dossier.init(tmp_path / "d")
    with dossier.store.writer("test") as w:
        w.put(Proposal(id="prop-egypt", date="2025-01-18", title="Egypt's plan", proposer="Egypt"))
        for n in range(6):
            for obj in _article(rng, n):
                w.put(obj)
    seen = 0
    for _ in range(25):
        _edit(rng, dossier)
        assert _kept(dossier) == _scratch(dossier)
        seen += len(_scratch(dossier))
    assert seen > 0, "the writes made no dispute to compare"
    dossier.close()


def _links(dossier: Dossier) -> int:
    with dossier.store.engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT count(*) FROM reconcile_links")).scalar() or 0)


def test_a_write_reconciles_only_the_units_it_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(42)
    dossier = Dossier.init(tmp_path / "d")
    with dossier.store.writer("test") as w:
        w.put(Proposal(id="prop-egypt", date="2025-01-18", title="Egypt's plan", proposer="Egypt"))
        for n in range(40):
            for obj in _article(rng, n):
                w.put(obj)
    kept_disputes(dossier.store)  # the whole dossier, once
    assert _links(dossier) > 0
    loaded: list[int] = []
    real = reconciled.load_records
    monkeypatch.setattr(
        reconciled, "load_records", lambda conn, ids: loaded.append(len(ids)) or real(conn, ids)
    )
    with dossier.store.writer("test") as w:
        w.put(
            Statement(
                id="st-new",
                date="2025-01-19",
                speaker="Basem Naim",
                quote="Hamas accepted the Egyptian proposal",
                state="accepted",
                sources=[Evidence(source="src-1", text="x")],
            )
        )
    assert _kept(dossier) == _scratch(dossier)
    total = len(dossier.store.records())
    assert loaded and max(loaded) < total / 4, (loaded, total)
    dossier.close()


def test_units_of_a_figure_are_its_subject_and_a_rejected_record_has_none() -> None:
    figure = Figure(id="f", date="2025-01-19", metric="killed", value=3, state="accepted")
    other = figure.model_copy(update={"id": "g", "metric": "deaths", "value": 4})
    assert units_of(figure) == units_of(other)  # synonyms count the same thing
    assert units_of(figure.model_copy(update={"state": "rejected"})) == []
    assert units_of(figure.model_copy(update={"incident": "the strike"})) != units_of(figure)


@pytest.mark.parametrize("seed", range(5))
def test_events_cluster_alike_whole_and_by_components_of_merge_links(seed: int) -> None:
    from truceline.reconcile import merge_events
    from truceline.reconcile.merge import merge_links

    rng = random.Random(seed)
    events = [r for n in range(60) for r in _article(rng, n) if isinstance(r, Event)]
    whole = {tuple(sorted(e.id for e in m.events)) for m in merge_events(events)}
    parent = {e.id: e.id for e in events}

    def root(i: str) -> str:
        while parent[i] != i:
            i = parent[i]
        return i

    links = merge_links(events)
    for a, b in links:
        parent[root(a)] = root(b)
    parts: dict[str, list[Event]] = {}
    for e in events:
        parts.setdefault(root(e.id), []).append(e)
    by_parts = {
        tuple(sorted(e.id for e in m.events)) for part in parts.values() for m in merge_events(part)
    }
    assert by_parts == whole
    assert any(len(c) > 1 for c in whole), "nothing merged: the check would be empty"


def test_a_review_decision_commits_with_its_reconciliation(tmp_path: Path) -> None:
    from truceline.app.reconciling import settings

    rng = random.Random(3)
    dossier = Dossier.init(tmp_path / "d")
    with dossier.store.writer("test") as w:
        w.put(Proposal(id="prop-egypt", date="2025-01-18", title="Egypt's plan", proposer="Egypt"))
        for n in range(10):
            for obj in _article(rng, n):
                w.put(obj)
    kept_disputes(dossier.store)
    waiting = [r.id for r in dossier.store.records(states=("candidate",))]
    assert len(waiting) >= 4
    assert reconciled.is_current(dossier.store, settings())
    dossier.accept(waiting[:3], by="test")
    assert reconciled.is_current(dossier.store, settings())  # nothing left for a read to do
    dossier.edit(waiting[3], {"date": "2025-01-20"}, by="test", accept=True)
    assert reconciled.is_current(dossier.store, settings())
    assert _kept(dossier) == _scratch(dossier)
    dossier.close()
