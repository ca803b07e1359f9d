"""Time expressions: finding (pure text) and resolution (with the parse)."""

from __future__ import annotations

from datetime import date

import pytest

from truceline.extract.timex import find_timex, pick_year

from .conftest import WIRE


def _timex(extractor, text, published):
    return {
        t["text"]: (t["value"], t["precision"])
        for t in extractor.extract(text, published).to_json()["timex"]
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
    assert got["early June"] == ("2024-06", "month")  # as TimeML: the month, "early" a modifier
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
    texts = [t.text for t in plain.extract("Talks start by day 16.", date(2025, 2, 1)).timex]
    assert texts == []


def test_past_period(extractor):
    got = _timex(extractor, "Over the past two days, hope has grown.", date(2025, 3, 27))
    assert got["Over the past two days"] == ("2025-03-25", "range")


def test_ago_counts_calendar_units(extractor):
    text = "The offer was made one month ago. The war began two years ago."
    got = _timex(extractor, text, date(2025, 3, 27))
    assert got["one month ago"] == ("2025-02", "month")
    assert got["two years ago"] == ("2023", "year")  # not 2 x 365 days back


def test_date_inside_noun_phrase_ignores_tense(extractor):
    text = "Hamas will not abandon the January agreement."
    got = _timex(extractor, text, date(2025, 3, 27))
    assert got["January"] == ("2025-01", "month")


# -- failure classes of issue 13 (sentences written for these tests) ----------------


def test_day_first_dates_with_any_day(extractor):
    text = "The siege began on 7 October 2023 and the parade is on 9 May."
    got = _timex(extractor, text, date(2025, 5, 2))
    assert got["7 October 2023"] == ("2023-10-07", "day")
    assert got["9 May"] == ("2025-05-09", "day")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The talks are set to resume on Monday.", "2025-05-05"),  # infinitive: ahead
        ("The ministers meet again on Monday.", "2025-05-05"),  # present: ahead
        ("The crossing stays shut until Monday.", "2025-05-05"),
        ("The ministers met on Monday.", "2025-04-28"),
        ("The ministers will meet on Friday.", "2025-05-02"),  # the publication day itself
        ("Shares fell below Monday's close.", "2025-04-28"),  # a day that has been
    ],
)
def test_weekday_tense(extractor, text, value):
    [(got, precision)] = _timex(extractor, text, date(2025, 5, 2)).values()  # a Friday
    assert (got, precision) == (value, "day")


def test_future_month_after_a_past_verb(extractor):
    text = "The court ruled on Monday that the men must be freed by Dec. 7."
    got = _timex(extractor, text, date(2025, 10, 30))
    assert got["Dec. 7"] == ("2025-12-07", "day")


def test_not_until_is_past(extractor):
    text = "It was not until February 27 that the envoys met."
    assert _timex(extractor, text, date(2025, 3, 27))["February 27"] == ("2025-02-27", "day")


def test_holidays(extractor):
    text = "A pause was declared over Easter. Shops closed on Christmas Day."
    got = _timex(extractor, text, date(2025, 5, 2))
    assert got["Easter"] == ("2025-04-20", "day")
    assert got["Christmas Day"] == ("2024-12-25", "day")


def test_years_in_ranges_and_as_modifiers(extractor):
    text = "The 2009-2010 talks failed, and a 2014 raid ended the lull of 1957-58."
    got = _timex(extractor, text, date(2025, 5, 2))
    assert got["2009-2010"] == ("2009", "year")
    assert got["2014"] == ("2014", "year")
    assert got["1957-58"] == ("1957", "year")


def test_times_of_day_and_show_names_are_not_dates(extractor):
    text = "Drones struck overnight. The envoy joins TODAY to explain the plan."
    assert _timex(extractor, text, date(2025, 5, 2)) == {}


def test_parts_of_the_publication_day_and_the_weekend(extractor):
    text = (
        "The guns fell silent earlier this evening. Crowds gathered at the weekend. "
        "Officials have met in recent months."
    )
    got = _timex(extractor, text, date(2025, 4, 28))  # a Monday
    assert got["earlier this evening"] == ("2025-04-28", "day")
    assert got["at the weekend"] == ("2025-04-26", "range")
    assert got["in recent months"] == ("2025-01-28", "vague")


def test_years_before_the_report(extractor):
    text = "Profit rose from a year earlier, as year-earlier sales were weak."
    got = _timex(extractor, text, date(2025, 4, 28))
    assert got["a year earlier"] == ("2024", "year")
    assert got["year-earlier"] == ("2024", "year")


def test_years_in_words_and_year_end(extractor):
    text = "The accord of nineteen ninety-six will be reviewed by the end of the year."
    got = _timex(extractor, text, date(2025, 4, 28))
    assert got["nineteen ninety-six"] == ("1996", "year")
    assert got["the end of the year"] == ("2025", "year")


def test_a_headline_present_tense_is_not_ahead(extractor):
    text = "Strikes hit the port on Monday\n\nOfficials say talks resume on Monday.\n"
    got = [
        (t["text"], t["value"])
        for t in extractor.extract(text, date(2025, 5, 2)).to_json()["timex"]
    ]
    assert got == [("Monday", "2025-04-28"), ("Monday", "2025-05-05")]
