"""Time expressions → ISO dates with a precision, relative to a publication date.

`TimexRecognizer` finds explicit dates ("Oct. 7, 2023", "March 2025", "18 March"),
weekday and deictic expressions ("on Tuesday", "late Saturday", "yesterday",
"this week", "one month ago"), anaphoric ones ("the following day", resolved
against the last day mentioned), vague ones ("early June", "over the past two
days") and days of an agreement ("the 42nd day", "day 16", given its day 1).
Unanchored durations ("for 42 days", "six weeks") are not dates.

Resolution is rule-based: no dateparser call per expression. The year of a
month without one is the nearest to publication that agrees with the tense of
the governing verb.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from truceline.extract._doc import (
    DEFAULT_KEYS,
    MatchComponent,
    char_span,
    doc_date,
    register_extensions,
)
from truceline.extract.numbers import parse_number

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2,
    "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
}  # fmt: skip
_TENS_ORD = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
)
_MOD = r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
_YEAR = r"(?:19|20)\d{2}"
_NUMW = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|few|a\s+couple\s+of|couple\s+of)"  # noqa: E501
_ORD = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty)[-\s])?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth|fortieth|fiftieth|sixtieth)"
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "mdy",
        re.compile(
            rf"\b(?=[A-Zemlt])(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?P<mod>{_MOD})[-\s]+)?"
            rf"(?P<mon>{_MONTH})\s+"
            rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d2>[0-3]?\d)(?!\d))?"
            rf"(?:,?\s+(?P<y>{_YEAR}))?(?![\d:])"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?=[A-Z0-3])(?:(?P<wd>{_WEEKDAY}),?\s+)?\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?"
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?=[A-Zemlt])(?:(?P<mod>{_MOD})[-\s]+)?(?:(?i:the\s+month\s+of)\s+)?"
            rf"(?P<mon>{_MONTH})"
            rf"(?:,?\s+(?P<y>{_YEAR}))?(?![\w])"
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?=[12EMLeml])(?:(?P<mod>(?i:early|mid|late))[-\s]+)?\b(?P<y>{_YEAR})\b(?![-–]\d|\s+[a-z]+s\b|,\d)"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?=[A-Zlntcep])(?:(?P<mod>(?i:last|next|this|coming|early|late|past))\s+)?"
            rf"\b(?P<wd>{_WEEKDAY})"
            rf"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?"
        ),
    ),
    (
        "deictic",
        re.compile(r"\b(?i:(?P<rel>today|yesterday|tomorrow|tonight|overnight|last\s+night))\b"),
    ),
    (
        "unit",
        re.compile(
            r"\b(?i:(?P<mod>earlier\s+this|later\s+this|this|last|next|the\s+previous"
            r"|the\s+following|the\s+coming|the\s+same)\s+(?P<unit>week|weekend|month|year))\b"
        ),
    ),
    (
        "ago",
        re.compile(rf"\b(?i:(?P<n>{_NUMW})\s+(?P<unit>day|week|month|year)s?\s+ago)\b"),
    ),
    (
        "anaphor",
        re.compile(
            r"\b(?i:(?P<ana>the\s+following\s+(?:day|morning|night)|the\s+next\s+(?:day|morning)"
            r"|the\s+day\s+after|the\s+day\s+before|the\s+previous\s+day|the\s+same\s+day"
            r"|later\s+that\s+day|earlier\s+that\s+day|that\s+(?:day|night|morning|evening)"
            r"|a\s+day\s+later|a\s+day\s+earlier|the\s+day(?=\s+(?:when|that|the|a|an|he|she|it|they)\b)))\b"
        ),
    ),
    (
        "period",
        re.compile(
            rf"\b(?i:(?:(?:over|in|during|within)\s+)?the\s+(?P<dir>past|last|previous|next|coming"
            rf"|following)\s+(?:(?P<n>{_NUMW})\s+)?(?P<unit>days?|weeks?|hours))\b"
        ),
    ),
    (
        "recent",
        re.compile(r"\b(?i:in\s+recent\s+(?P<unit>days|weeks))\b"),
    ),
    (
        "agreement_day",
        re.compile(
            rf"\b(?=[tTdDfFsSeEnN\d])(?i:(?:the\s+)?(?P<ord>{_ORD})\s+day(?!s)"
            rf"|day\s+(?P<n>\d{{1,3}})(?![\d,.]\d))\b"
        ),
    ),
)
"""Finders, most specific first; a later pattern never overlaps an earlier match."""

_YEAR_PREP = re.compile(
    r"(?i:\b(?:in|since|of|by|until|till|before|after|during|from|through|to|and|early|mid|late"
    r"|between|around|throughout)[\s-]+)$"
)
_AGREEMENT_WORDS = ("ceasefire", "truce", "agreement", "deal", "phase", "stage", "pause", "accord")
_MAY_CONTEXT = re.compile(r"(?i:\b(?:in|of|since|until|by|early|mid|late|last|next|this)\s+)$")
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
_FUTURE_ADJ = {"due", "set", "expected", "scheduled", "slated", "poised", "going"}


@dataclass(frozen=True)
class TimexMatch:
    """A found time expression: the char span and how to resolve it."""

    start: int
    end: int
    kind: str
    groups: Mapping[str, str | None]


def find_timex(text: str) -> list[TimexMatch]:
    """Every time expression in `text`, without overlaps, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[TimexMatch] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            groups = m.groupdict()
            if not _plausible(kind, groups, text, start, end):
                continue
            taken.append((start, end))
            found.append(TimexMatch(start, end, kind, groups))
    found.sort(key=lambda t: t.start)
    return found


