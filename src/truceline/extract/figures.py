"""Figures: counts of people killed, injured, displaced, captives, prisoners, bodies,
aid trucks and phase lengths, with a qualifier and whom they count.

A number ("890", "1.2 million", "twenty-five", "half") becomes a figure only when
its context names a category: the noun it counts ("600 trucks", "ten living
captives"), the verb governing it ("killed more than 130"), a participle or
predicate on it ("14 killed by …", "left 13 peacekeepers dead"), or an earlier
count joined by "and" ("killing 19 people … and 35 people"). Armed forces and
populations ("10,000 troops", "a population of 700,000") are ``other``.
Durations not tied to now are figures too: days ("a 42-day phase", "60 days to
withdraw", "two weeks of tension" = 14) and truce lengths in hours ("a 30-hour
pause", ``other``); "the past three days", "in ten days", "a two-day visit" are
not. Vague quantities ("hundreds", "dozens") and numbers inside dates (also
"between 1 and 24 April") are left out.

Each figure also says which count it is (``read_scope``), from the words of its
own clause: one incident ("in the first exchange", "a strike on … killed 9"),
a phase ("over the phase"), a running total ("since the war began", "the toll
rose to"), the body that counted ("the health ministry said") and the time of
day it was current ("by evening"). Reconciliation compares only counts of the
same thing; "half of them" stays a share (qualifier "half"), never a count.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from truceline.extract._doc import (
    DEFAULT_KEYS,
    MatchComponent,
    ancestors,
    char_span,
    register_extensions,
    sentence_of,
)
from truceline.extract.numbers import NUMBER_RE, parse_number
from truceline.mentions import FigureMention, Offsets
from truceline.vocab import FigureCategory, Qualifier

_HALF_RE = re.compile(r"\b(?i:half)\b")
_QUALIFIER_RE = re.compile(
    r"(?i:\b(?P<q>more\s+than|over|at\s+least|nearly|almost|close\s+to|about|around|approximately"
    r"|roughly|some|an\s+estimated|up\s+to|fewer\s+than|less\s+than|as\s+many\s+as|at\s+most"
    r"|in\s+excess\s+of|upwards\s+of|just\s+under|under|exactly|just\s+over))\s+$"
)
QUALIFIERS = {
    "more than": Qualifier.MORE_THAN,
    "in excess of": Qualifier.MORE_THAN,
    "upwards of": Qualifier.MORE_THAN,
    "over": Qualifier.OVER,
    "just over": Qualifier.OVER,
    "at least": Qualifier.AT_LEAST,
    "nearly": Qualifier.NEARLY,
    "almost": Qualifier.NEARLY,
    "close to": Qualifier.NEARLY,
    "just under": Qualifier.NEARLY,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "an estimated": Qualifier.ABOUT,
    "up to": Qualifier.UP_TO,
    "as many as": Qualifier.UP_TO,
    "at most": Qualifier.UP_TO,
    "fewer than": Qualifier.UP_TO,
    "less than": Qualifier.UP_TO,
    "under": Qualifier.UP_TO,
    "exactly": Qualifier.EXACT,
}
"""Words before a number → qualifier."""

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
"""Month names as written in a date (capitalised: "may" is a verb)."""
_MONTH_AFTER = re.compile(rf"\s+{_MONTHS}(?:\s|,|$)")
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s+$")
_RATE_RE = re.compile(
    r"^(?:\s+[\w-]+){0,3}?\s+(?i:per\s+day|a\s+day|each\s+day|every\s+day|daily)\b"
)
_TIME_UNITS = {"week", "month", "year", "hour", "minute", "second", "decade", "century", "%"}
_SKIP_NOUNS = {"percent", "per", "%", "time", "times", "kilometre", "kilometer", "mile", "metre"}
_PEOPLE = {"PERSON", "NORP"}
_REL_PRONOUNS = {"whom", "which", "who", "that"}
_HANDOVER = {"release", "return", "hand", "free", "exchange", "repatriate", "receive"}
_PRONOUNS = {"them", "those", "these", "they", "us"}
_FORCES = {
    "troop", "soldier", "fighter", "peacekeeper", "militant", "combatant", "mercenary",
    "reservist", "personnel", "policeman", "guerrilla", "rebel",
}  # fmt: skip
"""Counts of armed people: category ``other`` unless a cue says killed, held, …"""
_POPULATION = {"population", "army", "force", "contingent"}
"""Nouns counted by "a population of 700,000": category ``other``."""
_HELD = {"hold", "capture", "detain", "imprison", "jail", "arrest"}
_A_SCALE_RE = re.compile(r"(?<![\w.,-])(?i:a)\s+(?i:hundred|thousand|million|billion)\b")
""""a million people": a number written with the article."""
_DURATION_RE = re.compile(r"(?:-|\s+)(?P<unit>days?|weeks?|hours?)\b", re.IGNORECASE)
_ANCHORED_BEFORE = re.compile(
    r"(?i:\b(?:last|past|next|coming|previous|recent|these|those|within|in|day)"
    r"\s+(?:the\s+)?$)"
)
"""Words before "N days" that tie it to now or count a day ("the past three days"):
a time expression, not a duration figure."""
_RELATIVE_AFTER = re.compile(
    r"(?i:\s+(?:ago|before|after|later|earlier|from|since|into|on|old|late|early|"
    r"a\s+week|a\s+day|per|until|till|left|to\s+go|remaining|following|running)\b)"
)
_TRUCE_NOUNS = {
    "truce", "ceasefire", "cease", "pause", "cessation", "halt", "phase", "stage",
    "moratorium", "suspension", "lull", "ceasfire",
}  # fmt: skip
_CONFLICT = {
    "fighting", "fight", "strike", "clash", "tension", "war", "attack", "conflict",
    "hostility", "bombardment", "shelling", "violence", "combat", "offensive", "siege",
}  # fmt: skip
"""Words that make "N weeks of …" a duration of a conflict ("two weeks of tension")."""
_NOT_TRUCE = {
    "visit", "trip", "tour", "rally", "summit", "conference", "meeting", "talk", "festival",
    "holiday", "celebration", "rate", "course", "event", "session", "journey", "stay",
    "workshop", "march", "hunger", "mourning", "strike", "forecast", "trial", "hearing",
}  # fmt: skip
"""What an "N-day" event is when it is no truce, phase or fighting ("a two-day visit")."""
_HOLD_VERBS = {"cease", "halt", "hold", "stop", "pause", "suspend", "observe", "last"}
_RISE_VERBS = {
    "rise", "climb", "reach", "stand", "jump", "grow", "increase", "surge", "soar", "pass",
    "exceed", "hit", "top", "mount", "surpass", "swell", "cross",
}  # fmt: skip
_TALLY_NOUNS = {"toll", "number", "tally", "count", "total"}
"""A running count whose new level a number gives ("the death toll has risen to 48,200")."""
_LEVEL_PREPS = {"to", "at", "past", "above", "beyond"}
"""Prepositions of a count's new level; "rose by 50" gives the increase, not the count."""


