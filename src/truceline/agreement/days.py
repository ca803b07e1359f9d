"""Day references: how an agreement file names a day.

Agreements count days ("talks begin no later than day 16", "withdrawal ends by
the 42nd day") more often than they give dates. A day reference is one string::

    2025-02-03              an ISO date
    day 16                  day 16 of the agreement (day 1 = ``day_one``, else ``in_force``)
    the 42nd day            the same, as texts often say it
    phase_1.start           the first day of a phase
    phase_1.end             the last day of a phase
    phase_2.day 3           day 3 of a phase (its start is day 1)
    trigger                 the day a conditional obligation's trigger happened
    phase_1.end + 8         any of the above plus or minus whole days

A last day (a window's or a phase's ``end``) may also be ``open``: no end
written in the text ("until further notice"). An open window runs until the
as-of date or the end of the agreement's life, whichever comes first.

Parsing is separate from resolving: ``parse_day`` checks the grammar (so a typo
is an error at its line), ``truceline.agreement.calendar`` turns it into a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

from pydantic import BeforeValidator

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_REF = re.compile(
    r"""^\s*
    (?:(?P<phase>[A-Za-z][A-Za-z0-9_-]*)\s*\.\s*)?
    (?:
        (?P<edge>start|end|trigger)
      | day\s+(?P<day>\d+)
      | (?:the\s+)?(?P<nth>\d+)(?:st|nd|rd|th)\s+day
    )
    \s*(?:(?P<sign>[+-])\s*(?P<offset>\d+)(?:\s*days?)?)?
    \s*$""",
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class DayExpr:
    """A parsed day reference. Exactly one of ``date``, ``edge`` or ``day`` is set."""

    date: dt.date | None = None
    phase: str | None = None
    edge: str | None = None  # "start", "end" or "trigger"
    day: int | None = None
    offset: int = 0


@lru_cache(maxsize=4096)
def parse_day(text: str) -> DayExpr:
    """Parse a day reference; raises ValueError with the accepted forms."""
    if _ISO.match(text.strip()):
        return DayExpr(date=dt.date.fromisoformat(text.strip()))
    found = _REF.match(text)
    if not found:
        raise ValueError(
            "expected a day reference such as 2025-02-03, day 16, the 42nd day, "
            "phase_1.end, phase_2.day 3 or trigger + 8"
        )
    edge = found["edge"].lower() if found["edge"] else None
    if edge == "trigger" and found["phase"]:
        raise ValueError("'trigger' takes no phase")
    if found["phase"] is None and edge in {"start", "end"}:
        raise ValueError(f"'{edge}' needs a phase, as in phase_1.{edge}")
    number = found["day"] or found["nth"]
    if number is not None and int(number) < 1:
        raise ValueError("days are counted from 1")
    offset = int(found["offset"] or 0) * (-1 if found["sign"] == "-" else 1)
    return DayExpr(
        phase=found["phase"],
        edge=edge,
        day=int(number) if number is not None else None,
        offset=offset,
    )


def _check(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        raise ValueError(f"write day {value}, not a bare number")
    if isinstance(value, str):
        parse_day(value)
    return value


DayRef = Annotated[str, BeforeValidator(_check)]
"""A day reference string (see the module docstring), checked when read."""

OPEN = "open"
"""The last day of a window the text leaves open ("until further notice")."""


def _check_end(value: object) -> object:
    """A last day: a day reference, or ``open``; the error names both forms."""
    if isinstance(value, str) and value.strip().lower() == OPEN:
        return OPEN
    try:
        return _check(value)
    except ValueError as exc:
        raise ValueError(f"{exc}; or open, for no end (until further notice)") from None


EndRef = Annotated[str, BeforeValidator(_check_end)]
"""A last day: a day reference, or ``open`` for a window with no end."""
