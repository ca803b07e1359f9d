"""Calibrated confidence: how often an item found the way this one was is right.

A rule's own guess of its reliability is a number someone typed; what review
and `--auto-accept` need is the share of such items that turn out right. So
each component names how it found an item — its *basis*, a few features
joined by ``|``, coarsest first (``governs|name|direct``: a reporting verb
governs the quote, the speaker is named in that clause, the quote is a whole
sentence) — and looks the basis up in a small table per kind.

The table, `calibration.json` beside this module, holds the share of right
items per basis prefix, measured on the development sets and shrunk towards
the coarser prefix when the prefix is rare. It is refitted with
``python bench/calibrate.py --fit`` (see that script for the sets and the
smoothing). The longest prefix the table knows gives the confidence; a basis
none of whose prefixes was seen (a rule added since the last fit) keeps the
rule's own estimate.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from truceline.mentions import FigureMention
from truceline.vocab import QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from truceline.extract.speakers import Speaker

TABLE_FILE = "calibration.json"
"""The fitted table, package data of `truceline.extract`."""

SEPARATOR = "|"

Table = Mapping[str, Mapping[str, float]]
"""Kind ("quotes", "timex", "figures") → basis prefix → confidence."""


@cache
def table() -> Table:
    """The fitted table, read once from the package (never from the dev sets)."""
    raw = resources.files("truceline.extract").joinpath(TABLE_FILE).read_text(encoding="utf-8")
    kinds: dict[str, dict[str, float]] = json.loads(raw)["kinds"]
    return kinds


def basis(*features: object) -> str:
    """A basis from features, coarsest first (None reads as ``-``)."""
    return SEPARATOR.join("-" if f is None else str(f) for f in features)


def prefixes(key: str) -> list[str]:
    """``a|b|c`` → ``["a|b|c", "a|b", "a"]``: the lookups, most specific first."""
    parts = key.split(SEPARATOR)
    return [SEPARATOR.join(parts[:n]) for n in range(len(parts), 0, -1)]


def calibrated(kind: str, key: str, fallback: float) -> float:
    """The confidence of an item of ``kind`` found by ``key``; ``fallback`` (the
    rule's own estimate) when the table has seen no prefix of it."""
    known = table().get(kind, {})
    for prefix in prefixes(key):
        if prefix in known:
            return known[prefix]
    return round(min(1.0, max(0.0, fallback)), 2)


def cue_route(cue: Token | None, content: Span) -> str:
    """How attribution reached a quote's speaker through its cue word: a reporting
    verb governing the quote, "according to", a speech noun ("his statement"),
    a verb nearby (same sentence, a colon clause, a framing verb), or no word at
    all (a `Name: "…"` cue or a signature)."""
    if cue is None:
        return "mark"
    if cue.lower_ == "according":
        return "according"
    if cue.pos_ == "NOUN":
        return "noun"
    if cue.is_ancestor(content.root):
        return "governs"
    return "near"


def quote_basis(route: str, speaker: Speaker, quote: Span, kind: QuoteKind, closed: bool) -> str:
    """How a quote was attributed: the route to its speaker (`cue_route`, or
    "reporter", "previous", "headline", "reported"), the speaker's form — a name
    in the clause, a pronoun resolved to one, a description, a group or a
    document —, the quote's kind, whether its sentence names several people
    (one of whom is the wrong one), and an unclosed mark."""
    doc = quote.doc
    mention = doc[speaker.index] if 0 <= speaker.index < len(doc) else None
    if mention is not None and mention.pos_ == "PRON":
        form = "pronoun"
    else:
        form = "name" if speaker.kind == "person" else speaker.kind
    crowd = "crowd" if _people_around(quote) > 1 else None
    return basis(route, form, kind.value, crowd, None if closed else "open")


def _people_around(quote: Span) -> int:
    """How many people the sentences of ``quote`` name outside its words."""
    names = {
        ent.text
        for sent in {quote[0].sent, quote[-1].sent}
        for ent in sent.ents
        if ent.label_ == "PERSON" and not (quote.start <= ent.start < quote.end)
    }
    return len(names)


def figure_basis(figure: FigureMention) -> str:
    """How a figure was found, from what its mention says: whether a noun names
    the category (the figure rule's higher estimate), the category, the
    qualifier, and whether the counted people are named."""
    strong = "noun" if (figure.confidence or 0) >= 0.8 else "verb"
    who = "who" if figure.who else None
    return basis(strong, figure.category.value, figure.qualifier.value, who)


def with_figure_confidence(figure: FigureMention) -> FigureMention:
    """The figure with its calibrated confidence (the figure component keeps its
    own estimate; this is applied when a Doc's results are read out)."""
    fallback = figure.confidence if figure.confidence is not None else 0.5
    value = calibrated("figures", figure_basis(figure), fallback)
    return replace(figure, confidence=value)


__all__ = [
    "basis",
    "calibrated",
    "cue_route",
    "figure_basis",
    "prefixes",
    "quote_basis",
    "table",
    "with_figure_confidence",
]
