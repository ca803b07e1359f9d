"""The agreement's own life, as the file records it: its term and dated changes.

An agreement is in force from ``in_force``. It may run for a ``term`` that
must be renewed (by a new agreement of the parties, or automatically unless a
party objects in time), and its life is a list of dated, sourced changes:
renewed, suspended (by all parties or by one: a walk-out), resumed, withdrawn,
objected, lapsed, terminated. A change may also be read from the records: the
first record matching ``when`` dates it. The compliance engine turns these into
the days the agreement was alive (``truceline.compliance.life``), so a ledger
ends where the agreement ends. Where sources disagree about a change (renewed
for 60 days or for 120), each other reading is written under ``readings`` and
the engine evaluates the agreement under each.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from truceline.agreement.days import DayRef
from truceline.agreement.match import Match
from truceline.base import Id, StrictObject

LifeKind = Literal[
    "renewed", "suspended", "resumed", "withdrawn", "objected", "lapsed", "terminated"
]  # fmt: skip
ENDINGS = ("lapsed", "terminated")
"""Changes after which nothing the agreement says applies any more."""


class Term(StrictObject):
    """How long the agreement runs before it must be renewed."""

    ends: DayRef = Field(description="Last day of the first term.")
    renewal: Literal["by_agreement", "automatic"] = Field(
        "by_agreement",
        description=(
            "by_agreement: only a recorded 'renewed' change extends it; automatic: each term "
            "renews for length_days unless a party objects in time."
        ),
    )
    length_days: int | None = Field(None, gt=0, description="Length of an automatic renewal.")
    notice_days: int = Field(
        0, ge=0, description="An objection stops a renewal if made this many days before the end."
    )
    sources: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _length(self) -> Term:
        if self.renewal == "automatic" and self.length_days is None:
            raise ValueError("an automatic renewal needs length_days")
        return self


class LifeReading(StrictObject):
    """Another reading of a change (a renewal for 60 days or for 120): its days, its sources."""

    id: Id
    text: str = Field(description="The change as this reading has it.")
    sources: list[str] = Field(min_length=1)
    day: DayRef | None = Field(None, description="The day, as this reading has it.")
    until: DayRef | None = Field(None, description="The last day, as this reading has it.")

    @model_validator(mode="after")
    def _changes_a_day(self) -> LifeReading:
        if self.day is None and self.until is None:
            raise ValueError("give the day or until this reading has")
        return self


class LifeEvent(StrictObject):
    """One dated change in the agreement's life, with its sources.

    For ``lapsed``, ``terminated`` and ``withdrawn``, ``day`` is the last day
    the agreement (or the party's part in it) was in force.
    """

    event: LifeKind
    day: DayRef | None = Field(None, description="When it happened.")
    when: Match | None = Field(None, description="Or: the first record matching this dates it.")
    by: list[str] = Field(
        default_factory=list, description="The parties acting alone; empty: all parties."
    )
    until: DayRef | None = Field(
        None, description="renewed: last day of the new term; suspended: last suspended day."
    )
    reason: str | None = None
    sources: list[str] = Field(default_factory=list)
    readings: list[LifeReading] = Field(
        default_factory=list, description="Other readings of the change, each with sources."
    )

    @field_validator("by", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _dated(self) -> LifeEvent:
        if (self.day is None) == (self.when is None):
            raise ValueError("give either day or when")
        if self.until is not None and self.event not in ("renewed", "suspended"):
            raise ValueError(f"until applies to renewed or suspended, not {self.event}")
        return self