def _plausible(kind: str, g: Mapping[str, str | None], text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30) : start]
    bare_month = kind == "month" and not g.get("y") and not g.get("mod")
    if bare_month and (g.get("mon") or "").startswith("May"):
        return bool(_MAY_CONTEXT.search(before))
    if kind == "month" and not g.get("y") and not g.get("mod"):
        # a bare month name must stand as a month: "in March", "March's", not "March on"
        nxt = text[end : end + 12]
        if re.match(r"\s+(?:on|to|towards|through|for|against)\b", nxt) and not re.search(
            r"(?i:\b(?:in|since|until|by|of|last|next|this|from)\s+)$", before
        ):
            return False
    if kind == "year":
        if g.get("mod"):
            return True
        if not _YEAR_PREP.search(before):
            return False
        if re.match(r"\s*(?:%|percent|per\b)", text[end : end + 9]):
            return False
    if kind == "dmy" and re.search(r"(?:[\d.,]|\bof|\bfor)\s*$", before):
        # "more than 7 March" is rare; "1,2 March" is a list; "of 12 May" stays
        return not re.search(r"[\d.,]\s*$", before)
    return True


# -- resolution ---------------------------------------------------------------------


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _weekday_number(name: str) -> int:
    return WEEKDAYS[name.lower().rstrip(".")]


def _count(word: str | None) -> int | None:
    if not word:
        return 1
    w = word.lower()
    if w in ("a", "an"):
        return 1
    if "few" in w or "several" in w:
        return None
    if "couple" in w:
        return 2
    value = parse_number(w)
    return int(value) if value is not None else None


def _ordinal(word: str) -> int | None:
    w = word.lower().replace("-", " ")
    m = re.match(r"(\d+)", w)
    if m:
        return int(m.group(1))
    parts = w.split()
    if len(parts) == 2 and parts[0] in _TENS_ORD:
        return _TENS_ORD[parts[0]] + _ORDINAL_WORDS.get(parts[1], 0)
    return _ORDINAL_WORDS.get(w)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    day = min(d.day, 28)
    return date(year, month + 1, day)


_MOD_DAY = {"early": 1, "beginning": 1, "start": 1, "mid": 11, "middle": 11, "late": 21, "end": 21}


def _mod_day(mod: str | None) -> int | None:
    if not mod:
        return None
    for word, day in _MOD_DAY.items():
        if word in mod.lower():
            return day
    return None


