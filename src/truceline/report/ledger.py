"""The compliance ledger as a table: one row per obligation per day evaluated.

Each row carries the day's status and the ids of the records that decide it
(``evidence``) and of those that speak against it (``against``), so a
spreadsheet or a DataFrame can follow any status back to its records. Silence
stays silence: a day nobody reported on is ``unreported``, never met.

The rows are built from a ``compliance.Ledger`` (the engine the application
runs); this module only reads its attributes, so it imports the type for
checking alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa

if TYPE_CHECKING:  # types only: report and compliance are sibling engines
    from truceline.compliance.ledger import Ledger

_TEXT, _NAMES = pa.string(), pa.list_(pa.string())

LEDGER_SCHEMA = pa.schema(
    [
        pa.field("obligation", _TEXT),
        pa.field("agreement", _TEXT),
        pa.field("reading", _TEXT),
        pa.field("party", _TEXT),
        pa.field("kind", _TEXT),
        pa.field("clause_ref", _TEXT),
        pa.field("day", pa.date32()),
        pa.field("status", _TEXT),
        pa.field("evidence", _NAMES),
        pa.field("against", _NAMES),
        pa.field("note", _TEXT),
        pa.field("value", pa.float64()),
        pa.field("due", pa.float64()),
        pa.field("governed_by", _TEXT),
        pa.field("as_of", pa.date32()),
    ]
)
"""One row per obligation per day; ``value``/``due`` are a quota's count and target,
``governed_by`` the agreement version whose terms decided the day."""


def ledger_rows(ledger: Ledger) -> list[dict[str, Any]]:
    """Every evaluated day of every obligation, in the ledger's order."""
    return [
        {
            "obligation": o.id,
            "agreement": o.agreement,
            "reading": o.reading,
            "party": o.party,
            "kind": o.kind,
            "clause_ref": o.clause_ref,
            "day": d.day,
            "status": d.status,
            "evidence": list(d.evidence),
            "against": list(d.against),
            "note": d.note,
            "value": d.value,
            "due": d.due,
            "governed_by": d.agreement or o.agreement,
            "as_of": ledger.as_of,
        }
        for o in ledger.obligations
        for d in o.days
    ]
