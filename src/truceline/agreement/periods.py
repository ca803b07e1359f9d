"""Periods a quota is judged over: a day, a week, a month, or any number of days.

Agreements count per day ("600 trucks a day"), per week, per month ("a monthly
average of three inspections a day") or over stretches of their own ("every
ten days"). A period is written ``day``, ``week``, ``month`` or ``N days``; its
blocks repeat from an anchor day (by default the window's first day), so a
week may run Monday to Sunday and a month from the 17th to the 16th.

A month steps by calendar months from the anchor, its day clamped to the
month's length: anchored on 31 January, the next block starts on 28 (or 29)
February and the one after on 31 March.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, WithJsonSchema

_PATTERN = r"^(day|week|month|[1-9][0-9]* days?)$"
_FORM = re.compile(_PATTERN)


def _check(value: str) -> str:
    text = " ".join(value.lower().split())
    if not _FORM.match(text):
        raise ValueError("expected a period: day, week, month or N days (such as 10 days)")
    return text


Period = Annotated[
    str,
    AfterValidator(_check),
    WithJsonSchema({"type": "string", "pattern": _PATTERN}),
]
"""``day``, ``week``, ``month`` or ``N days``, checked when read."""


def block_start(day: dt.date, period: str, anchor: dt.date) -> dt.date:
    """The first day of the block of ``period`` (anchored on ``anchor``) holding ``day``."""
    if period == "month":
        months = (day.year - anchor.year) * 12 + day.month - anchor.month
        if day < add_months(anchor, months):
            months -= 1
        return add_months(anchor, months)
    length = length_days(period)
    return anchor + dt.timedelta(days=(day - anchor).days // length * length)


def block_end(first: dt.date, period: str, anchor: dt.date) -> dt.date:
    """The last day of the block that starts on ``first``."""
    if period == "month":
        months = (first.year - anchor.year) * 12 + first.month - anchor.month
        return add_months(anchor, months + 1) - dt.timedelta(days=1)
    return first + dt.timedelta(days=length_days(period) - 1)


def length_days(period: str) -> int:
    """Days in a fixed-length period (a month has none: use ``block_end``)."""
    if period == "day":
        return 1
    if period == "week":
        return 7
    return int(period.split()[0])


def nominal_days(period: str) -> float:
    """Days a period stands for when a rate is compared across periods (a month: 30.44)."""
    return 365.25 / 12 if period == "month" else length_days(period)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months, its day of month clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
