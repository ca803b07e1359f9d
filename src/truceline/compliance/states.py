"""Continuing states: a record that something holds from its day until a later day.

A report is dated to one day, but some things it reports go on: forces hold
five posts, a port stays cut off. A record marks this with ``until``: a last
day, or ``open`` (until a record that ends it, else up to the as-of date). A
later record may end it explicitly (``ends: <id>``), and for a count of a
level (troops deployed) the same body's next count of the same metric ends
it too. On each day it holds the state's record decides the day, with its id
in the evidence, so days between reports are not read as silence, and a state
nobody reported is never invented.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from typing import Any

from truceline.dates import last_day

ONE_DAY = dt.timedelta(days=1)
Entry = tuple[dt.date, Any, str, tuple[tuple[str, float], ...]]  # as in compliance.index
Held = tuple[Entry, dt.date]  # a state's entry and the last day it holds


def continuing(
    states: list[Entry], figures: dict[str, list[Entry]], as_of: dt.date | None
) -> list[Held]:
    """Each state's last day: its ``until``, cut short by a record that ends it.

    ``states`` holds the known records that carry ``until`` or ``ends``;
    ``figures`` the figure entries by metric (a later count ends a held count).
    Without an as-of date an open state holds on its own day only.
    """
    ended = _ended(states)
    counts = _next_counts(states, figures)
    out: list[Held] = []
    for entry in states:
        first, record, rid, _ = entry
        until = record.until
        if until is None:
            continue
        last = (as_of or first) if until == "open" else last_day(until)
        if as_of is not None:
            last = min(last, as_of)
        stop = ended.get(rid)
        if stop is not None and stop > first:
            last = min(last, stop - ONE_DAY)
        following = counts.get(rid)
        if following is not None:
            last = min(last, following - ONE_DAY)
        if last > first:
            out.append((entry, last))
    return out


def _ended(states: list[Entry]) -> dict[str, dt.date]:
    """State id → the first day a known record says it ended."""
    out: dict[str, dt.date] = {}
    for day, record, _, _ in states:
        target = record.ends
        if target is not None:
            out[target] = min(out.get(target, day), day)
    return out


def _next_counts(states: list[Entry], figures: dict[str, list[Entry]]) -> dict[str, dt.date]:
    """Held figure id → the day of the same body's next count of the same metric."""
    held = [(day, r) for day, r, _, _ in states if r.kind == "figure" and r.until is not None]
    days: dict[tuple[str, str], list[dt.date]] = {}
    read: set[str] = set()
    out: dict[str, dt.date] = {}
    for first, record in held:
        if record.metric not in read:
            read.add(record.metric)
            found: dict[str, set[dt.date]] = defaultdict(set)
            for day, other, _, _ in figures.get(record.metric, ()):
                found[(other.counted_by or "").lower()].add(day)
            days.update({(record.metric, b): sorted(when) for b, when in found.items()})
        later = days.get((record.metric, (record.counted_by or "").lower()), [])
        i = bisect_right(later, first)
        if i < len(later):
            out[record.id] = later[i]
    return out
