"""Who a pronoun or a short name stands for, within one document.

Attribution names a speaker from the subject of a reporting verb; a pronoun
subject ("…,” she said) needs an antecedent. The small English models carry no
coreference, so this module keeps what the document itself says about each
person: the mentions in order, the full form of a surname, a title that tells
the gender ("Mr", "Ms", "spokeswoman"), and the pronouns that follow a name when
it is the only person in its sentence ("Smith said his team…"). A pronoun then
resolves to the latest mention that agrees with it in person, gender and
number: "she" never to a man, "they" never to one person, "it" to a group or a
document. The token-level helpers at the end name a mention: its entity, its
description ("a spokesperson for the ministry"), a document's author, and
whether a place is a dateline rather than a speaker.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her"}
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_GENDER_TITLES = {
    "mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
    "miss": "f", "madam": "f", "lady": "f",
}  # fmt: skip
_GENDER_NOUNS = {
    "spokesman": "m", "chairman": "m", "man": "m", "father": "m", "son": "m",
    "husband": "m", "brother": "m", "king": "m", "businessman": "m", "congressman": "m",
    "spokeswoman": "f", "chairwoman": "f", "woman": "f", "mother": "f", "daughter": "f",
    "wife": "f", "sister": "f", "queen": "f", "businesswoman": "f", "congresswoman": "f",
}  # fmt: skip
_NAME_LOOKBACK = 3
"""Mentions back a he/she with no person to agree with may look for a mislabelled name."""
_SALIENCE_WINDOW = 80
"""Tokens back from the latest agreeing mention within which a main-clause subject wins."""
SPEAKER_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
"""Entity labels of those who can speak: people, organisations, states, nationalities."""
_DESCRIPTION_PREPS = {"of", "for", "on", "from", "at", "with", "in"}
PERSON_TITLES = {
    "prof", "prof.", "professor", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "sen", "sen.", "senator", "rep", "rep.", "gen", "gen.", "general", "col", "col.",
    "president", "minister", "premier", "sheikh", "rev", "rev.", "gov", "gov.", "judge",
}  # fmt: skip
"""Words before a name that make it a person whatever the entity recogniser says."""


@dataclass
class Speaker:
    name: str
    affiliation: str | None
    index: int
    """Token index of the mention (for recency)."""
    kind: str = "person"
    """"person", "group" (an organisation or a plural), "description" (one person
    described: "a senior official"), "document" ("the statement") or "pronoun"."""
    plural: bool = False
    main: bool = False
    """The subject of its sentence's main clause: the likelier antecedent."""
    named_like_person: bool = False
    """An organisation or place by its entity label whose name reads like a
    person's (two or three capitalised words): the label may be wrong."""


@dataclass
class Mentions:
    """What attribution remembers while it walks one document."""

    mentions: list[Speaker] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    affiliations: dict[str, str] = field(default_factory=dict)
    full_names: dict[str, str] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    """Names and surnames the entity recogniser labels a person somewhere."""
    genders: dict[str, str | None] = field(default_factory=dict)
    last_speaker: Speaker | None = None
    last_quote_end: int = -1
    text: str = ""
    """The document's text (`doc.text` is rebuilt on every access)."""
    inside: bytearray = field(default_factory=bytearray)
    """1 for each token inside quotation marks."""

    def add(self, speaker: Speaker) -> None:
        pos = bisect.bisect_right(self.positions, speaker.index)
        self.positions.insert(pos, speaker.index)
        self.mentions.insert(pos, speaker)

    def before(self, index: int) -> list[Speaker]:
        return self.mentions[: bisect.bisect_left(self.positions, index)]

    def note_gender(self, name: str, gender: str) -> None:
        """Record evidence of a person's gender; contradicting evidence makes it unknown."""
        if name not in self.genders:
            self.genders[name] = gender
        elif self.genders[name] != gender:
            self.genders[name] = None

    def resolve(self, pronoun: str, index: int, *, main: bool = False) -> Speaker | None:
        """The mention before `index` that `pronoun` stands for: the latest that
        agrees with it, or a main-clause subject that agrees and comes shortly
        before it ("Ali said Sara would go. 'No,' he said": Ali, not Sara)."""
        candidates = self.before(index)
        last = self.last_speaker
        if last is not None and last.index < index:
            candidates = sorted([*candidates, last], key=lambda s: s.index)
        found = self._antecedent(pronoun, candidates)
        if found is None and pronoun in ("we", "i") and candidates:
            found = candidates[-1]
        if found is not None:
            return Speaker(found.name, found.affiliation, index, found.kind, found.plural, main)
        if pronoun in _MALE or pronoun in _FEMALE:
            # no person: a name the entity recogniser took for an organisation ("Petra Holm")
            for s in reversed(candidates[-_NAME_LOOKBACK:]):
                if s.kind == "group" and s.named_like_person:
                    return Speaker(s.name, s.affiliation, index, "person", False, main)
        return None

    def _antecedent(self, pronoun: str, candidates: list[Speaker]) -> Speaker | None:
        """The latest agreeing candidate, or an agreeing main-clause subject within
        `_SALIENCE_WINDOW` tokens before it (the walk stops there)."""
        latest: Speaker | None = None
        for s in reversed(candidates):
            if latest is not None and latest.index - s.index > _SALIENCE_WINDOW:
                break
            if not self.agrees(pronoun, s):
                continue
            if s.main:
                return s
            latest = latest or s
        return latest

    def agrees(self, pronoun: str, speaker: Speaker) -> bool:
        """Person, gender and number agreement of a pronoun and a mention."""
        if pronoun in _MALE or pronoun in _FEMALE:
            if speaker.kind not in ("person", "description") or speaker.plural:
                return False
            wanted = "m" if pronoun in _MALE else "f"
            return self.genders.get(speaker.name) in (None, wanted)
        if pronoun == "i":
            return speaker.kind in ("person", "description")
        if pronoun == "it":
            return speaker.kind in ("group", "document") and not speaker.plural
        if pronoun in ("they", "we"):
            return speaker.kind == "group"
        return False


