"""The shared vocabularies: one definition of every closed set of words.

The model's objects, the extractor's typed results, the compliance engine and
the faces all name event types, figure qualifiers, date precisions, stances and
review states; each set is defined once, here, so that a word added in one
place is known everywhere (and a typo fails validation instead of silently
matching nothing).
"""

from __future__ import annotations

from enum import StrEnum


class Precision(StrEnum):
    """How precisely a date is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    APPROXIMATE = "approximate"


class ReviewState(StrEnum):
    """Where a record stands in review. Rejection is a state, never a deletion."""

    CANDIDATE = "candidate"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


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


class Stance(StrEnum):
    """A party's answer to a proposal."""

    ACCEPT = "accept"
    REJECT = "reject"
    CONDITIONAL = "conditional"
    COUNTER = "counter"
    NO_ANSWER = "no_answer"


class DisputeKind(StrEnum):
    """Why accounts differ."""

    CONTRADICTION = "contradiction"  # cannot both be true
    DEFINITION = "definition"  # different counting rules, labelled as such
    EVOLVING = "evolving"  # a figure that changed over time: a series, not an error
    OCCURRENCE = "occurrence"  # whether something happened at all


class TimexPrecision(StrEnum):
    """How precisely the extractor resolved a time expression.

    A record's `Precision` says what a reader can rely on; the extractor also
    says how it got there: "vague" ("early June", "in recent days": a day
    picked inside a fuzzy stretch) and "range" ("over the past three days",
    "this weekend": the first day of a span it cannot store). A record has no
    use for that difference, so both become "approximate" in `precision`, the
    one place the two sets meet.
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    VAGUE = "vague"
    RANGE = "range"

    @property
    def precision(self) -> Precision:
        """The record precision this stands for."""
        if self in (TimexPrecision.VAGUE, TimexPrecision.RANGE):
            return Precision.APPROXIMATE
        return Precision(self.value)


class QuoteKind(StrEnum):
    """How a quotation gives someone's words."""

    DIRECT = "direct"  # a sentence or more in quotation marks
    PARTIAL = "partial"  # a few quoted words inside the reporter's sentence
    INDIRECT = "indirect"  # reported speech, no quotation marks ("X said that …")


class FigureCategory(StrEnum):
    """What a reported number counts (a Figure's metric when the extractor found it)."""

    KILLED = "killed"
    INJURED = "injured"
    DISPLACED = "displaced"
    CAPTIVES_ALIVE = "captives_alive"
    CAPTIVES_DEAD = "captives_dead"
    CAPTIVES_TOTAL = "captives_total"
    PRISONERS = "prisoners"
    BODIES = "bodies"
    AID_TRUCKS = "aid_trucks"
    PHASE_DAYS = "phase_days"
    OTHER = "other"  # a count of something none of the above names


class EventMode(StrEnum):
    """Whether a source reports an act as done, or only as intended or possible.

    Only an asserted act can count as the act: one planned ("will withdraw"),
    threatened ("threatened to resume strikes") or hypothetical ("could
    collapse") has not happened by the report's own account.
    """

    ASSERTED = "asserted"
    PLANNED = "planned"
    THREATENED = "threatened"
    HYPOTHETICAL = "hypothetical"


class ActorKind(StrEnum):
    """What an actor of the dossier's register is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    STATE = "state"
    ARMED_GROUP = "armed_group"
    OTHER = "other"
