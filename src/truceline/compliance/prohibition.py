"""Prohibitions: each qualifying record is a breach on its day, with its figures."""

from __future__ import annotations

from truceline.agreement.obligations import ProhibitionTerms
from truceline.compliance.context import Context, Result
from truceline.compliance.ledger import Day


def evaluate(terms: ProhibitionTerms, ctx: Context) -> Result:
    """Breached on days with a qualifying record; other days read as ``terms.silence``."""
    found = ctx.index.tally(terms.match)
    out: list[Day] = []
    for day in ctx.days:
        if day in found:
            evidence, totals = found[day]
            out.append(Day(day, "breached", evidence, note=_note(totals)))
        else:
            out.append(Day(day, terms.silence, note="no qualifying record"))
    return Result(out)


def _note(totals: dict[str, float]) -> str | None:
    """The breaching records' figures summed by metric: 'fatalities 3; killed 2'."""
    return "; ".join(f"{metric} {value:g}" for metric, value in totals.items()) or None
