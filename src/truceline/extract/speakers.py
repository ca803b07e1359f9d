"""Who a pronoun or a short name stands for, within one document.

Attribution names a speaker from the subject of a reporting verb; a pronoun
subject ("…,” she said) needs an antecedent. The small English models carry no
coreference, so this module keeps what the document itself says about each
person: the mentions in order, the full form of a surname, a title that tells
the gender ("Mr", "Ms", "spokeswoman"), and the pronouns that follow a name when
it is the only person in its sentence ("Smith said his team…"). A pronoun then
resolves to the latest mention that agrees with it in person, gender and
number: "she" never to a man, "they" never to one person, "it" to a group or a
document.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc

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
        agreeing = [s for s in reversed(candidates) if self.agrees(pronoun, s)]
        if agreeing:
            latest = agreeing[0]
            found = next(
                (s for s in agreeing if s.main and latest.index - s.index <= _SALIENCE_WINDOW),
                latest,
            )
            return Speaker(found.name, found.affiliation, index, found.kind, found.plural, main)
        if pronoun in ("we", "i") and candidates:
            s = candidates[-1]
            return Speaker(s.name, s.affiliation, index, s.kind, s.plural, main)
        if pronoun in _MALE or pronoun in _FEMALE:
            # no person: a name the entity recogniser took for an organisation ("Petra Holm")
            for s in reversed(candidates[-_NAME_LOOKBACK:]):
                if s.kind == "group" and s.named_like_person:
                    return Speaker(s.name, s.affiliation, index, "person", False, main)
        return None

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
    by_sent: dict[int, list[tuple[int, str]]] = {}
    for index, name in people:
        token = doc[index]
        for near in doc[max(token.sent.start, index - 3) : index + 1]:
            gender = _GENDER_TITLES.get(near.lower_) or _GENDER_NOUNS.get(near.lower_)
            if gender:
                mentions.note_gender(name, gender)
        by_sent.setdefault(token.sent.start, []).append((index, name))
    for start, found in by_sent.items():
        for token in doc[start].sent:
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


__all__ = ["PERSON_TITLES", "PRONOUNS", "Mentions", "Speaker", "gender_evidence"]
