"""Agreements as code: parties, phases and obligations, validated from YAML (docs/compliance.md)."""

from truceline.agreement.calendar import Calendar, CalendarError
from truceline.agreement.days import DayExpr, DayRef, parse_day
from truceline.agreement.life import LifeEvent, LifeReading, Term
from truceline.agreement.match import Match
from truceline.agreement.model import Agreement, Phase, PhaseStart, Suspension
from truceline.agreement.obligations import (
    AnyTerms,
    Clause,
    Conditional,
    ConditionalTerms,
    Deadline,
    DeadlineTerms,
    Instalment,
    Obligation,
    Prohibition,
    ProhibitionTerms,
    Quota,
    QuotaTerms,
    Ratio,
    Schedule,
    ScheduleTerms,
    Terms,
    Trigger,
)
from truceline.agreement.readings import Reading

__all__ = [
    "Agreement",
    "AnyTerms",
    "Calendar",
    "CalendarError",
    "Clause",
    "Conditional",
    "ConditionalTerms",
    "DayExpr",
    "DayRef",
    "Deadline",
    "DeadlineTerms",
    "Instalment",
    "LifeEvent",
    "LifeReading",
    "Match",
    "Obligation",
    "Phase",
    "PhaseStart",
    "Prohibition",
    "ProhibitionTerms",
    "Quota",
    "QuotaTerms",
    "Ratio",
    "Reading",
    "Schedule",
    "ScheduleTerms",
    "Suspension",
    "Term",
    "Terms",
    "Trigger",
    "parse_day",
]
