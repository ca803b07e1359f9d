"""Events: dated actor–action–target records with a PLOVER type.

Each verb whose lemma the PLOVER map knows ("agree" → AGREE, "withdraw" →
RETREAT, "kill" → ASSAULT, "free" → RELEASE …) and that has an actor or a
target becomes an event. The actor is the subject (conjuncts included), the
target the direct object or the object of "on/against/with/to/from"; in the
passive, and for verbs that need an object but have none ("family killed in
strike"), the subject is the target and the agent (or the party of "an
Israeli strike") the actor: who an act befell never acts. Actors are named
as parties and persons: "Israeli strikes" act for Israel, a surname takes the
document's full name, places never act. The date is the time expression the
verb governs, else the sentence's first one; the sentence's figures ride
along. Verbs inside quotations are left out (those are claims, kept as
quotes).

Whether the source says the act happened travels with it: `negated` for "did
not withdraw", `mode` for an act only planned ("will withdraw", "agreed to
withdraw", "will go free"), threatened ("threatened to resume") or possible
("could resume"). An act reported under a denial ("Hamas denied that its
fighters fired", "denied firing", "rejected claims that it had attacked",
"dismissed reports that …") is negated too, and its `claimed_by` is the
denier, as for a denial in the act's own clause ("the army said it had not
killed"): the record is the denier's claim, never the act. "Denied entry" or
"denied aid" deny a thing, not an act, and leave no act behind.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from truceline.extract._doc import (
    DEFAULT_KEYS,
    MatchComponent,
    register_extensions,
    sentence_of,
)
from truceline.extract.timex import FUTURE_AUX
from truceline.mentions import EventMention, FigureMention
from truceline.vocab import EventMode, EventType, QuoteKind, TimexPrecision

_ACTOR_DEPS = ("nsubj", "nsubjpass")
_TARGET_PREPS = {"on", "against", "with", "to", "from", "at", "into", "toward", "towards"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_NOT_ACTORS = {"LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
_FORCES = {
    "army", "military", "troops", "troop", "force", "forces", "police", "militant",
    "soldier", "fighter", "navy", "jet", "warplane", "drone", "missile", "rocket",
    "strike", "airstrike", "shelling", "artillery", "tank", "gunman", "gunfire",
    "attack", "raid", "bombing", "bombardment", "offensive", "fire",
}  # fmt: skip
"""Nouns for a party's forces, weapons or attacks: "Israeli strikes" act for Israel."""
_PATIENT_VERBS = {
    "kill", "wound", "injure", "arrest", "detain", "abduct", "kidnap", "free", "release",
    "seize", "deport", "expel", "assassinate", "displace", "evacuate",
}  # fmt: skip
"""Verbs that need an object: without one ("family killed in strike", "prisoners
freed from jails", a headline's passive) their subject is who it happened to."""
_WITH_OBJECT = {"RETURN": "RELEASE"}
"""Types that change when the verb has an object: people return home (RETURN);
a party returns captives or remains (RELEASE)."""
_NEGATIONS = {"not", "n't", "never", "no"}
_DENIAL_VERBS = {"deny", "refute"}
"""Verbs whose clause or gerund is an act their subject says did not happen."""
_DISMISS_VERBS = {"deny", "reject", "dismiss", "refute", "rebuff", "disavow", "discount"}
_CLAIM_NOUNS = {
    "claim", "report", "allegation", "accusation", "charge", "suggestion", "rumour",
    "rumor", "assertion",
}  # fmt: skip
"""Nouns whose "that" clause a dismissal denies ("rejected claims that it had attacked")."""
_FREE_VERBS = {"go", "walk"}
"""Verbs that with "free" are a release of their subject ("prisoners will go free")."""
_PRONOUNS = {"it", "they", "he", "she"}
_POSSIBLE_AUX = {"may", "might", "could"}
_THREAT_VERBS = {"threaten", "warn"}
_PLAN_VERBS = {
    "plan", "intend", "expect", "aim", "prepare", "agree", "promise", "pledge", "vow",
    "seek", "want", "hope", "propose", "offer", "schedule", "decide",
}  # fmt: skip


def _phrase(token: Token) -> str:
    """The token's entity, or its compound/adjective-modified noun phrase."""
    if token.ent_type_:
        start, end = token.i, token.i + 1
        doc = token.doc
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        text = doc[start:end].text
    else:
        left = token.i
        for child in token.lefts:
            if child.dep_ in ("compound", "amod", "poss"):
                left = min(left, child.left_edge.i)
        text = token.doc[left : token.i + 1].text
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return text.removesuffix("'s").removesuffix("’s")


