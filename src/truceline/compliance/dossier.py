"""Evaluate a whole dossier: the one call front ends make."""

from __future__ import annotations

import datetime as dt

from truceline.compliance.engine import evaluate
from truceline.compliance.ledger import Ledger
from truceline.dossier import Dossier


def check_dossier(dossier: Dossier, as_of: dt.date | None = None) -> Ledger:
    """The ledger of every agreement in the dossier, from its accepted records."""
    store = dossier.store
    return evaluate(
        store.agreements(),
        store.records(states=("accepted",)),
        store.sources(),
        store.disputes(),
        as_of=as_of,
    )
