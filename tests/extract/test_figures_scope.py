"""Which count a figure is, read from its own part of the sentence (no spaCy needed)."""

from __future__ import annotations

import pytest

from truceline.extract.figures import read_scope


def scope_of(sentence: str, figure: str) -> dict[str, object]:
    start = sentence.index(figure)
    return read_scope(sentence, start, start + len(figure), (0, len(sentence)))


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        (
            "Israel freed 90 prisoners in the first exchange, and nearly 2,000 over the phase.",
            "90",
            {"incident": "first exchange"},
        ),
        (
            "Israel freed 90 prisoners in the first exchange, and nearly 2,000 over the phase.",
            "2,000",
            {"period": "phase"},
        ),
        ("A strike on a school in Jabalia killed 9 people.", "9", {"incident": "strike"}),
        (
            "The health ministry said more than 47,000 people had been killed in the war.",
            "47,000",
            {"cumulative": True, "counted_by": "health ministry"},
        ),
        (
            "By evening the Gaza Health Ministry said 404 people had been killed.",
            "404",
            {"counted_by": "Gaza Health Ministry", "as_of": "evening"},
        ),
        ("Hamas freed three hostages on Sunday.", "three", {}),
    ],
)
def test_scope(sentence: str, figure: str, expected: dict[str, object]) -> None:
    assert scope_of(sentence, figure) == expected
