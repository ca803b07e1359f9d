"""truceline.ingest._candidates: extraction output → candidate records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from truceline.ingest import candidates, make_source
from truceline.ingest._options import IngestOptions
from truceline.mentions import EventMention, Extraction, FigureMention, Quote, Timex
from truceline.model import Event, Figure, Source, Statement
from truceline.vocab import (
    EventMode,
    EventType,
    FigureCategory,
    Qualifier,
    QuoteKind,
    TimexPrecision,
)

TEXT = (Path(__file__).parent / "fixtures" / "truce-first-day.txt").read_text()


def span(words: str) -> dict[str, Any]:
    start = TEXT.index(words)
    return {"text": words, "start": start, "end": start + len(words)}


def sentence(words: str) -> tuple[int, int]:
    """The offsets of the fixture's sentence holding ``words`` (as spaCy would give them)."""
    start = TEXT.index(words)
    lo = max(TEXT.rfind(". ", 0, start) + 2, TEXT.rfind("\n", 0, start) + 1)
    hi = TEXT.index(".", start + len(words) - 1) + 1
    return lo, hi


QUOTE = "This is the first step, and it must not be the last,"
PRISONERS = "released 90 Palestinian prisoners from Ofer prison"


def typed() -> Extraction:
    """The extraction of the fixture, as the extractor returns it."""
    return Extraction(
        quotes=(
            Quote(
                **span(QUOTE),
                speaker="a Qatari official",
                affiliation="Qatar",
                kind=QuoteKind.DIRECT,
                confidence=0.9,
                sentence=(TEXT.index('"This is'), TEXT.index("Doha.") + 5),
            ),
        ),
        timex=(
            Timex(**span("early on Monday"), value="2025-01-20", precision=TimexPrecision.DAY),
            Timex(**span("on Sunday"), value="2025-01-19", precision=TimexPrecision.DAY),
        ),
        figures=(
            FigureMention(
                **span("90 Palestinian prisoners"),
                value=90,
                qualifier=Qualifier.EXACT,
                category=FigureCategory.PRISONERS,
                who="Palestinian prisoners",
                confidence=0.7,
                sentence=sentence(PRISONERS),
            ),
            FigureMention(
                **span("more than 600 aid trucks"),
                value=600,
                qualifier=Qualifier.MORE_THAN,
                category=FigureCategory.AID_TRUCKS,
                sentence=sentence("more than 600 aid trucks"),
            ),
        ),
        events=(event(),),
    )


def event(negated: bool = False, mode: EventMode = EventMode.ASSERTED) -> EventMention:
    words = span(PRISONERS)
    return EventMention(
        date="2025-01-20",
        precision=TimexPrecision.DAY,
        actors=("Israel",),
        type=EventType.RELEASE,
        target="Palestinian prisoners",
        summary="Israel released 90 Palestinian prisoners",
        start=words["start"],
        end=words["end"],
        negated=negated,
        confidence=0.8,
        mode=mode,
        sentence=sentence(PRISONERS),
    )


def extraction() -> dict[str, Any]:
    """The same extraction in its JSON shape (what `truceline extract --json` prints)."""
    return typed().to_json()


@pytest.fixture
def source() -> Source:
    return make_source(TEXT, IngestOptions(), outlet="Gulf Desk", published="2025-01-20")


@pytest.mark.parametrize("given", [typed, extraction], ids=["typed", "json"])
def test_records_of_each_kind(source: Source, given: Any) -> None:
    records, skipped = candidates(given(), source)
    assert skipped == 0
    statement, fig_prisoners, fig_trucks, event = records
    assert isinstance(statement, Statement)
    assert statement.speaker == "a Qatari official" and statement.affiliation == "Qatar"
    assert statement.mode == "direct" and statement.confidence == 0.9
    assert statement.claimed_by == "Gulf Desk"
    assert isinstance(fig_prisoners, Figure)
    assert fig_prisoners.metric == "prisoners" and fig_prisoners.value == 90
    assert fig_prisoners.qualifier == "exact" and fig_prisoners.who == "Palestinian prisoners"
    assert isinstance(fig_trucks, Figure) and fig_trucks.qualifier == "more_than"
    assert fig_trucks.confidence == 0.5  # no confidence given: the default
    assert isinstance(event, Event)
    assert event.type == "RELEASE" and event.actors == ["Israel"]
    assert event.targets == ["Palestinian prisoners"]
    assert event.date == "2025-01-20" and event.date_precision == "day"
    assert {r.state for r in records} == {"candidate"}


def test_evidence_has_the_span_and_its_sentence(source: Source) -> None:
    """The evidence quotes the sentence the extractor gives, not a re-split of the text."""
    statement = candidates(typed(), source).records[0]
    [evidence] = statement.sources
    assert evidence.source == source.id
    assert TEXT[evidence.start : evidence.end] == statement.quote
    assert evidence.text == (
        '"This is the first step, and it must not be the last," a Qatari official told '
        "reporters in Doha."
    )


def test_the_sentence_is_the_extractors(source: Source) -> None:
    words = span("more than 600 aid trucks")
    figure = FigureMention(
        **words,
        value=600,
        qualifier=Qualifier.MORE_THAN,
        category=FigureCategory.AID_TRUCKS,
        sentence=(words["start"], words["end"] + len(" entered the territory")),
    )
    [record] = candidates(Extraction(figures=(figure,)), source).records
    assert record.sources[0].text == "more than 600 aid trucks entered the territory"


