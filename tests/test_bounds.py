"""truceline.bounds: every dossier object holds only values later commands can store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from truceline.agreement.match import Match
from truceline.app import Dossier, parse_assignments
from truceline.bounds import explain_limit, storable_text
from truceline.errors import ReviewError
from truceline.model import Event, Figure, Revision, Term


def test_storable_text_keeps_length() -> None:
    assert storable_text("a\x00b\ud800c") == "a\ufffdb\ufffdc"


def event(**fields: object) -> Event:
    return Event(id="e", type="ASSAULT", summary="s", **fields)  # type: ignore[arg-type]


def at(year: int) -> dt.datetime:
    return dt.datetime(year, 1, 1, tzinfo=dt.UTC)


def revision(**fields: object) -> Revision:
    base: dict[str, object] = {"object_id": "e", "object_kind": "event", "at": at(2025)}
    return Revision(**{**base, "by": "me", "action": "edit", **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "loc", "sentence"),
    [
        (lambda: event(fatalities=2**63), ("fatalities",), "a whole number must fit in 64 bits"),
        (lambda: event(fatalities=-(2**63) - 1), ("fatalities",), "must be >= 0"),
        (lambda: Term(type="truce", days=2**64), ("days",), "a whole number must fit in 64 bits"),
        (lambda: Figure(id="f", metric="k", value=float("inf")), ("value",), "a finite number"),
        (lambda: Figure(id="f", metric="k", value=float("nan")), ("value",), "a finite number"),
        (lambda: Term(type="truce", text="\x00"), ("text",), "must not contain a NUL"),
        (lambda: event(actors=["ok", "a\x00"]), ("actors", 1), "must not contain a NUL"),
        (lambda: Match(keywords=["\ud800"]), ("keywords", 0), "must not contain a lone surrogate"),
        (
            lambda: revision(after={"k\x00": 1}),
            ("after", "k\x00", "[key]"),
            "must not contain a NUL",
        ),
        (lambda: revision(at=at(1799)), ("at",), None),
        (lambda: revision(at=at(2201)), ("at",), None),
    ],
)
def test_every_model_refuses_unstorable_values(
    build: object, loc: tuple[str, ...], sentence: str | None
) -> None:
    with pytest.raises(ValidationError) as info:
        build()  # type: ignore[operator]
    [error] = info.value.errors()
    assert error["loc"] == loc
    if sentence is None or sentence.startswith("must be"):
        assert explain_limit(error) is None  # pydantic's own message says it
    else:
        assert sentence in (explain_limit(error) or "")


def test_limits_accept_the_extremes() -> None:
    assert event(fatalities=2**63 - 1).fatalities == 2**63 - 1
    assert revision(at=at(1800)).at.year == 1800
    assert Term(type="truce", text="\ufffd ok").text == "\ufffd ok"


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("fatalities=9223372036854775808", "fatalities: a whole number must fit in 64 bits"),
        ("fatalities=" + "9" * 5000, "fatalities: Unable to parse input string as an integer"),
        ("notes=a\x00b", "notes: text must not contain a NUL character"),
        ("confidence=1e400", "confidence: expected a finite number"),
        ("date=0001-01-01", "date: the year must be between 1800 and 2200"),
    ],
)
def test_review_edit_refuses_what_import_refuses(
    tmp_path: Path, assignment: str, message: str
) -> None:
    with Dossier.init(tmp_path / "d") as dossier:
        with dossier.store.writer("me") as writer:
            writer.put(Event(id="ev-1", type="ASSAULT", summary="A strike", state="candidate"))
        with pytest.raises(ReviewError) as info:
            dossier.edit("ev-1", parse_assignments([assignment]), by="me")
        assert str(info.value).startswith(f"ev-1: {message}")
        assert dossier.store.get("ev-1").fatalities is None  # type: ignore[union-attr]
