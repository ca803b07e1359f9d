from __future__ import annotations

import pytest

from truceline.model import Proposal
from truceline.negotiation import NegotiationError, apply_set, edited

P = Proposal(
    id="p",
    title="T",
    proposer="X",
    terms=[{"type": "release_captives", "living": 10, "deceased": 18}],
)


def test_set_nested_append_and_clear() -> None:
    new = edited(
        P,
        [
            "terms[0].living=5",
            "terms[0].deceased=10",
            'terms[+]={type: talks, phase: "2"}',
            "mediators=[Qatar, Egypt]",
            "date=2025-03-14",
        ],
    )
    assert (new.terms[0].living, new.terms[0].deceased) == (5, 10)
    assert new.terms[1].type == "talks" and new.terms[1].phase == "2"
    assert new.mediators == ["Qatar", "Egypt"] and new.date == "2025-03-14"
    assert edited(new, ["date=null"]).date is None
    assert edited(new, ["terms[1]=null"]).terms == new.terms[:1]


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("terms[0].living=-1", "terms[0].living: Input should be greater than or equal to 0"),
        ("terms[0].type=truce2", "terms[0].type: expected"),
        ("terms[3].living=1", "index 3 is out of range"),
        ("colour=red", "colour: unknown field"),
        ("id=q", "cannot be changed"),
        ("nonsense", "expected field=value"),
        ("terms[x]=1", "bad field path"),
    ],
)
def test_bad_edits_are_refused(assignment: str, message: str) -> None:
    with pytest.raises(NegotiationError, match=message.replace("[", r"\[").replace("]", r"\]")):
        edited(P, [assignment])


def test_apply_set_in_place() -> None:
    data: dict = {}
    apply_set(data, "conditions[+]=talks start")
    assert data == {"conditions": ["talks start"]}
