"""What every obligation kind's evaluator receives and returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import attrgetter

from truceline.agreement.calendar import Calendar
from truceline.compliance.index import RecordIndex
from truceline.compliance.ledger import Day, Series

Disputed = Mapping[str, tuple[str, ...]]  # record id → ids set against it by disputes


@dataclass(frozen=True)
class Context:
    """An obligation's window (days up to the as-of date) and the records to judge it by."""

    index: RecordIndex
    calendar: Calendar
    start: dt.date
    end: dt.date | None
    days: list[dt.date]
    trigger: dt.date | None = None
    disputed: Disputed = field(default_factory=dict)  # the disputes about this obligation


@dataclass
class Result:
    """One status per window day, plus what some kinds add (series, due date, act day)."""

    days: list[Day]
    series: list[Series] = field(default_factory=list)
    due: dt.date | None = None
    done_on: dt.date | None = None


_ID = attrgetter("id")


def ids(records: list[object]) -> tuple[str, ...]:
    """Record ids in input order (the store gives records in date, then id, order)."""
    return tuple(map(_ID, records))
