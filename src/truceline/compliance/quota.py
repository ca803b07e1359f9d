"""Quotas: a daily series per counting body against a target, judged per period.

Counts by different bodies (OCHA, COGAT, an Egyptian crossing authority) are
separate series and never merged. With ``counted_by`` set only that body
counts; unset, bodies that disagree on the outcome make the day disputed.
Two counts of the same day by the same body are disputed when they cannot
both be true ("700" and "650"); counts that bound each other ("at least 330",
later "404") are read together. A day with no count is unreported: missing
data is never read as zero; a day whose counts cannot say is undecided.
Periods longer than a day are judged block by block (``blocks``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from truceline.agreement.match import Match
from truceline.agreement.obligations import QuotaTerms
from truceline.compliance.blocks import Span, read_blocks
from truceline.compliance.context import Context, Result
from truceline.compliance.counts import Counts, Reading, read_day
from truceline.compliance.index import compile_match
from truceline.compliance.ledger import Day, Point, Series

Bodies = dict[str | None, dict[dt.date, Counts]]


def evaluate(terms: QuotaTerms, ctx: Context) -> Result:
    """Per day: each body's reading, combined; longer periods judge blocks of days."""
    bodies, spans = _series(terms, ctx)
    if terms.period == "day":
        readings = {
            body: {day: read_day(terms, counts) for day, counts in points.items()}
            for body, points in bodies.items()
        }
    else:
        readings = {
            body: read_blocks(terms, ctx, bodies.get(body, {}), spans.get(body, []))
            for body in bodies.keys() | spans.keys()
        }
    out = [_combine(day, {b: r[day] for b, r in readings.items() if day in r}) for day in ctx.days]
    series = [
        Series(terms.metric, body, [Point(day, *c.first, c.ids) for day, c in sorted(pts.items())])
        for body, pts in sorted(bodies.items(), key=lambda kv: kv[0] or "")
    ]  # fmt: skip
    return Result(out, series)


def _series(terms: QuotaTerms, ctx: Context) -> tuple[Bodies, dict[str | None, list[Span]]]:
    """Daily counts of the metric per counting body, and counts over a span of days.

    Read in one pass over the figures, the counting body checked here rather
    than in the selection so that each figure is read once (with a million
    records, every pass costs about a second). A count that holds on (``until``)
    counts on each day it holds; a figure with a ``period_end`` counts its span.
    """
    body = terms.counted_by.lower() if terms.counted_by else None
    extra = compile_match(terms.match) if terms.match else None
    out: Bodies = defaultdict(dict)
    spans: dict[str | None, list[Span]] = defaultdict(list)
    figures = Match(kind="figure", metric=terms.metric)
    for held, found in ((False, ctx.index.select(figures)), (True, ctx.index.held(figures))):
        for day, records in found.items():
            for r in records:
                v = r.__dict__
                if v["period"] not in (None, "day") and v["period_end"] is None:
                    continue
                if (extra is not None and not extra(r)) or (
                    body is not None and (v["counted_by"] or "").lower() != body
                ):
                    continue
                if v["period_end"] is not None and v["period_end"] != v["date"]:
                    if not held:  # a count over a span is never a state held day by day
                        spans[v["counted_by"]].append(Span.of(day, v))
                    continue
                count = (v["value"], v["qualifier"])
                points = out[v["counted_by"]]
                counts = points.get(day) or points.setdefault(day, Counts(count))
                counts.distinct.add(count)
                counts.records.append(v["id"])
    return out, spans


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
