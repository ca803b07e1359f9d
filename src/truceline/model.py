"""The objects of a dossier (their file format: docs/files.md).

Every object has a stable string ``id``; records also say who claims them
(``claimed_by``) and which spans of which sources they come from (``sources``).
The product never states a contested claim in its own voice: a record is a
claim made by someone, somewhere, and keeps that provenance.

    Source          an article or document
    Record          Event | Statement | Figure | Proposal | Response
    Dispute         records that cannot all be true
    Revision        one change to any object, kept forever
    Agreement       see truceline.agreement.model (re-exported here)
    Actor           one entry of the dossier's register of actors (actors.yaml)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, model_validator

from truceline.agreement.model import Agreement, Clause, Obligation, Phase, PhaseStart
from truceline.base import Id, StrictObject, make_id
from truceline.dates import IsoDate, IsoDateOrOpen, default_precision, first_day
from truceline.vocab import (
    ActorKind,
    DisputeKind,
    EventMode,
    EventType,
    Precision,
    Qualifier,
    ReviewState,
    Stance,
    TermType,
)

__all__ = [
    "Actor",
    "ActorKind",
    "Agreement",
    "AnyRecord",
    "Clause",
    "Dispute",
    "DisputeKind",
    "DisputeSide",
    "Event",
    "EventType",
    "Evidence",
    "Figure",
    "FigureValue",
    "Justification",
    "Obligation",
    "Phase",
    "PhaseStart",
    "Proposal",
    "Qualifier",
    "RECORD_KINDS",
    "Record",
    "ReviewState",
    "Response",
    "Revision",
    "Source",
    "Stance",
    "Statement",
    "Term",
    "TermType",
    "make_id",
    "describe",
    "dump",
    "kind_of",
    "summary_of",
]

# --------------------------------------------------------------------------- actors


class Actor(StrictObject):
    """A person, organisation, state or armed group of the dossier's register.

    Records keep ``name`` (the canonical name); ``aliases`` are the other ways
    sources name the actor ("PM Netanyahu"). Titles resolve only when listed.
    """

    id: Id
    name: str = Field(min_length=1)
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    affiliation: str | None = None


# --------------------------------------------------------------------------- sources


class Source(StrictObject):
    """An article or document that records are drawn from."""

    id: Id
    outlet: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: IsoDate | None = None
    retrieved: dt.datetime | None = None
    via: str | None = Field(None, description="Outlet whose report this copy carries.")
    language: str | None = None
    content_hash: str | None = None
    text: str | None = None
    notes: str | None = Field(None, description="The analyst's remarks on the source.")

    @model_validator(mode="after")
    def _hash_text(self) -> Source:
        if self.text is not None and self.content_hash is None:
            self.content_hash = hashlib.sha256(self.text.encode()).hexdigest()
        return self


class Evidence(StrictObject):
    """Where a record comes from: a source, and optionally a character span of its text."""

    source: Id
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)
    text: str | None = Field(None, description="The sentence or words the record rests on.")

    @model_validator(mode="after")
    def _span_order(self) -> Evidence:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both start and end, or neither")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("end comes before start")
        return self


# --------------------------------------------------------------------------- records


class _RecordBase(StrictObject):
    id: Id
    date: IsoDate | None = None
    date_precision: Precision | None = None
    claimed_by: str | None = Field(
        None, description="Who asserts this (a party, an agency, an outlet's own reporting)."
    )
    sources: list[Evidence] = Field(default_factory=list)
    state: ReviewState = ReviewState.ACCEPTED
    confidence: float | None = Field(None, ge=0, le=1)
    notes: str | None = None
    until: IsoDateOrOpen | None = Field(
        None,
        description="A continuing state (forces holding posts, a port cut off): it holds from "
        "date through this day; open: until a record that ends it, or the as-of date.",
    )
    ends: Id | None = Field(None, description="The continuing state (record id) this one ends.")

    @model_validator(mode="after")
    def _precision_from_date(self) -> _RecordBase:
        if self.date is not None and self.date_precision is None:
            self.date_precision = default_precision(self.date).value  # type: ignore[assignment]  # stored as its value (use_enum_values)
        return self

    @property
    def day(self) -> dt.date | None:
        """The first day the record's date can mean (for sorting and windows)."""
        return first_day(self.date) if self.date else None


class FigureValue(StrictObject):
    """A number attached to an event (e.g. fatalities, trucks)."""

    metric: str
    value: float
    qualifier: Qualifier = Qualifier.EXACT


class Justification(StrictObject):
    """A justification someone claims for an act (self-defence): a claim, never a ruling."""

    claim: str
    claimed_by: str
    exception: Id | None = Field(None, description="The obligation's exception it invokes.")


class Event(_RecordBase):
    """A dated happening: who did what to whom, where."""

    kind: Literal["event"] = "event"
    type: EventType
    sub_type: str | None = None
    actors: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    location: str | None = None
    fatalities: int | None = Field(None, ge=0)
    figures: list[FigureValue] = Field(default_factory=list)
    summary: str
    occurred: bool | None = Field(
        None, description="false: the source says this did not happen (a denial, kept as a claim)."
    )
    mode: EventMode | None = Field(
        None,
        description="planned, threatened or hypothetical: reported as intended or possible, "
        "not as done (unset: reported as done).",
    )
    justification: Justification | None = Field(
        None, description="A justification claimed for the act, and by whom (self-defence)."
    )

    @property
    def is_act(self) -> bool:
        """Whether the source reports the act as done: neither denied nor only intended."""
        return self.occurred is not False and self.mode in (None, EventMode.ASSERTED)


