"""Which records count as evidence for an obligation.

A ``Match`` is a filter over records, written in the agreement file next to the
clause it serves. Every field narrows the selection; a list field matches when
any of its values matches. Text comparisons ignore case. The record shapes each
obligation kind expects are listed in docs/compliance.md.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, field_validator

from truceline.bounds import Storable
from truceline.vocab import EventType

RecordKind = Literal["event", "statement", "figure", "proposal", "response"]


class Match(Storable):
    """A record selector: record kind, event types, actors, metric, counting body, keywords."""

    model_config = ConfigDict(extra="forbid", validate_default=True, frozen=True)

    kind: RecordKind | None = Field(
        None,
        description=(
            "Record kind; unset: events and figures (what happened, what was counted), "
            "never words: name statement, proposal or response to read them."
        ),
    )
    types: list[str] = Field(default_factory=list, description="Event types (ASSAULT, RELEASE …).")
    actors: list[str] = Field(
        default_factory=list,
        description="Event actors, statement speakers or affiliations, response parties.",
    )
    targets: list[str] = Field(default_factory=list, description="Event targets.")
    metric: str | None = Field(None, description="Figure metric, or a metric among event figures.")
    counted_by: list[str] = Field(default_factory=list, description="Counting body of a figure.")
    claimed_by: list[str] = Field(default_factory=list, description="Who asserts the record.")
    keywords: list[str] = Field(
        default_factory=list,
        description="Words in the summary, quote, sub-type, location, title, who or notes.",
    )
    location: str | None = Field(None, description="Words in the event's location.")

    @field_validator("types")
    @classmethod
    def _known_types(cls, value: list[str]) -> list[str]:
        upper = [v.upper() for v in value]
        unknown = [v for v in upper if v not in EventType.__members__]
        if unknown:
            allowed = ", ".join(EventType.__members__)
            raise ValueError(f"unknown event type {unknown[0]!r}; expected one of {allowed}")
        return upper

    @field_validator("counted_by", "claimed_by", "actors", "targets", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value
