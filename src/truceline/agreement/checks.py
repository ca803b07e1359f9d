"""Checks that span fields of an agreement, each reported at the field at fault.

Pydantic checks one field at a time; these check the agreement as a whole:
ids are unique, every phase named exists, no phase ends before it starts, a
window does not end before it begins, ``trigger`` is used only where a trigger
exists, a patch is written as a patch, a non-signatory is bound through a
party, another reading of a clause gives valid terms. An amendment without phases of its own uses the amended agreement's,
which this file cannot see, so its phase names are checked when it is evaluated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from truceline.agreement.calendar import Calendar, CalendarError
from truceline.agreement.days import OPEN, parse_day
from truceline.agreement.obligations import ASAP
from truceline.agreement.patch_checks import patch_problems
from truceline.agreement.readings import reading_problems

if TYPE_CHECKING:  # types only: the agreement model runs these checks when it validates
    from truceline.agreement.model import Agreement

Loc = tuple[str | int, ...]
Problem = tuple[Loc, str]
_DAY_FIELDS = {"start", "end", "due", "day", "until", "ends"}
_SECTIONS = ("obligations", "add", "replace")
"""Where obligations are written: restated in full, or added and replaced by a patch."""


def problems(agreement: Agreement) -> list[Problem]:
    """Everything wrong with an agreement as a whole, first problem first."""
    found = [
        *_duplicates(agreement), *patch_problems(agreement), *_phase_names(agreement),
        *_triggers(agreement), *_bearers(agreement), *_life_names(agreement),
        *reading_problems(agreement),
    ]  # fmt: skip
    if not found:
        found += _order(agreement)
    return found


def _duplicates(agreement: Agreement) -> Iterator[Problem]:
    phases: set[str] = set()
    for i, phase in enumerate(agreement.phases):
        if phase.id in phases:
            yield ("phases", i, "id"), f"{phase.id!r} is used twice in phases"
        phases.add(phase.id)
    ids: set[str] = set()
    for loc, obligation in written(agreement):
        if obligation.id in ids:
            yield (*loc, "id"), f"{obligation.id!r} is used twice in {loc[0]}"
        ids.add(obligation.id)
    if agreement.patches:  # a patch may suspend obligations it carries over, unseen here
        return
    for i, suspension in enumerate(agreement.suspensions):
        for j, oid in enumerate(suspension.obligations):
            if oid not in ids:
                yield ("suspensions", i, "obligations", j), f"unknown obligation {oid!r}"


def _phase_names(agreement: Agreement) -> Iterator[Problem]:
    if agreement.amends and not agreement.phases:
        return
    yield from phase_problems(agreement, {p.id for p in agreement.phases})


def phase_problems(agreement: Agreement, phases: set[str]) -> Iterator[Problem]:
    """Every phase the agreement names that is not among ``phases`` (its own, or for an
    amendment without phases, those of the version it amends)."""
    known = ", ".join(sorted(phases)) or "none declared"
    for loc, phase in _phase_uses(agreement):
        if phase not in phases:
            yield loc, f"unknown phase {phase!r} (phases: {known})"


def _phase_uses(agreement: Agreement) -> Iterator[tuple[Loc, str]]:
    for i, phase in enumerate(agreement.phases):
        if phase.start.after:
            yield ("phases", i, "start", "after"), phase.start.after
    for loc, obligation in written(agreement):
        if obligation.phase:
            yield (*loc, "phase"), obligation.phase
        then = getattr(obligation, "then", None)
        if then is not None and then.phase:
            yield (*loc, "then", "phase"), then.phase
    for loc, ref in _day_refs(agreement, ()):
        named = parse_day(ref).phase
        if named:
            yield loc, named


def _day_refs(obj: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every day reference in a model tree, with its path."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if name in _DAY_FIELDS and isinstance(value, str) and value not in (OPEN, ASAP):
                yield (*loc, name), value
            else:
                yield from _day_refs(value, (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _day_refs(item, (*loc, i))


def _triggers(agreement: Agreement) -> Iterator[Problem]:
    """``trigger`` means something only inside a conditional's ``then``."""
    for loc, ref in _day_refs(agreement, ()):
        allowed = len(loc) > 2 and loc[0] in _SECTIONS and loc[2] == "then"
        if parse_day(ref).edge == "trigger" and not allowed:
            yield loc, "'trigger' is only meaningful inside a conditional's then"


def written(agreement: Agreement) -> Iterator[tuple[Loc, Any]]:
    """Every obligation the file writes, with its path."""
    for section in _SECTIONS:
        for i, obligation in enumerate(getattr(agreement, section)):
            yield (section, i), obligation


def _bearers(agreement: Agreement) -> Iterator[Problem]:
    """A duty has a bearer; a non-signatory is bound through a party to the agreement."""
    for loc, obligation in written(agreement):
        if obligation.party == []:
            yield (*loc, "party"), "name at least one party"
        if obligation.through and obligation.through not in agreement.parties:
            parties = ", ".join(agreement.parties)
            yield (*loc, "through"), f"not a party to the agreement (parties: {parties})"


def _life_names(agreement: Agreement) -> Iterator[Problem]:
    """Who suspends, objects or withdraws is someone the agreement names."""
    named = [*agreement.parties, *agreement.mediators, *agreement.guarantors]
    for i, event in enumerate(agreement.life):
        for j, name in enumerate(event.by):
            if name not in named:
                known = ", ".join(named)
                yield ("life", i, "by", j), f"not named by the agreement (names: {known})"


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
            last = calendar.last(obligation.end)
            if first and last and last < first:
                yield ("obligations", i, "end"), f"ends on {last}, before it starts on {first}"
