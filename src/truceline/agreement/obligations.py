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

from pydantic import (
    BeforeValidator,
    Field,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from truceline.agreement.days import DayRef, EndRef
from truceline.agreement.match import Match
from truceline.agreement.periods import Period
from truceline.agreement.readings import Reading
from truceline.base import Id, StrictObject


class Clause(StrictObject):
    """The clause an obligation encodes: its reference and a short paraphrase."""

    ref: str
    text: str
    sources: list[str] = Field(default_factory=list, description="Source ids for this reading.")
    note: str | None = Field(None, description="Where sources disagree about the clause.")


ASAP = "as soon as possible"
"""A due day the text does not give: never overdue by the clock alone."""
_DAY_REF: TypeAdapter[str] = TypeAdapter(DayRef)


def _due(value: object) -> object:
    """A due day: a day reference, or ``as soon as possible``; the error names both."""
    if isinstance(value, str) and " ".join(value.lower().split()) == ASAP:
        return ASAP
    try:
        return _DAY_REF.validate_python(value)
    except ValidationError as exc:
        message = exc.errors()[0]["msg"].removeprefix("Value error, ")
        raise ValueError(f"{message}; or {ASAP}") from None


DueRef = Annotated[str, BeforeValidator(_due)]
Metrics = str | list[str] | None
Measure = Literal["flow", "stock"]
"""flow: counts of acts, which add up; stock: a level (troops deployed), latest count wins."""


class ClauseException(StrictObject):
    """A case the clause itself excepts (self-defence against an imminent threat).

    Listing it lets a record's claimed justification name it; the ledger shows
    the claim beside the breach and never rules on it.
    """

    id: Id
    text: str
    sources: list[str] = Field(default_factory=list, description="Source ids for the exception.")


class _Window(StrictObject):
    """When an obligation runs: a phase, or explicit first and last days (which win)."""

    phase: Id | None = Field(None, description="Phase whose days are the window.")
    start: DayRef | None = Field(None, description="First day; default the phase start or day 1.")
    end: EndRef | None = Field(
        None, description="Last day, or open (no end); default the phase or agreement end."
    )
    contrary: Match | None = Field(
        None, description="Records saying the opposite; on a deciding day they make it disputed."
    )


class QuotaTerms(_Window):
    """A metric measured per period against a target; days without a count are unreported."""

    kind: Literal["quota"] = "quota"
    metric: str
    unit: str = Field(min_length=1, description="What one unit is, as the clause defines it.")
    target: float = Field(ge=0)
    comparison: Literal["at_least", "at_most"] = "at_least"
    period: Period = Field("day", description="day, week, month or N days (such as 10 days).")
    anchor: DayRef | None = Field(
        None, description="First day of a period block; default the window's first day."
    )
    measure: Measure | None = Field(
        None, description="flow (default): counts add up; stock: a level, latest count wins."
    )
    aggregation: Literal["sum", "mean", "latest"] = Field(
        "sum",
        validate_default=False,  # only a written aggregation is checked against the measure
        description="How a period's daily counts combine before the target applies; "
        "a stock takes the latest unless mean is given.",
    )
    counted_by: str | None = Field(
        None, description="Only this body's counts; unset: all bodies, which must agree."
    )
    match: Match | None = Field(None, description="Further filter on the figures (e.g. who).")

    @field_validator("aggregation")
    @classmethod
    def _stock_not_summed(cls, value: str, info: ValidationInfo) -> str:
        if value == "sum" and info.data.get("measure") == "stock":
            raise ValueError("a stock is a level, never summed over days: use latest or mean")
        return value

    @property
    def combine(self) -> str:
        """How a period's counts combine: a stock takes its latest count unless told mean."""
        explicit = "aggregation" in self.model_fields_set
        return self.aggregation if self.measure != "stock" or explicit else "latest"


class DeadlineTerms(_Window):
    """An act due by a day: met from the day of the act; past ``due`` without it, overdue.

    Past due, a record that the act did not happen (``occurred: false``) or a
    ``contrary`` record (a refusal) makes the day breached from its own day on.
    """

    kind: Literal["deadline"] = "deadline"
    act: Match
    what: str = Field(description="The act, as a noun phrase: 'talks on phase 2'.")
    due: DueRef
    quantity: float | None = Field(
        None, gt=0, description="How much of the act is due (10 posts); less done is partial."
    )
    metric: Metrics = Field(None, description="Metric(s) giving each act's count; else 1.")
    measure: Measure | None = Field(
        None, description="flow (default): acts add up; stock: the latest count is all done."
    )


class ProhibitionTerms(_Window):
    """Records of acts that breach the obligation on their day.

    A record that the act did not happen that day (``occurred: false``) shows it kept.
    """

    kind: Literal["prohibition"] = "prohibition"
    match: Match
    silence: Literal["unreported", "assume_met"] = Field(
        "unreported",
        description=(
            "How a day with no record reads: unreported (default), or assume_met, an "
            "analyst's declared assumption shown as 'assumed met: no violation reported'."
        ),
    )


class Instalment(StrictObject):
    """A count due by a day."""

    due: DayRef
    count: float = Field(gt=0)


class Ratio(StrictObject):
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
    measure: Measure | None = Field(
        None, description="flow (default): counts add up; stock: done is the latest count."
    )

    @model_validator(mode="after")
    def _one_rule(self) -> ScheduleTerms:
        if bool(self.instalments) == (self.per is not None):
            raise ValueError("give either instalments or per, not both or neither")
        return self


class Trigger(StrictObject):
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


class _Head(StrictObject):
    id: Id
    party: str | list[str] = Field(description="Who bears the duty; a list: a joint duty.")
    through: str | None = Field(
        None, description="The signatory through whom a non-signatory party is bound."
    )
    clause: Clause
    readings: list[Reading] = Field(
        default_factory=list, description="Other readings of the clause, each with sources."
    )
    notes: str | None = None
    exceptions: list[ClauseException] | None = Field(
        None, description="Cases the clause excepts, which a claimed justification may name."
    )


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
