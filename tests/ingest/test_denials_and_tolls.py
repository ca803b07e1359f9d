"""Issue 14 end to end: a party's denial and a risen toll, from report text to records.

The text is written for this test. The real extractor reads it; the records
are what `truceline ingest` would store.
"""

from __future__ import annotations

from datetime import date

import pytest

from truceline.extract import Extractor
from truceline.ingest import candidates, make_source
from truceline.ingest._options import IngestOptions
from truceline.mentions import EventMention, Extraction
from truceline.model import Event, Figure, Record, Source
from truceline.vocab import EventMode, EventType

REPORT = (
    "Ceasefire strained as both sides trade accusations\n"
    "Hamas denied that its fighters fired rockets at border villages on Sunday, "
    "calling the charge an excuse to delay the next exchange.\n"
    "The death toll in the enclave has risen to 51,300, the health ministry said on Monday.\n"
    "Israel denied entry to a fuel convoy at the crossing on Tuesday.\n"
    "Some 600 detainees will go free during the second phase of the deal.\n"
)


@pytest.fixture(scope="module")
def records() -> list[Record]:
    extractor = Extractor(agreement_day1=date(2025, 1, 19))
    extraction = extractor.extract(REPORT, published=date(2025, 3, 4))
    source = make_source(REPORT, IngestOptions(), outlet="Harbour Post", published="2025-03-04")
    converted = candidates(extraction, source)
    assert converted.skipped == 0
    return converted.records


def _events(records: list[Record], sentence: str) -> list[Event]:
    return [
        r
        for r in records
        if isinstance(r, Event) and r.sources and sentence in (r.sources[0].text or "")
    ]


def test_a_denied_act_did_not_occur_and_is_the_deniers_claim(records: list[Record]) -> None:
    [fired] = [e for e in _events(records, "Hamas denied") if e.type == EventType.ASSAULT]
    assert fired.occurred is False and not fired.is_act
    assert fired.claimed_by == "Hamas"  # not the outlet that reported the denial
    assert fired.actors == ["Hamas"]  # "its fighters" act for the party that speaks
    assert fired.notes is not None and "Hamas says this did not happen" in fired.notes


def test_a_refused_entry_is_no_denial_of_an_act(records: list[Record]) -> None:
    entry = _events(records, "denied entry")
    assert entry and all(e.occurred is None for e in entry)
    assert all(e.claimed_by == "Harbour Post" for e in entry)


def test_a_risen_toll_is_a_running_total_with_its_body(records: list[Record]) -> None:
    [toll] = [r for r in records if isinstance(r, Figure) and r.value == 51300]
    assert toll.metric == "killed"
    assert toll.cumulative is True
    assert toll.counted_by == "health ministry"
    assert toll.incident is None and toll.period is None


def test_a_release_to_come_is_planned_not_the_act(records: list[Record]) -> None:
    [count] = [r for r in records if isinstance(r, Figure) and r.value == 600]
    assert count.metric == "prisoners" and count.period == "phase"
    released = [e for e in _events(records, "go free") if e.type == EventType.RELEASE]
    assert released, "the release is extracted as an event"
    assert all(e.mode == EventMode.PLANNED and not e.is_act for e in released)
    assert all(e.occurred is None for e in released)  # planned, not denied


def test_a_negation_without_a_claimant_stays_the_sources() -> None:
    text = "Troops did not withdraw from the ridge."
    source = Source(id="src-1", outlet="Harbour Post", text=text, published="2025-03-04")
    mention = EventMention(
        date=None,
        precision=None,
        actors=("troops",),
        type=EventType.RETREAT,
        target="ridge",
        summary="not troops withdraw ridge",
        start=0,
        end=len(text),
        negated=True,
    )
    [event] = candidates(Extraction(events=(mention,)), source).records
    assert isinstance(event, Event) and event.occurred is False
    assert event.claimed_by == "Harbour Post"
    assert event.notes == "negated: the source says this did not happen"
