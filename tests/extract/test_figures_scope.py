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
        (
            "In the days since the strikes resumed on March 18, which killed more than 890 people",
            "890",
            {"cumulative": True},
        ),
        ("Hamas freed three hostages on Sunday.", "three", {}),
    ],
)
def test_scope(sentence: str, figure: str, expected: dict[str, object]) -> None:
    assert scope_of(sentence, figure) == expected


def test_ingest_keeps_the_scope_and_leaves_shares_out() -> None:
    from truceline.ingest import candidates
    from truceline.mentions import Extraction, FigureMention
    from truceline.model import Figure, Source
    from truceline.vocab import FigureCategory, Qualifier

    text = "Israel freed 90 prisoners in the first exchange, nearly half of them minors."
    source = Source(id="s", outlet="The Ledger", published="2025-01-19", text=text)
    count = FigureMention(
        text="90 prisoners",
        start=13,
        end=25,
        value=90,
        qualifier=Qualifier.EXACT,
        category=FigureCategory.PRISONERS,
        incident="first exchange",
        counted_by="IPS",
    )
    share = FigureMention(
        text="nearly half of them minors",
        start=49,
        end=75,
        value=0.5,
        qualifier=Qualifier.HALF,
        category=FigureCategory.PRISONERS,
    )
    records = candidates(Extraction(figures=(count, share)), source).records
    figures = [r for r in records if isinstance(r, Figure)]
    assert [(f.value, f.incident, f.counted_by) for f in figures] == [
        (90.0, "first exchange", "IPS")
    ]
