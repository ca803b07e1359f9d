"""Typed terms: how to name them, describe them and line them up for a diff.

A term is identified by its type and its identifying fields (the phase it is
about, the area it concerns, or its wording when it is free text); the other
fields are its content (how many captives, how many days, by when …).
"""

from __future__ import annotations

import re

from truceline.model import Term, TermType

# Fields that say *which* term this is, per type; the rest say *what* it offers.
IDENTITY: dict[str, tuple[str, ...]] = {
    TermType.RELEASE_CAPTIVES: ("phase",),
    TermType.RELEASE_PRISONERS: ("phase",),
    TermType.EXTENSION: ("phase",),
    TermType.TRUCE: ("phase",),
    TermType.AID: ("area", "phase"),
    TermType.CROSSINGS: ("area", "phase"),
    TermType.WITHDRAWAL: ("area", "phase"),
    TermType.TALKS: ("phase",),
    TermType.DISARMAMENT: ("area", "phase"),
    TermType.GOVERNANCE: ("area", "phase"),
    TermType.OTHER: ("text",),
}

CONTENT_FIELDS = (
    "living",
    "deceased",
    "count",
    "named",
    "until",
    "days",
    "years",
    "trucks_per_day",
    "area",
    "by",
    "phase",
    "text",
)

_LABELS = {
    TermType.RELEASE_CAPTIVES: "release of captives",
    TermType.RELEASE_PRISONERS: "release of prisoners",
    TermType.EXTENSION: "extension",
    TermType.TRUCE: "truce",
    TermType.AID: "entry of aid",
    TermType.CROSSINGS: "opening of crossings",
    TermType.WITHDRAWAL: "withdrawal",
    TermType.TALKS: "talks",
    TermType.DISARMAMENT: "disarmament",
    TermType.GOVERNANCE: "governance",
    TermType.OTHER: "other",
}


def norm_phase(phase: str | None) -> str | None:
    """ "phase-2", "Phase 2", "2", "phase2" → "2"; other names are folded."""
    if phase is None:
        return None
    digits = re.findall(r"\d+", phase)
    if len(digits) == 1:
        return digits[0]
    return re.sub(r"\s+", " ", phase.strip().lower())


def _norm(field: str, value: object) -> object:
    if value is None:
        return None
    if field == "phase":
        return norm_phase(str(value))
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value.strip().lower())
    return value


def identity(term: Term) -> tuple[object, ...]:
    """(type, identifying values…) with phases and wording normalised."""
    fields = IDENTITY.get(term.type, ())
    return (term.type, *(_norm(f, getattr(term, f)) for f in fields))


def compatible_identity(a: Term, b: Term) -> bool:
    """Same type, and every identifying field equal or missing on one side."""
    if a.type != b.type or a.type == TermType.OTHER:
        return False
    for field in IDENTITY.get(a.type, ()):
        va, vb = _norm(field, getattr(a, field)), _norm(field, getattr(b, field))
        if va is not None and vb is not None and va != vb:
            return False
    return True


def label(term: Term) -> str:
    """A short name for the term: its type, phase and area ("talks (phase 2)")."""
    name = _LABELS.get(term.type, str(term.type))
    if term.type == TermType.OTHER:
        return f"other: {term.text}" if term.text else name
    bits = []
    if term.phase:
        phase = norm_phase(term.phase)
        bits.append(f"phase {phase}" if phase and phase.isdigit() else str(term.phase))
    if term.area and "area" in IDENTITY.get(term.type, ()):
        bits.append(term.area)
    return f"{name} ({', '.join(bits)})" if bits else name


def _num(value: float | int) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def describe(term: Term) -> str:
    """A plain description of what the term offers ("release 10 living + 18 deceased captives")."""
    t = term.type
    parts: list[str] = []
    if t in (TermType.RELEASE_CAPTIVES, TermType.RELEASE_PRISONERS):
        who = "captives" if t == TermType.RELEASE_CAPTIVES else "prisoners"
        counts = []
        if term.living is not None:
            counts.append(f"{term.living} living")
        if term.deceased is not None:
            counts.append(f"{term.deceased} deceased")
        if term.count is not None:
            counts.append(str(term.count))
        parts.append(f"release {' + '.join(counts)} {who}" if counts else f"release {who}")
        if term.named:
            parts.append("named: " + ", ".join(term.named))
    elif t == TermType.EXTENSION:
        parts.append("extend " + (f"phase {norm_phase(term.phase)}" if term.phase else "the truce"))
        if term.until:
            parts.append(f"until {term.until}")
        if term.days is not None:
            parts.append(f"by {term.days} days")
    elif t == TermType.TRUCE:
        length = []
        if term.days is not None:
            length.append(f"{term.days} days")
        if term.years is not None:
            length.append(f"{_num(term.years)} years")
        parts.append("truce" + (f" of {' / '.join(length)}" if length else ""))
        if term.until:
            parts.append(f"until {term.until}")
    elif t in (TermType.AID, TermType.CROSSINGS):
        parts.append("open crossings" if t == TermType.CROSSINGS else "entry of aid")
        if term.area:
            parts.append(f"at {term.area}")
        if term.trucks_per_day is not None:
            parts.append(f"{term.trucks_per_day} trucks/day")
    elif t == TermType.WITHDRAWAL:
        parts.append("withdraw" + (f" from {term.area}" if term.area else ""))
        if term.by:
            parts.append(f"by {term.by}")
        if term.days is not None:
            parts.append(f"within {term.days} days")
    elif t == TermType.TALKS:
        parts.append("talks" + (f" on phase {norm_phase(term.phase)}" if term.phase else ""))
        if term.by:
            parts.append(f"starting by {term.by}")
        if term.days is not None:
            parts.append(f"lasting {term.days} days")
    else:
        parts.append(_LABELS.get(t, str(t)))
        if term.area:
            parts.append(f"in {term.area}")
        if term.count is not None:
            parts.append(str(term.count))
    if term.text and t != TermType.OTHER:
        parts.append(f"({term.text})")
    elif t == TermType.OTHER and term.text:
        parts = [term.text]
    if t not in (TermType.EXTENSION, TermType.TALKS) and term.phase:
        parts.append(f"in phase {norm_phase(term.phase)}")
    return " ".join(parts)
