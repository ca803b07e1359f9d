"""Events: PLOVER type, actors, target, date, figures, negation and mode."""

from __future__ import annotations

from datetime import date

import pytest

from truceline.vocab import EventMode

from .conftest import WIRE


def test_wire_events(extractor):
    events = extractor.extract(WIRE, date(2025, 2, 6)).events
    met = next(e for e in events if e.type == "CONSULT")
    assert met.actors == ("Benjamin Netanyahu",)
    assert met.date == "2025-02-05"
    assert met.mode is EventMode.ASSERTED and not met.negated
    retreat = next(e for e in events if e.type == "RETREAT")
    assert retreat.negated is True


def test_event_carries_figures_and_reporter(extractor):
    text = "Hamas said it would release three hostages on Saturday."
    (event,) = extractor.extract(text, date(2025, 2, 6)).events
    assert event.type == "RELEASE"
    assert event.actors == ("Hamas",)
    assert event.date == "2025-02-08"
    assert [f.value for f in event.figures] == [3]
    assert event.mode is EventMode.PLANNED  # "would release": not done yet


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Israel withdrew its troops from the corridor on Sunday.", EventMode.ASSERTED),
        ("Israel will withdraw its troops from the corridor on Sunday.", EventMode.PLANNED),
        ("Israel could withdraw its troops from the corridor on Sunday.", EventMode.HYPOTHETICAL),
    ],
)
def test_mode(extractor, text, mode):
    (event,) = [e for e in extractor.extract(text, date(2025, 2, 6)).events if e.type == "RETREAT"]
    assert event.mode is mode
    assert "mode" not in event.to_json()  # the JSON interface predates the field


def test_negation(extractor):
    (event,) = extractor.extract("Israel did not withdraw from the corridor.", None).events
    assert event.negated and event.summary.startswith("not ")


def test_assault_with_target(extractor):
    text = "Israel launched strikes on Rafah on March 18 and killed more than 400 people."
    events = extractor.extract(text, date(2025, 3, 19)).events
    kill = next(e for e in events if e.summary.endswith("400 people") or "killed" in e.summary)
    assert kill.type == "ASSAULT"
    assert kill.date == "2025-03-18"


# -- failure classes of issue 13 (sentences written for these tests) ----------------


def _events(extractor, text):
    return [
        (e.type.value, e.actors, e.target) for e in extractor.extract(text, date(2025, 2, 6)).events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Family of five killed in Israeli strike", ("ASSAULT", ("Israel",), "Family")),
        ("Three hostages were released by Hamas on Saturday.", ("RELEASE", ("Hamas",), "hostages")),
    ],
)
def test_victims_are_targets_not_actors(extractor, text, expected):
    assert expected in _events(extractor, text)


def test_freed_without_an_agent_has_no_actor(extractor):
    [(kind, actors, target)] = _events(extractor, "Prisoners freed from army jails reach Ramallah.")
    assert (kind, actors) == ("RELEASE", ())
    assert target == "Prisoners"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hamas handed over the bodies of two captives on Thursday.", "RELEASE"),
        ("Hamas returned the bodies of two captives on Thursday.", "RELEASE"),
        ("Displaced families returned to the north on Monday.", "RETURN"),
    ],
)
def test_release_and_return(extractor, text, kind):
    assert [k for k, _, _ in _events(extractor, text)] == [kind]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Israeli strikes killed nine people in Rafah.", "Israel"),
        ("Russian drones hit a power plant near Odesa.", "Russia"),
    ],
)
def test_forces_act_for_their_party(extractor, text, actor):
    [(_, actors, _)] = _events(extractor, text)
    assert actors == (actor,)


def test_one_person_under_surname_and_full_name(extractor):
    text = "John Carter met the envoys on Monday. Carter rejected the offer on Tuesday."
    assert {actors for _, actors, _ in _events(extractor, text)} == {("John Carter",)}


def test_places_never_act(extractor):
    assert _events(extractor, "The Middle East rejected the plan.") == []
