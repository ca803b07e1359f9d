"""Counts read against a target: what one body's counts of one day say.

Qualifiers bound the true value ("at least 801" reaches 600, "nearly 600"
falls short of it, "up to 700" cannot say). Several counts of one day by one
body are read together when they can all be true ("at least 330", later
"404": 404) and conflict when they cannot ("700" and "650"): the reading is
then disputed, never one count picked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from truceline.agreement.obligations import QuotaTerms
from truceline.compliance.ledger import Status

_EXACT = {"exact", "about", "half"}
_LOWER_BOUNDS = {*_EXACT, "at_least", "more_than", "over"}
_UPPER_BOUNDS = {*_EXACT, "nearly", "up_to"}
_STRICT = {"more_than", "over", "nearly"}  # the bound itself is excluded

Reading = tuple[Status, float | None, tuple[str, ...]]
"""A reading: its status, the value it rests on, the ids of the records read."""


@dataclass(slots=True)
class Counts:
    """One body's counts of one day: the first given, every distinct one, and their records."""

    first: tuple[float, str]
    distinct: set[tuple[float, str]] = field(default_factory=set)
    records: list[str] = field(default_factory=list)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.records)


def read_day(terms: QuotaTerms, counts: Counts) -> Reading:
    """One body's reading of one day: its counts read together, or disputed if they conflict."""
    evidence = counts.ids
    bounds = Bounds.of(*counts.first)
    for value, qualifier in counts.distinct if len(counts.distinct) > 1 else ():
        bounds = bounds.meet(Bounds.of(value, qualifier))
        if bounds.empty:
            return "disputed", None, evidence
    return bounds.decide(terms), bounds.low if bounds.low is not None else bounds.high, evidence


@dataclass(slots=True)
class Bounds:
    """What counts say about the true value: low ≤ value ≤ high (strict where so marked)."""

    low: float | None = None
    high: float | None = None
    low_strict: bool = False
    high_strict: bool = False

    @classmethod
    def of(cls, value: float, qualifier: str) -> Bounds:
        """ "at least 801": 801 ≤ value; "nearly 600": value < 600; "about 600": 600."""
        strict = qualifier in _STRICT
        return cls(
            value if qualifier in _LOWER_BOUNDS else None,
            value if qualifier in _UPPER_BOUNDS else None,
            strict and qualifier in _LOWER_BOUNDS,
            strict and qualifier in _UPPER_BOUNDS,
        )

    def meet(self, other: Bounds) -> Bounds:
        """The values both allow."""
        low, low_strict = _tighter(self.low, self.low_strict, other.low, other.low_strict, max)
        high, high_strict = _tighter(
            self.high, self.high_strict, other.high, other.high_strict, min
        )
        return Bounds(low, high, low_strict, high_strict)

    @property
    def empty(self) -> bool:
        """No value satisfies every count: the counts conflict."""
        if self.low is None or self.high is None:
            return False
        return self.low > self.high or (
            self.low == self.high and (self.low_strict or self.high_strict)
        )

    def decide(self, terms: QuotaTerms) -> Status:
        """Met or breached when every allowed value is; otherwise the counts cannot say."""
        target = terms.target
        above = self.low is not None and (
            self.low > target or (self.low == target and self.low_strict)
        )
        below = self.high is not None and (
            self.high < target or (self.high == target and self.high_strict)
        )
        if terms.comparison == "at_least":
            reaches = self.low is not None and self.low >= target
            return "met" if reaches else "breached" if below else "undecided"
        within = self.high is not None and self.high <= target
        return "met" if within else "breached" if above else "undecided"


def _tighter(
    a: float | None, a_strict: bool, b: float | None, b_strict: bool, pick: Callable[..., float]
) -> tuple[float | None, bool]:
    """The tighter of two bounds on one side (``pick`` is max for lows, min for highs)."""
    if a is None or b is None:
        return (b, b_strict) if a is None else (a, a_strict)
    if a == b:
        return a, a_strict or b_strict
    return (a, a_strict) if pick(a, b) == a else (b, b_strict)
