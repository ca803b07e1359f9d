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
