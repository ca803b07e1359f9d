"""The negotiation record: proposals and answers, term diffs, proposal files.

Pure functions over model objects (see docs/negotiation.md)::

    lineage(proposals, responses, sources)      -> list[LineageEntry]
    diff_terms(a_terms, b_terms)                -> list[TermChange]
    diff_against_agreement(proposal, agreement) -> list[TermChange]
    edited(proposal, ["terms[0].living=5"])     -> Proposal

Merging events and finding disputes is reconciliation: ``truceline.reconcile``.
``Dossier.negotiation()`` (truceline.app) runs them over a dossier's store.
"""

from truceline.negotiation.diff import (
    FieldChange,
    TermChange,
    agreement_terms,
    diff_against_agreement,
    diff_proposals,
    diff_terms,
)
from truceline.negotiation.edit import NegotiationError, apply_set, edited
from truceline.negotiation.lineage import Answer, LineageEntry, lineage
from truceline.negotiation.terms import describe, label

__all__ = [
    "Answer",
    "FieldChange",
    "LineageEntry",
    "NegotiationError",
    "TermChange",
    "agreement_terms",
    "apply_set",
    "describe",
    "diff_against_agreement",
    "diff_proposals",
    "diff_terms",
    "edited",
    "label",
    "lineage",
]
