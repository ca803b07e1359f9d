"""Phrase every contested claim as somebody's: "X says …", never in our own voice."""

from __future__ import annotations

from collections.abc import Mapping

from truceline.model import Event, Figure, Proposal, Record, Response, Source, Stance

STANCE_VERBS = {
    Stance.ACCEPT: "accepted",
    Stance.REJECT: "rejected",
    Stance.CONDITIONAL: "accepted with conditions",
    Stance.COUNTER: "answered with a counter-proposal to",
    Stance.NO_ANSWER: "gave no formal answer to",
}

QUALIFIER_WORDS = {
    "exact": "",
    "more_than": "more than ",
    "at_least": "at least ",
    "nearly": "nearly ",
    "about": "about ",
    "over": "over ",
    "up_to": "up to ",
    "half": "half of ",
}

UNATTRIBUTED = "an unattributed source"


def outlets(record: Record, sources: Mapping[str, Source]) -> list[str]:
    """The outlets of a record's sources, in order, without repeats (ids if unknown)."""
    names = [sources[e.source].outlet if e.source in sources else e.source for e in record.sources]
    return list(dict.fromkeys(names))


def claimant(record: Record, sources: Mapping[str, Source]) -> str:
    """Who makes the claim: ``claimed_by``, else the counting body, else the outlets."""
    if record.claimed_by:
        return record.claimed_by
    if isinstance(record, Figure) and record.counted_by:
        return record.counted_by
    names = outlets(record, sources)
    return " and ".join(names) if names else UNATTRIBUTED


def says(who: str, what: str) -> str:
    """ "X says …" ("X say …" never: a source, a body and an outlet are all singular)."""
    return f"{who} says {what}"


def stance_phrase(response: Response, proposal: Proposal | None) -> str:
    """ "Hamas rejected “Bridge proposal”" (without the claimant)."""
    verb = STANCE_VERBS.get(Stance(response.stance), str(response.stance))
    target = f"“{proposal.title}”" if proposal is not None else response.proposal
    text = f"{response.party} {verb} {target}"
    if response.conditions:
        text += " (conditions: " + "; ".join(response.conditions) + ")"
    return text


def figure_phrase(figure: Figure) -> str:
    """ "at least 330 killed (Gaza, as of 14:00)"."""
    value = f"{figure.value:g}"
    unit = f" {figure.unit}" if figure.unit else ""
    qualifier = QUALIFIER_WORDS.get(str(figure.qualifier), "")
    text = f"{qualifier}{value}{unit} {figure.metric.replace('_', ' ')}"
    details = []
    if figure.who:
        details.append(figure.who)
    if figure.date:
        details.append(f"on {figure.date}" if figure.period in (None, "day") else str(figure.date))
    if figure.as_of:
        details.append(f"as of {figure.as_of}")
    if figure.counted_by and figure.claimed_by and figure.counted_by != figure.claimed_by:
        details.append(f"counted by {figure.counted_by}")
    return text + (f" ({', '.join(details)})" if details else "")


def event_claim(who: str, event: Event) -> str:
    """ "X says: <summary>" — the record's own words, given as the claimant's."""
    return f"{who} says: {event.summary}"
