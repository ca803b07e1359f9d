"""Any text and any publication date: extraction gives a result, never an exception.

Random Unicode (lone surrogates included) mixed with words every component
reacts to, published on any day Python can represent. bench/fuzz.py runs the
same property over many more cases.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from truceline.extract import RESULT_KEYS, Extractor

WORDS = st.sampled_from(
    [
        "yesterday", "tomorrow", "today", "on Tuesday", "last week", "next month", "two weeks ago",
        "the following day", "early June", "day 16", "March 18", "18 March 2025", "at least 12",
        "killed", "600 trucks", "said", '"', "“", "”", "Hamas", "officials", ".", "\n",
    ]
)  # fmt: skip
TEXT = st.lists(WORDS | st.characters(), max_size=40).map(" ".join)
EDGES = st.sampled_from([date.min, date.max, date(1, 1, 2), date(9999, 12, 30)])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, published=st.none() | EDGES | st.dates())
def test_any_text_on_any_day_extracts(
    extractor: Extractor, text: str, published: date | None
) -> None:
    result = extractor.extract(text, published).to_json()
    assert list(result) == list(RESULT_KEYS)
    for item in result["timex"]:
        assert 0 <= item["start"] < item["end"] <= len(text)


def test_tomorrow_on_the_last_day_has_no_date(extractor: Extractor) -> None:
    result = extractor.extract("Talks resume tomorrow; they ended yesterday.", date.max).to_json()
    values = {t["text"]: t["value"] for t in result["timex"]}
    assert values == {"yesterday": "9999-12-30"}


def test_a_lone_surrogate_reads_as_a_replacement_character(extractor: Extractor) -> None:
    text = '\ud800 "We will hold," said Ali Hassan, a spokesman, on Tuesday.'
    result = extractor.extract(text, date(2025, 3, 27)).to_json()
    fixed = extractor.extract(text.replace("\ud800", "\ufffd"), date(2025, 3, 27)).to_json()
    assert result == fixed
    [timex] = result["timex"]
    assert text[timex["start"] : timex["end"]] == timex["text"] == "Tuesday"
