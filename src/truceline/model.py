"""The objects of a dossier (see docs/model.md).

Every object has a stable string ``id``; records also say who claims them
(``claimed_by``) and which spans of which sources they come from (``sources``).
The product never states a contested claim in its own voice: a record is a
claim made by someone, somewhere, and keeps that provenance.

    Source          an article or document
    Record          Event | Statement | Figure | Proposal | Response
    Dispute         records that cannot all be true
    Revision        one change to any object, kept forever
    Agreement       see truceline.agreement.model (re-exported here)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from truceline.agreement.model import Agreement, Clause, Obligation, Phase, PhaseStart
from truceline.bounds import Storable
from truceline.dates import IsoDate, Precision, default_precision, first_day

__all__ = [
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
    "summary_of",
]

_ID = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
Id = Annotated[str, Field(pattern=_ID, max_length=200)]


def make_id(prefix: str, *parts: object) -> str:
    """A stable id from content: the same parts always give the same id."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:12]
    return f"{prefix}-{digest}"


class _Object(Storable):
    """Strict base: unknown fields are errors, so typos in YAML are caught."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True, validate_default=True)


# --------------------------------------------------------------------------- sources


class Source(_Object):
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

    @model_validator(mode="after")
    def _hash_text(self) -> Source:
        if self.text is not None and self.content_hash is None:
            self.content_hash = hashlib.sha256(self.text.encode()).hexdigest()
        return self


class Evidence(_Object):
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


class ReviewState(StrEnum):
    """Where a record stands in review. Rejection is a state, never a deletion."""

    CANDIDATE = "candidate"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class _RecordBase(_Object):
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

    @model_validator(mode="after")
    def _precision_from_date(self) -> _RecordBase:
        if self.date is not None and self.date_precision is None:
            self.date_precision = default_precision(self.date).value  # type: ignore[assignment]  # stored as its value (use_enum_values)
        return self

    @property
    def day(self) -> dt.date | None:
        """The first day the record's date can mean (for sorting and windows)."""
        return first_day(self.date) if self.date else None


class EventType(StrEnum):
    """PLOVER-style action types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"
    RELEASE = "RELEASE"
    RETURN = "RETURN"


class Qualifier(StrEnum):
    """How a reported number bounds the true value."""

    EXACT = "exact"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    NEARLY = "nearly"
    ABOUT = "about"
    OVER = "over"
    UP_TO = "up_to"
    HALF = "half"


class FigureValue(_Object):
    """A number attached to an event (e.g. fatalities, trucks)."""

    metric: str
    value: float
    qualifier: Qualifier = Qualifier.EXACT


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
    summary: str | None = None


class TermType(StrEnum):
    """What a term of a proposal is about."""

    RELEASE_CAPTIVES = "release_captives"
    RELEASE_PRISONERS = "release_prisoners"
    EXTENSION = "extension"
    TRUCE = "truce"
    AID = "aid"
    CROSSINGS = "crossings"
    WITHDRAWAL = "withdrawal"
    TALKS = "talks"
    DISARMAMENT = "disarmament"
    GOVERNANCE = "governance"
    OTHER = "other"


class Term(_Object):
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


class Stance(StrEnum):
    """A party's answer to a proposal."""

    ACCEPT = "accept"
    REJECT = "reject"
    CONDITIONAL = "conditional"
    COUNTER = "counter"
    NO_ANSWER = "no_answer"


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


def summary_of(record: Record) -> str | None:
    """A record's one line of text: its summary, else (a statement's) quoted words."""
    return getattr(record, "summary", None) or getattr(record, "quote", None)


def describe(record: Record) -> str:
    """A record in one line of plain text: who said what, which count, what happened."""
    if isinstance(record, Statement):
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


class DisputeKind(StrEnum):
    """Why accounts differ."""

    CONTRADICTION = "contradiction"  # cannot both be true
    DEFINITION = "definition"  # different counting rules, labelled as such
    EVOLVING = "evolving"  # a figure that changed over time: a series, not an error
    OCCURRENCE = "occurrence"  # whether something happened at all


class DisputeSide(_Object):
    """One account in a dispute: what is claimed, by whom, resting on which records."""

    claim: str
    claimed_by: str | None = None
    records: list[Id] = Field(default_factory=list)


class Dispute(_Object):
    """Records about the same thing that cannot all be true."""

    id: Id
    topic: str
    kind: DisputeKind = DisputeKind.CONTRADICTION
    date: IsoDate | None = None
    sides: list[DisputeSide] = Field(min_length=2)
    notes: str | None = None


# --------------------------------------------------------------------------- history


class Revision(_Object):
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
