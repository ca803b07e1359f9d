"""Quotations and their speakers.

Finding (`find_quote_marks`, pure text): curly, straight and single quotation
marks, nested quotes, quotes split around their cue, partial quotes, quotes
running over several paragraphs (no closing mark before the next paragraph's
opening one) and headline forms (`Name: '…'`). Marks are paired per paragraph,
so one unbalanced mark never spoils the rest of a document.

Attribution (`QuoteAttributor`, needs the parse): the reporting verb that
governs the quote ("…," the official said), else the nearest one in the same
sentence, "according to X", a colon cue, or the previous speaker for a quote
standing alone. Pronouns and definite descriptions ("he", "the official")
resolve to the latest compatible speaker or subject; affiliation comes from
entities in the speaker's phrase (titles, appositives, possessives).
Indirect speech ("X said that …") is kind "indirect".

DOCS: docs/extraction.md
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from truceline.extract._doc import (
    DEFAULT_KEYS,
    MatchComponent,
    ancestors,
    char_span,
    register_extensions,
)

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
_OPENING_CONTEXT = " \t([{—–-:;/\n“‘\"'"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}
_DEFINITE = {"the", "this", "that"}
_INSTITUTIONS = {
    "government", "army", "military", "administration", "ministry", "office", "cabinet",
    "movement", "group", "people", "council", "authority", "agency", "committee",
}  # fmt: skip
_ENT_SPEAKER = {"PERSON", "ORG", "GPE", "NORP"}
_AFFILIATION_ENTS = {"ORG", "GPE", "NORP"}
_INDIRECT_VERBS = {
    "say", "tell", "announce", "claim", "insist", "warn", "state", "add", "deny",
    "confirm", "allege", "argue", "report", "stress", "reiterate", "acknowledge",
    "admit", "explain", "note", "declare",
}  # fmt: skip


@dataclass(frozen=True)
class QuoteMarks:
    """A quotation found in the text: content offsets (marks excluded)."""

    start: int
    end: int
    open_mark: int
    close_mark: int
    closed: bool = True
    continues: bool = False
    """True when the quote runs on into the next paragraph."""


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """Top-level quotations of `text`, paired paragraph by paragraph."""
    paragraphs = _paragraphs(text)
    found: list[QuoteMarks] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        stack: list[tuple[str, int]] = []  # (kind "d"/"s", position of the opening mark)
        for pos in range(p_start, p_end):
            ch = text[pos]
            if ch not in "“”„«»‘’‹›\"'":
                continue
            prev = text[pos - 1] if pos > p_start else " "
            nxt = text[pos + 1] if pos + 1 < p_end else " "
            if ch in DOUBLE_OPEN or (ch == '"' and not any(k == "d" for k, _ in stack)):
                if ch == '"' and not (prev in _OPENING_CONTEXT or prev in "“‘"):
                    continue  # a stray straight mark after a word (inches, typos)
                while stack and stack[-1][0] == "s":
                    stack.pop()  # a single quote left open before a new double one
                if stack:
                    stack.pop()  # two openings in a row: drop the first
                stack.append(("d", pos))
            elif ch in DOUBLE_CLOSE or ch == '"':
                while stack and stack[-1][0] == "s":
                    stack.pop()
                if stack:
                    _, open_pos = stack.pop()
                    _emit(found, text, open_pos, pos, closed=True)
            elif ch in SINGLE_OPEN or (ch == "'" and prev in _OPENING_CONTEXT and _is_letter(nxt)):
                if _is_letter(prev) and ch == "'":
                    continue
                stack.append(("s", pos))
            elif ch in SINGLE_CLOSE or ch == "'":
                if _is_letter(nxt) or not stack or stack[-1][0] != "s":
                    continue  # an apostrophe
                if prev.isspace():
                    continue
                _, open_pos = stack.pop()
                if not stack:
                    _emit(found, text, open_pos, pos, closed=True)
        # recovery at the paragraph's end
        if stack and stack[0][0] == "d":
            open_pos = stack[0][1]
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            continues = bool(
                following and text[following[0] : following[0] + 1] in DOUBLE_OPEN + '"'
            )
            content = text[open_pos + 1 : p_end]
            if continues or len(content.split()) >= 4:
                _emit(found, text, open_pos, p_end, closed=False, continues=continues)
    return found


def _emit(
    found: list[QuoteMarks],
    text: str,
    open_pos: int,
    close_pos: int,
    *,
    closed: bool,
    continues: bool = False,
) -> None:
    start, end = open_pos + 1, close_pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 1:
        return
    found.append(QuoteMarks(start, end, open_pos, close_pos, closed, continues))


# -- attribution --------------------------------------------------------------------


@dataclass
class _Speaker:
    name: str
    affiliation: str | None
    index: int
    """Token index of the mention (for recency)."""
    kind: str = "person"
    """"person", "group" (an organisation or a plural) or "description"."""


@dataclass
class _State:
    """What attribution remembers while it walks one document."""

    mentions: list[_Speaker] = field(default_factory=list)
    mention_positions: list[int] = field(default_factory=list)
    affiliations: dict[str, str] = field(default_factory=dict)
    full_names: dict[str, str] = field(default_factory=dict)
    last_speaker: _Speaker | None = None
    last_quote_end: int = -1
    text: str = ""
    """The document's text (`doc.text` is rebuilt on every access)."""

    def add(self, speaker: _Speaker) -> None:
        pos = bisect.bisect_right(self.mention_positions, speaker.index)
        self.mention_positions.insert(pos, speaker.index)
        self.mentions.insert(pos, speaker)

    def before(self, index: int) -> list[_Speaker]:
        return self.mentions[: bisect.bisect_left(self.mention_positions, index)]