def pick_year(month: int, day: int | None, published: date, tense: str | None) -> int:
    """The year nearest to `published` for a month(-day), agreeing with the tense."""
    best_year, best_cost = published.year, None
    for year in (published.year - 1, published.year, published.year + 1):
        candidate = _safe_date(year, month, day or 15)
        if candidate is None:
            continue
        delta = (candidate - published).days
        slack = 0 if day else 16
        cost = abs(delta)
        if (tense == "past" and delta > slack) or (tense == "future" and delta < -slack):
            cost += 400
        if best_cost is None or cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def tense_of(token: Token | None) -> str | None:
    """The tense ("past", "future", "present" or None) of the verb governing `token`."""
    if token is not None and token.dep_ in ("compound", "nmod", "amod", "poss"):
        return None  # a date inside a noun phrase ("the January 17 agreement")
    hops = 0
    while token is not None and hops < 6:
        if token.pos_ in ("VERB", "AUX"):
            children = list(token.children)
            auxes = [c.lower_ for c in children if c.dep_ in ("aux", "auxpass")]
            if "have" in auxes and "would" in auxes:
                return "past"  # "would have been addressed"
            for low in auxes:
                if low in _FUTURE_AUX:
                    return "future"
                if low in ("has", "have", "had", "did", "was", "were"):
                    return "past"
            if token.tag_ == "VBD":
                return "past"
            if token.tag_ in ("VBP", "VBZ"):
                if token.lemma_ == "be" and any(c.lower_ in _FUTURE_ADJ for c in children):
                    return "future"
                return "present"
            if token.tag_ == "VBN" and token.dep_ not in ("xcomp", "acl"):
                return "past"
            if token.tag_ == "VBG" and token.lower_ == "going":
                return "future"
        if token.lower_ in _FUTURE_ADJ and token.pos_ == "ADJ":
            return "future"
        if token.head is token:
            break
        token = token.head
        hops += 1
    return None


