"""Evaluate a whole dossier: the one call front ends make."""

from __future__ import annotations

import datetime as dt

from truceline.compliance.engine import evaluate
from truceline.compliance.ledger import Ledger
from truceline.dossier import Dossier
from truceline.negotiation import detect_disputes


def check_dossier(dossier: Dossier, as_of: dt.date | None = None) -> Ledger:
    """The ledger of every agreement in the dossier, from its accepted records.

    Days are contested by the stored (hand-written) disputes and by those
    ``detect_disputes`` finds among the accepted records (figures that cannot
    all be true, sources claiming different stances, a happening said not to
    have taken place); a found dispute that shares a record with a stored one
    gives way to it.
    """
    store = dossier.store
    records = store.records(states=("accepted",))
    sources = store.sources()
    disputes = detect_disputes(records, sources, store.disputes())
    return evaluate(store.agreements(), records, sources, disputes, as_of=as_of)