class QuoteAttributor(MatchComponent):
    """Attributes quotations to speakers; see the module docstring."""

    payload_attr = "quote"

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        spans_key: str,
        speech_verbs: Iterable[str],
        speaker_nouns: Iterable[str],
        demonyms: Mapping[str, str],
        indirect: bool,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.speech_verbs = frozenset(speech_verbs)
        self.speaker_nouns = frozenset(speaker_nouns)
        self.demonyms = {k.lower(): v for k, v in demonyms.items()}
        self.indirect = indirect
        register_extensions()

    # -- finding --------------------------------------------------------------------

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        """Quotations (direct, partial, indirect) of `doc` as (span, payload) pairs."""
        text = doc.text
        marks = find_quote_marks(text)
        inside = bytearray(len(doc))
        spans: list[Span | None] = []
        for q in marks:
            span = char_span(doc, q.open_mark, min(len(text), q.close_mark + 1))
            spans.append(span)
            if span is not None:
                for i in range(span.start, span.end):
                    inside[i] = 1
        state = _State(text=text)
        self._collect_mentions(doc, inside, state)
        out: list[tuple[Span, dict]] = []
        for q, full in zip(marks, spans, strict=True):
            if full is None:
                continue
            content = char_span(doc, q.start, q.end)
            if content is None:
                continue
            item = self._attribute(doc, q, full, content, inside, state)
            if item is not None:
                out.append((content, item))
        if self.indirect:
            out.extend(self._indirect(doc, inside, state))
            out.sort(key=lambda pair: pair[1]["start"])
        return out

    def _collect_mentions(self, doc: Doc, inside: bytearray, state: _State) -> None:
        """Subjects naming people or groups: the antecedents of later pronouns."""
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                name = _clean_name(ent.text)
                parts = name.split()
                if len(parts) > 1:
                    state.full_names.setdefault(parts[-1], name)
        for token in doc:
            if inside[token.i] or token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            speaker = self._describe(token, state, resolve=False)
            if speaker is not None and speaker.kind != "pronoun":
                state.add(speaker)

    def _attribute(
        self,
        doc: Doc,
        q: QuoteMarks,
        full: Span,
        content: Span,
        inside: bytearray,
        state: _State,
    ) -> dict | None:
        text = state.text
        cue, speaker = self._cue(doc, q, full, content, inside, state)
        words = [t for t in content if not t.is_punct]
        standalone = self._standalone(text, q, content)
        confidence = 0.85
        if speaker is None and standalone:
            speaker = self._preceding_reporter(doc, full, inside, state)
            confidence = 0.65
        if speaker is None:
            if not standalone or state.last_speaker is None:
                return None
            if q.open_mark - state.last_quote_end > 1200:
                return None
            speaker, confidence = state.last_speaker, 0.6
        elif len(words) <= 2 and self._scare(content, full):
            return None
        state.last_speaker = speaker
        state.last_quote_end = q.close_mark
        kind = "direct" if standalone or content[0].is_sent_start else "partial"
        if not q.closed:
            confidence -= 0.15
        return {
            "text": text[q.start : q.end],
            "start": q.start,
            "end": q.end,
            "speaker": speaker.name,
            "affiliation": speaker.affiliation,
            "kind": kind,
            "confidence": round(confidence, 2),
            "cue": cue.lemma_ if cue is not None else None,
        }

    @staticmethod
    def _standalone(text: str, q: QuoteMarks, content: Span) -> bool:
        """A quote that is a sentence (or more) of its own, not words inside one."""
        before = text[max(0, q.open_mark - 3) : q.open_mark]
        first = text[q.start]
        starts_clause = (
            not before.strip() or before.rstrip()[-1:] in ".!?:,;—–\n" or q.open_mark == 0
        )
        return (first.isupper() or first in "‘'\"") and (starts_clause or len(content) >= 6)

    @staticmethod
    def _scare(content: Span, full: Span) -> bool:
        """A word or two in quotation marks used as a name ("the 'ceasefire' deal")."""
        doc = content.doc
        root = content.root
        if root.dep_ in ("compound", "amod", "nmod") and not (
            content.start <= root.head.i < content.end
        ):
            return True
        if len(content) == 1 and full.start > 0:
            prev = doc[full.start - 1]
            if prev.pos_ in ("DET", "ADJ") or prev.tag_ in ("PRP$", "POS"):
                return True
        return False

    def _cue(self, doc, q, full, content, inside, state):
        """(the reporting word, the speaker) for a quote, or (None, None)."""
        # 1. a reporting verb (or speech noun) that governs the quote
        text = state.text
        para_start = text.rfind("\n", 0, q.open_mark) + 1
        para_end = text.find("\n", q.close_mark)
        para_end = len(text) if para_end < 0 else para_end
        # (the outermost reporting verb: "X said Y told him of 'Z'" quotes X)
        token = content.root
        governing = None
        for anc in ancestors(token, 10):
            if inside[anc.i] or not para_start <= anc.idx < para_end:
                continue
            if anc.lower_ == "according":
                speaker = self._according(anc, state)
                if speaker is not None:
                    return anc, speaker
            if anc.pos_ == "VERB" and anc.lemma_.lower() in self.speech_verbs:
                speaker = self._verb_speaker(anc, state)
                if speaker is not None:
                    governing = (anc, speaker)
            if anc.pos_ == "NOUN" and anc.lemma_.lower() in ("comment", "remark", "statement"):
                speaker = self._noun_speaker(anc, state)
                if speaker is not None:
                    return anc, speaker
        if governing is not None:
            return governing
        # 2. a headline or colon cue: `Name: "…"`
        headline = self._headline_speaker(doc, q, state)
        if headline is not None:
            return None, headline
        # 3. the nearest reporting verb in the sentences the quote touches (same paragraph)
        sents = {content[0].sent, content[-1].sent}
        after = doc[full.end].sent if full.end < len(doc) else None
        if after is not None and full.end < len(doc) and not doc[full.end].is_sent_start:
            sents.add(after)
        best = None
        for sent in sents:
            for tok in sent:
                if inside[tok.i] or not para_start <= tok.idx < para_end:
                    continue
                lemma = tok.lemma_.lower()
                if lemma == "according" or (tok.pos_ == "VERB" and lemma in self.speech_verbs):
                    distance = min(abs(tok.i - full.start), abs(tok.i - (full.end - 1)))
                    if distance <= 14 and (best is None or distance < best[0]):
                        best = (distance, tok)
        if best is not None:
            tok = best[1]
            if tok.lower_ == "according":
                speaker = self._according(tok, state)
            else:
                speaker = self._verb_speaker(tok, state)
            if speaker is not None:
                return tok, speaker
        return None, None

    def _preceding_reporter(
        self, doc: Doc, full: Span, inside: bytearray, state: _State
    ) -> _Speaker | None:
        """The speaker of the last reporting verb before a quote standing alone, when
        it comes after the previous quote ("Naim said that …. “…”")."""
        text = state.text
        para_start = text.rfind("\n", 0, full.start_char) + 1
        sent = doc[full.start - 1].sent if full.start > 0 else None
        if sent is None or sent.start_char < para_start:
            return None
        if any(inside[i] for i in range(sent.start, full.start)):
            return None
        verbs = [
            t
            for t in doc[sent.start : full.start]
            if t.pos_ == "VERB" and t.lemma_.lower() in self.speech_verbs
        ]
        if not verbs:
            return None
        # the reporting verb highest in the tree ("X said the group had replied")
        top = min(verbs, key=lambda t: len(list(t.ancestors)))
        return self._verb_speaker(top, state)

    def _according(self, tok: Token, state: _State) -> _Speaker | None:
        for child in tok.children:
            if child.lower_ == "to":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self._describe(obj, state, resolve=True)
        nxt = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
        if nxt is not None and tok.doc[tok.i + 1].lower_ == "to":
            return self._describe(nxt, state, resolve=True)
        return None

    def _verb_speaker(self, verb: Token, state: _State) -> _Speaker | None:
        hops = 0
        while hops < 4:
            for child in verb.children:
                if child.dep_ in ("nsubj", "agent") and not child.is_punct:
                    subj = child
                    if child.dep_ == "agent":
                        objs = [c for c in child.children if c.dep_ == "pobj"]
                        if not objs:
                            continue
                        subj = objs[0]
                    speaker = self._describe(subj, state, resolve=True)
                    if speaker is not None:
                        return speaker
            if (
                verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl", "ccomp")
                and verb.head is not verb
            ):
                verb = verb.head
                hops += 1
                continue
            break
        return None

    def _noun_speaker(self, noun: Token, state: _State) -> _Speaker | None:
        for child in noun.children:
            if child.dep_ == "poss":
                return self._describe(child, state, resolve=True)
            if child.dep_ == "acl":
                for grand in child.children:
                    if grand.dep_ == "agent":
                        for obj in grand.children:
                            if obj.dep_ == "pobj":
                                return self._describe(obj, state, resolve=True)
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self._describe(obj, state, resolve=True)
        return None

    def _headline_speaker(self, doc: Doc, q: QuoteMarks, state: _State) -> _Speaker | None:
        """`Name: "…"` at the start of a paragraph or sentence."""
        text = state.text
        line_start = text.rfind("\n", 0, q.open_mark) + 1
        head = text[line_start : q.open_mark]
        m = re.search(r"(?:^|[.!?]\s+|\d\s+)([^.!?:“\"\d\s][^.!?:“\"]{1,59}?):\s*$", head)
        if not m:
            return None
        span = char_span(doc, line_start + m.start(1), line_start + m.end(1))
        if span is None or len(span) > 6:
            return None
        tokens = [t for t in span if t.ent_type_ in _ENT_SPEAKER or t.pos_ == "PROPN"]
        if not tokens:
            return None
        return self._describe(span.root, state, resolve=True)

    # -- naming speakers --------------------------------------------------------------

    def _describe(self, token: Token, state: _State, *, resolve: bool) -> _Speaker | None:
        """Name the speaker a subject token stands for (None if it cannot speak)."""
        lower = token.lower_
        if lower in _PRONOUNS:
            if not resolve:
                return _Speaker(lower, None, token.i, "pronoun")
            return self._resolve_pronoun(token, state)
        if token.ent_type_ in _ENT_SPEAKER:
            ent = _entity(token)
            name = _clean_name(ent.text if ent is not None else token.text)
            if token.ent_type_ == "PERSON":
                name = state.full_names.get(name, name)
                kind = "person"
            else:
                kind = "group"
                if token.ent_type_ == "NORP":
                    name = self.demonyms.get(name.lower(), name)
            affiliation = self._affiliation(token, ent, state, name)
            if token.ent_type_ != "PERSON":
                affiliation = affiliation or name
            return _Speaker(name, affiliation, token.i, kind)
        if token.pos_ == "PROPN" and not token.is_lower:
            left = token.i
            while (
                left > 0
                and token.doc[left - 1].dep_ == "compound"
                and token.doc[left - 1].pos_ == "PROPN"
            ):
                left -= 1
            name = _clean_name(token.doc[left : token.i + 1].text)
            name = state.full_names.get(name, name)
            return _Speaker(name, self._affiliation(token, None, state, name), token.i, "person")
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.speaker_nouns:
            det = next((c for c in token.children if c.dep_ == "det"), None)
            if resolve and det is not None and det.lower_ in _DEFINITE:
                found = self._resolve_description(token, state)
                if found is not None:
                    return found
            phrase = _description(token)
            kind = (
                "group"
                if token.tag_ == "NNS" or token.lemma_.lower() in _INSTITUTIONS
                else "description"
            )
            return _Speaker(phrase, self._affiliation(token, None, state, phrase), token.i, kind)
        return None

    def _resolve_pronoun(self, token: Token, state: _State) -> _Speaker | None:
        lower = token.lower_
        wants_person = lower in _PERSON_PRONOUNS
        candidates = state.before(token.i)
        if state.last_speaker is not None and state.last_speaker.index < token.i:
            candidates = [*candidates, state.last_speaker]
            candidates.sort(key=lambda s: s.index)
        for speaker in reversed(candidates):
            if wants_person and speaker.kind in ("person", "description"):
                return _Speaker(speaker.name, speaker.affiliation, token.i, speaker.kind)
            if not wants_person and lower in ("they", "it", "we") and speaker.kind == "group":
                return _Speaker(speaker.name, speaker.affiliation, token.i, speaker.kind)
        if lower in ("we", "i") and candidates:
            s = candidates[-1]
            return _Speaker(s.name, s.affiliation, token.i, s.kind)
        return None

    def _resolve_description(self, token: Token, state: _State) -> _Speaker | None:
        head = token.lemma_.lower()
        for speaker in reversed(state.before(token.i)):
            if speaker.kind == "description" and speaker.name.lower().split()[-1].startswith(head):
                return _Speaker(speaker.name, speaker.affiliation, token.i, speaker.kind)
        return None

    def _affiliation(self, token: Token, ent: Span | None, state: _State, name: str) -> str | None:
        """A party named in the speaker's phrase: title, appositive, possessive."""
        doc = token.doc
        skip = set(range(ent.start, ent.end)) if ent is not None else {token.i}
        lo, hi = token.left_edge.i, token.right_edge.i
        # an inverted cue ("said X, Hamas's negotiator") keeps its appositive on the right
        for i in range(lo, min(hi + 1, token.i + 14)):
            t = doc[i]
            if i in skip or t.ent_type_ not in _AFFILIATION_ENTS:
                continue
            party = _entity(t)
            label = _clean_name(party.text if party is not None else t.text)
            label = self.demonyms.get(label.lower(), label)
            if label and label != name:
                state.affiliations.setdefault(name, label)
                return label
        return state.affiliations.get(name)

    # -- indirect speech --------------------------------------------------------------

    def _indirect(self, doc: Doc, inside: bytearray, state: _State) -> list[tuple[Span, dict]]:
        out = []
        text = doc.text
        for verb in doc:
            if inside[verb.i] or verb.pos_ != "VERB" or verb.lemma_.lower() not in _INDIRECT_VERBS:
                continue
            comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
            if comp is None:
                continue
            lo, hi = comp.left_edge.i, comp.right_edge.i
            if any(inside[i] for i in range(lo, hi + 1)):
                continue
            while lo <= hi and (doc[lo].dep_ == "mark" or doc[lo].is_punct):
                lo += 1
            while hi >= lo and doc[hi].is_punct:
                hi -= 1
            if hi - lo < 2:
                continue
            speaker = self._verb_speaker(verb, state)
            if speaker is None:
                continue
            span = doc[lo : hi + 1]
            out.append(
                (
                    span,
                    {
                        "text": text[span.start_char : span.end_char],
                        "start": span.start_char,
                        "end": span.end_char,
                        "speaker": speaker.name,
                        "affiliation": speaker.affiliation,
                        "kind": "indirect",
                        "confidence": 0.6,
                        "cue": verb.lemma_,
                    },
                )
            )
        return out


