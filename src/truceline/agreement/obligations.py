"""Obligation kinds: a clause made checkable, as a pydantic union tagged by ``kind``.

Each kind is a ``*Terms`` class (what is owed and how it is read from records)
plus the head every obligation carries (id, party, clause). The split lets a
conditional obligation hold bare terms under ``then``: it starts one of the
other kinds when its trigger happens, so nesting conditionals is not possible.

    quota        a metric against a target per period (600 aid trucks a day)
    deadline     an act due by a day (phase-2 talks begin by day 16)
    prohibition  records that breach it on their day (military operations)
    schedule     counts due in instalments, or in proportion to another count
    conditional  a trigger that starts one of the above
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from truceline.agreement.days import DayRef
from truceline.agreement.match import Match
from truceline.bounds import Storable

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$", max_length=200)]


class _Object(Storable):
    model_config = ConfigDict(extra="forbid", use_enum_values=True, validate_default=True)


class Clause(_Object):
    """The clause an obligation encodes: its reference and a short paraphrase."""

    ref: str
    text: str
    sources: list[str] = Field(default_factory=list, description="Source ids for this reading.")
    note: str | None = Field(None, description="Where sources disagree about the clause.")


class _Window(_Object):
    """When an obligation runs: a phase, or explicit first and last days (which win)."""

    phase: Id | None = Field(None, description="Phase whose days are the window.")
    start: DayRef | None = Field(None, description="First day; default the phase start or day 1.")
    end: DayRef | None = Field(None, description="Last day; default the phase or agreement end.")
    contrary: Match | None = Field(
        None, description="Records saying the opposite; on a deciding day they make it disputed."
    )


class QuotaTerms(_Window):
    """A metric measured per period against a target; days without a count are unknown."""

    kind: Literal["quota"] = "quota"
    metric: str
    unit: str = Field(min_length=1, description="What one unit is, as the clause defines it.")
    target: float = Field(ge=0)
    comparison: Literal["at_least", "at_most"] = "at_least"
    period: Literal["day", "week"] = "day"
    aggregation: Literal["sum", "mean"] = Field(
        "sum", description="How a week's daily counts combine before the target applies."
    )
    counted_by: str | None = Field(
        None, description="Only this body's counts; unset: all bodies, which must agree."
    )
    match: Match | None = Field(None, description="Further filter on the figures (e.g. who).")


class DeadlineTerms(_Window):
    """An act due by a day: met from the day of the act, breached the day after ``due``."""

    kind: Literal["deadline"] = "deadline"
    act: Match
    what: str = Field(description="The act, as a noun phrase: 'talks on phase 2'.")
    due: DayRef


class ProhibitionTerms(_Window):
    """Records of acts that breach the obligation on their day."""

    kind: Literal["prohibition"] = "prohibition"
    match: Match
    silence: Literal["met", "unknown"] = Field(
        "met", description="Status of a day with no qualifying record."
    )


class Instalment(_Object):
    """A count due by a day."""

    due: DayRef
    count: float = Field(gt=0)


Metrics = str | list[str] | None


class Ratio(_Object):
    """Counts due in proportion to another series (prisoners per captive released)."""

    match: Match
    metric: Metrics = Field(None, description="Metric(s) giving each record's count; else 1.")
    ratio: float = Field(gt=0)
    lag_days: int = Field(0, ge=0, description="Days allowed after each counted record.")


class ScheduleTerms(_Window):
    """Cumulative counts due (in instalments, or per another count) against counts done."""

    kind: Literal["schedule"] = "schedule"
    match: Match
    metric: Metrics = Field(None, description="Metric(s) giving each record's count; else 1.")
    instalments: list[Instalment] = Field(default_factory=list)
    per: Ratio | None = None
    silence: Literal["breached", "unknown"] = Field(
        "unknown", description="Status of a day short of its due count with no record at all."
    )

    @model_validator(mode="after")
    def _one_rule(self) -> ScheduleTerms:
        if bool(self.instalments) == (self.per is not None):
            raise ValueError("give either instalments or per, not both or neither")
        return self


class Trigger(_Object):
    """What starts a conditional obligation: a day, or the first record that matches."""

    day: DayRef | None = None
    when: Match | None = None

    @model_validator(mode="after")
    def _one(self) -> Trigger:
        if (self.day is None) == (self.when is None):
            raise ValueError("give either day or when")
        return self


Terms = Annotated[
    QuotaTerms | DeadlineTerms | ProhibitionTerms | ScheduleTerms, Field(discriminator="kind")
]


class ConditionalTerms(_Window):
    """A trigger that starts other terms; the window bounds when the trigger may happen."""

    kind: Literal["conditional"] = "conditional"
    trigger: Trigger
    then: Terms


class _Head(_Object):
    id: Id
    party: str
    clause: Clause
    notes: str | None = None


class Quota(_Head, QuotaTerms):
    """A quota obligation."""


class Deadline(_Head, DeadlineTerms):
    """A deadline obligation."""


class Prohibition(_Head, ProhibitionTerms):
    """A prohibition obligation."""


class Schedule(_Head, ScheduleTerms):
    """A schedule obligation."""


class Conditional(_Head, ConditionalTerms):
    """A conditional obligation."""


Obligation = Annotated[
    Quota | Deadline | Prohibition | Schedule | Conditional, Field(discriminator="kind")
]
AnyTerms = QuotaTerms | DeadlineTerms | ProhibitionTerms | ScheduleTerms | ConditionalTerms
KINDS = ("quota", "deadline", "prohibition", "schedule", "conditional")