def _subject(verb: Token) -> Token | None:
    """The verb's subject (a conjunct's from its head); a pronoun stands for the
    subject of the reporting verb above it ("Hamas said it would …")."""
    subject = next((c for c in verb.children if c.dep_ in _ACTOR_DEPS), None)
    if subject is None and (
        verb.dep_ == "conj" or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _DENIAL_VERBS)
    ):  # "… fired and shelled", "Hamas denied firing": the head's subject
        subject = next((c for c in verb.head.children if c.dep_ in _ACTOR_DEPS), None)
    if subject is None:
        return None
    if subject.pos_ == "PRON" and subject.lower_ in _PRONOUNS:
        return _reporter(subject.head) or subject  # "Hamas said it would …"
    if _own_forces(subject):
        return _party_speaking(subject.head) or subject
    return subject


def _own_forces(token: Token) -> bool:
    """A party's forces named by a pronoun ("its fighters", "their jets")."""
    return token.lemma_.lower() in _FORCES and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children
    )


def _party_speaking(verb: Token) -> Token | None:
    """The party whose forces "its fighters" are: the speaker the clause is reported
    from ("Hamas denied that its fighters fired"), or the state that speaker belongs
    to ("Russia's Defense Ministry said its forces …" → Russia); never a person
    ("its" is no person's)."""
    reporter = _reporter(verb)
    if reporter is None or reporter.ent_type_ == "PERSON":
        return None
    state = (
        c
        for c in reporter.children
        if c.dep_ in ("poss", "compound", "amod") and c.ent_type_ in ("GPE", "NORP")
    )
    return next(state, reporter)


def _agent(verb: Token) -> Token | None:
    """Who a passive names as doing it: the object of its "by"."""
    by = (c for c in verb.children if c.dep_ == "agent")
    return next((o for c in by for o in c.children if o.dep_ == "pobj"), None)


def _instrument(verb: Token) -> Token | None:
    """A party's weapon a passive names ("killed in an Israeli strike"): its agent."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "by"):
            for obj in child.children:
                named = any(c.ent_type_ in _ACTOR_ENTS for c in obj.children)
                if obj.dep_ == "pobj" and obj.lemma_.lower() in _FORCES and named:
                    return obj
    return None


def _can_act(token: Token) -> bool:
    """A named party or person, or a party's forces ("troops", "the army"); never a
    place ("the Middle East"), a date or a number."""
    if token.ent_type_ in _NOT_ACTORS:
        return False
    if token.pos_ not in ("PROPN", "NOUN") and token.ent_type_ not in _ACTOR_ENTS:
        return False
    return not (
        token.pos_ == "NOUN"
        and token.ent_type_ not in _ACTOR_ENTS
        and not any(c.ent_type_ in _ACTOR_ENTS for c in token.subtree)
        and token.lemma_.lower() not in _FORCES
    )


def _full_names(doc: Doc) -> dict[str, str]:
    """Surname → full name for the people the document names once in full, so
    "Netanyahu" and "Benjamin Netanyahu" are one actor (a surname two people share
    stays as written)."""
    names: dict[str, str] = {}
    shared: set[str] = set()
    for ent in doc.ents:
        parts = ent.text.removesuffix("'s").removesuffix("’s").split()
        full = " ".join(parts)
        if ent.label_ == "PERSON" and len(parts) > 1 and names.setdefault(parts[-1], full) != full:
            shared.add(parts[-1])
    return {k: v for k, v in names.items() if k not in shared}


def _reporter(verb: Token) -> Token | None:
    """The subject of the reporting verb a clause hangs from ("Hamas said it would …",
    "Hamas rejected claims that it had attacked …")."""
    node = verb
    for _ in range(3):
        if node.head is node:
            return None
        if node.dep_ == "acl" and node.head.lemma_.lower() in _CLAIM_NOUNS:
            node = node.head  # the claim, then the verb that takes it
            if node.dep_ == "nsubjpass":  # "claims that it … were rejected by X"
                return _agent(node.head)
        elif node.dep_ not in ("ccomp", "xcomp", "conj"):
            return None
        node = node.head
        subject = next((c for c in node.children if c.dep_ in _ACTOR_DEPS), None)
        if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
            return subject
    return None


def _speaker_of(verb: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The subject of the speech verb whose clause holds the act ("the army said it
    had not killed"); None for an act the source tells itself, even one joined to
    another ("his company bid, but the bid was not accepted")."""
    node = verb
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    head = node.head
    if node.dep_ != "ccomp" or head.lemma_.lower() not in speech_verbs:
        return None
    return _subject(head)  # "… and said he did not support": the first verb's subject