def _entity(token: Token) -> Span | None:
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


def _clean_name(text: str) -> str:
    text = re.sub(r"(?:['’]s|['’])$", "", text.strip())
    text = re.sub(r"^[\d:.\s]+(?=\S)", "", text)  # a live-blog time stamp
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"^(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep)\.?\s+", "", text)
    return text.strip(" ,.;:")


def _description(token: Token) -> str:
    doc = token.doc
    left = token.left_edge.i
    return doc[left : token.i + 1].text


@Language.factory(
    "truceline_quotes",
    default_config={
        "spans_key": DEFAULT_KEYS["quotes"],
        "speech_verbs": {"@misc": "truceline.speech_verbs.v1"},
        "speaker_nouns": {"@misc": "truceline.speaker_nouns.v1"},
        "demonyms": {"@misc": "truceline.demonyms.v1"},
        "indirect": True,
    },
    assigns=["doc.spans", "doc._.quotes"],
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
)
def make_quotes(
    nlp: Language,
    name: str,
    spans_key: str,
    speech_verbs: list[str],
    speaker_nouns: list[str],
    demonyms: dict[str, str],
    indirect: bool,
) -> QuoteAttributor:
    """Build the quotations component."""
    if not speech_verbs:
        raise ValueError("speech_verbs is empty")
    return QuoteAttributor(
        nlp,
        name,
        spans_key=spans_key,
        speech_verbs=speech_verbs,
        speaker_nouns=speaker_nouns,
        demonyms=demonyms,
        indirect=indirect,
    )


__all__ = ["QuoteAttributor", "QuoteMarks", "find_quote_marks", "make_quotes"]
