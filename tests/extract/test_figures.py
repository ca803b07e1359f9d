"""Figures: value, qualifier, category, whom they count."""

from __future__ import annotations

from datetime import date

from truceline.extract.numbers import parse_number

from .conftest import BROADCAST, WIRE


def _figures(extractor, text, published=date(2025, 2, 6)):
    return {f["text"]: f for f in extractor.extract(text, published).to_json()["figures"]}


def test_parse_number_words():
    assert parse_number("twenty-five") == 25
    assert parse_number("1.2 million") == 1_200_000
    assert parse_number("4,000") == 4000
    assert parse_number("three") == 3
    assert parse_number("two hundred and fifty") == 250


def test_wire_figures(extractor):
    got = _figures(extractor, WIRE)
    assert got["three Israeli hostages"]["value"] == 3
    assert got["three Israeli hostages"]["category"] == "captives_total"
    assert got["183 Palestinian prisoners"]["category"] == "prisoners"
    killed = got["more than 47,000 people"]
    assert (killed["value"], killed["qualifier"], killed["category"]) == (
        47000,
        "more_than",
        "killed",
    )
    assert got["at least 110,000"]["category"] == "injured"
    assert got["at least 110,000"]["qualifier"] == "at_least"


def test_trucks_per_day(extractor):
    got = _figures(extractor, BROADCAST, date(2025, 1, 29))
    assert got["nearly 4,200 trucks"]["qualifier"] == "nearly"
    assert got["nearly 4,200 trucks"]["category"] == "aid_trucks"
    rate = next(f for f in got.values() if f["value"] == 600)
    assert rate["category"] == "aid_trucks" and rate["text"].endswith("a day")


def test_captives_alive_dead(extractor):
    text = (
        "The group will free ten living captives and hand over the bodies of four "
        "deceased hostages. Of the 59 hostages still held in Gaza, 24 are thought to be alive."
    )
    got = _figures(extractor, text)
    assert got["ten living captives"]["category"] == "captives_alive"
    assert got["four deceased hostages"]["category"] == "captives_dead"
    assert got["59 hostages"]["category"] == "captives_total"


def test_half_and_displaced(extractor):
    text = (
        "The strikes killed more than 400 people, nearly half of them children, and "
        "displaced over 1.2 million residents."
    )
    got = _figures(extractor, text)
    half = next(f for f in got.values() if f["qualifier"] == "half")
    assert half["value"] == 0.5 and half["category"] == "killed"
    big = got["over 1.2 million residents"]
    assert (big["value"], big["qualifier"], big["category"]) == (1_200_000, "over", "displaced")


def test_phase_days_and_durations(extractor):
    text = "Each 42-day phase ends with an exchange. Troops stayed for six weeks."
    got = _figures(extractor, text)
    assert [f["value"] for f in got.values()] == [42]
    assert next(iter(got.values()))["category"] == "phase_days"


def test_vague_quantities_are_not_figures(extractor):
    got = _figures(extractor, "Hundreds of people were killed and dozens wounded.")
    assert got == {}


def test_bodies_handed_over_are_dead_captives(extractor):
    got = _figures(extractor, "Hamas will return the bodies of four dual nationals next week.")
    assert got["four dual nationals"]["category"] == "captives_dead"


def test_days_before_is_not_a_phase_length(extractor):
    text = "The talks began two days before the first phase was due to end."
    assert _figures(extractor, text) == {}


def test_a_day_of_the_month_is_no_count(extractor):
    got = _figures(extractor, "About 1,200 people were killed on 7 October 2023.")
    assert [f["value"] for f in got.values()] == [1200]
