"""Time expressions: finding (pure text) and resolution (with the parse)."""

from __future__ import annotations

from datetime import date

import pytest

from truceline.extract.timex import find_timex, pick_year

from .conftest import WIRE


def _timex(extractor, text, published):
    return {
        t["text"]: (t["value"], t["precision"]) for t in extractor.extract(text, published)["timex"]
    }


def test_find_explicit_forms():
    text = "It began on Oct. 7, 2023, resumed in March 2025 and paused on 18 March."
    found = [text[m.start : m.end] for m in find_timex(text)]
    assert found == ["Oct. 7, 2023", "March 2025", "18 March"]


def test_durations_are_not_dates():
    text = "The first stage lasts for 42 days and the army has six weeks to leave."
    assert find_timex(text) == []


def test_modal_may_is_not_a_month():
    assert find_timex("Talks may resume soon, and May 2024 was different.")[0].groups["y"] == "2024"
    assert len(find_timex("Talks may resume soon, and May 2024 was different.")) == 1


@pytest.mark.parametrize(
    ("month", "day", "tense", "year"),
    [
        (12, 20, "past", 2024),  # a past December seen from March
        (4, 20, "future", 2025),
        (4, 20, None, 2025),  # nearest
        (6, None, "past", 2024),  # "in June" said in March: last June
    ],
)
def test_pick_year(month, day, tense, year):
    assert pick_year(month, day, date(2025, 3, 27), tense) == year


def test_wire_dates(extractor):
    got = _timex(extractor, WIRE, date(2025, 2, 6))
    assert got["Tuesday"] == ("2025-02-04", "day")  # said on Tuesday: the one before
    assert got["Saturday"] == ("2025-02-08", "day")  # would release on Saturday: next
    assert got["Jan. 19"] == ("2025-01-19", "day")
    assert got["Wednesday"] == ("2025-02-05", "day")
    assert got["the 50th day"] == ("2025-03-09", "day")  # day 1 = 2025-01-19


def test_deictic_and_week(extractor):
    text = (
        "Mediators met yesterday. Israel said this week that it had received the list. "
        "Crowds gathered late Saturday. A convoy left three days ago."
    )
    got = _timex(extractor, text, date(2025, 2, 12))  # a Wednesday
    assert got["yesterday"] == ("2025-02-11", "day")
    assert got["this week"] == ("2025-02-10", "week")
    assert got["late Saturday"] == ("2025-02-08", "day")
    assert got["three days ago"] == ("2025-02-09", "day")


def test_vague_and_month(extractor):
    text = (
        "The council backed the plan in early June. The war began in October 2023. "
        "Negotiators returned in the month of February."
    )
    got = _timex(extractor, text, date(2025, 3, 3))
    assert got["early June"] == ("2024-06-01", "vague")
    assert got["October 2023"] == ("2023-10", "month")
    assert got["the month of February"] == ("2025-02", "month")


def test_anaphoric_day(extractor):
    text = (
        "The bodies were handed over on February 20. A fourth body was returned the following day."
    )
    got = _timex(extractor, text, date(2025, 3, 1))
    assert got["February 20"] == ("2025-02-20", "day")
    assert got["the following day"] == ("2025-02-21", "day")


def test_agreement_days(extractor):
    text = "Talks were due to start by day 16, and the last exchange came on the 42nd day."
    got = _timex(extractor, text, date(2025, 3, 5))
    assert got["day 16"] == ("2025-02-03", "day")
    assert got["the 42nd day"] == ("2025-03-01", "day")


def test_agreement_days_need_day1(nlp):
    from truceline.extract import Extractor

    plain = Extractor(nlp=nlp)
    texts = [t["text"] for t in plain.extract("Talks start by day 16.", date(2025, 2, 1))["timex"]]
    assert texts == []


def test_past_period(extractor):
    got = _timex(extractor, "Over the past two days, hope has grown.", date(2025, 3, 27))
    assert got["Over the past two days"] == ("2025-03-25", "range")


def test_ago_month_is_vague(extractor):
    got = _timex(extractor, "The offer was made one month ago.", date(2025, 3, 27))
    assert got["one month ago"] == ("2025-02-25", "vague")


def test_date_inside_noun_phrase_ignores_tense(extractor):
    text = "Hamas will not abandon the January agreement."
    got = _timex(extractor, text, date(2025, 3, 27))
    assert got["January"] == ("2025-01", "month")
