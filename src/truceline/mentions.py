"""What extraction finds, typed: quotes, time expressions, figures and events.

`truceline.extract.Extractor` returns an `Extraction`; ingest turns it into
candidate records and a corpus run into Parquet rows. Every word from a closed
set is a `truceline.vocab` member, and every mention carries the offsets of the
sentence spaCy put it in, so the record quotes the sentence the extractor read.

`to_json()` gives the stable shape of DESIGN.md ("Extraction output"). The
fields that shape predates — `sentence`, the `basis` of a quote or time
expression, and an event's `mode` and `claimed_by` — stay out of it, so its bytes do not change;
`from_dict` reads that shape (or the full fields) back, strictly: a word
outside its vocabulary is a `ValueError`.

This module sits beside the model, not inside `extract/`, so that ingest and
batch can name these types without loading spaCy.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from truceline.vocab import (
    EventMode,
    EventType,
    FigureCategory,
    Qualifier,
    QuoteKind,
    TimexPrecision,
)

Offsets = tuple[int, int]
"""A character span of the document's text: (start, end)."""

RESULT_KEYS = ("quotes", "timex", "figures", "events")
"""Top-level keys of an extraction result, in DESIGN.md order."""


@dataclass(frozen=True, slots=True)
class Quote:
    """Someone's words: `text` excludes the quotation marks."""

    text: str
    start: int
    end: int
    speaker: str | None
    affiliation: str | None
    kind: QuoteKind
    confidence: float | None = None
    cue: str | None = None
    sentence: Offsets | None = None
    basis: str | None = None
    """How it was found (`truceline.extract.confidence`): the key of its confidence."""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "affiliation": self.affiliation,
            "kind": self.kind.value,
            "confidence": self.confidence,
            "cue": self.cue,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        return cls(
            text=_str(data["text"]),
            start=_int(data["start"]),
            end=_int(data["end"]),
            speaker=_opt_str(data.get("speaker")),
            affiliation=_opt_str(data.get("affiliation")),
            kind=QuoteKind(data.get("kind") or QuoteKind.DIRECT),
            confidence=_opt_float(data.get("confidence")),
            cue=_opt_str(data.get("cue")),
            sentence=_offsets(data.get("sentence")),
            basis=_opt_str(data.get("basis")),
        )


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression resolved to an ISO date, month or year (`value`)."""

    text: str
    start: int
    end: int
    value: str
    precision: TimexPrecision
    confidence: float | None = None
    sentence: Offsets | None = None
    basis: str | None = None
    """How it was found (`truceline.extract.confidence`): the key of its confidence."""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "precision": self.precision.value,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Timex:
        return cls(
            text=_str(data["text"]),
            start=_int(data["start"]),
            end=_int(data["end"]),
            value=_str(data["value"]),
            precision=TimexPrecision(data["precision"]),
            confidence=_opt_float(data.get("confidence")),
            sentence=_offsets(data.get("sentence")),
            basis=_opt_str(data.get("basis")),
        )


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A reported number, what it counts (`category`, `who`) and how it bounds it.

    The scope fields say which count it is, so that only counts of the same
    thing are compared: `incident` (one strike, the first exchange), `period`
    ("phase"), `cumulative` (a running total), the `counted_by` body and the
    time it is `as_of` (None: not said).
    """

    text: str
    start: int
    end: int
    value: int | float
    qualifier: Qualifier
    category: FigureCategory
    who: str | None = None
    confidence: float | None = None
    sentence: Offsets | None = None
    incident: str | None = None
    period: str | None = None
    cumulative: bool | None = None
    counted_by: str | None = None
    as_of: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "qualifier": self.qualifier.value,
            "category": self.category.value,
            "who": self.who,
            "confidence": self.confidence,
            **{k: getattr(self, k) for k in FIGURE_SCOPE},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FigureMention:
        value = data["value"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"a figure's value must be a number, got {value!r}")
        return cls(
            text=_str(data["text"]),
            start=_int(data["start"]),
            end=_int(data["end"]),
            value=value,
            qualifier=Qualifier(data.get("qualifier") or Qualifier.EXACT),
            category=FigureCategory(data["category"]),
            who=_opt_str(data.get("who")),
            confidence=_opt_float(data.get("confidence")),
            sentence=_offsets(data.get("sentence")),
            incident=_opt_str(data.get("incident")),
            period=_opt_str(data.get("period")),
            cumulative=data.get("cumulative") if isinstance(data.get("cumulative"), bool) else None,
            counted_by=_opt_str(data.get("counted_by")),
            as_of=_opt_str(data.get("as_of")),
        )


