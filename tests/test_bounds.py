"""truceline.bounds: every dossier object holds only values later commands can store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from truceline import review
from truceline.agreement.match import Match
from truceline.bounds import INT64_MAX, UNSTORABLE, problem, storable_text
from truceline.dossier import Dossier
from truceline.model import Event, Figure, Revision, Term
from truceline.review import ReviewError, parse_assignments


@pytest.mark.parametrize(
    "value",
    [0, -(2**63), INT64_MAX, True, 1.5, "text", "", dt.date(1800, 1, 1), None, ["a", {"k": 1}]],
)
def test_storable_values(value: object) -> None:
    assert problem(value) is None


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (2**63, "a whole number must fit in 64 bits"),
        (-(2**63) - 1, "a whole number must fit in 64 bits"),
        ("a\x00b", "text must not contain a NUL character"),
        ("\udfff", "text must not contain a lone surrogate (U+DFFF)"),
        (dt.datetime(9999, 12, 31, tzinfo=dt.UTC), "the year must be between 1800 and 2200"),
        (["ok", ["\x00"]], "text must not contain a NUL character"),
        ({"key\x00": 1}, "text must not contain a NUL character"),
        ({"n": 2**64}, "a whole number must fit in 64 bits"),
    ],
)
def test_unstorable_values(value: object, reason: str) -> None:
    assert (problem(value) or "").startswith(reason)


def test_storable_text_keeps_length() -> None:
    assert storable_text("a\x00b\ud800c") == "a\ufffdb\ufffdc"


@pytest.mark.parametrize(
    ("build", "loc"),
    [
        (lambda: Event(id="e", type="ASSAULT", summary="s", fatalities=2**63), ("fatalities",)),
        (lambda: Figure(id="f", metric="k", value=float("inf")), ("value",)),
        (lambda: Figure(id="f", metric="k", value=float("nan")), ("value",)),
        (lambda: Term(type="truce", text="\x00"), ("text",)),
        (lambda: Match(keywords=["\ud800"]), ("keywords",)),
        (
            lambda: Revision(
                object_id="e",
                object_kind="event",
                at=dt.datetime.now(dt.UTC),
                by="me",
                action="edit",
                after={"fatalities": 2**63},
            ),
            ("after",),
        ),
    ],
)
def test_every_model_refuses_unstorable_values(build: object, loc: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError) as info:
        build()  # type: ignore[operator]
    [error] = info.value.errors()
    assert error["loc"] == loc
    assert error["type"] in {UNSTORABLE, "finite_number"}


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("fatalities=9223372036854775808", "fatalities: a whole number must fit in 64 bits"),
        ("fatalities=" + "9" * 5000, "fatalities: Unable to parse input string as an integer"),
        ("notes=a\x00b", "notes: text must not contain a NUL character"),
        ("date=0001-01-01", "date: Value error, the year must be between 1800 and 2200"),
    ],
)
def test_review_edit_refuses_what_import_refuses(
    tmp_path: Path, assignment: str, message: str
) -> None:
    with Dossier.init(tmp_path / "d") as dossier:
        with dossier.store.writer("me") as writer:
            writer.put(Event(id="ev-1", type="ASSAULT", summary="A strike", state="candidate"))
        with pytest.raises(ReviewError) as info:
            review.edit(dossier.store, "ev-1", parse_assignments([assignment]), by="me")
        assert str(info.value).startswith(f"ev-1: {message}")
        assert dossier.store.get("ev-1").fatalities is None  # type: ignore[union-attr]
