"""Dossier review: candidates, accept, reject, edit — every decision a revision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from truceline.agreement import Agreement
from truceline.app import Dossier, parse_assignments
from truceline.app.review import QueueFilter
from truceline.errors import ReviewError
from truceline.model import Evidence, Figure, Source, Statement

TEXT = "The UN said more than 600 trucks entered. “We are ready,” a Hamas official said."


@pytest.fixture
def dossier(tmp_path: Path, db_url: str) -> Iterator[Dossier]:
    with Dossier.init(tmp_path / "dossier", db_url) as opened:
        with opened.store.writer("ingest") as writer:
            writer.put(Source(id="src-1", outlet="Wire", text=TEXT))
            writer.put(Source(id="src-2", outlet="Other", text="Nothing here."))
            writer.put(
                Figure(
                    id="fig-1",
                    state="candidate",
                    confidence=0.6,
                    metric="aid_trucks",
                    value=600,
                    qualifier="more_than",
                    date="2025-01-20",
                    sources=[Evidence(source="src-1", start=12, end=32, text=TEXT[:41])],
                )
            )
            writer.put(
                Statement(
                    id="stm-1",
                    state="candidate",
                    confidence=0.8,
                    speaker="unknown",
                    quote="We are ready,",
                    sources=[Evidence(source="src-1", start=43, end=56)],
                )
            )
            writer.put(
                Statement(
                    id="stm-2",
                    speaker="Egypt",
                    quote="Talks resume.",
                    sources=[Evidence(source="src-2")],
                )
            )
        yield opened


def test_candidates(dossier: Dossier) -> None:
    assert [r.id for r in dossier.candidates()] == ["fig-1", "stm-1"]
    assert [r.id for r in dossier.candidates(kind="statement")] == ["stm-1"]
    assert dossier.candidates(source="src-2") == []
    with pytest.raises(ReviewError, match="unknown record kind"):
        dossier.candidates(kind="rumour")


def test_accept(dossier: Dossier) -> None:
    assert dossier.accept(["fig-1"], by="ana", note="checked") == {"fig-1": "edited"}
    assert dossier.store.get("fig-1").state == "accepted"  # type: ignore[union-attr]
    last = dossier.store.history("fig-1")[-1]
    assert (last.action, last.by, last.note) == ("accept", "ana", "checked")
    assert dossier.accept(["fig-1"], by="ana") == {"fig-1": "unchanged"}
    assert [r.id for r in dossier.candidates()] == ["stm-1"]


def test_reject_keeps_the_record(dossier: Dossier) -> None:
    dossier.reject(["stm-1", "fig-1"], by="ana", note="not about the truce")
    assert dossier.candidates() == []
    assert dossier.store.get("stm-1").state == "rejected"  # type: ignore[union-attr]
    assert [h.action for h in dossier.store.history("stm-1")] == ["create", "reject"]


def test_unknown_id_changes_nothing(dossier: Dossier) -> None:
    with pytest.raises(ReviewError, match="no record with id 'nope'"):
        dossier.accept(["fig-1", "nope"], by="ana")
    assert dossier.store.get("fig-1").state == "candidate"  # type: ignore[union-attr]
    with pytest.raises(ReviewError, match="no record with id 'src-1'"):
        dossier.reject(["src-1"], by="ana")
    with pytest.raises(ReviewError, match="no record ids"):
        dossier.accept([], by="ana")


def test_edit(dossier: Dossier) -> None:
    changes = parse_assignments(["speaker=a Hamas official", "affiliation=Hamas"])
    edited = dossier.edit("stm-1", changes, by="ana", note="speaker named")
    assert edited.speaker == "a Hamas official"  # type: ignore[union-attr]
    assert edited.state == "candidate"
    stored = dossier.store.get("stm-1")
    assert stored == edited
    last = dossier.store.history("stm-1")[-1]
    assert last.action == "edit" and last.by == "ana"
    assert last.before["speaker"] == "unknown"  # type: ignore[index]
    assert last.after["speaker"] == "a Hamas official"  # type: ignore[index]


def test_edit_and_accept(dossier: Dossier) -> None:
    edited = dossier.edit("fig-1", {"value": 630}, by="ana", accept=True)
    assert edited.state == "accepted" and edited.value == 630  # type: ignore[union-attr]
    assert dossier.store.history("fig-1")[-1].action == "accept"


def test_edit_clears_a_field(dossier: Dossier) -> None:
    edited = dossier.edit("fig-1", parse_assignments(["date="]), by="ana")
    assert edited.date is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"value": "lots"}, r"fig-1: value: Input should be a valid number"),
        ({"qualifier": "roughly"}, r"fig-1: qualifier: Input should be"),
        ({"speaker": "x"}, r"a figure has no field 'speaker'"),
        ({"id": "fig-2"}, r"id cannot be edited"),
        ({"state": "accepted"}, r"state cannot be edited \(use accept or reject\)"),
        ({}, r"nothing to change"),
    ],
)
def test_edit_is_validated(dossier: Dossier, changes: dict[str, object], message: str) -> None:
    with pytest.raises(ReviewError, match=message):
        dossier.edit("fig-1", changes, by="ana")
    assert len(dossier.store.history("fig-1")) == 1


def test_parse_assignments() -> None:
    assert parse_assignments(
        ["value=48000", "actors=Hamas, Israel", 'targets=["a","b"]', "speaker=123", "notes="]
    ) == {
        "value": 48000,
        "actors": ["Hamas", "Israel"],
        "targets": ["a", "b"],
        "speaker": "123",
        "notes": None,
    }
    with pytest.raises(ReviewError, match="expected FIELD=VALUE"):
        parse_assignments(["value"])


# ------------------------------------------------------------- what accepting decides

AID = {
    "id": "truce",
    "title": "A test truce",
    "parties": ["Israel", "Hamas"],
    "in_force": "2025-01-19",
    "phases": [{"id": "p1", "start": {"day": "day 1"}, "length_days": 10}],
    "obligations": [
        {
            "id": "aid-daily",
            "kind": "quota",
            "party": "Israel",
            "clause": {"ref": "Aid trucks per day", "text": "Six hundred trucks a day."},
            "phase": "p1",
            "metric": "aid_trucks",
            "unit": "one truck",
            "target": 600,
        }
    ],
}


@pytest.fixture
def tracked(dossier: Dossier) -> Dossier:
    """The dossier with an agreement whose daily quota the candidate figure counts toward."""
    with dossier.store.writer("import") as writer:
        writer.put(Agreement.model_validate(AID))
    return dossier


def test_a_candidate_count_would_turn_its_day_from_unreported_to_met(tracked: Dossier) -> None:
    what_if = tracked.what_if(as_of=dt.date(2025, 1, 25))
    found = {i: what_if.accepting([i]) for i in ("fig-1", "stm-1")}
    [change] = found["fig-1"].changes
    assert (change.obligation, change.clause, change.party) == (
        "aid-daily",
        "Aid trucks per day",
        "Israel",
    )
    assert (change.first, change.last) == (dt.date(2025, 1, 20), dt.date(2025, 1, 20))
    assert (change.before, change.after) == ("unreported", "met")
    # the undated statement decides no day of any obligation
    assert found["stm-1"].decides_nothing and found["stm-1"].cited == 0
    # asking changes nothing: the figure is still a candidate, its day still unreported
    assert tracked.store.get("fig-1").state == "candidate"  # type: ignore[union-attr]
    row = tracked.check(dt.date(2025, 1, 25)).get("aid-daily")
    assert row is not None and row.day(dt.date(2025, 1, 20)).status == "unreported"  # type: ignore[union-attr]


def test_consequences_of_a_set_and_of_an_accepted_record(tracked: Dossier) -> None:
    together = tracked.consequences(["fig-1", "stm-1"], as_of=dt.date(2025, 1, 25))
    assert [(c.first, c.after) for c in together.changes] == [(dt.date(2025, 1, 20), "met")]
    tracked.accept(["fig-1"], by="ana")
    assert tracked.consequences(["fig-1"], as_of=dt.date(2025, 1, 25)).decides_nothing
    with pytest.raises(ReviewError, match="no record with id 'nope'"):
        tracked.consequences(["nope"])


def test_waiting_decisions_are_all_or_nothing(dossier: Dossier) -> None:
    dossier.reject(["stm-1"], by="bob")
    with pytest.raises(ReviewError, match="stm-1 is no longer waiting for review"):
        dossier.accept(["fig-1", "stm-1"], by="ana", waiting=True)
    assert dossier.store.get("fig-1").state == "candidate"  # type: ignore[union-attr]
    assert dossier.store.get("stm-1").state == "rejected"  # type: ignore[union-attr]
    assert dossier.accept(["fig-1"], by="ana", waiting=True) == {"fig-1": "edited"}


def test_the_queue_filters(dossier: Dossier) -> None:
    def ids(**f: object) -> list[str]:
        return dossier.queue_ids(QueueFilter(**f))  # type: ignore[arg-type]

    assert ids() == ["fig-1", "stm-1"]
    assert ids(kind="statement") == ["stm-1"]
    assert ids(min_confidence=0.7) == ["stm-1"]
    assert ids(max_confidence=0.7) == ["fig-1"]
    assert ids(since="2025-01-20", until="2025-01-20") == ["fig-1"]  # undated: in no range
    assert ids(since="2025-01-21") == []
    assert ids(source="src-1") == ["fig-1", "stm-1"]
    assert ids(source="src-2") == []
    page = dossier.review_page(QueueFilter(kind="figure"), 1, 25)
    assert page.total == 1 and [e.record.id for e in page.entries] == ["fig-1"]
    choices = dossier.queue_choices()
    assert [sid for sid, _ in choices.sources] == ["src-1"]
    assert choices.sources[0][1] == "Wire"
