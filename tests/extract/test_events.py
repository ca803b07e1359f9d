"""Events: PLOVER type, actors, target, date and figures."""

from __future__ import annotations

from datetime import date

from .conftest import WIRE


def test_wire_events(extractor):
    events = extractor.extract(WIRE, date(2025, 2, 6))["events"]
    met = next(e for e in events if e["type"] == "CONSULT")
    assert met["actors"] == ["Benjamin Netanyahu"]
    assert met["date"] == "2025-02-05"
    retreat = next(e for e in events if e["type"] == "RETREAT")
    assert retreat["negated"] is True


def test_event_carries_figures_and_reporter(extractor):
    text = "Hamas said it would release three hostages on Saturday."
    (event,) = [e for e in extractor.extract(text, date(2025, 2, 6))["events"]]
    assert event["type"] == "CONCEDE"
    assert event["actors"] == ["Hamas"]
    assert event["date"] == "2025-02-08"
    assert [f["value"] for f in event["figures"]] == [3]


def test_assault_with_target(extractor):
    text = "Israel launched strikes on Rafah on March 18 and killed more than 400 people."
    events = extractor.extract(text, date(2025, 3, 19))["events"]
    kill = next(
        e for e in events if e["summary"].endswith("400 people") or "killed" in e["summary"]
    )
    assert kill["type"] == "ASSAULT"
    assert kill["date"] == "2025-03-18"
