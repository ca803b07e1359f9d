"""Quotas: a daily (or weekly) series per counting body against a target.

Counts by different bodies (OCHA, COGAT, an Egyptian crossing authority) are
separate series and never merged. With ``counted_by`` set only that body
counts; unset, bodies that disagree on the outcome make the day disputed.
Two counts of the same day by the same body are disputed when they cannot
both be true ("700" and "650"); counts that bound each other ("at least 330",
later "404") are read together. A day with no count is unreported: missing
data is never read as zero; a day whose counts cannot say is undecided.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from truceline.agreement.match import Match
from truceline.agreement.obligations import QuotaTerms
from truceline.compliance.context import Context, Result
from truceline.compliance.index import compile_match
from truceline.compliance.ledger import Day, Point, Series, Status

_EXACT = {"exact", "about", "half"}
_LOWER_BOUNDS = {*_EXACT, "at_least", "more_than", "over"}
_UPPER_BOUNDS = {*_EXACT, "nearly", "up_to"}
_STRICT = {"more_than", "over", "nearly"}  # the bound itself is excluded

Reading = tuple[Status, float | None, tuple[str, ...]]


def evaluate(terms: QuotaTerms, ctx: Context) -> Result:
    """Per day: each body's reading, combined; weekly quotas judge 7-day blocks."""
    bodies = _series(terms, ctx)
    if terms.period == "day":
        readings = {
            body: {day: _read_day(terms, counts) for day, counts in points.items()}
            for body, points in bodies.items()
        }
    else:
        readings = {body: _read_weeks(terms, ctx, points) for body, points in bodies.items()}
    out = [_combine(day, {b: r[day] for b, r in readings.items() if day in r}) for day in ctx.days]
    series = [
        Series(terms.metric, body, [Point(day, *c.first, c.ids) for day, c in sorted(pts.items())])
        for body, pts in sorted(bodies.items(), key=lambda kv: kv[0] or "")
    ]  # fmt: skip
    return Result(out, series)


@dataclass(slots=True)
class _Counts:
    """One body's counts of one day: the first given, every distinct one, and their records."""

    first: tuple[float, str]
    distinct: set[tuple[float, str]] = field(default_factory=set)
    records: list[str] = field(default_factory=list)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.records)


def _series(terms: QuotaTerms, ctx: Context) -> dict[str | None, dict[dt.date, _Counts]]:
    """Daily counts of the metric, per counting body, read in one pass over the figures.

    The counting body is checked here rather than in the selection, so that each
    figure is read once (with a million records, every pass costs about a second).
    """
    body = terms.counted_by.lower() if terms.counted_by else None
    extra = compile_match(terms.match) if terms.match else None
    out: dict[str | None, dict[dt.date, _Counts]] = defaultdict(dict)
    for day, records in ctx.index.select(Match(kind="figure", metric=terms.metric)).items():
        for r in records:
            v = r.__dict__
            if v["period"] not in (None, "day") or (extra is not None and not extra(r)):
                continue
            if body is not None and (v["counted_by"] or "").lower() != body:
                continue
            count = (v["value"], v["qualifier"])
            points = out[v["counted_by"]]
            counts = points.get(day) or points.setdefault(day, _Counts(count))
            counts.distinct.add(count)
            counts.records.append(v["id"])
    return out


def _read_day(terms: QuotaTerms, counts: _Counts) -> Reading:
    """One body's reading of one day: its counts read together, or disputed if they conflict."""
    evidence = counts.ids
    bounds = _Bounds.of(*counts.first)
    for value, qualifier in counts.distinct if len(counts.distinct) > 1 else ():
        bounds = bounds.meet(_Bounds.of(value, qualifier))
        if bounds.empty:
            return "disputed", None, evidence
    return bounds.decide(terms), bounds.low if bounds.low is not None else bounds.high, evidence


