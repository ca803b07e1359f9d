"""Name and wording normalisation shared by merging and dispute detection.

Outlets spell the same names differently ("Netanyahu"/"Netanyahou",
"Witkoff"/"Whitkoff", "HAMAS"/"Hamas", "al-Qassam"/"Qassam"). ``name_key``
reduces a name to a spelling skeleton; ``same_name`` compares two names token
by token with a tolerant ratio; ``words`` turns a summary into content words
for lexical similarity.
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


def fold(text: str) -> str:
    """Lowercase without accents; punctuation becomes spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


@lru_cache(maxsize=4096)
def skeleton(token: str) -> str:
    """A spelling skeleton of one folded token ("whitkoff" → "witkof")."""
    out = token
    for pattern, repl in _RULES:
        out = pattern.sub(repl, out)
    return out


@lru_cache(maxsize=4096)
def name_tokens(name: str) -> tuple[str, ...]:
    """The identifying tokens of a name, as skeletons, titles dropped."""
    tokens = [t for t in fold(name).split() if t not in _TITLES]
    return tuple(skeleton(t) for t in tokens) or tuple(skeleton(t) for t in fold(name).split())


def name_key(name: str) -> str:
    """A canonical key for grouping: the skeleton tokens joined by spaces."""
    return " ".join(name_tokens(name))


def _close(a: str, b: str, ratio: float) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return SequenceMatcher(None, a, b).ratio() >= ratio


@lru_cache(maxsize=16384)
def same_name(a: str, b: str, ratio: float = 0.85) -> bool:
    """Whether two names plausibly name the same actor.

    True when every identifying token of the shorter name is close to some
    token of the longer one ("Netanyahu" matches "Benjamin Netanyahou").
    """
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
    matched = sum(1 for x in la if any(same_name(x, y) for y in lb))
    matched_b = sum(1 for y in lb if any(same_name(x, y) for x in la))
    return (matched + matched_b) / (len(la) + len(lb))


def _stem(word: str) -> str:
    """A crude suffix stripper: "releases", "released", "release" → "releas"."""
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def words(text: str) -> frozenset[str]:
    """Content words of a text, stemmed and skeletonised; numbers dropped."""
    return frozenset(
        skeleton(_stem(t))
        for t in fold(text).split()
        if t not in _STOPWORDS and not t.isdigit() and len(t) > 2
    )


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
