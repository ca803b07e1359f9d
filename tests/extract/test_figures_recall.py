"""Figures written in ways the first rules missed: durations, participles after the
number, armed forces, numbers with an article, coordinated counts."""

from __future__ import annotations

from datetime import date

import pytest


def _figures(extractor, text, published=date(2025, 6, 2)):
    return [
        (f["text"], f["value"], f["category"], f["qualifier"])
        for f in extractor.extract(text, published).to_json()["figures"]
    ]


def _one(extractor, text):
    got = _figures(extractor, text)
    assert len(got) == 1, got
    return got[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The rival armies signed a nine-day truce near the river.", 9),
        ("Under the plan the militia gets 45 days to leave the valley.", 45),
        ("Talks began after six days of heavy shelling in the north.", 6),
        ("The offer was a two-day pause, a minister told reporters.", 2),
        ("The clashes followed three weeks of fighting over the dam.", 21),
    ],
)
def test_durations_in_days(extractor, text, value):
    _, got_value, category, _ = _one(extractor, text)
    assert (got_value, category) == (value, "phase_days")


@pytest.mark.parametrize(
    "text",
    [
        "Over the past four days the guns along the valley were quiet.",
        "The envoy will return in ten days to meet both generals.",
        "Two days later the militia left the valley.",
        "We would settle for one day of calm on the road, a farmer said.",
        "Inspectors visit the depot every three days.",
        "Staff there receive six weeks of paid leave each year.",
        "The minister began a three-day state visit to the island.",
        "Recovery takes between two to five days, the clinic said.",
    ],
)
def test_durations_tied_to_now_are_not_figures(extractor, text):
    assert _figures(extractor, text) == []


def test_truce_lengths_in_hours(extractor):
    got = _figures(extractor, "The junta declared a 48-hour ceasefire on the border.")
    assert [(v, c) for _, v, c, _ in got] == [(48, "other")]
    got = _figures(extractor, "Officials said that for 24 hours the guns would cease firing.")
    assert [(v, c) for _, v, c, _ in got] == [(24, "other")]
    assert _figures(extractor, "The delegates talked for 12 hours in the hotel.") == []


@pytest.mark.parametrize(
    ("text", "value", "category"),
    [
        ("Villagers say 23 killed by rebel fighters before dawn", 23, "killed"),
        ("The governor urged calm after 40 killed in an air raid", 40, "killed"),
        ("The ambush left at least 8 guards and two drivers dead, police said.", 8, "killed"),
        ("Mourners marked the killing of 17 pilgrims near the shrine.", 17, "killed"),
    ],
)
def test_cue_after_the_number(extractor, text, value, category):
    got = _figures(extractor, text)
    assert (value, category) in [(v, c) for _, v, c, _ in got], got


def test_armed_forces_and_population_are_other(extractor):
    got = _figures(extractor, "The rebels are thought to field about 6,000 fighters.")
    assert [(v, c, q) for _, v, c, q in got] == [(6000, "other", "about")]
    got = _figures(extractor, "The port town, home to a population of about 90,000, fell.")
    assert [(v, c) for _, v, c, _ in got] == [(90_000, "other")]


def test_soldiers_held_by_a_state_are_prisoners(extractor):
    text = "Twelve Malian soldiers held by Kenya will be sent home next week."
    got = _figures(extractor, text)
    assert [(v, c) for _, v, c, _ in got] == [(12, "prisoners")]


def test_pows_are_prisoners(extractor):
    got = _figures(extractor, "Around 200 POWs were due to be swapped, the ministry said.")
    assert [(v, c) for _, v, c, _ in got] == [(200, "prisoners")]


def test_number_with_article(extractor):
    text = "The floods and the shelling have displaced almost a million people this spring."
    got = _figures(extractor, text)
    assert [(v, c, q) for _, v, c, q in got] == [(1_000_000, "displaced", "nearly")]


def test_coordinated_counts_share_a_category(extractor):
    text = "The raids killed 12 people in one market and 30 people a day later in the port."
    got = _figures(extractor, text)
    assert [(v, c) for _, v, c, _ in got] == [(12, "killed"), (30, "killed")]
    got = _figures(extractor, "The army killed 12 militants and captured 3 militants.")
    assert (3, "killed") not in [(v, c) for _, v, c, _ in got]


def test_day_ranges_are_dates(extractor):
    text = "Monitors counted the deaths between 3 and 19 March in the district."
    assert all(v != 3 for _, v, _, _ in _figures(extractor, text))
