"""Checking a dossier against its agreements: the ledger and the deadlines.

One call evaluates everything a front end shows (``check``, the dashboard's
compliance pages, the static site), so they all read the same ledger.
"""

from __future__ import annotations

import datetime as dt

from truceline.app.reconcile import kept_disputes
from truceline.compliance import DeadlineItem, Ledger, deadlines, evaluate
from truceline.store import Store


class Compliance:
    """The compliance use cases of a ``Dossier`` (a mixin: ``self.store`` is the dossier's)."""

    store: Store

    def check(self, as_of: dt.date | None = None) -> Ledger:
        """The ledger of every agreement in the dossier, from its accepted records.

        Days are contested by the stored (hand-written) disputes and by those
        reconciliation finds among the accepted records (figures that cannot all
        be true, sources claiming different stances, a happening said not to
        have taken place), kept in the dossier and caught up with what was
        written since; a found dispute that shares a record with a stored one
        gives way to it. ``as_of`` defaults to today.
        """
        records = self.store.records(states=("accepted",))
        sources = self.store.sources()
        disputes = kept_disputes(self.store)
        return evaluate(self.store.agreements(), records, sources, disputes, as_of=as_of)

    def deadlines(self, as_of: dt.date | None = None) -> list[DeadlineItem]:
        """Every deadline as of a day, soonest due first (agrees with ``check``)."""
        return deadlines(self.check(as_of))
