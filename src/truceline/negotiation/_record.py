"""``NegotiationRecord``: the negotiation side of a dossier, for the CLI and the web app."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from truceline.dossier import Dossier
from truceline.model import (
    Agreement,
    Dispute,
    Event,
    Proposal,
    Record,
    Response,
    ReviewState,
    Source,
)
from truceline.negotiation._diff import TermChange, diff_against_agreement, diff_terms
from truceline.negotiation._disputes import detect_disputes, dispute_record_ids, explain
from truceline.negotiation._edit import NegotiationError, edited, read_negotiation_file
from truceline.negotiation._lineage import LineageEntry, lineage
from truceline.negotiation._merge import MergedEvent, merge_events

DEFAULT_STATES = (ReviewState.ACCEPTED.value,)


@dataclass
class NegotiationRecord:
    """Proposals, answers, merged events and disputes of one dossier.

    Reads the store once (lazily); build a new one after writing.
    """

    dossier: Dossier
    states: tuple[str, ...] = DEFAULT_STATES
    tolerance_days: int = 1

    @cached_property
    def records(self) -> list[Record]:
        return self.dossier.store.records(states=self.states)

    @cached_property
    def by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.records}

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.dossier.store.sources()}

    @property
    def proposals(self) -> list[Proposal]:
        return [r for r in self.records if isinstance(r, Proposal)]

    @property
    def responses(self) -> list[Response]:
        return [r for r in self.records if isinstance(r, Response)]

    def lineage(self) -> list[LineageEntry]:
        return lineage(self.proposals, self.responses, self.sources)

    def proposal(self, proposal_id: str) -> Proposal:
        found = self.by_id.get(proposal_id)
        if not isinstance(found, Proposal):
            known = ", ".join(p.id for p in self.proposals) or "none"
            raise NegotiationError(f"no proposal {proposal_id!r} (known: {known})")
        return found

    def agreement(self, agreement_id: str | None = None) -> Agreement:
        """The agreement named, else the latest version of the only agreement."""
        agreements = self.dossier.store.agreements()
        if agreement_id is not None:
            for a in agreements:
                if a.id == agreement_id:
                    return a
            raise NegotiationError(f"no agreement {agreement_id!r}")
        if not agreements:
            raise NegotiationError("the dossier has no agreement to compare with")
        amended = {a.amends for a in agreements if a.amends}
        current = [a for a in agreements if a.id not in amended]
        return max(current or agreements, key=lambda a: (a.version, a.in_force, a.id))

    def diff(self, a_id: str, b_id: str) -> list[TermChange]:
        return diff_terms(self.proposal(a_id).terms, self.proposal(b_id).terms)

    def diff_agreement(self, proposal_id: str, agreement_id: str | None = None) -> list[TermChange]:
        return diff_against_agreement(self.proposal(proposal_id), self.agreement(agreement_id))

    def merged_events(self) -> list[MergedEvent]:
        events = [r for r in self.records if isinstance(r, Event)]
        return merge_events(events, self.sources, self.tolerance_days)

    @cached_property
    def stored_disputes(self) -> list[Dispute]:
        return self.dossier.store.disputes()

    def disputes(self) -> list[Dispute]:
        return detect_disputes(
            self.records, self.sources, self.stored_disputes, tolerance_days=self.tolerance_days
        )

    def disputes_json(self) -> list[dict[str, Any]]:
        stored = {d.id for d in self.stored_disputes}
        return [
            explain(d, self.by_id, self.sources, "stored" if d.id in stored else "detected")
            for d in self.disputes()
        ]

    def disputed_record_ids(self, include_evolving: bool = False) -> dict[str, list[str]]:
        """Record id → dispute ids, for the compliance engine."""
        return dispute_record_ids(self.disputes(), include_evolving=include_evolving)


def add_from_file(dossier: Dossier, path: Path, by: str) -> dict[str, str]:
    """Write the proposals and responses of a YAML file; object id → outcome."""
    objects = read_negotiation_file(path, dossier.store)
    with dossier.store.writer(by) as writer:
        return {obj.id: writer.put(obj, note=f"added from {path}") for obj in objects}


def edit_proposal(dossier: Dossier, proposal_id: str, assignments: list[str], by: str) -> str:
    """Apply ``field=value`` assignments to a stored proposal, as one new revision."""
    with dossier.store.writer(by) as writer:
        current = writer.get(proposal_id)
        if not isinstance(current, Proposal):
            raise NegotiationError(f"no proposal {proposal_id!r}")
        new = edited(current, assignments)
        return writer.put(new, note="proposal edit: " + "; ".join(assignments))
