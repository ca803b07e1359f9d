"""Extraction results → candidate records, each pointing at the words it rests on.

The input is the extractor's typed `Extraction` (or its DESIGN.md JSON shape,
read by `truceline.mentions.parse_extraction`): quotes become Statements,
figures Figures, events Events; time expressions only supply dates. Every
record gets ``state="candidate"`` (or "accepted" when its confidence reaches
the auto-accept threshold), a ``confidence`` and one Evidence: the source, the
item's character span, and the sentence spaCy put it in.

The confidence is the extractor's: for quotes, time expressions and figures
the share of items found the same way that were right on the development sets
(`truceline.extract.confidence`, fitted by ``bench/calibrate.py``), so an
``auto_accept`` of 0.9 keeps items right about nine times in ten there; events
keep their rule's own estimate (at most 0.7, never auto-accepted at 0.9); an
item from elsewhere without one gets ``DEFAULT_CONFIDENCE``.

An event the source denies ("did not withdraw") becomes ``occurred: false``;
one a party denies ("Hamas denied that its fighters fired …") too, claimed by
that party, never by the outlet that reported the denial. One the source
reports only as planned, threatened or possible keeps its ``mode`` (see
`_not_done`): none of them may count as the act.

Ids are stable: ``make_id(prefix, source.id, start, end)`` (plus an ordinal when
one span yields several items of a kind), so extracting the same article twice
gives the same records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from pydantic import TypeAdapter, ValidationError

from truceline.dates import IsoDate
from truceline.mentions import (
    EventMention,
    Extraction,
    FigureMention,
    Offsets,
    Quote,
    Timex,
    parse_extraction,
)
from truceline.model import (
    Event,
    Evidence,
    Figure,
    FigureValue,
    Record,
    ReviewState,
    Source,
    Statement,
    make_id,
)
from truceline.vocab import EventMode, Precision, Qualifier, QuoteKind

DEFAULT_CONFIDENCE = 0.5
UNKNOWN_SPEAKER = "unknown"

_ISO_DATE: TypeAdapter[str] = TypeAdapter(IsoDate)
_NOT_DONE = {
    EventMode.PLANNED: "planned: the source reports this as intended, not done",
    EventMode.THREATENED: "threatened: the source reports a threat, not the act",
    EventMode.HYPOTHETICAL: "hypothetical: the source reports this as possible, not done",
}
_DENIED = "negated: the source says this did not happen"
_DENIED_BY = "denied: {who} says this did not happen"

Item = TypeVar("Item", Quote, FigureMention, EventMention)


class Conversion(NamedTuple):
    """The records made from one extraction, and how many items could not make one."""

    records: list[Record]
    skipped: int


def candidates(
    extraction: Extraction | Mapping[str, Any],
    source: Source,
    auto_accept: float | None = None,
    default_confidence: float = DEFAULT_CONFIDENCE,
) -> Conversion:
    """Candidate records for one source from one extraction result.

    Items that cannot make a valid record (a quote without words, a figure
    without a number, an event of an unknown type) are left out and counted.
    """
    skipped = 0
    if not isinstance(extraction, Extraction):
        extraction, skipped = parse_extraction(extraction)
    out: list[Record] = []
    convert = _Converter(source, extraction.timex, auto_accept, default_confidence)
    skipped += convert.each("stm", extraction.quotes, _statement, out)
    skipped += convert.each("fig", _counts(extraction.figures), _figure, out)
    skipped += convert.each("evt", extraction.events, _event, out)
    return Conversion(out, skipped)


@dataclass
class _Converter:
    """Builds one kind of record from its items, sharing ids and dates across kinds."""

    source: Source
    timex: tuple[Timex, ...]
    auto_accept: float | None
    default_confidence: float
    used: Counter[str] = field(default_factory=Counter)
    """Ids given so far: a second item on the same span gets ``.2``."""

    def each(
        self,
        prefix: str,
        items: Iterable[Item],
        build: Callable[[Item, _Context], Record],
        out: list[Record],
    ) -> int:
        """Append a record per item to ``out``; return how many items made none."""
        bad = 0
        for item in items:
            try:
                out.append(build(item, self.context(prefix, item)))
            except (ValidationError, ValueError):
                bad += 1
        return bad

    def context(self, prefix: str, item: Quote | FigureMention | EventMention) -> _Context:
        """Id, span, sentence, confidence and state of the record ``item`` makes."""
        text = self.source.text or ""
        span = _trimmed(_within((item.start, item.end), text), text)
        label = span or ("text", getattr(item, "text", None))
        base = make_id(prefix, self.source.id, *label)
        self.used[base] += 1
        confidence = _confidence(item.confidence, self.default_confidence)
        accepted = self.auto_accept is not None and confidence >= self.auto_accept
        return _Context(
            id=base if self.used[base] == 1 else f"{base}.{self.used[base]}",
            source=self.source,
            span=span,
            sentence=_within(item.sentence, text) if span else None,
            confidence=confidence,
            state=(ReviewState.ACCEPTED if accepted else ReviewState.CANDIDATE).value,
            timex=self.timex,
        )


@dataclass(frozen=True)
class _Context:
    """What every record built from one item shares."""

    id: str
    source: Source
    span: Offsets | None
    sentence: Offsets | None
    confidence: float
    state: str
    timex: tuple[Timex, ...]

    def common(
        self, words: str | None, dated_by_source: bool, said: bool = False
    ) -> dict[str, Any]:
        """Fields every kind shares. The date is that of a time expression in the
        item's sentence (for a statement, outside the quoted words, which speak of
        other times), else, if ``dated_by_source``, the source's published date."""
        text = self.source.text or ""
        if self.span is not None:
            s0, s1 = self.sentence or self.span
            evidence = Evidence(
                source=self.source.id, start=self.span[0], end=self.span[1], text=text[s0:s1]
            )
        else:
            evidence = Evidence(source=self.source.id, text=words)
        found = self._timex_date(skip=self.span if said else None)
        date, precision = found if found else (None, None)
        if date is None and dated_by_source and self.source.published:
            date = self.source.published
        return {
            "id": self.id,
            "date": date,
            "date_precision": precision if date is not None else None,
            "claimed_by": self.source.outlet,
            "sources": [evidence],
            "state": self.state,
            "confidence": self.confidence,
        }

    def _timex_date(self, skip: Offsets | None) -> tuple[str, Precision] | None:
        """The date of the first time expression inside the item's sentence (not in ``skip``)."""
        if self.span is None:
            return None
        lo, hi = self.sentence or self.span
        for t in self.timex:
            value = _iso(t.value)
            if value is None or not (lo <= t.start and t.end <= hi):
                continue
            if skip is not None and t.start < skip[1] and skip[0] < t.end:
                continue
            return value, t.precision.precision
        return None


