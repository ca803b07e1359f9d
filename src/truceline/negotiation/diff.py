"""Term-by-term differences between two proposals, or a proposal and the agreement.

Terms are aligned by type and identifying fields (see ``terms.IDENTITY``):
first exactly, then leftovers of the same type whose identities do not clash.
Each aligned pair whose content differs is *changed*; a term only in A is
*dropped*, only in B *added*.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from truceline.agreement import (
    AnyTerms,
    Calendar,
    CalendarError,
    ConditionalTerms,
    DeadlineTerms,
    Match,
    QuotaTerms,
    ScheduleTerms,
)
from truceline.agreement.periods import nominal_days
from truceline.model import Agreement, Proposal, Term, TermType
from truceline.negotiation.terms import (
    CONTENT_FIELDS,
    IDENTITY,
    compatible_identity,
    describe,
    identity,
    label,
)

ChangeKind = Literal["added", "dropped", "changed", "same"]


@dataclass(frozen=True)
class FieldChange:
    """One field of a term that differs: its value before and after."""

    field: str
    before: Any
    after: Any

    def __str__(self) -> str:
        return f"{self.field}: {_show(self.before)} → {_show(self.after)}"


@dataclass(frozen=True)
class TermChange:
    """How one term differs between A (before) and B (after)."""

    change: ChangeKind
    type: str
    label: str
    before: Term | None = None
    after: Term | None = None
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line: "changed: release of captives: 10 living + 18 deceased → 5 living + …"."""
        if self.change == "added":
            return f"added: {describe(self.after)}"  # type: ignore[arg-type]
        if self.change == "dropped":
            return f"dropped: {describe(self.before)}"  # type: ignore[arg-type]
        if self.change == "same":
            return f"same: {describe(self.before)}"  # type: ignore[arg-type]
        return f"changed: {describe(self.before)} → {describe(self.after)}"  # type: ignore[arg-type]

    def to_json(self) -> dict[str, Any]:
        return {
            "change": self.change,
            "type": self.type,
            "label": self.label,
            "before": _term_json(self.before),
            "after": _term_json(self.after),
            "fields": [
                {"field": f.field, "before": f.before, "after": f.after} for f in self.fields
            ],
            "summary": self.summary,
        }


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "—"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _term_json(term: Term | None) -> dict[str, Any] | None:
    if term is None:
        return None
    return {
        **term.model_dump(mode="json", exclude_none=True, exclude_defaults=True),
        "type": term.type,
    }


def _content_changes(a: Term, b: Term) -> list[FieldChange]:
    """Fields whose values differ; identifying fields were matched already and are skipped."""
    skip = set(IDENTITY.get(a.type, ()))
    out = []
    for name in CONTENT_FIELDS:
        va, vb = getattr(a, name), getattr(b, name)
        if name in skip or va == vb or (va in (None, []) and vb in (None, [])):
            continue
        out.append(FieldChange(name, va, vb))
    return out


def diff_terms(
    a_terms: list[Term], b_terms: list[Term], include_same: bool = False
) -> list[TermChange]:
    """What B adds, drops or changes relative to A, term by term, in A's order then B's."""
    by_key: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for j, term in enumerate(b_terms):
        by_key[identity(term)].append(j)
    pairs: dict[int, int] = {}
    for i, term in enumerate(a_terms):
        candidates = by_key.get(identity(term))
        if candidates:
            pairs[i] = candidates.pop(0)
    used = set(pairs.values())
    for i, term in enumerate(a_terms):
        if i in pairs:
            continue
        for j, other in enumerate(b_terms):
            if j not in used and compatible_identity(term, other):
                pairs[i] = j
                used.add(j)
                break
    changes: list[TermChange] = []
    for i, term in enumerate(a_terms):
        if i not in pairs:
            changes.append(TermChange("dropped", term.type, label(term), before=term))
            continue
        other = b_terms[pairs[i]]
        fields = _content_changes(term, other)
        if fields:
            changes.append(TermChange("changed", term.type, label(term), term, other, fields))
        elif include_same:
            changes.append(TermChange("same", term.type, label(term), term, other))
    for j, other in enumerate(b_terms):
        if j not in used:
            changes.append(TermChange("added", other.type, label(other), after=other))
    return changes


def diff_proposals(a: Proposal, b: Proposal, include_same: bool = False) -> list[TermChange]:
    """``diff_terms(a.terms, b.terms)``."""
    return diff_terms(a.terms, b.terms, include_same=include_same)


# ------------------------------------------------------------------ agreement → terms


_PHASE_WORDS = {"first": "1", "second": "2", "third": "3"}
_CAPTIVE_WORDS = ("captive", "hostage", "abductee", "bodies", "remains")
_DEAD_WORDS = ("dead", "deceased", "bodies", "remains")


def _phase_in(text: str) -> str | None:
    m = re.search(r"phase[\s_-]*(\d+)", text) or re.search(
        r"(first|second|third) (?:phase|stage)", text
    )
    if not m:
        return None
    return _PHASE_WORDS.get(m.group(1), m.group(1))