@dataclass(frozen=True)
class Lexicon:
    """Cue lemmas, split by role."""

    killed: frozenset[str]
    injured: frozenset[str]
    displaced: frozenset[str]
    captive: frozenset[str]
    alive: frozenset[str]
    dead: frozenset[str]
    prisoners: frozenset[str]
    bodies: frozenset[str]
    trucks: frozenset[str]
    phase: frozenset[str]

    @classmethod
    def from_words(cls, words: Mapping[str, Iterable[str]]) -> Lexicon:
        return cls(
            **{
                field: frozenset(words[key])
                for field, key in (
                    ("killed", "killed"),
                    ("injured", "injured"),
                    ("displaced", "displaced"),
                    ("captive", "captive"),
                    ("alive", "alive"),
                    ("dead", "dead"),
                    ("prisoners", "prisoners"),
                    ("bodies", "bodies"),
                    ("trucks", "aid_trucks"),
                    ("phase", "phase"),
                )
            }
        )


def _lemmas(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun ("24 of whom") refers to."""
    for anc in ancestors(token, 6):
        if anc.dep_ == "relcl":
            return anc.head
    return None


def _previous_noun(token: Token) -> Token | None:
    sent = token.sent
    for t in reversed(doc_slice(token.doc, sent.start, token.i)):
        if t.tag_ in ("NNS", "NNPS") or (t.ent_type_ in _PEOPLE and t.pos_ in ("PROPN", "NOUN")):
            return t
    return None


def _verb_of(token: Token) -> Token | None:
    """The nearest verb above a token."""
    return next((t for t in ancestors(token, 6) if t.pos_ == "VERB"), None)


def doc_slice(doc: Doc, start: int, end: int) -> list[Token]:
    return [doc[i] for i in range(start, end)]


def _noun_phrase_text(noun: Token, number_tokens: set[int]) -> str:
    left = noun.i
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.i not in number_tokens:
            left = min(left, child.left_edge.i)
    tokens = [t for t in noun.doc[left : noun.i + 1] if t.i not in number_tokens]
    while tokens and tokens[0].dep_ in ("det", "quantmod", "advmod", "punct"):
        tokens = tokens[1:]
    return " ".join(t.text for t in tokens) if tokens else noun.text


_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|last|next|same|single|\d+(?:st|nd|rd|th))"
_HAPPENING = (
    r"(?:air\s*strike|strike|attack|raid|bombing|shelling|blast|explosion|ambush|incident"
    r"|exchange|swap|release|handover|hand-over|round|batch)"
)
_INCIDENT_AFTER = re.compile(
    rf"^[^;]*?\b(?:in|during|on|from|at|under|by)\s+(?:a|an|one|the|that|this|its|saturday's|"
    rf"sunday's|thursday's|today's)\s+(?P<what>(?:{_ORDINAL}\s+)?(?:\w+\s+)?{_HAPPENING})\b",
    re.IGNORECASE,
)
_INCIDENT_BEFORE = re.compile(
    rf"\b(?:a|an|one|the)\s+(?P<what>(?:{_ORDINAL}\s+)?(?:\w+\s+)?{_HAPPENING})\b[^;,]{{0,60}}?"
    r"\b(?:killed|kills|killing|wounded|injured|freed|frees|released|returned|handed)\b[^;,]{0,15}$",
    re.IGNORECASE,
)
_PHASE = re.compile(
    r"\b(?:over|during|in|of|across|throughout|for|under)\s+(?:the\s+)?(?:whole\s+|entire\s+"
    r"|first\s+|second\s+|third\s+)?(?:phase|stage)\b|\bphase\s+(?:one|two|three|1|2|3)\b",
    re.IGNORECASE,
)
_RUNNING = re.compile(
    r"\bsince\b"
    r"|\bso\s+far\b|\bin\s+total\b|\bto\s+date\b|\bcumulative\b|\boverall\b"
    r"|\b(?:in|during|throughout)\s+the\s+(?:war|conflict)\b",
    re.IGNORECASE,
)
_RUNNING_BEFORE = re.compile(
    r"\b(?:toll|total|tally|number\s+of\s+(?:the\s+)?\w+)(?:\s+(?:in|from|of|among|on)"
    r"\s+[^.;,\d]{1,30}?)?\s+(?:has\s+|had\s+|have\s+)?(?:now\s+)?(?:risen|rose|rises|climbed"
    r"|climbs|reached|reaches|stands|stood|passed|exceeded|jumped|grew|increased|hit|topped"
    r"|surpassed|mounted)\s+(?:to\s+|at\s+|past\s+)?[^.;]{0,12}$"
    r"|\b(?:bringing|raising|pushing|taking)\s+the\s+(?:death\s+)?(?:toll|total)\s+to\s+"
    r"[^.;]{0,12}$",
    re.IGNORECASE,
)
"""A running count's new level: "the death toll in Gaza has risen to", "now stands at"."""
_BODY = re.compile(
    r"\b(?:according\s+to\s+)?(?:[Tt]he\s+)?(?P<body>(?:(?:[A-Z][\w'’-]*|health|civil|interior|media"
    r"|government|defen[cs]e)\s+){0,4}(?:[Mm]inistry|[Oo]ffice|[Aa]gency|[Aa]uthority|[Dd]efen[cs]e"
    r"|[Ss]ervice|Forum|Crescent|OCHA|UNRWA|COGAT|WHO|IDF)(?:\s+of\s+[A-Z][\w'’-]*)?)",
)
_ATTRIBUTION = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|reported|reports|counted|recorded|announced|gave|put|told)\b"
)
_AS_OF = re.compile(
    r"\b(?:by|as\s+of|as\s+at|at|in\s+the|on\s+\w+|this|late|early)\s+(?P<when>\d{1,2}[:.]\d{2}"
    r"|\d{1,2}\s*(?:am|pm)|(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|midday|noon|dawn))\b",
    re.IGNORECASE,
)


