"""Several readings of one clause: where sources disagree about what it says.

A clause may be reported as 10,000 troops by one source and 5,000 by another.
Picking one would state a contested claim in truceline's own voice, so each
other reading is written beside the obligation with its sources and the terms
it changes; the engine evaluates the obligation once per reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import Field, ValidationError

from truceline.base import Id, StrictObject

FIXED = ("id", "kind", "party", "through", "clause", "readings", "notes")
"""Fields a reading cannot change: it reads the same duty of the same party."""


class Reading(StrictObject):
    """Another reading of the clause: what it says, who says so, the terms it changes."""

    id: Id
    text: str = Field(description="The clause as this reading has it.")
    sources: list[str] = Field(min_length=1, description="Source ids for this reading.")
    terms: dict[str, Any] = Field(
        min_length=1, description="Terms this reading changes, e.g. {target: 5000}."
    )


def under(obligation: Any, reading: Reading) -> Any:
    """The obligation as ``reading`` has it (validated: the terms must make sense)."""
    data = obligation.model_dump(exclude={"readings"}, exclude_none=True)
    return type(obligation).model_validate({**data, **reading.terms})


def reading_problems(agreement: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """A reading changes terms only, and the terms it gives must be valid."""
    for section in ("obligations", "add", "replace"):
        for i, obligation in enumerate(getattr(agreement, section)):
            for j, reading in enumerate(obligation.readings):
                yield from _reading((section, i, "readings", j, "terms"), obligation, reading)


def _reading(
    loc: tuple[str | int, ...], obligation: Any, reading: Reading
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    fixed = [k for k in reading.terms if k in FIXED]
    if fixed:
        yield (*loc, fixed[0]), f"a reading cannot change {fixed[0]}"
        return
    try:
        under(obligation, reading)
    except ValidationError as exc:
        error = exc.errors()[0]
        yield (*loc, *error["loc"]), str(error["msg"]).removeprefix("Value error, ")