@dataclass
class Resolver:
    """Turns `TimexMatch`es into values, keeping the narrative's reference day."""

    published: date | None
    day1: date | None = None
    anchored: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        self.reference: date | None = self.published

    def resolve(
        self, m: TimexMatch, text: str, tense: str | None, *, anchor: bool = True
    ) -> tuple[str, str, float] | None:
        """(value, precision, confidence), or None when it cannot be resolved.

        A day-precision result becomes the reference for later anaphors ("the
        next day") when `anchor` is true (dates modifying a noun are not).
        """
        result = self._guarded(m, text, tense)
        if result is None:
            return None
        value, precision, confidence = result
        if precision == "day" and anchor:
            self.reference = date.fromisoformat(value)
        return result

    def _guarded(
        self, m: TimexMatch, text: str, tense: str | None
    ) -> tuple[str, str, float] | None:
        """The handler's result; None when the arithmetic leaves the calendar.

        "Yesterday" on 0001-01-01 or "tomorrow" on 9999-12-31 has no date: Python's
        dates end there (OverflowError from timedelta, ValueError from date()).
        """
        handler = getattr(self, f"_{m.kind}")
        try:
            return handler(m.groups, text[m.start : m.end], tense)  # type: ignore[no-any-return]
        except (OverflowError, ValueError):
            return None

    # explicit dates
    def _iso(self, g, text, tense):
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d.isoformat(), "day", 0.95) if d else None

    def _mdy(self, g, text, tense):
        month, day = _month_number(g["mon"]), int(g["d"])
        if self.anchored and not g.get("y"):
            key = re.sub(r"\s+", " ", f"{g['mon']} {g['d']}").lower()
            if key in self.anchored:
                return self.anchored[key], "day", 0.8
        if g.get("y"):
            year, confidence = int(g["y"]), 0.95
        elif self.published is not None:
            year, confidence = pick_year(month, day, self.published, tense), 0.85
        else:
            return None
        d = _safe_date(year, month, day)
        if d is None:
            return None
        if g.get("mod"):
            return d.isoformat(), "vague", confidence - 0.1
        return d.isoformat(), ("range" if g.get("d2") else "day"), confidence

    def _dmy(self, g, text, tense):
        return self._mdy(g, text, tense)

    def _month(self, g, text, tense):
        month = _month_number(g["mon"])
        if g.get("y"):
            year, confidence = int(g["y"]), 0.95
        elif self.published is not None:
            year, confidence = pick_year(month, None, self.published, tense), 0.8
        else:
            return None
        day = _mod_day(g.get("mod"))
        if day:
            return date(year, month, day).isoformat(), "vague", confidence - 0.1
        return f"{year:04d}-{month:02d}", "month", confidence

    def _year(self, g, text, tense):
        day = _mod_day(g.get("mod"))
        if day:
            month = {1: 1, 11: 6, 21: 9}[day]
            return date(int(g["y"]), month, 1).isoformat(), "vague", 0.7
        return g["y"], "year", 0.8

    # relative to publication
    def _weekday(self, g, text, tense):
        if self.published is None:
            return None
        target = _weekday_number(g["wd"])
        mod = (g.get("mod") or "").lower()
        pub = self.published
        back = (pub.weekday() - target) % 7
        fwd = (target - pub.weekday()) % 7 or 7
        if mod == "last" or mod == "past":
            d = pub - timedelta(days=back or 7)
        elif mod in ("next", "coming") or tense == "future":
            d = pub + timedelta(days=fwd)
        else:
            d = pub - timedelta(days=back)
        return d.isoformat(), "day", 0.85

    def _deictic(self, g, text, tense):
        if self.published is None:
            return None
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        offset = {
            "today": 0,
            "tonight": 0,
            "overnight": 0,
            "yesterday": -1,
            "last night": -1,
            "tomorrow": 1,
        }[rel]
        return (self.published + timedelta(days=offset)).isoformat(), "day", 0.8

    def _unit(self, g, text, tense):
        mod = re.sub(r"\s+", " ", g["mod"].lower())
        unit = g["unit"].lower()
        base = self.published
        if mod in ("the following", "the previous", "the same"):
            base = self.reference
        if base is None:
            return None
        step = {"last": -1, "the previous": -1, "next": 1, "the following": 1, "the coming": 1}
        n = step.get(mod, 0)
        if unit in ("week", "weekend"):
            d = _monday(base) + timedelta(weeks=n)
            if unit == "weekend":
                return (d + timedelta(days=5)).isoformat(), "range", 0.7
            return d.isoformat(), "week", 0.8
        if unit == "month":
            d = _add_months(base.replace(day=1), n)
            return f"{d.year:04d}-{d.month:02d}", "month", 0.8
        return f"{base.year + n:04d}", "year", 0.8

    def _ago(self, g, text, tense):
        if self.published is None:
            return None
        n = _count(g["n"])
        unit = g["unit"].lower()
        if n is None:
            n = 3 if unit == "day" else 2
            precision = "vague"
        else:
            precision = {"day": "day", "week": "week"}.get(unit, "vague")
        if unit == "day":
            d = self.published - timedelta(days=n)
        elif unit == "week":
            d = self.published - timedelta(weeks=n)
        elif unit == "month":
            d = self.published - timedelta(days=30 * n)
        else:
            d = self.published - timedelta(days=365 * n)
        return d.isoformat(), precision, 0.7

    def _period(self, g, text, tense):
        direction = g["dir"].lower()
        unit = g["unit"].lower().rstrip("s")
        n = _count(g.get("n"))
        precision = "range" if g.get("n") and n is not None else "vague"
        n = n or 3
        days = {"day": n, "week": 7 * n, "hour": 1}[unit]
        if direction in ("past", "last", "previous"):
            if self.published is None:
                return None
            return (self.published - timedelta(days=days)).isoformat(), precision, 0.7
        base = self.reference if tense == "past" else self.published
        if base is None:
            return None
        return (base + timedelta(days=1)).isoformat(), "vague", 0.6

    def _recent(self, g, text, tense):
        if self.published is None:
            return None
        days = 3 if g["unit"].lower() == "days" else 14
        return (self.published - timedelta(days=days)).isoformat(), "vague", 0.5

    def _anaphor(self, g, text, tense):
        if self.reference is None:
            return None
        ana = re.sub(r"\s+", " ", g["ana"].lower())
        if "following" in ana or "next" in ana or "after" in ana or "later" in ana:
            offset = 1 if "later that" not in ana else 0
        elif "before" in ana or "previous" in ana or "earlier" in ana:
            offset = -1 if "earlier that" not in ana else 0
        else:
            offset = 0
        confidence = 0.4 if ana == "the day" else 0.6
        return (self.reference + timedelta(days=offset)).isoformat(), "day", confidence

    def _agreement_day(self, g, text, tense):
        if self.day1 is None:
            return None
        n = _ordinal(g["ord"]) if g.get("ord") else int(g["n"])
        if not n or n > 400:
            return None
        return (self.day1 + timedelta(days=n - 1)).isoformat(), "day", 0.75


