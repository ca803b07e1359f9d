"""The negotiation side of a dossier: proposals, answers, their lineage and diffs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from truceline.agreement.chains import current_version
from truceline.app.view import DEFAULT_STATES, RecordsView
from truceline.model import Agreement, Proposal, Response
from truceline.negotiation.diff import TermChange, diff_against_agreement, diff_terms
from truceline.negotiation.edit import NegotiationError, edited, read_negotiation_file
from truceline.negotiation.lineage import LineageEntry, lineage
from truceline.store import Store


@dataclass
class NegotiationRecord(RecordsView):
    """Proposals and answers of one dossier, read from its store once (lazily).

    A snapshot: build a new one (``Dossier.negotiation()``) after writing.
    """

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
        """The agreement named, else the current version of the dossier's agreement."""
        agreements = self.store.agreements()
        if agreement_id is not None:
            for a in agreements:
                if a.id == agreement_id:
                    return a
            raise NegotiationError(f"no agreement {agreement_id!r}")
        current = current_version(agreements)
        if current is None:
            raise NegotiationError("the dossier has no agreement to compare with")
        return current

    def diff(self, a_id: str, b_id: str) -> list[TermChange]:
        return diff_terms(self.proposal(a_id).terms, self.proposal(b_id).terms)

    def diff_agreement(self, proposal_id: str, agreement_id: str | None = None) -> list[TermChange]:
        return diff_against_agreement(self.proposal(proposal_id), self.agreement(agreement_id))


class Negotiation:
    """The negotiation use cases of a ``Dossier`` (a mixin: ``self.store`` is the dossier's)."""

    store: Store

    def negotiation(self, states: tuple[str, ...] = DEFAULT_STATES) -> NegotiationRecord:
        """Proposals, answers, lineage and diffs of records in ``states`` (a snapshot)."""
        return NegotiationRecord(self.store, states)

    def add_proposals(self, path: Path, by: str) -> dict[str, str]:
        """Write the proposals and responses of a YAML file; object id → outcome."""
        known = {s.id for s in self.store.sources()}
        objects = read_negotiation_file(path, known, stored=self.store.get)
        with self.store.writer(by) as writer:
            return {obj.id: writer.put(obj, note=f"added from {path}") for obj in objects}

    def edit_proposal(self, proposal_id: str, assignments: list[str], by: str) -> str:
        """Apply ``field=value`` assignments to a stored proposal, as one new revision."""
        with self.store.writer(by) as writer:
            current = writer.get(proposal_id)
            if not isinstance(current, Proposal):
                raise NegotiationError(f"no proposal {proposal_id!r}")
            new = edited(current, assignments)
            return writer.put(new, note="proposal edit: " + "; ".join(assignments))