def _iso(calendar: Calendar, ref: str | None) -> str | None:
    if ref is None:
        return None
    try:
        day = calendar.resolve(ref)
    except (CalendarError, ValueError):
        return None
    return day.isoformat() if day else None


def _parts(value: object) -> list[str]:
    """A metric given as one name or a list of names, lowercased."""
    if not value:
        return []
    if isinstance(value, list | tuple):
        return [str(v).lower() for v in value if v]
    return [str(value).lower()]


def _words(*parts: object) -> str:
    return " ".join(p for part in parts for p in _parts(part))


def _match_text(match: Match | None) -> str:
    if match is None:
        return ""
    return _words(match.metric, *match.keywords, *match.types, match.location)


def _terms_of(
    terms: AnyTerms, head_text: str, phase: str | None, calendar: Calendar
) -> Term | None:
    """The proposal-style term an obligation's terms correspond to, if any."""
    phase = terms.phase or phase
    if isinstance(terms, ConditionalTerms):
        return _terms_of(terms.then, head_text, phase, calendar)
    if isinstance(terms, DeadlineTerms):
        text = _words(terms.what, _match_text(terms.act), head_text)
        by = _iso(calendar, terms.due)
        if "talk" in text or "negotiat" in text:
            return Term(type=TermType.TALKS, phase=_phase_in(text) or phase, by=by)
        if "withdraw" in text or "RETREAT" in terms.act.types:
            area = terms.act.location or _area_in(f"{terms.what} {head_text}")
            return Term(type=TermType.WITHDRAWAL, area=area, by=by, phase=phase)
        return None
    if isinstance(terms, QuotaTerms):
        text = _words(terms.metric, terms.unit, head_text)
        if "truck" in text or "aid" in text:
            per_day = int(terms.target / nominal_days(terms.period))
            kind = terms.metric.replace("_", " ")
            note = None if kind in ("aid trucks", "trucks") else kind
            return Term(type=TermType.AID, trucks_per_day=per_day, phase=phase, text=note)
        return None
    if isinstance(terms, ScheduleTerms):
        text = _words(terms.metric, _match_text(terms.match), head_text)
        count = int(sum(i.count for i in terms.instalments)) if terms.instalments else None
        note = None
        if terms.per is not None:
            note = f"{terms.per.ratio:g} per {terms.per.metric or 'record'} released"
        parts = _parts(terms.metric) + _parts(terms.match.metric)
        metric = " ".join(parts)
        if "prisoner" in metric or (
            "prisoner" in text and not any(w in metric for w in _CAPTIVE_WORDS)
        ):
            return Term(type=TermType.RELEASE_PRISONERS, count=count, phase=phase, text=note)
        if any(w in text for w in _CAPTIVE_WORDS):
            # living or deceased only when every metric counted says so
            dead = bool(parts) and all(any(w in m for w in _DEAD_WORDS) for m in parts)
            living = bool(parts) and all("alive" in m or "living" in m for m in parts)
            return Term(
                type=TermType.RELEASE_CAPTIVES,
                living=count if living else None,
                deceased=count if dead else None,
                count=count if not (dead or living) else None,
                phase=phase,
                text=note,
            )
    return None


def _area_in(text: str) -> str | None:
    m = re.search(r"from (?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*)*)", text)
    return m.group(1) if m else None


def agreement_terms(agreement: Agreement) -> list[Term]:
    """Terms derived from an agreement, to compare proposals with.

    Each phase is a truce of its length; deadlines for talks or withdrawals,
    aid-truck quotas and captive or prisoner schedules become the matching
    term types (dates resolved through the agreement's calendar). Prohibitions
    and obligations that map onto no term type are left out.
    """
    calendar = Calendar(agreement)
    terms = []
    for phase in agreement.phases:
        days = phase.length_days
        if days is None:
            try:
                start, end = calendar.span(phase.id)
            except CalendarError:
                start = end = None
            days = (end - start).days + 1 if start and end else None
        terms.append(Term(type=TermType.TRUCE, phase=phase.id, days=days))
    for obligation in agreement.obligations:
        head_text = f"{obligation.clause.text} {obligation.id}"
        term = _terms_of(obligation, head_text, None, calendar)  # type: ignore[arg-type]
        if term is not None:
            terms.append(term)
    return _merge_same(terms)


def _merge_same(terms: list[Term]) -> list[Term]:
    """Fold captive terms of the same phase into one (living + deceased)."""
    out: list[Term] = []
    for term in terms:
        if term.type == TermType.RELEASE_CAPTIVES:
            for i, prior in enumerate(out):
                if identity(prior) == identity(term):
                    merged = prior.model_dump()
                    for name in ("living", "deceased", "count"):
                        if getattr(term, name) is not None:
                            merged[name] = (merged[name] or 0) + getattr(term, name)
                    out[i] = Term.model_validate(merged)
                    break
            else:
                out.append(term)
        else:
            out.append(term)
    return out


def diff_against_agreement(
    proposal: Proposal, agreement: Agreement, include_same: bool = False
) -> list[TermChange]:
    """How a proposal differs from the terms derived from the agreement (A = agreement)."""
    return diff_terms(agreement_terms(agreement), proposal.terms, include_same=include_same)