def _denial(verb: Token) -> Token | None:
    """The verb of the denial an act is reported under, or None.

    "Hamas denied that its fighters fired" and "denied firing" deny the clause or
    gerund of "deny"; "rejected claims that …" and "dismissed reports that …"
    deny the clause of the claim they take. Acts joined by "and" share their
    denial. A denial that is itself negated ("did not deny that") denies nothing.
    """
    node = verb
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    head = node.head
    if node.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in _DENIAL_VERBS:
        frame = head
    elif (
        node.dep_ in ("acl", "ccomp")
        and head.lemma_.lower() in _CLAIM_NOUNS
        and head.dep_ in ("dobj", "nsubjpass")
        and head.head.lemma_.lower() in _DISMISS_VERBS
    ):
        frame = head.head
    else:
        return None
    if any(c.lower_ in _NEGATIONS for c in frame.children):
        return None
    return frame


def _goes_free(verb: Token) -> bool:
    """ "Prisoners will go free", "walked free": a release that befalls the subject."""
    return verb.lemma_.lower() in _FREE_VERBS and any(
        c.lower_ == "free" and c.dep_ in ("acomp", "advcl", "oprd", "xcomp") for c in verb.children
    )


def _mode(verb: Token) -> EventMode:
    """How the source reports the act: done, or only planned, threatened or possible.

    A verb that is the complement of a plan or threat ("threatened to resume",
    "agreed to withdraw") takes that verb's mode; else its auxiliary decides.
    """
    node = verb
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head is node:
            break
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in _THREAT_VERBS:
            return EventMode.THREATENED
        if lemma in _PLAN_VERBS:
            return EventMode.PLANNED
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _POSSIBLE_AUX:
        return EventMode.HYPOTHETICAL
    if aux & FUTURE_AUX:
        return EventMode.PLANNED
    return EventMode.ASSERTED


