"""What was agreed, and published, by the as-of date.

An evaluation as of a day reads only the records known by then; it must also
read only the agreement texts known by then, or ``deadlines --as-of`` would
show an extension agreed a week later. An amendment is known from the day it was
signed (else the day it came into force), and not before the earliest
``published`` date among its sources, if any is dated. A dated change in an
agreement's life is known from its day and its sources likewise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from truceline.agreement.model import Agreement
from truceline.dates import first_day, last_day

Published = Mapping[str, dt.date]


def published(sources: Iterable[Any]) -> dict[str, dt.date]:
    """Source id → the day it is known from (a month-only date: the month's last day)."""
    return {s.id: last_day(s.published) for s in sources if s.published}


def known_by(agreements: Iterable[Agreement], dates: Published, as_of: dt.date) -> list[Agreement]:
    """The original agreements, and the amendments agreed and published by ``as_of``.

    An original agreement is kept even before it is known: its obligations are
    then simply not yet in effect (lifecycle ``created``), which says as much.
    """
    return [a for a in agreements if a.amends is None or known_from(a, dates) <= as_of]


def known_from(agreement: Agreement, dates: Published) -> dt.date:
    """The day a version is known from."""
    return not_before(first_day(agreement.signed or agreement.in_force), agreement.sources, dates)


def not_before(day: dt.date, sources: Iterable[str], dates: Published) -> dt.date:
    """``day``, or the earliest publication among ``sources`` if that is later."""
    dated = [dates[s] for s in sources if s in dates]
    return max(day, min(dated)) if dated else day
