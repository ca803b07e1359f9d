"""Name and wording normalisation shared by merging and dispute detection.

Outlets spell the same names differently ("Netanyahu"/"Netanyahou",
"Witkoff"/"Whitkoff", "HAMAS"/"Hamas", "al-Qassam"/"Qassam"), and one actor
goes by many names ("IDF", "Israeli army"). ``actor_of`` looks a name up in the
actor register ``ACTORS``; ``name_key`` reduces a name to that actor or else to
a spelling skeleton; ``same_name`` compares two names by register, then token
by token with a tolerant ratio; ``words`` turns a summary into content words
for lexical similarity, with paraphrases folded ("puts off" → "postpone").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache

# Words that never identify an actor on their own.
_TITLES = frozenset(
    """mr mrs ms dr sheikh president prime minister pm foreign defence defense envoy
    special spokesman spokeswoman spokesperson official officials leader chief head
    the of al el and us u s senior""".split()
)

_STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been
    being it its this that these those has have had do does did not no than then
    there their they them he she his her we our you your who whom which what when
    where why how all any both each few more most other some such only own same so
    too very can will just should now said says say told according after before
    during over under again further once also into out up down off about against
    between through while since until per amid""".split()
)

ACTORS: dict[str, tuple[str, ...]] = {
    "Israeli forces": (
        "IDF",
        "Israel Defense Forces",
        "Israel Defence Forces",
        "Israeli army",
        "Israeli military",
        "Israeli forces",
        "Israeli troops",
        "Israeli soldiers",
        "Israeli jets",
        "Israeli warplanes",
        "Israeli air force",
    ),
    "Israeli government": (
        "Israeli government",
        "Prime Minister's Office",
        "Israeli Prime Minister's Office",
        "Netanyahu's office",
        "PMO",
        "Israeli cabinet",
        "security cabinet",
    ),
    "Hamas armed wing": ("Qassam Brigades", "al-Qassam Brigades", "Ezzedine al-Qassam Brigades"),
    "United States": ("United States", "U.S.", "US", "USA", "Washington", "White House"),
    "United Nations": ("United Nations", "UN", "U.N."),
    "Gaza Health Ministry": (
        "Gaza Health Ministry",
        "Health Ministry in Gaza",
        "Gaza's Health Ministry",
        "Palestinian Health Ministry",
    ),
}
"""The actor register: one actor, the names outlets give it (matched whole, folded)."""

# Spelling rules applied in order: transliteration variants collapse together.
_RULES = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"wh"), "w"),
    (re.compile(r"kh"), "k"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
)


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase without accents; punctuation becomes spaces."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", text.lower()).strip()


@lru_cache(maxsize=1 << 16)
def skeleton(token: str) -> str:
    """A spelling skeleton of one folded token ("whitkoff" → "witkof")."""
    out = token
    for pattern, repl in _RULES:
        out = pattern.sub(repl, out)
    return out


@lru_cache(maxsize=1 << 16)
def name_tokens(name: str) -> tuple[str, ...]:
    """The identifying tokens of a name, as skeletons, titles dropped."""
    tokens = [t for t in fold(name).split() if t not in _TITLES]
    return tuple(skeleton(t) for t in tokens) or tuple(skeleton(t) for t in fold(name).split())


@lru_cache(maxsize=1)
def _register() -> dict[str, str]:
    return {fold(alias): actor for actor, aliases in ACTORS.items() for alias in aliases}


@lru_cache(maxsize=16384)
def actor_of(name: str) -> str | None:
    """The register's actor for a name ("the Israeli army" → "Israeli forces"), or None."""
    folded = fold(name)
    return _register().get(folded) or _register().get(folded.removeprefix("the "))


def name_key(name: str) -> str:
    """A canonical key for grouping: the register's actor, else the skeleton tokens."""
    actor = actor_of(name)
    return f"@{actor}" if actor else " ".join(name_tokens(name))


def _close(a: str, b: str, ratio: float) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return SequenceMatcher(None, a, b).ratio() >= ratio


@lru_cache(maxsize=1 << 18)
def same_name(a: str, b: str, ratio: float = 0.85) -> bool:
    """Whether two names plausibly name the same actor.

    Two names in the register match when they name the same actor ("IDF",
    "Israeli army"); a name outside it matches a registered one spelled like
    one of its names ("Israel" and "IDF", through "Israeli army"). Otherwise
    every identifying token of the shorter name must be close to some token of
    the longer one ("Netanyahu" matches "Benjamin Netanyahou").
    """
    actor_a, actor_b = actor_of(a), actor_of(b)
    if actor_a and actor_b:
        return actor_a == actor_b
    if actor_a or actor_b:
        known, other = (actor_a, b) if actor_a else (actor_b, a)
        return any(_spelled_alike(other, name, ratio) for name in ACTORS[known or ""])
    return _spelled_alike(a, b, ratio)


def _spelled_alike(a: str, b: str, ratio: float = 0.85) -> bool:
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(_close(s, t, ratio) for t in long_) for s in short)


def actor_overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Share of actors matched across two lists (Dice coefficient over fuzzy matches)."""
    la, lb = list(dict.fromkeys(a)), list(dict.fromkeys(b))
    if not la or not lb:
        return 0.0
    matched, matched_b = 0, set()
    for x in la:
        hits = [j for j, y in enumerate(lb) if same_name(x, y)]
        matched += bool(hits)
        matched_b.update(hits)
    return (matched + len(matched_b)) / (len(la) + len(lb))


def _stem(word: str) -> str:
    """A crude suffix stripper: "releases", "released", "release" → "releas"."""
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


_PARAPHRASES = {
    "postpone": r"\b(?:puts?|putting) off\b|\bdelay(?:s|ed|ing)?\b|\bpostpon\w*",
    "release": r"\bset free\b|\bfre(?:e|ed|es|eing)\b|\breleas\w*",
    "handover": r"\bhand(?:s|ed|ing)? over\b|\bhandover\w*",
    "strike": r"\bair ?strikes?\b|\bbomb(?:s|ed|ing|ings)?\b|\bbombard\w*",
    "truce": r"\bcease ?fire\b|\btruce\b",
    "hostage": r"\bcaptives?\b|\bhostages?\b|\babductees?\b",
    "withdraw": r"\bpull(?:s|ed|ing)? (?:out|back)\b|\bwithdr[ae]w\w*|\bretreat\w*",
}
"""Paraphrases outlets use for one act, folded to one word before comparing."""
_PARAPHRASE = re.compile("|".join(f"(?P<{word}>{p})" for word, p in _PARAPHRASES.items()))


def words(text: str) -> frozenset[str]:
    """Content words of a text, paraphrases folded, stemmed and skeletonised; numbers dropped."""
    folded = _PARAPHRASE.sub(lambda m: str(m.lastgroup), fold(text))
    return frozenset(filter(None, map(_content, folded.split())))


@lru_cache(maxsize=1 << 18)
def _content(token: str) -> str:
    """A folded token as a content word (stemmed skeleton), or "" when it is none."""
    if token in _STOPWORDS or token.isdigit() or len(token) <= 2:
        return ""
    return skeleton(_stem(token))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
