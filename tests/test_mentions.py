"""truceline.mentions: typed extraction results, their JSON and its parsing."""

from __future__ import annotations

import pytest

from truceline.mentions import (
    EventMention,
    Extraction,
    FigureMention,
    Quote,
    Timex,
    parse_extraction,
)
from truceline.vocab import (
    EventMode,
    EventType,
    FigureCategory,
    Precision,
    Qualifier,
    QuoteKind,
    TimexPrecision,
)

FIGURE = FigureMention(
    text="more than 400 people",
    start=40,
    end=60,
    value=400,
    qualifier=Qualifier.MORE_THAN,
    category=FigureCategory.KILLED,
    who="people",
    confidence=0.85,
    sentence=(0, 70),
)
RESULT = Extraction(
    quotes=(
        Quote(
            "We will respond", 0, 15, "an official", None, QuoteKind.DIRECT, 0.85, "say", (0, 30)
        ),
    ),
    timex=(Timex("on Tuesday", 20, 30, "2025-03-18", TimexPrecision.DAY, 0.9, (0, 30)),),
    figures=(FIGURE,),
    events=(
        EventMention(
            date="2025-03-18",
            precision=TimexPrecision.VAGUE,
            actors=("Israel",),
            type=EventType.ASSAULT,
            target=None,
            summary="Israel killed people",
            start=0,
            end=70,
            figures=(FIGURE,),
            confidence=0.7,
            mode=EventMode.PLANNED,
            sentence=(0, 70),
        ),
    ),
)


def test_json_keeps_the_interface_shape() -> None:
    data = RESULT.to_json()
    assert list(data) == ["quotes", "timex", "figures", "events"]
    assert list(data["events"][0]) == [
        "date", "precision", "actors", "type", "target", "summary", "start", "end",
        "negated", "figures", "confidence",
    ]  # fmt: skip
    assert data["events"][0]["precision"] == "vague" and data["events"][0]["actors"] == ["Israel"]
    assert data["figures"][0]["qualifier"] == "more_than"


def test_json_reads_back_without_the_typed_only_fields() -> None:
    parsed, skipped = parse_extraction(RESULT.to_json())
    assert skipped == 0
    assert parsed.to_json() == RESULT.to_json()
    assert parsed.events[0].mode is EventMode.ASSERTED  # not in the JSON
    assert parsed.quotes[0].sentence is None and parsed.quotes[0].kind is QuoteKind.DIRECT


@pytest.mark.parametrize(
    ("kind", "change"),
    [
        ("figures", {"qualifier": "more than"}),
        ("figures", {"category": "prisoners_released"}),
        ("figures", {"value": True}),
        ("timex", {"precision": "fortnight"}),
        ("events", {"type": "assault"}),
        ("events", {"mode": "rumoured"}),
        ("quotes", {"start": None}),
    ],
)
def test_words_outside_the_vocabulary_are_refused(kind: str, change: dict[str, object]) -> None:
    data = RESULT.to_json()
    data[kind][0].update(change)
    parsed, skipped = parse_extraction(data)
    assert skipped == 1 and getattr(parsed, kind) == ()


@pytest.mark.parametrize(
    ("extracted", "recorded"),
    [
        (TimexPrecision.DAY, Precision.DAY),
        (TimexPrecision.WEEK, Precision.WEEK),
        (TimexPrecision.MONTH, Precision.MONTH),
        (TimexPrecision.YEAR, Precision.YEAR),
        (TimexPrecision.VAGUE, Precision.APPROXIMATE),
        (TimexPrecision.RANGE, Precision.APPROXIMATE),
    ],
)
def test_extraction_precision_maps_to_the_records(
    extracted: TimexPrecision, recorded: Precision
) -> None:
    assert extracted.precision is recorded
