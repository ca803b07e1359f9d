"""The public API of the compliance package is pinned."""

from __future__ import annotations

import truceline.agreement
import truceline.compliance


def test_compliance_api() -> None:
    assert set(truceline.compliance.__all__) == {
        "COUNTED", "MEANINGS", "STATUSES", "Change", "Day", "DeadlineItem", "Ledger", "Life",
        "Lifecycle", "ObligationLedger", "Point",
        "RecordIndex", "Series", "Status", "Version", "deadlines", "evaluate",
        "to_ical",
    }  # fmt: skip


def test_agreement_api_keeps_the_names_model_reexports() -> None:
    for name in ("Agreement", "Phase", "PhaseStart", "Clause", "Obligation"):
        assert name in truceline.agreement.__all__