def _statement(item: Quote, ctx: _Context) -> Statement:
    quote = item.text.strip()
    if not quote:
        raise ValueError("a quote without words")
    return Statement(
        **ctx.common(quote, dated_by_source=True, said=True),
        speaker=(item.speaker or "").strip() or UNKNOWN_SPEAKER,
        affiliation=item.affiliation,
        quote=quote,
        mode="indirect" if item.kind is QuoteKind.INDIRECT else "direct",
    )


def _figure(item: FigureMention, ctx: _Context) -> Figure:
    return Figure(
        **ctx.common(item.text, dated_by_source=True),
        metric=item.category.value,
        value=float(item.value),
        qualifier=item.qualifier,
        who=item.who or None,
        period=item.period,  # type: ignore[arg-type]  # validated by the model
        incident=item.incident,
        cumulative=item.cumulative,
        counted_by=item.counted_by,
        as_of=item.as_of,
        summary=item.text or None,
    )


def _counts(figures: Iterable[FigureMention]) -> list[FigureMention]:
    """The figures that are counts: "half of them" is a share of another count
    (value 0.5), and as a record it would be set against real counts."""
    return [f for f in figures if f.qualifier is not Qualifier.HALF]


def _event(item: EventMention, ctx: _Context) -> Event:
    """An Event. Its date is the event's own time expression, else one in its
    sentence, else the source's publication date as an approximate date (a report
    without a date tells of something that happened by the time it was published)."""
    common = ctx.common(item.summary, dated_by_source=False)
    own_date = _iso(item.date)
    if own_date:
        common["date"] = own_date
        common["date_precision"] = item.precision.precision if item.precision else None
    elif common["date"] is None and ctx.source.published:
        common["date"] = ctx.source.published
        common["date_precision"] = Precision.APPROXIMATE
    summary = item.summary.strip()
    if not summary and ctx.span is not None:
        s0, s1 = ctx.sentence or ctx.span
        summary = (ctx.source.text or "")[s0:s1].strip()
    if item.negated and item.claimed_by:
        common["claimed_by"] = item.claimed_by  # the denier's claim, not the outlet's
    return Event(
        **common,
        **_not_done(item),
        type=item.type,
        figures=[
            FigureValue(metric=f.category.value, value=float(f.value), qualifier=f.qualifier)
            for f in item.figures
        ],
        actors=[a for a in item.actors if a.strip()],
        targets=[item.target] if item.target else [],
        summary=summary or item.type.value,
    )


def _not_done(item: EventMention) -> dict[str, Any]:
    """``occurred: false`` and why, for an act the source does not report as done.

    A planned, threatened or possible act keeps its ``mode``: it has not been
    denied (no ``occurred: false``, so it sets off no dispute with a report of the
    act), and the compliance engine never counts it as the act.
    """
    fields: dict[str, Any] = {}
    notes: list[str] = []
    if item.negated:
        denied = _DENIED_BY.format(who=item.claimed_by) if item.claimed_by else _DENIED
        fields["occurred"], notes = False, [denied]
    if item.mode is not EventMode.ASSERTED:
        fields["mode"], notes = item.mode.value, [*notes, _NOT_DONE[item.mode]]
    if notes:
        fields["notes"] = "; ".join(notes)
    return fields


# ------------------------------------------------------------------ helpers


def _confidence(value: float | None, default: float) -> float:
    if value is None:
        return default
    return min(1.0, max(0.0, float(value)))


def _within(span: Offsets | None, text: str) -> Offsets | None:
    """``span`` if it lies inside ``text``, else None."""
    if span is None:
        return None
    start, end = span
    return span if 0 <= start <= end <= len(text) else None


def _trimmed(span: Offsets | None, text: str) -> Offsets | None:
    """``span`` without whitespace at its ends (an event's sentence can end in a line break)."""
    if span is None:
        return None
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _iso(value: str | None) -> str | None:
    """An ISO date or prefix, or None when the value is not one."""
    if value is None:
        return None
    try:
        return _ISO_DATE.validate_python(value.strip())
    except ValidationError:
        return None