class Statement(_RecordBase):
    """Words someone said, directly quoted or reported."""

    kind: Literal["statement"] = "statement"
    speaker: str
    affiliation: str | None = None
    quote: str
    mode: Literal["direct", "indirect"] = "direct"
    summary: str | None = None


class Figure(_RecordBase):
    """A reported count: its metric, value, bound, period and whom it counts."""

    kind: Literal["figure"] = "figure"
    metric: str = Field(description="killed, injured, captives_alive, aid_trucks, …")
    value: float
    qualifier: Qualifier = Qualifier.EXACT
    unit: str | None = None
    period: Literal["day", "week", "month", "total", "phase"] | None = None
    period_end: IsoDate | None = None
    who: str | None = Field(None, description="Whom or what the figure counts.")
    counted_by: str | None = Field(None, description="The body that counted (OCHA, COGAT …).")
    as_of: str | None = Field(None, description="Time of day or stage the figure was current.")
    incident: str | None = Field(
        None,
        description="The one happening counted (a strike, the first exchange); "
        "unset: everything in the period.",
    )
    cumulative: bool | None = Field(
        None,
        description="true: a running total (the war so far); a later count by the same "
        "body updates it.",
    )
    summary: str | None = None


class Term(StrictObject):
    """One typed term of a proposal; unused fields stay empty."""

    type: TermType
    living: int | None = Field(None, ge=0)
    deceased: int | None = Field(None, ge=0)
    count: int | None = Field(None, ge=0)
    named: list[str] = Field(default_factory=list)
    until: IsoDate | None = None
    days: int | None = Field(None, ge=0)
    years: float | None = Field(None, ge=0)
    trucks_per_day: int | None = Field(None, ge=0)
    area: str | None = None
    by: IsoDate | None = None
    phase: str | None = None
    text: str | None = None


class Proposal(_RecordBase):
    """An offer made in negotiation, with typed terms and its lineage."""

    kind: Literal["proposal"] = "proposal"
    title: str
    proposer: str
    mediators: list[str] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    answers: Id | None = Field(None, description="The proposal this one answers.")
    supersedes: Id | None = None
    summary: str | None = None


class Response(_RecordBase):
    """A party's stance on a proposal, as claimed by a given source."""

    kind: Literal["response"] = "response"
    party: str
    proposal: Id
    stance: Stance
    conditions: list[str] = Field(default_factory=list)
    counter_proposal: Id | None = None
    summary: str | None = None


AnyRecord = Annotated[Event | Statement | Figure | Proposal | Response, Field(discriminator="kind")]
Record = Event | Statement | Figure | Proposal | Response
RECORD_KINDS: dict[str, type[BaseModel]] = {
    "event": Event,
    "statement": Statement,
    "figure": Figure,
    "proposal": Proposal,
    "response": Response,
}


def kind_of(obj: BaseModel) -> str:
    """The object kind stored in revisions and shown to people: source, agreement,
    dispute or a record kind."""
    if isinstance(obj, Source):
        return "source"
    if isinstance(obj, Agreement):
        return "agreement"
    if isinstance(obj, Dispute):
        return "dispute"
    return str(obj.kind)  # type: ignore[attr-defined]


def dump(obj: BaseModel) -> dict[str, Any]:
    """The canonical JSON form of an object, as stored and compared."""
    return obj.model_dump(mode="json", exclude_none=True, exclude_defaults=False)


def summary_of(record: Record) -> str | None:
    """A record's one line of text: its summary, else (a statement's) quoted words."""
    return getattr(record, "summary", None) or getattr(record, "quote", None)


def describe(record: Record) -> str:
    """A record in one line of plain text: who said what, which count, what happened.

    Only a verbatim statement is put in quotation marks: a paraphrase (``mode:
    indirect``) in quotation marks reads as the speaker's own words.
    """
    if isinstance(record, Statement):
        if record.mode == "indirect":
            return f"{record.speaker} (paraphrase): {record.quote}"
        return f"{record.speaker}: “{record.quote}”"
    if isinstance(record, Figure):
        bound = "" if record.qualifier == "exact" else f"{record.qualifier.replace('_', ' ')} "
        who = f" ({record.who})" if record.who else ""
        return f"{record.metric.replace('_', ' ')}: {bound}{record.value:g}{who}"
    if isinstance(record, Event):
        return record.summary
    if isinstance(record, Proposal):
        return f"{record.title} (proposed by {record.proposer})"
    return f"{record.party}: {record.stance.replace('_', ' ')} on {record.proposal}"


# --------------------------------------------------------------------------- disputes


class DisputeSide(StrictObject):
    """One account in a dispute: what is claimed, by whom, resting on which records."""

    claim: str
    claimed_by: str | None = None
    records: list[Id] = Field(default_factory=list)


class Dispute(StrictObject):
    """Records about the same thing that cannot all be true."""

    id: Id
    topic: str
    kind: DisputeKind = DisputeKind.CONTRADICTION
    date: IsoDate | None = None
    sides: list[DisputeSide] = Field(min_length=2)
    about: list[str] = Field(
        default_factory=list,
        description=(
            "Obligation ids and metrics the dispute is about; it contests only their days. "
            "Empty: every obligation whose deciding records it holds."
        ),
    )
    notes: str | None = None


# --------------------------------------------------------------------------- history


class Revision(StrictObject):
    """One change to one object. Revisions are only ever appended."""

    id: int | None = None
    object_id: str
    object_kind: str
    at: dt.datetime
    by: str
    action: Literal["create", "edit", "accept", "reject", "restore"]
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    note: str | None = None
