"""The compliance engine: agreement × records → status per obligation per day, with evidence.

    evaluate(agreements, records, sources, disputes, as_of) -> Ledger
    deadlines(ledger) -> list[DeadlineItem];  to_ical(items, stamp) -> str

See docs/compliance.md.
"""

from truceline.compliance.deadlines import DeadlineItem, deadlines, to_ical
from truceline.compliance.engine import evaluate
from truceline.compliance.index import RecordIndex
from truceline.compliance.ledger import (
    COUNTED,
    MEANINGS,
    STATUSES,
    Day,
    Ledger,
    Lifecycle,
    ObligationLedger,
    Point,
    Series,
    Status,
    Version,
)
from truceline.compliance.life import Change, Life

__all__ = [
    "COUNTED",
    "Change",
    "MEANINGS",
    "STATUSES",
    "Day",
    "DeadlineItem",
    "Ledger",
    "Life",
    "Lifecycle",
    "ObligationLedger",
    "Point",
    "RecordIndex",
    "Series",
    "Status",
    "Version",
    "deadlines",
    "evaluate",
    "to_ical",
]
