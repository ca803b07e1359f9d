"""An agreement: parties, phases, suspensions and the obligations its clauses impose.

An amendment either restates every obligation (``obligations``: one left out
ends) or patches the amended version (``add``, ``replace``, ``drop`` by id:
what it does not name carries over).

Relative days resolve by one explicit rule: day 1 is ``day_one`` if the file
gives it, else the ``in_force`` date. An amendment is a new Agreement naming
the one it ``amends``; it governs its obligations from its own ``in_force``
date on, and keeps the amended agreement's day 1 unless it sets its own.

Validation runs in two steps: pydantic checks each field, then ``checks``
checks what spans fields (unknown phases, a phase ending before it starts).
Both report the failing field's path, so file errors name the right line.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationError, ValidatorFunctionWrapHandler, model_validator
from pydantic_core import PydanticCustomError

from truceline.agreement.checks import problems
from truceline.agreement.days import DayRef, EndRef
from truceline.agreement.life import LifeEvent, Term
from truceline.agreement.match import Match
from truceline.agreement.obligations import KINDS, Clause, Obligation
from truceline.base import Id, StrictObject
from truceline.dates import IsoDate

__all__ = [
    "Agreement", "Clause", "LifeEvent", "Obligation", "Phase", "PhaseStart", "Suspension", "Term"
]  # fmt: skip


class PhaseStart(StrictObject):
    """A phase starts on a date, a day, when another phase ends, or on a first matching record."""

    date: IsoDate | None = None
    day: DayRef | None = Field(None, description="A day reference such as day 43.")
    after: Id | None = Field(None, description="Id of the phase whose end starts this one.")
    when: Match | None = Field(None, description="The first record matching this starts it.")

    @model_validator(mode="after")
    def _exactly_one(self) -> PhaseStart:
        given = [f for f in ("date", "day", "after", "when") if getattr(self, f) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of date, day, after or when")
        return self


class Phase(StrictObject):
    """A stage of the agreement: a start and a length in days (or an explicit last day)."""

    id: Id
    name: str | None = None
    start: PhaseStart
    length_days: int | None = Field(None, gt=0)
    end: EndRef | None = Field(
        None, description="Last day (or open: no end), instead of length_days."
    )
    conditions: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _length_or_end(self) -> Phase:
        if (self.length_days is None) == (self.end is None):
            raise ValueError("give either length_days or end")
        return self


class Suspension(StrictObject):
    """Days on which obligations are suspended (all of them, or those listed)."""

    start: DayRef
    end: DayRef | None = Field(None, description="Last suspended day; open-ended if unset.")
    obligations: list[Id] = Field(default_factory=list, description="Ids; empty means all.")
    reason: str
    sources: list[str] = Field(default_factory=list)


class Agreement(StrictObject):
    """One version of an agreement. An amendment is a new Agreement naming the one it amends."""

    id: Id
    title: str
    version: int = Field(1, ge=1)
    amends: Id | None = None
    parties: list[str] = Field(min_length=1)
    mediators: list[str] = Field(default_factory=list)
    guarantors: list[str] = Field(default_factory=list)
    signed: IsoDate | None = None
    in_force: IsoDate
    day_one: IsoDate | None = Field(None, description="Day 1 of relative days; default in_force.")
    phases: list[Phase] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    add: list[Obligation] = Field(
        default_factory=list, description="An amendment's new obligations (a patch)."
    )
    replace: list[Obligation] = Field(
        default_factory=list, description="An amendment's new text of obligations, by id."
    )
    drop: list[Id] = Field(
        default_factory=list, description="Ids of obligations an amendment ends."
    )
    suspensions: list[Suspension] = Field(default_factory=list)
    term: Term | None = Field(None, description="How long it runs before it must be renewed.")
    life: list[LifeEvent] = Field(
        default_factory=list, description="Dated changes: renewed, suspended, lapsed …"
    )
    sources: list[str] = Field(default_factory=list)
    notes: str | None = None

    @model_validator(mode="wrap")
    @classmethod
    def _validate(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Agreement:
        try:
            agreement: Agreement = handler(data)
        except ValidationError as exc:
            raise _without_tags(exc, cls.__name__) from None
        found = problems(agreement)
        if found:
            loc, message = found[0]
            error = PydanticCustomError("agreement", message)
            raise ValidationError.from_exception_data(
                cls.__name__, [{"type": error, "loc": loc, "input": _at(data, loc)}]
            )
        return agreement

    @property
    def patches(self) -> bool:
        """An amendment written as a patch: what it does not name carries over."""
        return bool(self.add or self.replace or self.drop)


def _without_tags(exc: ValidationError, title: str) -> ValidationError:
    """Drop the union tag pydantic puts in error paths (``obligations[2].quota.unit``)."""
    errors: list[Any] = []
    for error in exc.errors():
        loc = error["loc"]
        kept = tuple(p for i, p in enumerate(loc) if not (i and p in KINDS and _tagged(loc[i - 1])))
        if error["type"] == "union_tag_invalid":
            kept = (*kept, "kind")
        custom = PydanticCustomError(error["type"], error["msg"], error.get("ctx"))
        errors.append({"type": custom, "loc": kept, "input": error["input"]})
    return ValidationError.from_exception_data(title, errors)


def _tagged(parent: str | int) -> bool:
    """Union members sit under a list index (obligations[2]) or under ``then``."""
    return isinstance(parent, int) or parent == "then"


def _at(data: Any, loc: tuple[str | int, ...]) -> Any:
    """The raw input at a path, for the error message."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
