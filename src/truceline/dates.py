"""Dates that carry their precision.

Reporting rarely gives an exact day: "early March", "in 2024", "around 18 March".
A date in truceline is an ISO prefix (``2025-03-18``, ``2025-03``, ``2025``) plus a
precision, so that a month is never mistaken for its first day.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator

from truceline.errors import DateError, ExtractionError
from truceline.vocab import Precision

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

EARLIEST_YEAR = 1800
LATEST_YEAR = 2200
"""Years a dossier date may name: wide for history, narrow enough that date
arithmetic (a day before, a week after) never leaves the calendar."""


def _iso_prefix(value: Any) -> Any:
    """Accept a date object (as YAML gives it) or an ISO prefix string."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        value = value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        value = str(value)
    if isinstance(value, str):
        if not _ISO.match(value):
            raise ValueError(f"expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}")
        if not EARLIEST_YEAR <= first_day(value).year <= LATEST_YEAR:  # raises on 2025-02-30
            raise ValueError(f"the year must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
        return value
    raise ValueError(f"expected an ISO date, got {value!r}")


IsoDate = Annotated[str, BeforeValidator(_iso_prefix)]
"""An ISO date or a prefix of one: ``2025``, ``2025-03`` or ``2025-03-18``."""


def _date_or_open(value: Any) -> Any:
    """A last day that may be left open; the error names both forms."""
    if isinstance(value, str) and value.strip().lower() == "open":
        return "open"
    try:
        return _iso_prefix(value)
    except ValueError as exc:
        raise ValueError(f"{exc}; or open (until a record ends it)") from None


IsoDateOrOpen = Annotated[str, BeforeValidator(_date_or_open)]
"""An ISO date (prefix), or ``open``: a last day no report has given yet."""


def first_day(value: str) -> dt.date:
    """The first calendar day an ISO prefix can mean (used to sort and window)."""
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def last_day(value: str) -> dt.date:
    """The last calendar day an ISO prefix can mean (so nothing is read as known early)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], _calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(*parts)


def default_precision(value: str) -> Precision:
    """The precision an ISO prefix implies on its own."""
    return {1: Precision.YEAR, 2: Precision.MONTH}.get(value.count("-") + 1, Precision.DAY)


def parse_day(value: dt.date | str | None, what: str) -> dt.date | None:
    """A calendar day given by a person (an option, a query string, an index file).

    The one parser of YYYY-MM-DD input: empty means not given; a date object
    passes; a datetime string keeps its date. Anything else, or a year outside
    ``EARLIEST_YEAR`` … ``LATEST_YEAR``, is a ``DateError`` that names ``what``
    was being read, so every face reports it the same way.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise DateError(f"{what} must be a date (YYYY-MM-DD), got {value!r}") from exc
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:  # a day after 9999-12-31 is an overflow
        raise DateError(f"{what}: the year must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return day


def extraction_day(value: dt.date | str | None, what: str) -> str | None:
    """A day given to extraction (publication date, agreement day 1) as YYYY-MM-DD.

    Checked where it is given, so a bad date fails before any text is parsed
    (or, for a corpus run, before the cluster starts).
    """
    try:
        day = parse_day(value, what)
    except DateError as exc:
        raise ExtractionError(str(exc)) from exc
    return day.isoformat() if day else None