def test_without_a_sentence_the_evidence_is_the_span(source: Source) -> None:
    data = extraction()  # the JSON shape carries no sentence
    [record] = [r for r in candidates(data, source).records if isinstance(r, Statement)]
    assert record.sources[0].text == QUOTE


def test_dates_come_from_a_timex_in_the_sentence(source: Source) -> None:
    records = candidates(typed(), source).records
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
    data["events"].append({**data["events"][0], "type": "AGREE"})  # type: ignore[dict-item]
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
    at = {"start": 0, "end": 4}
    data = {
        "quotes": [{"text": "", **at}, "not a dict"],
        "figures": [
            {"text": "many", **at, "value": None, "category": "killed"},
            {"text": "90", **at, "value": 90, "category": "prisoners_released"},
            {"text": "90", **at, "value": 90, "category": "killed", "qualifier": "more than"},
        ],
        "events": [
            {"type": "DANCE", "summary": "x", **at},
            {"type": "release", "summary": "x", **at},
            {"type": "AGREE", "summary": "no offsets"},
            {"type": "AGREE", "summary": "y", **at},
        ],
    }
    records, skipped = candidates(data, source)
    assert skipped == 8  # every word outside its vocabulary, every missing offset
    assert [r.kind for r in records] == ["event"]


def test_bad_spans_keep_the_record_without_offsets(source: Source) -> None:
    data = {
        "quotes": [{"text": "We will respond", "speaker": None, "start": 5, "end": 99999}],
        "events": [
            {"type": "ASSAULT", "summary": "strike reported", "date": "yesterday", "start": 0}
            | {"end": 99999}
        ],
    }
    statement, event = candidates(data, source).records
    assert statement.speaker == "unknown"
    assert statement.sources[0].start is None and statement.sources[0].text == "We will respond"
    # an unreadable date is dropped, the event kept, dated by its source
    assert (event.date, event.date_precision) == ("2025-01-20", "approximate")


def test_indirect_quotes_and_confidence_clamped(source: Source) -> None:
    data = {
        "quotes": [
            {
                "text": "talks would resume",
                "start": 0,
                "end": 18,
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
    whole = (0, len(text))  # one sentence
    start = text.index(quote)
    data = {
        "quotes": [
            {
                "text": quote,
                "start": start,
                "end": start + len(quote),
                "speaker": "Egypt",
                "kind": "indirect",
                "sentence": whole,
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
                "category": "other",
                "sentence": whole,
            }
        ],
    }
    statement, figure = candidates(data, src).records
    assert (statement.date, statement.date_precision) == ("2025-01-21", "day")
    # a figure takes the first time in its sentence; "vague" is "approximate"
    assert (figure.date, figure.date_precision) == ("2025-01-22", "approximate")


def test_event_figures(source: Source) -> None:
    killed = FigureMention(
        **span("90 Palestinian prisoners"),
        value=12,
        qualifier=Qualifier.AT_LEAST,
        category=FigureCategory.KILLED,
    )
    item = EventMention(
        date=None,
        precision=None,
        actors=("Israel",),
        type=EventType.ASSAULT,
        target=None,
        summary="strike on Rafah",
        start=0,
        end=10,
        figures=(killed,),
    )
    [record] = candidates(Extraction(events=(item,)), source).records
    assert isinstance(record, Event)
    assert [(f.metric, f.value, f.qualifier) for f in record.figures] == [
        ("killed", 12.0, "at_least")
    ]
    assert record.occurred is None and record.notes is None  # asserted: nothing to say


def test_a_denied_event_did_not_occur(source: Source) -> None:
    """ "Israel did not release …", accepted, must never count as the release."""
    [record] = candidates(Extraction(events=(event(negated=True),)), source, 0.5).records
    assert isinstance(record, Event) and record.state == "accepted"
    assert record.occurred is False
    assert record.notes and record.notes.startswith("negated")


def test_a_denial_read_from_json_did_not_occur(source: Source) -> None:
    data = {"events": [event(negated=True).to_json()]}
    [record] = candidates(data, source).records
    assert isinstance(record, Event) and record.occurred is False


@pytest.mark.parametrize("mode", [EventMode.PLANNED, EventMode.THREATENED, EventMode.HYPOTHETICAL])
def test_a_planned_or_threatened_event_is_not_the_act(source: Source, mode: EventMode) -> None:
    [record] = candidates(Extraction(events=(event(mode=mode),)), source).records
    assert isinstance(record, Event) and record.mode == mode.value
    assert record.occurred is None  # not denied: a plan is no claim that the act never happened
    assert not record.is_act
    assert record.notes and record.notes.startswith(mode.value)


def test_an_undated_event_takes_the_publication_date_as_approximate(source: Source) -> None:
    """A feed item that names no day still tells of an act done by publication."""
    item = EventMention(
        date=None,
        precision=None,
        actors=("Israel",),
        type=EventType.ASSAULT,
        target=None,
        summary="strike on Rafah",
        start=0,
        end=10,
    )
    [record] = candidates(Extraction(events=(item,)), source).records
    assert isinstance(record, Event)
    assert (record.date, record.date_precision) == ("2025-01-20", "approximate")