class EventFinder(MatchComponent[EventMention]):
    """Finds events; see the module docstring."""

    payload_attr = "event"  # the span is the event's verb: several events can share a sentence

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        spans_key: str,
        timex_key: str,
        figures_key: str,
        quotes_key: str,
        plover_verbs: Mapping[str, str],
        demonyms: Mapping[str, str],
        speech_verbs: Iterable[str],
    ) -> None:
        self.name = name
        self.speech_verbs = frozenset(speech_verbs)
        self.demonyms = {k.lower(): v for k, v in demonyms.items()}
        self.spans_key = spans_key
        self.timex_key = timex_key
        self.figures_key = figures_key
        self.quotes_key = quotes_key
        self.plover = dict(plover_verbs)
        register_extensions()

    def match(self, doc: Doc) -> list[tuple[Span, EventMention]]:
        """Events of `doc` as (verb span, result) pairs; result offsets are the sentence's."""
        inside = bytearray(len(doc))
        for span in doc.spans.get(self.quotes_key, []):
            if span._.quote and span._.quote.kind is not QuoteKind.INDIRECT:
                for i in range(max(0, span.start - 1), min(len(doc), span.end + 1)):
                    inside[i] = 1
        timex = list(doc.spans.get(self.timex_key, []))
        figures = list(doc.spans.get(self.figures_key, []))
        names = _full_names(doc)
        out: list[tuple[Span, EventMention]] = []
        for token in doc:
            if token.pos_ != "VERB" or inside[token.i]:
                continue
            plover = "RELEASE" if _goes_free(token) else self.plover.get(token.lemma_.lower())
            if plover is None:
                continue
            roles = self._roles(token, plover, names)
            if roles is None:
                continue
            actors, target = roles
            if any(c.dep_ == "dobj" for c in token.children):
                plover = _WITH_OBJECT.get(plover, plover)
            sent = token.sent
            dated = self._date(token, sent, timex)
            denial = _denial(token)
            negated = denial is not None or any(c.lower_ in _NEGATIONS for c in token.children)
            sent_figures: list[FigureMention] = [
                f._.figure for f in figures if sent.start <= f.start and f.end <= sent.end
            ]
            words = (", ".join(actors), token.text, target or "")
            if _goes_free(token):  # "prisoners go free": the target leads
                words = (target or "", token.text, "free")
            summary = " ".join(part for part in words if part)
            event = EventMention(
                date=dated[0] if dated else None,
                precision=dated[1] if dated else None,
                actors=tuple(actors),
                type=EventType(plover),
                target=target,
                summary=("not " + summary) if negated else summary,
                start=sent.start_char,
                end=sent.end_char,
                negated=negated,
                figures=tuple(sent_figures),
                confidence=0.7 if dated else 0.5,
                mode=_mode(token),
                sentence=sentence_of(sent),
                claimed_by=self._claimant(token, denial, names) if negated else None,
            )
            out.append((doc[token.i : token.i + 1], event))
        return out

    def _roles(
        self, verb: Token, plover: str, names: Mapping[str, str]
    ) -> tuple[list[str], str | None] | None:
        """(actors, target) of a verb, or None when no actor or target can be named.

        People who return home are its actors, whoever they are.

        In the passive ("were freed by Hamas", "family killed in strike") the
        subject is the target and the agent, if any, the actor: who an act
        befell is never its actor.
        """
        subject = _subject(verb)
        if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
            subject = verb.head  # a headline's "Family of five killed in strike"
        agent = _agent(verb)
        passive = (
            agent is not None
            or (subject is not None and subject.dep_ == "nsubjpass")
            or (
                verb.lemma_.lower() in _PATIENT_VERBS
                and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
            )
            or _goes_free(verb)
        )
        if not passive:
            if plover == "RETURN" and subject is not None and subject.pos_ == "NOUN":
                actors = [self._name(subject, names)]
            else:
                actors = self._actors(subject, names)
            return (actors, self._target(verb, names)) if actors else None
        target = (
            self._name(subject, names)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN")
            else None
        )
        agent = agent or _instrument(verb)
        actors = self._actors(agent, names) if agent is not None else []
        return (actors, target) if actors or target else None

    def _claimant(self, verb: Token, denial: Token | None, names: Mapping[str, str]) -> str | None:
        """Who says the act did not happen: the subject of the denial ("Hamas denied
        that …"), or of the reporting verb of a clause that negates it ("the army
        said it had not killed"); None when the source says so itself."""
        if denial is not None:  # "Hamas denied …", "… were denied by Hamas"
            said_by = next((c for c in denial.children if c.dep_ == "nsubj"), None)
            said_by = said_by or _agent(denial)
            if said_by is not None and said_by.pos_ == "PRON":
                said_by = _reporter(denial)
        else:
            said_by = _speaker_of(verb, self.speech_verbs)
        if said_by is None or said_by.pos_ not in ("PROPN", "NOUN"):
            return None
        return self._name(said_by, names)

    def _actors(self, subject: Token | None, names: Mapping[str, str]) -> list[str]:
        if subject is None or not _can_act(subject):
            return []
        actors = [self._name(subject, names)]
        for conj in subject.conjuncts:
            if conj.pos_ in ("PROPN", "NOUN"):
                actors.append(self._name(conj, names))
        return actors

    def _name(self, token: Token, names: Mapping[str, str]) -> str:
        """The party or person a token stands for: a person's full name, the state a
        nationality names, the party whose forces or weapons act ("Israeli strikes")."""
        if token.ent_type_ == "PERSON":
            phrase = _phrase(token)
            return names.get(phrase, phrase)
        if token.ent_type_ == "NORP":
            return self.demonyms.get(_phrase(token).lower(), _phrase(token))
        if token.lemma_.lower() in _FORCES and not token.ent_type_:
            for child in token.children:
                if child.dep_ in ("amod", "compound", "poss") and child.ent_type_ in _ACTOR_ENTS:
                    return self._name(child, names)
        return _phrase(token)

    def _target(self, verb: Token, names: Mapping[str, str]) -> str | None:
        for child in verb.children:
            if child.dep_ in ("dobj", "dative"):
                return self._name(child, names)
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self._name(obj, names)
        return None

    @staticmethod
    def _date(verb: Token, sent: Span, timex: list[Span]) -> tuple[str, TimexPrecision] | None:
        in_sent = [t for t in timex if sent.start <= t.start and t.end <= sent.end]
        if not in_sent:
            return None
        for span in in_sent:
            node = span.root
            for _ in range(5):
                if node is verb:
                    return span._.timex.value, span._.timex.precision
                if node.head is node:
                    break
                node = node.head
        first = in_sent[0]._.timex
        return first.value, first.precision


@Language.factory(
    "truceline_events",
    default_config={
        "spans_key": DEFAULT_KEYS["events"],
        "timex_key": DEFAULT_KEYS["timex"],
        "figures_key": DEFAULT_KEYS["figures"],
        "quotes_key": DEFAULT_KEYS["quotes"],
        "plover_verbs": {"@misc": "truceline.plover_verbs.v1"},
        "demonyms": {"@misc": "truceline.demonyms.v1"},
        "speech_verbs": {"@misc": "truceline.speech_verbs.v1"},
    },
    assigns=["doc.spans", "doc._.events"],
    requires=["token.dep", "token.lemma", "doc.sents"],
)
def make_events(
    nlp: Language,
    name: str,
    spans_key: str,
    timex_key: str,
    figures_key: str,
    quotes_key: str,
    plover_verbs: dict[str, str],
    demonyms: dict[str, str],
    speech_verbs: list[str],
) -> EventFinder:
    """Build the events component."""
    return EventFinder(
        nlp,
        name,
        spans_key=spans_key,
        timex_key=timex_key,
        figures_key=figures_key,
        quotes_key=quotes_key,
        plover_verbs=plover_verbs,
        demonyms=demonyms,
        speech_verbs=speech_verbs,
    )


__all__ = ["EventFinder", "make_events"]
