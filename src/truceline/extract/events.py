"""Events: dated actor–action–target records with a PLOVER type.

Each verb whose lemma the PLOVER map knows ("agree" → AGREE, "withdraw" →
RETREAT, "kill" → ASSAULT …) and that has a subject naming an actor becomes an
event. The actor is the subject (conjuncts included), the target the direct
object or the object of "on/against/with/to/from"; the date is the time
expression the verb governs, else the sentence's first one; the sentence's
figures ride along. Verbs inside quotations are left out (those are claims,
kept as quotes).

DOCS: docs/extraction.md
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from truceline.extract._doc import DEFAULT_KEYS, MatchComponent, register_extensions

_ACTOR_DEPS = ("nsubj", "nsubjpass")
_TARGET_PREPS = {"on", "against", "with", "to", "from", "at", "into", "toward", "towards"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_FORCES = {"army", "military", "troops", "troop", "force", "forces", "police", "militant"}
_NEGATIONS = {"not", "n't", "never", "no"}


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


def _reporter(verb: Token) -> Token | None:
    """The subject of the reporting verb a clause hangs from ("Hamas said it would …")."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head is node:
            return None
        node = node.head
        subject = next((c for c in node.children if c.dep_ in _ACTOR_DEPS), None)
        if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
            return subject
    return None


class EventFinder(MatchComponent):
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
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.timex_key = timex_key
        self.figures_key = figures_key
        self.quotes_key = quotes_key
        self.plover = dict(plover_verbs)
        register_extensions()

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        """Events of `doc` as (verb span, payload) pairs; payload offsets are the sentence's."""
        inside = bytearray(len(doc))
        for span in doc.spans.get(self.quotes_key, []):
            if span._.quote and span._.quote.get("kind") != "indirect":
                for i in range(max(0, span.start - 1), min(len(doc), span.end + 1)):
                    inside[i] = 1
        timex = list(doc.spans.get(self.timex_key, []))
        figures = list(doc.spans.get(self.figures_key, []))
        out: list[tuple[Span, dict]] = []
        for token in doc:
            if token.pos_ != "VERB" or inside[token.i]:
                continue
            etype = self.plover.get(token.lemma_.lower())
            if etype is None:
                continue
            actors = self._actors(token)
            if not actors:
                continue
            sent = token.sent
            dated = self._date(token, sent, timex)
            target = self._target(token)
            negated = any(c.lower_ in _NEGATIONS for c in token.children)
            sent_figures = [
                f._.figure for f in figures if sent.start <= f.start and f.end <= sent.end
            ]
            summary = " ".join(
                part for part in (", ".join(actors), token.text, target or "") if part
            )
            payload = {
                "date": dated[0] if dated else None,
                "precision": dated[1] if dated else None,
                "actors": actors,
                "type": etype,
                "target": target,
                "summary": ("not " + summary) if negated else summary,
                "start": sent.start_char,
                "end": sent.end_char,
                "negated": negated,
                "figures": sent_figures,
                "confidence": 0.7 if dated else 0.5,
            }
            out.append((doc[token.i : token.i + 1], payload))
        return out

    @staticmethod
    def _actors(verb: Token) -> list[str]:
        subject = next((c for c in verb.children if c.dep_ in _ACTOR_DEPS), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ in _ACTOR_DEPS), None)
        if (
            subject is not None
            and subject.pos_ == "PRON"
            and subject.lower_ in ("it", "they", "he", "she")
        ):
            subject = _reporter(verb) or subject
        if subject is None or (
            subject.pos_ not in ("PROPN", "NOUN") and subject.ent_type_ not in _ACTOR_ENTS
        ):
            return []
        if (
            subject.pos_ == "NOUN"
            and subject.ent_type_ not in _ACTOR_ENTS
            and not any(c.ent_type_ in _ACTOR_ENTS for c in subject.subtree)
            and subject.lemma_.lower() not in _FORCES
        ):
            return []
        actors = [_phrase(subject)]
        for conj in subject.conjuncts:
            if conj.pos_ in ("PROPN", "NOUN"):
                actors.append(_phrase(conj))
        return actors

    @staticmethod
    def _target(verb: Token) -> str | None:
        for child in verb.children:
            if child.dep_ in ("dobj", "dative"):
                return _phrase(child)
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return _phrase(obj)
        return None

    @staticmethod
    def _date(verb: Token, sent: Span, timex: list[Span]) -> tuple[str, str] | None:
        in_sent = [t for t in timex if sent.start <= t.start and t.end <= sent.end]
        if not in_sent:
            return None
        for span in in_sent:
            node = span.root
            for _ in range(5):
                if node is verb:
                    return span._.timex["value"], span._.timex["precision"]
                if node.head is node:
                    break
                node = node.head
        first = in_sent[0]._.timex
        return first["value"], first["precision"]


@Language.factory(
    "truceline_events",
    default_config={
        "spans_key": DEFAULT_KEYS["events"],
        "timex_key": DEFAULT_KEYS["timex"],
        "figures_key": DEFAULT_KEYS["figures"],
        "quotes_key": DEFAULT_KEYS["quotes"],
        "plover_verbs": {"@misc": "truceline.plover_verbs.v1"},
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
    )


__all__ = ["EventFinder", "make_events"]
