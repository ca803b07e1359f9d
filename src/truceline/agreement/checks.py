"""Checks that span fields of an agreement, each reported at the field at fault.

Pydantic checks one field at a time; these check the agreement as a whole:
ids are unique, every phase named exists, no phase ends before it starts, a
window does not end before it begins, ``trigger`` is used only where a trigger
exists. An amendment without phases of its own uses the amended agreement's,
which this file cannot see, so its phase names are checked when it is evaluated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from truceline.agreement.calendar import Calendar, CalendarError
from truceline.agreement.days import parse_day

if TYPE_CHECKING:  # types only: the agreement model runs these checks when it validates
    from truceline.agreement.model import Agreement

Loc = tuple[str | int, ...]
Problem = tuple[Loc, str]
_DAY_FIELDS = {"start", "end", "due", "day"}


def problems(agreement: Agreement) -> list[Problem]:
    """Everything wrong with an agreement as a whole, first problem first."""
    found = [*_duplicates(agreement), *_phase_names(agreement), *_triggers(agreement)]
    if not found:
        found += _order(agreement)
    return found


def _duplicates(agreement: Agreement) -> Iterator[Problem]:
    for section in ("phases", "obligations"):
        seen: set[str] = set()
        for i, item in enumerate(getattr(agreement, section)):
            if item.id in seen:
                yield (section, i, "id"), f"{item.id!r} is used twice in {section}"
            seen.add(item.id)
    ids = {o.id for o in agreement.obligations}
    for i, suspension in enumerate(agreement.suspensions):
        for j, oid in enumerate(suspension.obligations):
            if oid not in ids:
                yield ("suspensions", i, "obligations", j), f"unknown obligation {oid!r}"


def _phase_names(agreement: Agreement) -> Iterator[Problem]:
    if agreement.amends and not agreement.phases:
        return
    phases = {p.id for p in agreement.phases}
    known = ", ".join(sorted(phases)) or "none declared"
    for loc, phase in _phase_uses(agreement):
        if phase not in phases:
            yield loc, f"unknown phase {phase!r} (phases: {known})"


def _phase_uses(agreement: Agreement) -> Iterator[tuple[Loc, str]]:
    for i, phase in enumerate(agreement.phases):
        if phase.start.after:
            yield ("phases", i, "start", "after"), phase.start.after
    for i, obligation in enumerate(agreement.obligations):
        if obligation.phase:
            yield ("obligations", i, "phase"), obligation.phase
        then = getattr(obligation, "then", None)
        if then is not None and then.phase:
            yield ("obligations", i, "then", "phase"), then.phase
    for loc, ref in _day_refs(agreement, ()):
        named = parse_day(ref).phase
        if named:
            yield loc, named


def _day_refs(obj: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every day reference in a model tree, with its path."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if name in _DAY_FIELDS and isinstance(value, str):
                yield (*loc, name), value
            else:
                yield from _day_refs(value, (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _day_refs(item, (*loc, i))


def _triggers(agreement: Agreement) -> Iterator[Problem]:
    """``trigger`` means something only inside a conditional's ``then``."""
    for loc, ref in _day_refs(agreement, ()):
        allowed = len(loc) > 2 and loc[0] == "obligations" and loc[2] == "then"
        if parse_day(ref).edge == "trigger" and not allowed:
            yield loc, "'trigger' is only meaningful inside a conditional's then"


def _order(agreement: Agreement) -> Iterator[Problem]:
    calendar = Calendar(agreement)
    for i, phase in enumerate(agreement.phases):
        try:
            start, end = calendar.span(phase.id)
        except CalendarError as exc:
            yield ("phases", i, "start"), str(exc)
            continue
        if start and end and end < start:
            field = "end" if phase.end is not None else "start"
            yield (
                ("phases", i, field),
                f"phase {phase.id!r} starts on {start} but ends on {end}, before its start",
            )
    for i, obligation in enumerate(agreement.obligations):
        if obligation.start and obligation.end:
            first = calendar.resolve(obligation.start)
            last = calendar.resolve(obligation.end)
            if first and last and last < first:
                yield ("obligations", i, "end"), f"ends on {last}, before it starts on {first}"
