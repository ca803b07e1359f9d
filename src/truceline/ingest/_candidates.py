"""Extraction output → candidate records, each pointing at the words it rests on.

The input is the extractor's JSON shape (docs/DESIGN "Extraction output"):
``quotes`` become Statements, ``figures`` Figures, ``events`` Events; ``timex``
only supply dates. Every record gets ``state="candidate"`` (or "accepted" when
its confidence reaches the auto-accept threshold), a ``confidence`` and one
Evidence: the source, the item's character span, and the sentence around it.

Ids are stable: ``make_id(prefix, source.id, start, end)`` (plus an ordinal when
one span yields several items of a kind), so extracting the same article twice
gives the same records.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from pydantic import TypeAdapter, ValidationError

from truceline.dates import IsoDate
from truceline.model import (
    Event,
    EventType,
    Evidence,
    Figure,
    FigureValue,
    Qualifier,
    Record,
    ReviewState,
    Source,
    Statement,
    make_id,
)
from truceline.vocab import Precision

DEFAULT_CONFIDENCE = 0.5
UNKNOWN_SPEAKER = "unknown"
PREFIXES = {"quotes": "stm", "figures": "fig", "events": "evt"}

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")
_PRECISIONS = frozenset(p.value for p in Precision)
_ISO_DATE: TypeAdapter[str] = TypeAdapter(IsoDate)
_QUALIFIERS = {q.value.replace("_", " "): q.value for q in Qualifier} | {
    "more than": "more_than",
    "at least": "at_least",
    "up to": "up_to",
    "around": "about",
    "approximately": "about",
    "almost": "nearly",
    "some": "about",
    "exactly": "exact",
}


class Conversion(NamedTuple):
    """The records made from one extraction, and how many items could not make one."""

    records: list[Record]
    skipped: int


def candidates(
    extraction: Mapping[str, Any],
    source: Source,
    auto_accept: float | None = None,
    default_confidence: float = DEFAULT_CONFIDENCE,
) -> Conversion:
    """Candidate records for one source from one extraction result.

    Items that cannot make a valid record (a quote without words, a figure
    without a number, an event of an unknown type) are left out and counted.
    """
    text = source.text or ""
    timex = [t for t in extraction.get("timex") or [] if isinstance(t, Mapping)]
    builders: dict[str, Callable[[Mapping[str, Any], _Context], Record]] = {
        "quotes": _statement,
        "figures": _figure,
        "events": _event,
    }
    out: list[Record] = []
    bad = 0
    used: Counter[str] = Counter()
    for key, build in builders.items():
        for item in extraction.get(key) or []:
            if not isinstance(item, Mapping):
                bad += 1
                continue
            span = _span(item, text)
            base = make_id(PREFIXES[key], source.id, *(span or ("text", item.get("text"))))
            used[base] += 1
            record_id = base if used[base] == 1 else f"{base}.{used[base]}"
            confidence = _confidence(item.get("confidence"), default_confidence)
            state = (
                ReviewState.ACCEPTED
                if auto_accept is not None and confidence >= auto_accept
                else ReviewState.CANDIDATE
            )
            sentence = _sentence(text, span) if span else None
            context = _Context(
                id=record_id,
                source=source,
                span=span,
                sentence=sentence,
                confidence=confidence,
                state=state.value,
                timex=timex,
            )
            try:
                out.append(build(item, context))
            except (ValidationError, ValueError):
                bad += 1
    return Conversion(out, bad)


@dataclass(frozen=True)
class _Context:
    """What every record built from one item shares."""

    id: str
    source: Source
    span: tuple[int, int] | None
    sentence: tuple[int, int] | None
    confidence: float
    state: str
    timex: list[Mapping[str, Any]]

    def common(
        self, item: Mapping[str, Any], dated_by_source: bool, said: bool = False
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
            evidence = Evidence(source=self.source.id, text=_s(item.get("text")))
        skip = self.span if said else None
        found = _timex_date(self.timex, text, self.span, self.sentence, skip)
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


def _statement(item: Mapping[str, Any], ctx: _Context) -> Statement:
    quote = _s(item.get("text"))
    if not quote:
        raise ValueError("a quote without words")
    kind = _s(item.get("kind")) or "direct"
    return Statement(
        **ctx.common(item, dated_by_source=True, said=True),
        speaker=_s(item.get("speaker")) or UNKNOWN_SPEAKER,
        affiliation=_s(item.get("affiliation")),
        quote=quote,
        mode="indirect" if kind.lower() == "indirect" else "direct",
    )


def _figure(item: Mapping[str, Any], ctx: _Context) -> Figure:
    value = item.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("a figure without a number")
    qualifier = _QUALIFIERS.get((_s(item.get("qualifier")) or "").lower().replace("_", " "))
    return Figure(
        **ctx.common(item, dated_by_source=True),
        metric=_s(item.get("category")) or "other",
        value=float(value),
        qualifier=qualifier or Qualifier.EXACT.value,
        who=_s(item.get("who")),
        summary=_s(item.get("text")),
    )


def _event(item: Mapping[str, Any], ctx: _Context) -> Event:
    event_type = EventType((_s(item.get("type")) or "").upper())
    common = ctx.common(item, dated_by_source=False)
    own_date = _iso(item.get("date"))
    if own_date:
        precision = _s(item.get("precision"))
        common["date"] = own_date
        common["date_precision"] = _precision(precision)
    text = ctx.source.text or ""
    summary = _s(item.get("summary"))
    if not summary and ctx.span is not None:
        s0, s1 = ctx.sentence or ctx.span
        summary = text[s0:s1].strip()
    if item.get("negated") is True:
        common["notes"] = "negated: the source says this did not happen"
    return Event(
        **common,
        type=event_type,
        figures=_event_figures(item.get("figures")),
        actors=_names(item.get("actors")),
        targets=_names(item.get("target") if "target" in item else item.get("targets")),
        summary=summary or event_type.value,
    )


# ------------------------------------------------------------------ helpers


def _event_figures(items: Any) -> list[FigureValue]:
    """The numbers an event carries (fatalities, trucks …); unusable ones are dropped."""
    out: list[FigureValue] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, Mapping):
            continue
        value = item.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        qualifier = _QUALIFIERS.get((_s(item.get("qualifier")) or "").lower().replace("_", " "))
        out.append(
            FigureValue(
                metric=_s(item.get("category")) or "other",
                value=float(value),
                qualifier=qualifier or Qualifier.EXACT.value,
            )
        )
    return out


def _s(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    values: Sequence[Any] = value if isinstance(value, list | tuple) else [value]
    return [n for n in (_s(v) for v in values) if n]


def _confidence(value: Any, default: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return min(1.0, max(0.0, float(value)))


def _span(item: Mapping[str, Any], text: str) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    if isinstance(start, bool) or isinstance(end, bool):
        return None
    if not 0 <= start <= end <= len(text):
        return None
    return start, end


def _sentence(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence(s) around a span: from the last sentence end before it to the next after."""
    start, end = span
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = len(text)
    following = _SENTENCE_END.search(text, max(end, begin))
    if following is not None:
        stop = following.start()
    while begin < stop and text[begin].isspace():
        begin += 1
    return begin, max(stop, end)


def _timex_date(
    timex: list[Mapping[str, Any]],
    text: str,
    span: tuple[int, int] | None,
    sentence: tuple[int, int] | None,
    skip: tuple[int, int] | None = None,
) -> tuple[str, str | None] | None:
    """The date of the first time expression inside the item's sentence (not in ``skip``)."""
    if span is None:
        return None
    lo, hi = sentence or span
    for t in timex:
        t_span = _span(t, text)
        value = _iso(t.get("value"))
        if t_span is None or value is None or not (lo <= t_span[0] and t_span[1] <= hi):
            continue
        if skip is not None and t_span[0] < skip[1] and skip[0] < t_span[1]:
            continue
        return value, _precision(_s(t.get("precision")))
    return None


def _precision(value: str | None) -> str | None:
    """A Precision value; an unknown one (the extractor's "vague") is "approximate"."""
    if value is None:
        return None
    return value if value in _PRECISIONS else Precision.APPROXIMATE.value


def _iso(value: Any) -> str | None:
    """An ISO date or prefix, or None when the value is not one."""
    text = _s(value)
    if text is None:
        return None
    try:
        return _ISO_DATE.validate_python(text)
    except ValidationError:
        return None
