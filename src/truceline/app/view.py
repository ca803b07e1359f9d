"""A read-once view of a dossier's records, shared by the negotiation and reconciliation views."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from truceline.model import Record, ReviewState, Source
from truceline.store import Store

DEFAULT_STATES = (ReviewState.ACCEPTED.value,)


@dataclass
class RecordsView:
    """The records in ``states`` and every source, read from the store once (lazily).

    Pages and commands ask one question after another of the same snapshot; each
    reads the store at most once. Build a new view after writing.
    """

    store: Store
    states: tuple[str, ...] = DEFAULT_STATES

    @cached_property
    def records(self) -> list[Record]:
        return self.store.records(states=self.states)

    @cached_property
    def by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.records}

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.store.sources()}