def _clip(text: str, forward: bool) -> str:
    """The words up to the next number (``forward``) or since the last one: the
    figure's own part of a sentence that gives several (days of a month are no
    numbers here)."""
    numbers = [
        m
        for m in NUMBER_RE.finditer(text)
        if not (_MONTH_AFTER.match(text, m.end()) or _MONTH_BEFORE.search(text, 0, m.start()))
    ]
    if not numbers:
        return text
    return text[: numbers[0].start()] if forward else text[numbers[-1].end() :]


def read_scope(text: str, start: int, end: int, sentence: Offsets | None) -> dict[str, Any]:
    """Which count the figure at ``text[start:end]`` is (the ``FigureMention`` scope fields).

    Only what its own sentence says: the words after the figure up to the next
    number, and those before it back to the previous one.
    """
    lo, hi = sentence or (max(0, start - 200), min(len(text), end + 200))
    after = _clip(text[end:hi], forward=True)
    before = _clip(text[lo:start], forward=False)
    scope: dict[str, Any] = {}
    incident = _INCIDENT_AFTER.search(after) or _INCIDENT_BEFORE.search(before)
    if incident:
        scope["incident"] = re.sub(r"\s+", " ", incident.group("what").lower())
    elif _RUNNING.search(after) or _RUNNING_BEFORE.search(before) or _RUNNING.search(before):
        scope["cumulative"] = True
    elif _PHASE.search(after) or _PHASE.search(before):
        scope["period"] = "phase"
    whole = text[lo:hi]
    for body in _BODY.finditer(whole):
        tail = whole[body.end() :]
        if body.group(0).lower().startswith("according") or _ATTRIBUTION.match(tail):
            scope["counted_by"] = body.group("body")
            break
    when = _AS_OF.search(after) or _AS_OF.search(before)
    if when:
        scope["as_of"] = when.group("when").lower()
    return scope


