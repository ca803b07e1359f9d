"""truceline.ingest._candidates: extraction output → candidate records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from truceline.ingest import candidates, make_source
from truceline.ingest._options import IngestOptions
from truceline.model import Event, Figure, Source, Statement

TEXT = (Path(__file__).parent / "fixtures" / "truce-first-day.txt").read_text()


def span(words: str) -> dict[str, Any]:
    start = TEXT.index(words)
    return {"text": words, "start": start, "end": start + len(words)}


def extraction() -> dict[str, Any]:
    quote = "This is the first step, and it must not be the last,"
    return {
        "quotes": [
            {
                **span(quote),
                "speaker": "a Qatari official",
                "affiliation": "Qatar",
                "kind": "direct",
                "confidence": 0.9,
            }
        ],
        "timex": [
            {**span("early on Monday"), "value": "2025-01-20", "precision": "day"},
            {**span("on Sunday"), "value": "2025-01-19", "precision": "day"},
        ],
        "figures": [
            {
                **span("90 Palestinian prisoners"),
                "value": 90,
                "qualifier": None,
                "category": "prisoners_released",
                "who": "Palestinian prisoners",
                "confidence": 0.7,
            },
            {
                **span("more than 600 aid trucks"),
                "value": 600,
                "qualifier": "more than",
                "category": "aid_trucks",
            },
        ],
        "events": [
            {
                **span("released 90 Palestinian prisoners from Ofer prison"),
                "date": "2025-01-20",
                "precision": "day",
                "actors": ["Israel"],
                "type": "release",
                "target": "Palestinian prisoners",
                "summary": "Israel released 90 Palestinian prisoners",
                "confidence": 0.8,
            }
        ],
    }


@pytest.fixture
def source() -> Source:
    return make_source(TEXT, IngestOptions(), outlet="Gulf Desk", published="2025-01-20")


def test_records_of_each_kind(source: Source) -> None:
    records, skipped = candidates(extraction(), source)
    assert skipped == 0
    statement, fig_prisoners, fig_trucks, event = records
    assert isinstance(statement, Statement)
    assert statement.speaker == "a Qatari official" and statement.affiliation == "Qatar"
    assert statement.mode == "direct" and statement.confidence == 0.9
    assert statement.claimed_by == "Gulf Desk"
    assert isinstance(fig_prisoners, Figure)
    assert fig_prisoners.metric == "prisoners_released" and fig_prisoners.value == 90
    assert fig_prisoners.qualifier == "exact" and fig_prisoners.who == "Palestinian prisoners"
    assert isinstance(fig_trucks, Figure) and fig_trucks.qualifier == "more_than"
    assert fig_trucks.confidence == 0.5  # no confidence given: the default
    assert isinstance(event, Event)
    assert event.type == "RELEASE" and event.actors == ["Israel"]
    assert event.targets == ["Palestinian prisoners"]
    assert event.date == "2025-01-20" and event.date_precision == "day"
    assert {r.state for r in records} == {"candidate"}


def test_evidence_has_the_span_and_its_sentence(source: Source) -> None:
    statement = candidates(extraction(), source).records[0]
    [evidence] = statement.sources
    assert evidence.source == source.id
    assert TEXT[evidence.start : evidence.end] == statement.quote
    assert evidence.text == (
        '"This is the first step, and it must not be the last," a Qatari official told '
        "reporters in Doha."
    )


def test_dates_come_from_a_timex_in_the_sentence(source: Source) -> None:
    records = candidates(extraction(), source).records
    prisoners = records[1]
    assert prisoners.date == "2025-01-20"  # "early on Monday", same sentence
    trucks = records[2]
    assert trucks.date == "2025-01-20"  # no timex in its sentence: the published date


def test_ids_are_stable(source: Source) -> None:
    first = [r.id for r in candidates(extraction(), source).records]
    again = [r.id for r in candidates(extraction(), source).records]
    assert first == again
    assert len(set(first)) == len(first)
    assert first[0].startswith("stm-") and first[1].startswith("fig-")
    assert first[3].startswith("evt-")


def test_same_span_twice_gets_distinct_ids(source: Source) -> None:
    data = extraction()
    data["events"].append({**data["events"][0], "type": "AGREE"})
    ids = [r.id for r in candidates(data, source).records]
    assert len(set(ids)) == len(ids)
    assert ids[-1] == ids[-2] + ".2"


def test_auto_accept_threshold(source: Source) -> None:
    records = candidates(extraction(), source, auto_accept=0.8).records
    states = {r.id: (r.confidence, r.state) for r in records}
    assert sorted(s for _, s in states.values()) == [
        "accepted",
        "accepted",
        "candidate",
        "candidate",
    ]
    for confidence, state in states.values():
        assert (state == "accepted") == (confidence >= 0.8)


def test_unusable_items_are_skipped(source: Source) -> None:
    data = {
        "quotes": [{"text": "", "start": 0, "end": 0}, "not a dict"],
        "figures": [{"text": "many", "value": None, "category": "killed"}],
        "events": [{"type": "DANCE", "summary": "x"}, {"type": "AGREE", "summary": "y"}],
    }
    records, skipped = candidates(data, source)
    assert skipped == 4
    assert [r.kind for r in records] == ["event"]


def test_missing_or_bad_spans_keep_the_record_without_offsets(source: Source) -> None:
    data = {
        "quotes": [{"text": "We will respond", "speaker": None, "start": 5, "end": 99999}],
        "events": [{"type": "ASSAULT", "summary": "strike reported", "date": "yesterday"}],
    }
    statement, event = candidates(data, source).records
    assert statement.speaker == "unknown"
    assert statement.sources[0].start is None and statement.sources[0].text == "We will respond"
    assert event.date is None  # an unreadable date is dropped, the event kept


def test_indirect_quotes_and_confidence_clamped(source: Source) -> None:
    data = {
        "quotes": [
            {
                "text": "talks would resume",
                "speaker": "Egypt",
                "kind": "indirect",
                "confidence": 1.7,
            }
        ]
    }
    [statement] = candidates(data, source).records
    assert statement.mode == "indirect" and statement.confidence == 1.0


def test_a_statement_is_not_dated_by_times_inside_its_quote() -> None:
    text = "Egypt said on Tuesday the crossing would reopen in the coming days."
    src = make_source(text, IngestOptions(), published="2025-01-21")
    quote = "the crossing would reopen in the coming days"
    start = text.index(quote)
    data = {
        "quotes": [
            {
                "text": quote,
                "start": start,
                "end": start + len(quote),
                "speaker": "Egypt",
                "kind": "indirect",
            }
        ],
        "timex": [
            {
                "text": "in the coming days",
                "start": text.index("in the coming"),
                "end": len(text) - 1,
                "value": "2025-01-22",
                "precision": "vague",
            },
            {
                "text": "on Tuesday",
                "start": text.index("on Tuesday"),
                "end": text.index("on Tuesday") + 10,
                "value": "2025-01-21",
                "precision": "day",
            },
        ],
        "figures": [
            {
                "text": "crossing",
                "start": start + 4,
                "end": start + 12,
                "value": 1,
                "category": "crossings",
            }
        ],
    }
    statement, figure = candidates(data, src).records
    assert (statement.date, statement.date_precision) == ("2025-01-21", "day")
    # a figure takes the first time in its sentence; an unknown precision is "approximate"
    assert (figure.date, figure.date_precision) == ("2025-01-22", "approximate")


def test_event_figures_and_negation(source: Source) -> None:
    data = {
        "events": [
            {
                "type": "ASSAULT",
                "summary": "strike on Rafah",
                "negated": True,
                "figures": [
                    {"value": 12, "qualifier": "at_least", "category": "killed"},
                    {"value": None},
                ],
            }
        ]
    }
    [event] = candidates(data, source).records
    assert isinstance(event, Event)
    assert [(f.metric, f.value, f.qualifier) for f in event.figures] == [
        ("killed", 12.0, "at_least")
    ]
    assert event.notes and event.notes.startswith("negated")
