"""Prohibitions: each qualifying record is a breach on its day, with its figures."""

from __future__ import annotations

from truceline.agreement.obligations import ProhibitionTerms
from truceline.compliance.context import Context, Result, ids
from truceline.compliance.index import Record
from truceline.compliance.ledger import Day


def evaluate(terms: ProhibitionTerms, ctx: Context) -> Result:
    """Breached on days with a qualifying record; other days read as ``terms.silence``."""
    found = ctx.index.select(terms.match)
    out: list[Day] = []
    for day in ctx.days:
        records = found.get(day)
        if records:
            out.append(Day(day, "breached", ids(records), note=_figures(records)))
        else:
            out.append(Day(day, terms.silence, note="no qualifying record"))
    return Result(out)


def _figures(records: list[Record]) -> str | None:
    """The figures the breaching records carry, summed by metric: 'fatalities 3; killed 2'."""
    totals: dict[str, float] = {}
    for record in records:
        if record.fatalities is not None:
            totals["fatalities"] = totals.get("fatalities", 0) + record.fatalities
        for figure in record.figures:
            totals[figure.metric] = totals.get(figure.metric, 0) + figure.value
    return "; ".join(f"{metric} {value:g}" for metric, value in totals.items()) or None
