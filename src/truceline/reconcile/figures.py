"""What a reported number counts, when two can both be true, and in what order
they were current.

Two figures are compared only when they count the same thing (``subject``):
one metric, for the same whom, over the same scope: one incident ("in the
first exchange"), a period ("over the phase", the day) or a running total
("since the war began"). "90 freed in the first exchange" and "nearly 2,000
over the phase" never clash; "half of them" is a share, not a count, and is
never compared.

A figure stands for an interval of true values: "404" is [404, 404], "at least
330" is [330, ∞), "nearly 700" is [630, 700], "about 500" is [450, 550], "up to
1,904" is [0, 1904]. Two figures are compatible when their intervals meet.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping

from truceline.dates import first_day
from truceline.model import Figure, Source
from truceline.reconcile.names import fold, words

_METRIC_SYNONYMS = {
    "deaths": "killed",
    "dead": "killed",
    "death toll": "killed",
    "fatalities": "killed",
    "wounded": "injured",
    "trucks": "aid trucks",
    "aid truck": "aid trucks",
}

_TIMES_OF_DAY = {
    "earlier": 8,
    "later": 20,
    "revis": 20,
    "dawn": 5,
    "early morning": 6,
    "morning": 9,
    "midday": 12,
    "noon": 12,
    "afternoon": 15,
    "evening": 19,
    "night": 22,
    "late": 21,
    "final": 23,
}


Subject = tuple[str | None, ...]
"""(metric, whom, scope kind, scope, date, period end): what a figure counts."""


def subject(figure: Figure) -> Subject | None:
    """What the figure counts, or None when it is no count to compare (a share, or undated).

    A running total is dated by its start when it gives one (with a
    ``period_end``, ``date`` is the start and ``period_end`` the day counted
    to), never by the day it was counted: counts of one total on different
    days are a series (see ``disputes``), not different things.
    """
    if str(figure.qualifier) == "half" or figure.date is None:
        return None
    what = (metric_key(figure.metric), fold(figure.who or ""))
    if figure.incident:
        return (*what, "incident", " ".join(sorted(words(figure.incident))), figure.date, None)
    if figure.cumulative or figure.period == "total":
        start = figure.date if figure.period_end else None
        return (*what, "total", None, start, None)
    return (*what, figure.period or "day", None, figure.date, figure.period_end)


def counted_on(figure: Figure) -> str | None:
    """The day a figure counts up to: a running total's ``period_end``, else its date."""
    return figure.period_end or figure.date


def interval(value: float, qualifier: str) -> tuple[float, float]:
    """The true values a reported number allows."""
    q = str(qualifier)
    if q in ("at_least", "more_than", "over"):
        return (value, math.inf)
    if q == "up_to":
        return (0.0, value)
    if q == "nearly":
        return (value * 0.9, value)
    if q == "about":
        return (value * 0.9, value * 1.1)
    return (value, value)


def compatible(a: Figure, b: Figure) -> bool:
    """Whether both figures can be true at once."""
    lo_a, hi_a = interval(a.value, a.qualifier)
    lo_b, hi_b = interval(b.value, b.qualifier)
    return lo_a <= hi_b and lo_b <= hi_a


def can_grow(earlier: Figure, later: Figure) -> bool:
    """Whether a count could have grown from ``earlier`` to ``later`` (never shrinks)."""
    lo_e, _ = interval(earlier.value, earlier.qualifier)
    _, hi_l = interval(later.value, later.qualifier)
    return lo_e <= hi_l


def metric_key(metric: str) -> str:
    """ "Deaths", "killed", "fatalities" → "killed"; "aid_trucks" → "aid trucks"."""
    folded = fold(metric)
    return _METRIC_SYNONYMS.get(folded, folded)


def as_of_time(figure: Figure, sources: Mapping[str, Source]) -> dt.datetime | None:
    """When the figure was current: its ``as_of`` (a time, a time of day, a date or a
    datetime, read against the figure's date), else its earliest source's publication
    date at noon; None when neither is known."""
    base = figure.day
    text = (figure.as_of or "").strip().lower()
    if text:
        m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[t ](\d{1,2}):(\d{2}))?", text)
        if m:
            day = dt.date.fromisoformat(m.group(1))
            hour, minute = (int(m.group(2)), int(m.group(3))) if m.group(2) else (12, 0)
            return dt.datetime.combine(day, dt.time(hour, minute))
        m = re.search(r"\b(\d{1,2})[:.h](\d{2})\b", text) or re.search(
            r"\b(\d{1,2})\s*(am|pm)\b", text
        )
        if m and base is not None:
            hour = int(m.group(1))
            minute = int(m.group(2)) if m.group(2).isdigit() else 0
            if m.group(2) == "pm" and hour < 12:
                hour += 12
            return dt.datetime.combine(base, dt.time(hour % 24, minute % 60))
        for word, hour in _TIMES_OF_DAY.items():
            if word in text and base is not None:
                return dt.datetime.combine(base, dt.time(hour, 0))
    published = [
        first_day(sources[e.source].published)  # type: ignore[arg-type]
        for e in figure.sources
        if e.source in sources and sources[e.source].published
    ]
    if published:
        return dt.datetime.combine(min(published), dt.time(12, 0))
    return None
