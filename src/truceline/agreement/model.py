"""An agreement: parties, phases, and the obligations its clauses impose.

The obligation kinds (quota, deadline, prohibition, schedule, conditional) are
filled out by the compliance engine; this module fixes the shape every kind shares.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from truceline.dates import IsoDate

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$", max_length=200)]


class _Object(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True, validate_default=True)


class Clause(_Object):
    """The clause an obligation encodes: its reference and a short paraphrase."""

    ref: str
    text: str
    sources: list[str] = Field(default_factory=list, description="Source ids for this reading.")
    note: str | None = Field(None, description="Where sources disagree about the clause.")


class PhaseStart(_Object):
    """A phase starts on a date, or when another phase ends."""

    date: IsoDate | None = None
    after: Id | None = Field(None, description="Id of the phase whose end starts this one.")


class Phase(_Object):
    """A stage of the agreement with a length in days."""

    id: Id
    name: str | None = None
    start: PhaseStart
    length_days: int = Field(gt=0)
    conditions: list[str] = Field(default_factory=list)


class Obligation(_Object):
    """A clause made checkable, borne by one party."""

    id: Id
    kind: str
    party: str
    clause: Clause


class Agreement(_Object):
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
    sources: list[str] = Field(default_factory=list)
    notes: str | None = None