FIGURE_SCOPE = ("incident", "period", "cumulative", "counted_by", "as_of")
"""The optional fields of a figure mention that say which count it is."""


@dataclass(frozen=True, slots=True)
class EventMention:
    """Who did what to whom, as one verb of one sentence tells it.

    `start`/`end` are the sentence's (as in the JSON since its first version);
    `negated` ("did not withdraw") and `mode` ("will withdraw") say whether the
    source reports the act as done at all.
    """

    date: str | None
    precision: TimexPrecision | None
    actors: tuple[str, ...]
    type: EventType
    target: str | None
    summary: str
    start: int
    end: int
    negated: bool = False
    figures: tuple[FigureMention, ...] = ()
    confidence: float | None = None
    mode: EventMode = EventMode.ASSERTED
    sentence: Offsets | None = None
    claimed_by: str | None = None
    """Whose account this is when the source reports someone else's: the party
    that denies the act ("Hamas denied that …") or says it did not happen
    (None: the source's own reporting)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "precision": self.precision.value if self.precision else None,
            "actors": list(self.actors),
            "type": self.type.value,
            "target": self.target,
            "summary": self.summary,
            "start": self.start,
            "end": self.end,
            "negated": self.negated,
            "figures": [f.to_json() for f in self.figures],
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EventMention:
        precision = data.get("precision")
        return cls(
            date=_opt_str(data.get("date")),
            precision=TimexPrecision(precision) if precision else None,
            actors=tuple(_str(a) for a in data.get("actors") or ()),
            type=EventType(data["type"]),
            target=_opt_str(data.get("target")),
            summary=_opt_str(data.get("summary")) or "",
            start=_int(data["start"]),
            end=_int(data["end"]),
            negated=data.get("negated") is True,
            figures=tuple(
                f if isinstance(f, FigureMention) else FigureMention.from_dict(f)
                for f in data.get("figures") or ()
            ),
            confidence=_opt_float(data.get("confidence")),
            mode=EventMode(data.get("mode") or EventMode.ASSERTED),
            sentence=_offsets(data.get("sentence")),
            claimed_by=_opt_str(data.get("claimed_by")),
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one text, each kind in text order."""

    quotes: tuple[Quote, ...] = ()
    timex: tuple[Timex, ...] = ()
    figures: tuple[FigureMention, ...] = ()
    events: tuple[EventMention, ...] = ()

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        """The DESIGN.md "Extraction output" object (what `truceline extract --json` prints)."""
        return {key: [item.to_json() for item in getattr(self, key)] for key in RESULT_KEYS}


class Parsed(NamedTuple):
    """An extraction read from JSON, and how many of its items could not be read."""

    extraction: Extraction
    skipped: int


_TYPES: dict[str, type[Quote] | type[Timex] | type[FigureMention] | type[EventMention]] = {
    "quotes": Quote,
    "timex": Timex,
    "figures": FigureMention,
    "events": EventMention,
}


def parse_extraction(data: Mapping[str, Any]) -> Parsed:
    """Typed results from the DESIGN.md JSON shape (a saved run, another extractor).

    An item that does not fit its type (a missing offset, an unknown event
    type, a qualifier outside the vocabulary) is left out and counted.
    """
    skipped = 0
    kinds: dict[str, list[Any]] = {}
    for key, cls in _TYPES.items():
        items: list[Any] = []
        raw = data.get(key) or []
        for item in raw if isinstance(raw, Sequence) else []:
            try:
                items.append(cls.from_dict(item))
            except (KeyError, TypeError, ValueError, AttributeError):
                skipped += 1
        kinds[key] = items
    return Parsed(
        Extraction(
            quotes=tuple(kinds["quotes"]),
            timex=tuple(kinds["timex"]),
            figures=tuple(kinds["figures"]),
            events=tuple(kinds["events"]),
        ),
        skipped,
    )


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {value!r}")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an offset, got {value!r}")
    return value


def _opt_float(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {value!r}")
    return value


def _offsets(value: Any) -> Offsets | None:
    if value is None:
        return None
    start, end = value
    return _int(start), _int(end)
