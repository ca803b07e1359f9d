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
    """The figures the breaching records carry, e.g. 'fatalities 2; injured 9 (ev-1)'."""
    parts = []
    for record in records:
        figures = [f"{f.metric} {f.value:g}" for f in getattr(record, "figures", ())]
        if getattr(record, "fatalities", None) is not None:
            figures.insert(0, f"fatalities {record.fatalities}")
        if figures:
            parts.append(f"{', '.join(figures)} ({record.id})")
    return "; ".join(parts) or None