@dataclass(slots=True)
class _Bounds:
    """What counts say about the true value: low ≤ value ≤ high (strict where so marked)."""

    low: float | None = None
    high: float | None = None
    low_strict: bool = False
    high_strict: bool = False

    @classmethod
    def of(cls, value: float, qualifier: str) -> _Bounds:
        """ "at least 801": 801 ≤ value; "nearly 600": value < 600; "about 600": 600."""
        strict = qualifier in _STRICT
        return cls(
            value if qualifier in _LOWER_BOUNDS else None,
            value if qualifier in _UPPER_BOUNDS else None,
            strict and qualifier in _LOWER_BOUNDS,
            strict and qualifier in _UPPER_BOUNDS,
        )

    def meet(self, other: _Bounds) -> _Bounds:
        """The values both allow."""
        low, low_strict = _tighter(self.low, self.low_strict, other.low, other.low_strict, max)
        high, high_strict = _tighter(
            self.high, self.high_strict, other.high, other.high_strict, min
        )
        return _Bounds(low, high, low_strict, high_strict)

    @property
    def empty(self) -> bool:
        """No value satisfies every count: the counts conflict."""
        if self.low is None or self.high is None:
            return False
        return self.low > self.high or (
            self.low == self.high and (self.low_strict or self.high_strict)
        )

    def decide(self, terms: QuotaTerms) -> Status:
        """Met or breached when every allowed value is; otherwise the counts cannot say."""
        target = terms.target
        above = self.low is not None and (
            self.low > target or (self.low == target and self.low_strict)
        )
        below = self.high is not None and (
            self.high < target or (self.high == target and self.high_strict)
        )
        if terms.comparison == "at_least":
            reaches = self.low is not None and self.low >= target
            return "met" if reaches else "breached" if below else "undecided"
        within = self.high is not None and self.high <= target
        return "met" if within else "breached" if above else "undecided"


def _tighter(
    a: float | None, a_strict: bool, b: float | None, b_strict: bool, pick: Callable[..., float]
) -> tuple[float | None, bool]:
    """The tighter of two bounds on one side (``pick`` is max for lows, min for highs)."""
    if a is None or b is None:
        return (b, b_strict) if a is None else (a, a_strict)
    if a == b:
        return a, a_strict or b_strict
    return (a, a_strict) if pick(a, b) == a else (b, b_strict)


def _read_weeks(
    terms: QuotaTerms, ctx: Context, points: dict[dt.date, _Counts]
) -> dict[dt.date, Reading]:
    """Seven-day blocks from the window start; the block's reading applies to each of its days."""
    out: dict[dt.date, Reading] = {}
    for first in range(0, len(ctx.days), 7):
        block = ctx.days[first : first + 7]
        daily = [_read_day(terms, points[d]) if d in points else None for d in block]
        complete = len(block) == 7 or block[-1] == ctx.end
        reading = _read_block(terms, daily, complete)
        if reading is not None:
            out.update(dict.fromkeys(block, reading))
    return out


def _read_block(terms: QuotaTerms, daily: list[Reading | None], complete: bool) -> Reading | None:
    known = [r for r in daily if r is not None]
    evidence = tuple(i for r in known for i in r[2])
    if any(r[0] == "disputed" for r in known):
        return "disputed", None, evidence
    values = [r[1] for r in known if r[1] is not None]
    if not values:
        return None
    total = sum(values) if terms.aggregation == "sum" else sum(values) / len(values)
    all_known = complete and len(values) == len(daily)
    exceeded = total >= terms.target if terms.comparison == "at_least" else total > terms.target
    if terms.aggregation == "sum" and exceeded:
        return ("met" if terms.comparison == "at_least" else "breached"), total, evidence
    if not all_known:
        return ("pending" if not complete else "undecided"), total, evidence
    kept = total >= terms.target if terms.comparison == "at_least" else total <= terms.target
    return ("met" if kept else "breached"), total, evidence


def _combine(day: dt.date, readings: dict[str | None, Reading]) -> Day:
    """Bodies that agree decide the day; bodies that disagree make it disputed."""
    if not readings:
        return Day(day, "unreported", note="no count")
    every = tuple(sorted({i for r in readings.values() for i in r[2]}))
    statuses = {r[0] for r in readings.values()}
    values = "; ".join(
        f"{body or 'unattributed'} {r[1]:g}" if r[1] is not None else f"{body or 'unattributed'} ?"
        for body, r in sorted(readings.items(), key=lambda kv: kv[0] or "")
    )
    single = next(iter(readings.values()))[1] if len(readings) == 1 else None
    if "disputed" in statuses:
        return Day(day, "disputed", every, note=f"differing counts: {values}", value=single)
    if {"met", "breached"} <= statuses:
        met = tuple(sorted(i for r in readings.values() if r[0] == "met" for i in r[2]))
        other = tuple(sorted(i for r in readings.values() if r[0] == "breached" for i in r[2]))
        return Day(day, "disputed", met, other, note=f"counting bodies disagree: {values}")
    for status in ("met", "breached", "pending"):
        if status in statuses:
            return Day(day, status, every, note=values, value=single)
    return Day(day, "undecided", every, note=f"count does not decide: {values}", value=single)
