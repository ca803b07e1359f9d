"""Quotas judged per period: blocks of days, read from daily counts and counts over a span.

A block (a week, a month, ten days: ``agreement.periods``) is read from one
body's daily counts: a flow sums or averages them, a stock takes its latest
count (a level is never summed: 6,000 troops counted twice are 6,000). A
figure dated by a span (``date`` to ``period_end``: "816 violations from 27
November to 22 December") decides the block it covers exactly; inside a
longer block it is only a lower bound of a sum, and across two blocks it
decides neither. Its ``period`` says what the value counts: ``day``, a daily
average over the span; anything else, the span's total. When the daily counts
and a span figure disagree about the block, the block is disputed, with both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from truceline.agreement.obligations import QuotaTerms
from truceline.agreement.periods import block_end, block_start
from truceline.compliance.context import Context
from truceline.compliance.counts import Bounds, Counts, Reading, read_day


@dataclass(frozen=True, slots=True)
class Span:
    """A count over a span of days: first and last day, value, qualifier, rate or total."""

    first: dt.date
    last: dt.date
    value: float
    qualifier: str
    daily: bool  # the value is a daily average over the span, not its total
    id: str

    @classmethod
    def of(cls, day: dt.date, v: dict[str, Any]) -> Span:
        """From a figure's fields; ``day`` is its date, ``period_end`` its last day."""
        last = dt.date.fromisoformat(v["period_end"][:10])
        return cls(day, last, v["value"], v["qualifier"], v["period"] == "day", v["id"])

    @property
    def length(self) -> int:
        return (self.last - self.first).days + 1


def read_blocks(
    terms: QuotaTerms, ctx: Context, points: dict[dt.date, Counts], spans: list[Span]
) -> dict[dt.date, Reading]:
    """One body's reading of each block, applied to each of the block's days."""
    anchor = ctx.calendar.resolve(terms.anchor) if terms.anchor else ctx.start
    anchor = anchor or ctx.start
    out: dict[dt.date, Reading] = {}
    for first, last, block in _blocks(ctx, terms.period, anchor):
        daily = [read_day(terms, points[d]) if d in points else None for d in block]
        readings = [_read_block(terms, daily, block[-1] == last)]
        readings += [_read_span(terms, s, first, last) for s in spans]
        reading = _merge([r for r in readings if r is not None])
        if reading is not None:
            out.update(dict.fromkeys(block, reading))
    return out


def _blocks(
    ctx: Context, period: str, anchor: dt.date
) -> list[tuple[dt.date, dt.date, list[dt.date]]]:
    """The window's blocks: first and last day (within the window), and the days evaluated."""
    out: list[tuple[dt.date, dt.date, list[dt.date]]] = []
    for day in ctx.days:
        if out and day <= out[-1][1]:
            out[-1][2].append(day)
            continue
        start = block_start(day, period, anchor)
        end = block_end(start, period, anchor)
        out.append((max(start, ctx.start), min(end, ctx.end) if ctx.end else end, [day]))
    return out


def _read_block(terms: QuotaTerms, daily: list[Reading | None], complete: bool) -> Reading | None:
    """A block from its daily counts; ``complete``: every day of the block is evaluated."""
    known = [r for r in daily if r is not None]
    if terms.combine == "latest":
        return _latest(known, complete)
    evidence = tuple(i for r in known for i in r[2])
    if any(r[0] == "disputed" for r in known):
        return "disputed", None, evidence
    values = [r[1] for r in known if r[1] is not None]
    if not values:
        return None
    total = sum(values) if terms.combine == "sum" else sum(values) / len(values)
    all_known = complete and len(values) == len(daily)
    exceeded = total >= terms.target if terms.comparison == "at_least" else total > terms.target
    if terms.combine == "sum" and exceeded:
        return ("met" if terms.comparison == "at_least" else "breached"), total, evidence
    if not all_known:
        return ("pending" if not complete else "undecided"), total, evidence
    kept = total >= terms.target if terms.comparison == "at_least" else total <= terms.target
    return ("met" if kept else "breached"), total, evidence


def _latest(known: list[Reading], complete: bool) -> Reading | None:
    """A stock: the block's latest count decides it, once the block is over."""
    if not known:
        return None
    status, value, evidence = known[-1]
    return (status if complete or status == "disputed" else "pending"), value, evidence


def _read_span(terms: QuotaTerms, span: Span, first: dt.date, last: dt.date) -> Reading | None:
    """What a count over a span says about the block from ``first`` to ``last``."""
    if span.first < first or span.last > last:
        return None  # outside the block, or across two blocks: it decides neither
    exact = (span.first, span.last) == (first, last)
    days = (last - first).days + 1
    if terms.combine == "sum":
        total = span.value * span.length if span.daily else span.value
        bounds = Bounds.of(total, span.qualifier)
        if not exact:  # a part of the block: the block's sum is at least this much
            bounds = Bounds(bounds.low, None, bounds.low_strict, False)
        return bounds.decide(terms), total, (span.id,)
    if not exact:
        return None  # an average over part of the block says nothing of the block's average
    mean = span.value if span.daily else span.value / days
    return Bounds.of(mean, span.qualifier).decide(terms), mean, (span.id,)


def _merge(readings: list[Reading]) -> Reading | None:
    """One body's readings of a block (daily counts, span figures): disputed if they disagree."""
    if len(readings) <= 1:
        return readings[0] if readings else None
    evidence = tuple(dict.fromkeys(i for r in readings for i in r[2]))
    statuses = {r[0] for r in readings}
    if "disputed" in statuses or {"met", "breached"} <= statuses:
        return "disputed", None, evidence
    for status in ("met", "breached", "pending", "undecided"):
        found = [r for r in readings if r[0] == status]
        if found:
            return status, found[0][1], evidence
    return None
