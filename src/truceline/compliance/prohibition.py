"""Prohibitions: each qualifying record is a breach on its day, with its figures.

A day is met only on a record that the prohibited act did not happen that day
(an event matching the prohibition with ``occurred: false``); on a day that
also has a breach, disputes (stored or detected) set the two against each
other, so that a denial of one strike does not hide another. A day no record
speaks of is unreported, or, where the agreement file declares
``silence: assume_met``, assumed met: labelled as an assumption, never as met.
A continuing state (``until``: forces holding posts, a port cut off) breaches
every day it holds, with its record as evidence; its figures count on its own
day only.
"""

from __future__ import annotations

from truceline.agreement.obligations import ProhibitionTerms
from truceline.compliance.context import Context, Result, ids
from truceline.compliance.index import Record
from truceline.compliance.ledger import Day, Status

_SILENCE: dict[str, tuple[Status, str]] = {
    "unreported": ("unreported", "no qualifying record"),
    "assume_met": ("assumed_met", "assumed met: no violation reported"),
}


def evaluate(terms: ProhibitionTerms, ctx: Context) -> Result:
    """Breached on days with a qualifying record; met on a record that none happened."""
    found = ctx.index.tally(terms.match)
    held = ctx.index.held(terms.match)
    denied = ctx.index.denials(terms.match)
    silence, quiet = _SILENCE[terms.silence]
    out: list[Day] = []
    for day in ctx.days:
        if day in found:
            evidence, totals = found[day]
            if day in held:
                evidence = (*evidence, *ids(held[day]))
            out.append(Day(day, "breached", evidence, note=_note(totals)))
        elif day in held:
            out.append(Day(day, "breached", ids(held[day]), note=_since(held[day])))
        elif day in denied:
            out.append(Day(day, "met", ids(denied[day]), note="recorded as not having happened"))
        else:
            out.append(Day(day, silence, note=quiet))
    return Result(out)


def _since(states: list[Record]) -> str:
    """A continuing state's note: what holds, since when (its figures are not counted again)."""
    return "continuing: " + "; ".join(f"{r.id} since {r.date}" for r in states)


def _note(totals: dict[str, float]) -> str | None:
    """The breaching records' figures summed by metric: 'fatalities 3; killed 2'."""
    return "; ".join(f"{metric} {value:g}" for metric, value in totals.items()) or None
