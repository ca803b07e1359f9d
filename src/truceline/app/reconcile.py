"""Reconciling accounts across outlets: one event per happening, and the disputes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from truceline.app import reconciling
from truceline.app.view import DEFAULT_STATES, RecordsView
from truceline.model import Dispute, Event
from truceline.reconcile import MergedEvent, detect_disputes, explain, merge_events
from truceline.reconcile.units import found_disputes
from truceline.store import Store
from truceline.store import reconciled as kept


@dataclass
class Reconciliation(RecordsView):
    """Merged events and disputes of one dossier, read from its store once (lazily).

    A snapshot: build a new one (``Dossier.reconciliation()``) after writing.
    """

    tolerance_days: int = 1

    @cached_property
    def stored_disputes(self) -> list[Dispute]:
        return self.store.disputes()

    def merged_events(self) -> list[MergedEvent]:
        events = [r for r in self.records if isinstance(r, Event)]
        return merge_events(events, self.sources, self.tolerance_days)

    @cached_property
    def disputes(self) -> list[Dispute]:
        """The stored disputes and those found among the records (stored ones win).

        Over the accepted records with the default tolerance they are the ones the
        dossier keeps, brought up to date by reconciling only what was written
        since (``truceline.app.reconciling``); any other view is found afresh.
        """
        if self.states == DEFAULT_STATES and self.tolerance_days == reconciling.TOLERANCE_DAYS:
            return kept_disputes(self.store, self.stored_disputes)
        return detect_disputes(
            self.records, self.sources, self.stored_disputes, tolerance_days=self.tolerance_days
        )

    def disputes_json(self) -> list[dict[str, Any]]:
        """Each dispute with its sides' records and sources, marked stored or detected."""
        stored = {d.id for d in self.stored_disputes}
        return [
            explain(d, self.by_id, self.sources, "stored" if d.id in stored else "detected")
            for d in self.disputes
        ]


def kept_disputes(store: Store, stored: list[Dispute] | None = None) -> list[Dispute]:
    """The dossier's disputes: hand-written ones, and those its kept units found (caught up)."""
    reconciling.reconcile(store)
    return found_disputes(store.disputes() if stored is None else stored, kept.found(store))


class Reconcile:
    """The reconciliation use case of a ``Dossier`` (a mixin: ``self.store`` is the dossier's)."""

    store: Store

    def reconciliation(
        self, states: tuple[str, ...] = DEFAULT_STATES, tolerance_days: int = 1
    ) -> Reconciliation:
        """Merged events and disputes among records in ``states`` (a snapshot)."""
        return Reconciliation(self.store, states, tolerance_days)

    def reconcile(self) -> None:
        """Reconcile what was written since the last time (``truceline.app.reconciling``)."""
        reconciling.reconcile(self.store)