class FigureFinder(MatchComponent[FigureMention]):
    """Finds figures; see the module docstring."""

    payload_attr = "figure"

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        spans_key: str,
        timex_key: str,
        metric_words: Mapping[str, Iterable[str]],
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.timex_key = timex_key
        self.lex = Lexicon.from_words(metric_words)
        register_extensions()

    # -- finding --------------------------------------------------------------------

    def match(self, doc: Doc) -> list[tuple[Span, FigureMention]]:
        """Figures of `doc` as (token span, result) pairs."""
        text = doc.text
        dates = [(s.start_char, s.end_char) for s in doc.spans.get(self.timex_key, [])]
        candidates = [(m.start(), m.end(), m.group()) for m in NUMBER_RE.finditer(text)]
        candidates += [(m.start(), m.end(), m.group()) for m in _HALF_RE.finditer(text)]
        candidates += [(m.start(), m.end(), m.group()) for m in _A_SCALE_RE.finditer(text)]
        candidates.sort()
        out: list[tuple[Span, FigureMention]] = []
        for start, end, number in candidates:
            if any(start < e and s < end for s, e in dates):
                continue
            found = self._figure(doc, text, start, end, number, out)
            if found is not None:
                out.append(found)
        return out

    def _figure(
        self,
        doc: Doc,
        text: str,
        start: int,
        end: int,
        number: str,
        earlier: list[tuple[Span, FigureMention]] | None = None,
    ) -> tuple[Span, FigureMention] | None:
        is_half = number.lower() == "half"
        value = 0.5 if is_half else parse_number(number)
        if value is None:
            return None
        # "Phase One", "Channel Eleven": a name, unless it opens a sentence
        if (
            number[0].isupper()
            and not number[0].isdigit()
            and start > 0
            and not re.search(r"(?:^|[.!?:\"“‘]\s*|\n)$", text[max(0, start - 3) : start])
        ):
            return None
        handled, duration = self._duration(doc, text, start, end, value)
        if handled:
            return duration
        after = text[end : end + 12]
        if re.match(r"\s*(?:%|percent|per\s*cent|-year|\s*years?\s+old|-month|-week|-hour)", after):
            return None
        if re.match(rf"\s*(?:and|to|-|–)\s*\d{{1,2}}{_MONTH_AFTER.pattern}", text[end : end + 24]):
            return None  # "between 1 and 24 April": the first day of a date range
        if _MONTH_AFTER.match(after) or _MONTH_BEFORE.search(text[max(0, start - 12) : start]):
            return None  # "7 October", "October 7": a date the time expressions missed
        if re.match(r"\s*[-–]\s*\d", after) or re.search(
            r"[$€£]\s*$", text[max(0, start - 2) : start]
        ):
            return None
        span = char_span(doc, start, end)
        if span is None:
            return None
        tok = span[-1]
        numbers = {t.i for t in span}
        noun, via_of = self._counted(tok, text, end)
        if (
            number.lower() == "one"
            and noun is not None
            and via_of is None
            and noun.dep_ == "pobj"
            and noun.tag_ == "NN"
        ):
            return None  # "in one market", "on one road": a determiner, not a count
        category, strong = self._category(tok, noun, text, end)
        if category is None and noun is not None and earlier:
            category = self._coordinated(noun, text, start, earlier)
        if category is None:
            return None
        # span: qualifier .. number .. counted noun (+ "per day")
        qualifier = Qualifier.HALF if is_half else Qualifier.EXACT
        f_start, f_end = start, end
        q = _QUALIFIER_RE.search(text[max(0, start - 25) : start])
        if q:
            if not is_half:
                qualifier = QUALIFIERS[re.sub(r"\s+", " ", q.group("q").lower())]
            f_start = start - (len(text[max(0, start - 25) : start]) - q.start())
        elif re.search(r"(?i:\bthe\s+)$", text[max(0, start - 4) : start]) and noun is None:
            f_start = start - 4
        if noun is not None and noun.i > tok.i and noun.i - tok.i <= 6:
            f_end = max(f_end, noun.idx + len(noun.text))
        if via_of is not None:
            f_end = max(f_end, via_of.right_edge.idx + len(via_of.right_edge.text))
        rate = _RATE_RE.match(text[f_end : f_end + 40])
        if rate and category is FigureCategory.AID_TRUCKS:
            f_end += rate.end()
        if noun is not None and noun.lemma_.lower() == "day" and f_end < noun.idx:
            f_end = noun.idx + len(noun.text)
        who = self._who(tok, noun, numbers, category)
        item_span = char_span(doc, f_start, f_end) or span
        scope = read_scope(text, start, end, sentence_of(item_span))
        anchor = noun if noun is not None else tok
        if "incident" not in scope and self._toll(anchor, ancestors(anchor, 5)) is not None:
            scope.pop("period", None)  # a toll's new level is a running total
            scope["cumulative"] = True
        figure = FigureMention(
            text=text[f_start:f_end],
            start=f_start,
            end=f_end,
            value=int(value) if float(value).is_integer() else value,
            qualifier=qualifier,
            category=category,
            who=who,
            confidence=0.85 if strong else 0.6,
            sentence=sentence_of(item_span),
            **scope,
        )
        return item_span, figure

    def _duration(
        self, doc: Doc, text: str, start: int, end: int, value: float
    ) -> tuple[bool, tuple[Span, FigureMention] | None]:
        """A length of time: (True, figure or None) when the number counts days, weeks or
        hours, else (False, None).

        "a 30-day truce", "60 days to withdraw", "five days of fighting", "two weeks
        of tension" (14 days) are ``days`` figures; "a 30-hour pause", "for 72 hours"
        in a sentence about a truce are ``other`` figures in hours. Durations tied to
        now ("the past three days", "in 60 days", "two days later") are time
        expressions, not figures.
        """
        m = _DURATION_RE.match(text, end)
        if m is None:
            return False, None
        unit = m.group("unit").lower().rstrip("s")
        hyphen = text[end] == "-"
        u_end = m.end()
        before = text[max(0, start - 30) : start]
        rest = text[u_end : u_end + 20]
        if _ANCHORED_BEFORE.search(before) or _RELATIVE_AFTER.match(rest):
            return True, None
        if not hyphen and re.search(r"(?i:\b(?:every|each|per)\s+)$", before):
            return True, None  # "every three days": a frequency
        prior = re.search(r"(\S+)\s+(?:to|or)\s+$", before)
        if prior and NUMBER_RE.fullmatch(prior.group(1)):
            return True, None  # "two to six days": a vague range
        if not hyphen and value == 1:
            return True, None  # "one day without explosions", "one day he will"
        if re.search(r"(?i:\bafter\s+)$", before) and not re.match(r"\s+of\b", rest):
            return True, None  # "after three days": relative to an event
        span = char_span(doc, start, u_end)
        if span is None:
            return True, None
        sent_lemmas = _lemmas(span.sent)
        nxt = next((t for t in doc[span.end : span.end + 3] if not t.is_space), None)
        modifies = nxt.lemma_.lower() if hyphen and nxt is not None else ""
        event = nxt.head if nxt is not None and nxt.dep_ in ("compound", "poss") else nxt
        attributive = hyphen or not m.group("unit").lower().endswith("s")
        if attributive and event is not None and event.lemma_.lower() in _NOT_TRUCE:
            return True, None  # "a two-day state visit", "a two day rally"
        category: FigureCategory | None = None
        if unit == "day":
            category = FigureCategory.PHASE_DAYS
        elif unit == "week":
            of_conflict = re.match(r"\s+of\b", rest) and sent_lemmas & _CONFLICT
            if (hyphen and modifies in _TRUCE_NOUNS) or of_conflict:
                category, value = FigureCategory.PHASE_DAYS, value * 7
        elif (hyphen and modifies in _TRUCE_NOUNS) or (
            re.search(r"(?i:\bfor\s+)$", before)
            and sent_lemmas & (set(self.lex.phase) | _TRUCE_NOUNS | _HOLD_VERBS)
        ):
            category = FigureCategory.OTHER
        if category is None:
            return True, None
        qualifier = Qualifier.EXACT
        f_start = start
        q = _QUALIFIER_RE.search(text[max(0, start - 25) : start])
        if q:
            qualifier = QUALIFIERS[re.sub(r"\s+", " ", q.group("q").lower())]
            f_start = start - (len(text[max(0, start - 25) : start]) - q.start())
        item_span = char_span(doc, f_start, u_end) or span
        who = ""
        if hyphen and nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
            who = nxt.text
        elif category is FigureCategory.PHASE_DAYS:
            of = re.match(
                r"\s+of\s+((?:[\w-]+\s+){0,2}?[\w-]+)\b", rest + text[u_end + 20 : u_end + 40]
            )
            who = of.group(1) if of else "phase"
        else:
            who = "hours"
        figure = FigureMention(
            text=text[f_start:u_end],
            start=f_start,
            end=u_end,
            value=int(value) if float(value).is_integer() else value,
            qualifier=qualifier,
            category=category,
            who=who,
            confidence=0.85 if hyphen or sent_lemmas & self.lex.phase else 0.6,
            sentence=sentence_of(item_span),
            **read_scope(text, start, u_end, sentence_of(item_span)),
        )
        return True, (item_span, figure)

    def _coordinated(
        self, noun: Token, text: str, start: int, earlier: list[tuple[Span, FigureMention]]
    ) -> FigureCategory | None:
        """The category of an earlier figure of the same sentence that counts the same
        noun and is joined to this one by "and" ("killing 19 people … and 35 people")."""
        lemma = noun.lemma_.lower()
        for span, prev in reversed(earlier):
            if span.sent.start != noun.sent.start:
                return None
            if span[-1].lemma_.lower() != lemma or prev.category in (
                FigureCategory.PHASE_DAYS,
                FigureCategory.OTHER,
            ):
                continue
            between = text[prev.end : start]
            if ";" in between or not re.search(r"\band\b", between):
                return None
            own, theirs = _verb_of(noun), _verb_of(span[-1])
            if noun.dep_ != "conj" and own is not None and own != theirs:
                return None  # "killed 12 militants and captured 3 militants"
            return prev.category
        return None

    def _counted(self, tok: Token, text: str, end: int) -> tuple[Token | None, Token | None]:
        """(the noun a number counts, the "of" object when it counts "N of X")."""
        doc = tok.doc
        if re.match(r"-day\b", text[end : end + 5]):
            for t in doc[tok.i + 1 : tok.i + 4]:
                if t.lower_ == "day":
                    return t, None
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and tok.head.pos_ in (
            "NOUN",
            "PROPN",
        ):
            head = tok.head
            if head.pos_ == "NUM" or head.lower_ in ("million", "billion", "thousand"):
                head = head.head
            if head.i > tok.i:
                return head, None
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if not objs:
                    continue
                obj = objs[0]
                if obj.lower_ in _REL_PRONOUNS:
                    return _antecedent(tok) or _previous_noun(tok), obj
                if obj.lower_ in _PRONOUNS:
                    nxt = doc[obj.i + 1] if obj.i + 1 < len(doc) else None
                    if nxt is not None and nxt.pos_ == "NOUN":
                        return nxt, nxt
                    return _previous_noun(tok), obj
                return obj, obj
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN" and doc[tok.i + 1].dep_ != "prep":
            nxt = doc[tok.i + 1]
            if nxt.head.i == tok.i or tok.head.i == nxt.i:
                return nxt, None
        return None, None

    def _category(
        self, tok: Token, noun: Token | None, text: str, end: int
    ) -> tuple[FigureCategory | None, bool]:
        """(category, strong evidence?) or (None, False)."""
        lex = self.lex
        sent = tok.sent
        sent_lemmas = _lemmas(sent)
        noun_lemma = noun.lemma_.lower() if noun is not None else ""
        if noun_lemma in _SKIP_NOUNS or noun_lemma in _TIME_UNITS:
            return None, False
        if noun is not None and noun_lemma == "day":
            after_noun = text[noun.idx + len(noun.text) : noun.idx + len(noun.text) + 12]
            relative = re.match(
                r"\s+(?:ago|before|after|later|earlier|from|since|into)\b", after_noun
            )
            if sent_lemmas & lex.phase and not relative:
                return FigureCategory.PHASE_DAYS, True
            return None, False
        anchor = noun if noun is not None else tok
        near = _lemmas([anchor, *anchor.children])
        path = ancestors(anchor, 5)
        path_lemmas = [t.lemma_.lower() for t in path]
        clause = self._clause_lemmas(tok)
        if noun_lemma in lex.trucks or (
            noun is None and _RATE_RE.match(text[end : end + 30]) and sent_lemmas & lex.trucks
        ):
            return FigureCategory.AID_TRUCKS, True
        cue = self._cue(anchor)
        if cue is not None and noun_lemma not in lex.captive:
            return cue, True
        if noun_lemma in _FORCES and (near | set(path_lemmas[:2])) & _HELD:
            held = next((t for t in [*anchor.children, *path[:1]] if t.lemma_ in _HELD), None)
            agents = [
                g
                for c in (held.children if held is not None else [])
                if c.dep_ == "agent"
                for g in c.children
            ]
            if any(g.ent_type_ in ("GPE", "NORP") for g in agents):
                return FigureCategory.PRISONERS, True  # soldiers held by a state
        toll = self._toll(anchor, path)
        if toll is not None:
            return toll, True
        for step, lemma in zip(path[:2], path_lemmas[:2], strict=False):
            if lemma in lex.killed and noun_lemma not in lex.captive:
                return FigureCategory.KILLED, True
            if lemma in lex.injured:
                return FigureCategory.INJURED, True
            if lemma in lex.displaced:
                return FigureCategory.DISPLACED, True
            if step.pos_ == "VERB":
                break  # its own verb: "captured 3 militants" after "killed 12"
        captive = (
            noun_lemma in lex.captive
            or bool(set(path_lemmas[:3]) & lex.captive)
            or "hold" in near
            or (
                bool(set(path_lemmas) & lex.bodies)
                and bool((sent_lemmas & lex.captive) or (set(path_lemmas) & _HANDOVER))
            )
        )
        if captive:
            status = near | clause | set(path_lemmas[:3])
            if status & lex.alive:
                return FigureCategory.CAPTIVES_ALIVE, True
            if status & lex.dead:
                return FigureCategory.CAPTIVES_DEAD, True
            return FigureCategory.CAPTIVES_TOTAL, True
        if noun_lemma in lex.prisoners:
            return FigureCategory.PRISONERS, True
        for step, lemma in zip(path, path_lemmas, strict=False):
            if lemma in lex.killed or lemma == "toll":
                return FigureCategory.KILLED, False
            if lemma in lex.injured:
                return FigureCategory.INJURED, False
            if lemma in lex.displaced:
                return FigureCategory.DISPLACED, False
            if step.pos_ == "VERB" and step.dep_ == "conj":
                break  # a coordinated verb has its own object
        if noun_lemma in lex.bodies:
            return FigureCategory.BODIES, True
        if (
            noun is not None
            and noun_lemma in _FORCES
            and not any(c.lower_ in ("jet", "jets") for c in noun.lefts)
        ):
            return FigureCategory.OTHER, False
        if (
            noun is None
            and tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in _POPULATION
        ):
            return FigureCategory.OTHER, False
        return None, False

    def _toll(self, anchor: Token, path: list[Token]) -> FigureCategory | None:
        """What a running count counts when the number is its new level: "the death
        toll in Gaza has risen to 48,200", "the number of wounded climbed to 312",
        "the toll now stands at 1,540", "the death toll reached 902". A toll alone
        counts the dead."""
        level = anchor.i > 0 and anchor.doc[anchor.i - 1].lower_ == "to"
        if anchor.dep_ == "pobj" and path and (path[0].lower_ in _LEVEL_PREPS or level):
            path = path[1:]  # "rose to 1,200", "rose by 50 to 1,200" (parsed as a range)
        elif anchor.dep_ != "dobj":
            return None
        verb = path[0] if path else None
        if verb is None or verb.lemma_.lower() not in _RISE_VERBS:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in _TALLY_NOUNS:
            return None
        words = _lemmas(subject.subtree)
        if words & self.lex.injured:
            return FigureCategory.INJURED
        if words & self.lex.displaced:
            return FigureCategory.DISPLACED
        if words & self.lex.killed or subject.lemma_.lower() == "toll":
            return FigureCategory.KILLED
        return None

    def _cue(self, anchor: Token) -> FigureCategory | None:
        """A participle or predicate on the counted words: "14 killed by …", "70 killed in
        …", "left 13 peacekeepers dead", "15 people wounded"."""
        lex = self.lex
        words = [
            c for c in anchor.children if c.dep_ in ("acl", "amod", "relcl") and c.i > anchor.i
        ]
        if anchor.dep_ in ("dobj", "nsubjpass", "nsubj") and anchor.head.i < anchor.i:
            words += [c for c in anchor.head.children if c.dep_ in ("oprd", "acomp", "xcomp")]
        for word in words:
            if word.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in word.children):
                continue  # "50 people who killed …": they are the agents
            lemma = word.lemma_.lower()
            if lemma in lex.killed:
                return FigureCategory.KILLED
            if lemma in lex.injured:
                return FigureCategory.INJURED
        return None

    @staticmethod
    def _clause_lemmas(tok: Token) -> set[str]:
        """Lemmas near the verb of the number's own clause ("24 … are believed to be alive")."""
        verb = tok.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i:
            return set()
        out = {verb.lemma_.lower()}
        for child in verb.children:
            out.add(child.lemma_.lower())
            for grand in child.children:
                out.add(grand.lemma_.lower())
        return out

    @staticmethod
    def _who(tok: Token, noun: Token | None, numbers: set[int], category: FigureCategory) -> str:
        if category is FigureCategory.AID_TRUCKS:
            return "aid trucks"
        if noun is not None and noun.lemma_.lower() != "day":
            return _noun_phrase_text(noun, numbers)
        if category is FigureCategory.PHASE_DAYS:
            for t in tok.sent:
                if t.lemma_.lower() in ("phase", "stage"):
                    return _noun_phrase_text(t, numbers)
            return "phase"
        prev = _previous_noun(tok)
        return prev.text if prev is not None else ""


@Language.factory(
    "truceline_figures",
    default_config={
        "spans_key": DEFAULT_KEYS["figures"],
        "timex_key": DEFAULT_KEYS["timex"],
        "metric_words": {"@misc": "truceline.metric_words.v1"},
    },
    assigns=["doc.spans", "doc._.figures"],
    requires=["token.dep", "token.lemma"],
)
def make_figures(
    nlp: Language,
    name: str,
    spans_key: str,
    timex_key: str,
    metric_words: dict[str, list[str]],
) -> FigureFinder:
    """Build the figures component."""
    missing = {"killed", "captive", "alive", "dead", "aid_trucks", "phase"} - set(metric_words)
    if missing:
        raise ValueError(f"metric_words lacks {sorted(missing)}")
    return FigureFinder(
        nlp, name, spans_key=spans_key, timex_key=timex_key, metric_words=metric_words
    )


__all__ = ["QUALIFIERS", "FigureFinder", "make_figures", "read_scope"]
