"""Stances claimed in reported speech, and the accounts that contradict each other.

Extraction keeps "mediators said Israel had answered the plan favourably" as
a statement by the mediators, and "the premier's office denied that any new
plan had reached Israel" as one by the office. Neither is a ``Response``
record, yet together they are two accounts that cannot both be true.
``stance_claims`` reads, from each statement's words, who is said to have
accepted, rejected or received a proposal, whether the speaker says it
happened or denies it, and whose proposal it was; ``claim_disputes`` sets the
claims of different speakers about one party against each other:

- accepted vs rejected ("responded positively" counts as accepting);
- an act vs its denial ("rejected" vs "never formally rejected");
- an answer vs a denial that any proposal arrived ("received no proposal").

A speaker who changes their own account is no dispute (that is a reversal,
shown in order); nor are two claims about different proposers' plans.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from truceline.model import Dispute, DisputeKind, DisputeSide, Statement, make_id
from truceline.reconcile.names import actor_of, fold, name_key, same_name
from truceline.reconcile.voice import says

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3}"
_PRONOUN = (
    r"(?i:the\s+group['’]s\s+negotiators|its\s+negotiators|the\s+group|the\s+movement|it|we|they)"
)
_NEGATION = (
    r"(?:did|does|has|had|have|was|were|is)\s+not|didn't|doesn't|hasn't|hadn't|haven't|never|not"
)
_VERBS = {
    "accept": r"accept(?:ed|s)?|agree(?:d|s)?\s+to|approve(?:d|s)?|endorse(?:d|s)?"
    r"|respond(?:ed|s)?\s+positively\s+to",
    "reject": r"reject(?:ed|s|ing)?|refuse(?:d|s)?|turn(?:ed|s)?\s+down|dismiss(?:ed|es)?",
    "receive": r"receive(?:d|s)?|g[eo]t",
}
_CLAUSE = re.compile(
    rf"\b(?P<party>{_PRONOUN}|{_NAME})\s+(?i:(?:has|had|have|was|were|is)\s+)?"
    rf"(?i:(?P<neg>{_NEGATION})\s+)?(?i:been\s+)?"
    r"(?i:(?:officially|formally|yet|publicly|ever|already|actually)\s+)?(?P<verb>(?i:"
    + "|".join(f"(?P<{act}>{verbs})" for act, verbs in _VERBS.items())
    + r"))\s+(?P<object>(?:[^.;]|\.(?=[\w-])|(?<=\b[A-Z])\.){0,120})"
)
_MODAL = re.compile(r"\b(?:would|will|could|might|may|should|if)\s+$", re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:denied|denies|deny|denying)\b(?:\s+that)?\s*$", re.IGNORECASE)
_PROPOSAL = re.compile(r"\b(?:proposals?|offers?|plans?|deals?|initiatives?|drafts?|framework)\b")
_PROPOSERS = {
    "egypt": ("egypt", "egyptian", "cairo"),
    "qatar": ("qatar", "qatari", "doha"),
    "united states": ("u s", "us", "american", "witkoff", "trump", "washington", "bridge"),
    "israel": ("israel", "israeli", "netanyahu"),
}
_MEDIATORS = frozenset({"egypt", "qatar", "united states"})


@dataclass(frozen=True)
class StanceClaim:
    """One speaker's account of one party's answer to a proposal."""

    statement: Statement
    speaker: str
    party: str
    act: str  # accept | reject | receive
    holds: bool  # False: the speaker says it did not happen
    denied: bool  # the speaker denies the reported words ("X denied that Israel got …")
    proposers: frozenset[str]  # whose plan it was, as far as the words say ("mediators" → all)
    words: str

    @property
    def position(self) -> str:
        return self.act if self.holds else f"not {self.act}"


def _proposers(text: str) -> frozenset[str]:
    folded = f" {fold(text)} "
    found = {who for who, cues in _PROPOSERS.items() if any(f" {c} " in folded for c in cues)}
    if " mediator" in folded:
        found |= _MEDIATORS
    return frozenset(found)


def _party(raw: str, statement: Statement, before: str) -> str | None:
    """The party a clause is about; a pronoun is the speaker ("we") or the last
    registered or named actor before the reported words ("they faulted Hamas,
    saying the group …")."""
    word = fold(raw)
    if word == "we":
        return statement.affiliation or statement.speaker
    if re.fullmatch(_PRONOUN, raw, re.IGNORECASE):
        names = re.findall(_NAME, before)
        known = [n for n in names if actor_of(n) or fold(n).split()[0] in _KNOWN_PARTIES]
        return known[-1] if known else statement.affiliation or statement.speaker
    return raw


_KNOWN_PARTIES = frozenset({"hamas", "israel", "egypt", "qatar", "islamic", "fatah", "hezbollah"})


_CUE = re.compile(
    r"(?i:accept|agree|approv|endors|respond|reject|refus|turn|dismiss|receiv|got|get)"
)
"""A verb of ``_VERBS`` can only be where one of these is: a cheap test first."""


def _claim(statement: Statement) -> StanceClaim | None:
    quote = statement.quote
    match = _CUE.search(quote) and _CLAUSE.search(quote)
    if not match:
        return None
    context = statement.sources[0].text or "" if statement.sources else ""
    at = context.find(quote)
    before = context[:at] if at >= 0 else ""
    if _MODAL.search(quote[: match.start("verb")]):
        return None
    party = _party(match.group("party"), statement, before + quote[: match.start()])
    if party is None or not _PROPOSAL.search(fold(match.group("object"))):
        return None
    act = next(a for a in _VERBS if match.group(a))
    obj = match.group("object")
    holds = not match.group("neg") and not re.match(r"\s*no\b", obj, re.IGNORECASE)
    denied = bool(_DENIAL.search(before))
    return StanceClaim(
        statement=statement,
        speaker=statement.speaker,
        party=party,
        act=act,
        holds=holds != denied,
        denied=denied,
        proposers=_proposers(obj),
        words=quote,
    )


def stance_claims(statements: list[Statement]) -> list[StanceClaim]:
    """The stance claims that statements make (most make none)."""
    return [c for s in statements if (c := _claim(s)) is not None]


def _clash(a: StanceClaim, b: StanceClaim) -> bool:
    """Whether two speakers' claims about one party cannot both be true."""
    if a.proposers and b.proposers and not a.proposers & b.proposers:
        return False  # about different plans
    if a.act == b.act:
        return a.holds != b.holds
    acts = {a.act, b.act}
    if acts == {"accept", "reject"}:
        return a.holds and b.holds
    answered, received = (a, b) if b.act == "receive" else (b, a)
    return answered.holds and not received.holds  # an answer to a plan that never came


def _same_speaker(a: StanceClaim, b: StanceClaim) -> bool:
    return same_name(a.speaker, b.speaker)


def claim_disputes(statements: list[Statement], window_days: int = 3) -> list[Dispute]:
    """Contradicting stance claims by different speakers within ``window_days``."""
    out = []
    for claims in claims_by_party(statements).values():
        out += party_claim_disputes(claims, window_days)
    return out


def claims_by_party(statements: list[Statement]) -> dict[str, list[StanceClaim]]:
    """The stance claims of the statements, by the party they are about (``party_of``)."""
    by_party: dict[str, list[StanceClaim]] = defaultdict(list)
    for claim in stance_claims(statements):
        by_party[party_of(claim)].append(claim)
    return by_party


def party_of(claim: StanceClaim) -> str:
    """The key of the party a claim is about: only claims about one party can clash."""
    return name_key(_party_key(claim.party))


def party_claim_disputes(claims: list[StanceClaim], window_days: int = 3) -> list[Dispute]:
    """The disputes among claims about one party (``claims_by_party``'s groups)."""
    return [_dispute(group) for group in _conflicts(claims, window_days)]


def _party_key(party: str) -> str:
    """The party as a registered actor, else its name without a possessive."""
    return actor_of(party) or re.split(r"['’]s?\b", party)[0]


def clash_links(claims: list[StanceClaim], window_days: int = 3) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of claims about one party that clash: different speakers,
    ``window_days`` apart or less (an undated claim is compared with every other)."""
    days = [c.statement.day.toordinal() if c.statement.day else None for c in claims]
    dated = sorted((i for i, d in enumerate(days) if d is not None), key=lambda i: days[i] or 0)
    undated = [i for i, d in enumerate(days) if d is None]
    pairs = [(i, j) for k, i in enumerate(undated) for j in [*dated, *undated[k + 1 :]]]
    for k, i in enumerate(dated):
        for j in dated[k + 1 :]:
            if (days[j] or 0) - (days[i] or 0) > window_days:
                break
            pairs.append((i, j))
    return sorted(
        (min(i, j), max(i, j))
        for i, j in pairs
        if _clash(claims[i], claims[j]) and not _same_speaker(claims[i], claims[j])
    )


def _conflicts(claims: list[StanceClaim], window_days: int) -> list[list[StanceClaim]]:
    """Groups of claims joined by clashes (connected components of ``clash_links``),
    each with two positions or more."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in clash_links(claims, window_days):
        parent[root(i)] = root(j)
    groups: dict[int, list[StanceClaim]] = defaultdict(list)
    for i, claim in enumerate(claims):
        groups[root(i)].append(claim)
    return [g for g in groups.values() if len({c.position for c in g}) > 1]


def _phrase(claim: StanceClaim) -> str:
    """The speaker's own words, and, when they deny them, that they do."""
    if claim.denied:
        return f"it is not so that “{claim.words}”"
    return f"“{claim.words}”"


def _dispute(group: list[StanceClaim]) -> Dispute:
    positions: dict[str, list[StanceClaim]] = defaultdict(list)
    for claim in sorted(group, key=lambda c: (c.position, c.statement.id)):
        positions[claim.position].append(claim)
    sides = []
    for same in positions.values():
        who = " and ".join(dict.fromkeys(c.speaker for c in same))
        words = " / ".join(dict.fromkeys(_phrase(c) for c in same))
        sides.append(
            DisputeSide(
                claim=says(who, words), claimed_by=who, records=[c.statement.id for c in same]
            )
        )
    ids = sorted(c.statement.id for c in group)
    dates = sorted(c.statement.date for c in group if c.statement.date)
    return Dispute(
        id=make_id("dispute", DisputeKind.CONTRADICTION.value, *ids),
        topic=f"{_party_key(group[0].party)}'s answer to a proposal: accounts differ",
        kind=DisputeKind.CONTRADICTION,
        date=dates[0] if dates else None,
        sides=sides,
        notes="Detected by truceline from the records.",
    )