def _agreement_context(text: str, end: int) -> bool:
    """False when "the Nth day of X" names a day of something other than an agreement."""
    m = re.match(
        r"\s+of\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,2}?([\w-]+)", text[end : end + 60]
    )
    if not m:
        return True
    return any(w in m.group(0).lower() for w in _AGREEMENT_WORDS)


# -- the component -------------------------------------------------------------------


class TimexRecognizer(MatchComponent):
    """Finds time expressions and resolves them; see the module docstring."""

    payload_attr = "timex"

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        spans_key: str,
        agreement_day1: str | None,
        anchored_dates: Mapping[str, str],
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.agreement_day1 = date.fromisoformat(agreement_day1) if agreement_day1 else None
        self.anchored = {k.lower(): v for k, v in anchored_dates.items()}
        register_extensions()

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        """Resolved time expressions of `doc` as (token span, payload) pairs."""
        published = doc_date(doc, "published")
        day1 = doc_date(doc, "agreement_day1") or self.agreement_day1
        resolver = Resolver(published, day1, self.anchored)
        text = doc.text
        out: list[tuple[Span, dict]] = []
        for m in find_timex(text):
            if m.kind == "agreement_day" and not _agreement_context(text, m.end):
                continue
            span = char_span(doc, m.start, m.end)
            if span is None:
                continue
            tense = tense_of(span.root)
            modifier = span.root.dep_ in ("compound", "nmod", "amod", "poss")
            resolved = resolver.resolve(m, text, tense, anchor=not modifier)
            if resolved is None:
                continue
            value, precision, confidence = resolved
            if any(t.ent_type_ in ("DATE", "TIME") for t in span):
                confidence = min(1.0, confidence + 0.05)
            out.append(
                (
                    span,
                    {
                        "text": text[m.start : m.end],
                        "start": m.start,
                        "end": m.end,
                        "value": value,
                        "precision": precision,
                        "confidence": round(confidence, 2),
                    },
                )
            )
        return out


@Language.factory(
    "truceline_timex",
    default_config={
        "spans_key": DEFAULT_KEYS["timex"],
        "agreement_day1": None,
        "anchored_dates": {"@misc": "truceline.anchored_dates.v1"},
    },
    assigns=["doc.spans", "doc._.timex"],
    requires=["token.dep", "token.tag"],
)
def make_timex(
    nlp: Language,
    name: str,
    spans_key: str,
    agreement_day1: str | None,
    anchored_dates: dict[str, str],
) -> TimexRecognizer:
    """Build the time-expression component (`agreement_day1` is an ISO date or null)."""
    if agreement_day1 is not None:
        try:
            date.fromisoformat(agreement_day1)
        except ValueError as exc:
            raise ValueError(f"agreement_day1 must be YYYY-MM-DD, got {agreement_day1!r}") from exc
    return TimexRecognizer(
        nlp,
        name,
        spans_key=spans_key,
        agreement_day1=agreement_day1,
        anchored_dates=anchored_dates,
    )


__all__ = ["PATTERNS", "Resolver", "TimexMatch", "TimexRecognizer", "find_timex", "pick_year"]