def gender_evidence(doc: Doc, people: list[tuple[int, str]], mentions: Mentions) -> None:
    """Learn genders from titles and gendered nouns next to each mention, and from
    a he/she pronoun in a sentence whose only person so far (leaving out those
    known to be of the other gender) is that mention.

    `people` holds (token index, canonical name) of every person mention.
    """
    sents = [(sent.start, sent.end) for sent in doc.sents]
    starts = [start for start, _ in sents]
    by_sent: dict[int, list[tuple[int, str]]] = {}
    for index, name in people:
        which = bisect.bisect_right(starts, index) - 1
        for near in doc[max(starts[which], index - 3) : index + 1]:
            gender = _GENDER_TITLES.get(near.lower_) or _GENDER_NOUNS.get(near.lower_)
            if gender:
                mentions.note_gender(name, gender)
        by_sent.setdefault(which, []).append((index, name))
    for which, found in by_sent.items():
        start, end = sents[which]
        for token in doc[start:end]:
            lower = token.lower_
            if lower not in _MALE and lower not in _FEMALE:
                continue
            gender = "m" if lower in _MALE else "f"
            # the one person before the pronoun not known to be of the other gender
            names = {
                name
                for index, name in found
                if index < token.i and mentions.genders.get(name, gender) in (gender, None)
            }
            if len(names) == 1:
                mentions.note_gender(names.pop(), gender)


# -- naming a mention from its tokens --------------------------------------------


def dateline(token: Token) -> bool:
    """The place a report was filed from ("LONDON -- …", "Amman (Wire) - …",
    "KYIV, Ukraine —"): where, not who."""
    doc = token.doc
    i = token.i
    while i > 0 and not doc[i - 1].is_space and (doc[i - 1].is_upper or doc[i - 1].ent_iob_ == "I"):
        i -= 1
    if not (i == 0 or doc[i - 1].is_space) or token.ent_type_ == "ORG":
        return False
    if token.is_upper and len(token) > 2:
        return True
    tail = doc[token.i + 1 : token.i + 8].text
    return token.ent_type_ == "GPE" and bool(
        re.match(r"(?:,[^—–-]{0,30})?\s*(?:\(|—|–|--?\s)", tail)
    )


def document_owner(token: Token) -> Token | None:
    """The author of a document noun: "the ministry's statement", "the IMF report"."""
    for child in token.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in SPEAKER_ENTS):
            return child
    return None


def main_subject(token: Token) -> bool:
    """A subject of its sentence's root verb, or of a verb joined to the root."""
    verb = token.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def entity_of(token: Token) -> Span | None:
    """The named entity a token is part of (walks the IOB tags, not `doc.ents`)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def clean_name(text: str) -> str:
    """A name as a record shows it: no possessive, markup, time stamp, article or
    courtesy title ("Mr", "Dr"), so one person keeps one spelling."""
    text = re.sub(r"(?:['’]s|['’])$", "", text.strip())
    text = re.sub(r"^[^\w]+", "", text)  # markup left before a name ('">Sanders')
    text = re.sub(r"^[\d:.\s]+(?=\S)", "", text)  # a live-blog time stamp
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"^(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep)\.?\s+", "", text)
    return text.strip(" ,.;:")


def owned_start(token: Token) -> int | None:
    """Where the noun phrase of a head with a possessor starts: "the Israeli Prime
    Minister's Office" speaks, not "Office". A named possessor's article is left
    out ("Israeli Prime Minister's Office", "U.N. Secretary-General's office");
    a common one keeps it ("the boy's relatives"). None without a possessor."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    doc = token.doc
    left = min(c.left_edge.i for c in token.lefts if c.dep_ in ("poss", "compound", "amod", "nmod"))
    named = any(t.pos_ == "PROPN" or t.ent_type_ for t in owner.subtree)
    while named and left < token.i and doc[left].dep_ == "det":
        left += 1
    return left


def description(token: Token) -> str:
    """The noun phrase of a described speaker, with a short "of"/"for"/"on" phrase
    that says whose ("a spokesperson for the ministry", "groups of protesters")."""
    doc = token.doc
    end = token.i + 1
    for child in token.rights:
        if child.dep_ != "prep" or child.lower_ not in _DESCRIPTION_PREPS:
            continue
        last = child.right_edge.i
        words = doc[child.i : last + 1]
        if last - token.i <= 6 and not any(t.pos_ in ("VERB", "PUNCT") for t in words):
            end = last + 1
        break
    owned = owned_start(token)  # "U.N. Secretary-General's spokesperson": no article
    return doc[token.left_edge.i if owned is None else owned : end].text


__all__ = [
    "PERSON_TITLES",
    "PRONOUNS",
    "SPEAKER_ENTS",
    "Mentions",
    "Speaker",
    "clean_name",
    "dateline",
    "description",
    "document_owner",
    "entity_of",
    "gender_evidence",
    "main_subject",
    "owned_start",
]
