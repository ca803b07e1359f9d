"""Quotations and their speakers: the `truceline_quotes` component.

The quotations come from `quote_marks` (pure text); attribution needs the
parse. The speaker comes from the reporting verb that governs the quote ("…,"
the official said; "as X put it"), a colon cue or a signature ("…" ― Name),
the nearest reporting verb in the sentences the quote touches, "according to
X", a clause ending in a colon, the frame of words quoted inside a sentence
("hailed the deal as 'historic'", "X's 'historic' deal"), else the reporter
of the sentence before or the previous speaker for a quote standing alone.
Speakers are people, groups, documents or descriptions; places and datelines
never speak. Pronouns resolve through `speakers` (agreement, salience,
chains); affiliation comes from entities in the speaker's phrase (titles,
appositives, possessives), never from the quoted words. Titles of works in
quotation marks are not speech. Indirect speech ("X said that …") is kind
"indirect".

DOCS: docs/extraction.md
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

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
from truceline.extract.confidence import calibrated, cue_route, quote_basis
from truceline.extract.quote_marks import (
    HEADING_LABELS,
    LABEL_PREFIX,
    QuoteMarks,
    find_quote_marks,
    headline_speech,
)
from truceline.extract.speakers import (
    PERSON_TITLES,
    PRONOUNS,
    SPEAKER_ENTS,
    Mentions,
    Speaker,
    clean_name,
    dateline,
    description,
    document_owner,
    entity_of,
    gender_evidence,
    main_subject,
    owned_start,
)
from truceline.mentions import Quote
from truceline.vocab import QuoteKind

_DEFINITE = {"the", "this", "that"}
_INSTITUTIONS = {
    "government", "army", "military", "administration", "ministry", "office", "cabinet",
    "movement", "group", "people", "council", "authority", "agency", "committee",
    "family", "union", "campaign", "organisation", "organization", "commission", "court",
    "police", "party", "coalition", "alliance", "team", "force", "department", "embassy",
}  # fmt: skip
_WORK_NOUNS = {
    "show", "programme", "program", "book", "anthem", "song", "film", "movie", "series",
    "podcast", "newspaper", "column", "episode", "broadcast", "album", "novel", "memoir",
    "documentary", "play", "paper", "headline", "slogan", "hashtag", "radio", "nickname",
    "moniker",
}  # fmt: skip
_COLON_CUE = re.compile(
    r"(?:^|^" + LABEL_PREFIX + r"|[.!?]\s+|\d\s+)([^.!?:“\"\d\s][^.!?:“\"]{1,59}?):\s*$",
    re.IGNORECASE,
)
"""A name and a colon before a quotation, at the start of a line or sentence."""
_SIGNATURE = re.compile(r"\s*(?:[―—–]|--?)\s*((?:[A-Z][\w'’.-]*\s?){1,5}?)\s*(?:[.,;].*)?$")
"""A dash and a name after a closing quotation mark, to the end of the paragraph."""
_FRAME_VERBS = {"outline", "include", "portray", "liken", "compare", "hail", "vow", "seek"}
"""Verbs that are not speech but frame quoted words as their subject's."""
_NOT_SPEAKERS = {
    "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
}  # fmt: skip
_AFFILIATION_ENTS = {"ORG", "GPE", "NORP"}
_INDIRECT_VERBS = {
    "say", "tell", "announce", "claim", "insist", "warn", "state", "add", "deny",
    "confirm", "allege", "argue", "report", "stress", "reiterate", "acknowledge",
    "admit", "explain", "note", "declare",
}  # fmt: skip


class QuoteAttributor(MatchComponent[Quote]):
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
        document_nouns: Iterable[str],
        demonyms: Mapping[str, str],
        indirect: bool,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.speech_verbs = frozenset(speech_verbs)
        self.speaker_nouns = frozenset(speaker_nouns)
        self.document_nouns = frozenset(document_nouns)
        self.frame_verbs = self.speech_verbs | _FRAME_VERBS
        self.demonyms = {k.lower(): v for k, v in demonyms.items()}
        self.indirect = indirect
        register_extensions()

    # -- finding --------------------------------------------------------------------

    def match(self, doc: Doc) -> list[tuple[Span, Quote]]:
        """Quotations (direct, partial, indirect) of `doc` as (span, result) pairs."""
        text = doc.text
        marks = find_quote_marks(text)
        headline = headline_speech(text)
        if headline is not None and not any(q.open_mark < headline.end for q in marks):
            marks.insert(0, headline)
        inside = bytearray(len(doc))
        spans: list[Span | None] = []
        for q in marks:
            span = char_span(doc, q.open_mark, min(len(text), q.close_mark + 1))
            spans.append(span)
            if span is not None:
                for i in range(span.start, span.end):
                    inside[i] = 1
        state = Mentions(text=text, inside=inside)
        self._collect_mentions(doc, inside, state)
        out: list[tuple[Span, Quote]] = []
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
            out.sort(key=lambda pair: pair[1].start)
        return out

    def _collect_mentions(self, doc: Doc, inside: bytearray, state: Mentions) -> None:
        """Subjects naming people, groups or documents (the antecedents of later
        pronouns), the full form of each surname, and what tells each person's gender."""
        people: list[tuple[int, str]] = []
        shared: set[str] = set()
        persons = [ent for ent in doc.ents if ent.label_ == "PERSON"]  # doc.ents is costly
        for ent in persons:
            name = clean_name(ent.text)
            parts = name.split()
            state.known.update((name, parts[-1]) if parts else ())
            if len(parts) > 1 and state.full_names.setdefault(parts[-1], name) != name:
                shared.add(parts[-1])  # two people of one surname: keep it short
        for surname in shared:
            del state.full_names[surname]
        subjects: list[tuple[Token, Speaker]] = []
        for token in doc:
            if inside[token.i] or token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            subject = self._describe(token, state, resolve=False)
            if subject is not None:
                subjects.append((token, subject))
                if subject.kind in ("person", "description"):
                    people.append((token.i, subject.name))
        for ent in persons:
            name = clean_name(ent.text)
            people.append((ent.end - 1, state.full_names.get(name, name)))
        gender_evidence(doc, sorted(set(people)), state)
        for token, found in subjects:
            main = main_subject(token)
            speaker: Speaker | None = found
            if found.kind == "pronoun":  # a chain: "Ali said …. He added …"
                if found.name in ("i", "we"):
                    continue
                speaker = state.resolve(found.name, token.i, main=main)
            if speaker is not None:
                speaker.main = main
                state.add(speaker)

    def _attribute(
        self,
        doc: Doc,
        q: QuoteMarks,
        full: Span,
        content: Span,
        inside: bytearray,
        state: Mentions,
    ) -> Quote | None:
        text = state.text
        if self._title(content, full):
            return None
        if not q.marked:
            return self._headline_quote(doc, q, state)
        cue, speaker = self._cue(doc, q, full, content, inside, state)
        route = cue_route(cue, content)
        standalone = self._standalone(text, q, content)
        confidence = 0.85
        if speaker is None and standalone:
            speaker = self._preceding_reporter(doc, full, inside, state)
            route, confidence = "reporter", 0.65
        if speaker is None:
            if not standalone or state.last_speaker is None:
                return None
            if q.open_mark - state.last_quote_end > 1200:
                return None
            speaker, route, confidence = state.last_speaker, "previous", 0.6

        state.last_speaker = speaker
        state.last_quote_end = q.close_mark
        kind = QuoteKind.DIRECT if standalone or content[0].is_sent_start else QuoteKind.PARTIAL
        if not q.closed:
            confidence -= 0.15
        key = quote_basis(route, speaker, full, kind, q.closed)
        return Quote(
            text=text[q.start : q.end],
            start=q.start,
            end=q.end,
            speaker=speaker.name,
            affiliation=speaker.affiliation,
            kind=kind,
            confidence=calibrated("quotes", key, confidence),
            cue=cue.lemma_ if cue is not None else None,
            sentence=sentence_of(full),
            basis=key,
        )

    def _headline_quote(self, doc: Doc, q: QuoteMarks, state: Mentions) -> Quote | None:
        """A headline's `Name: words` without quotation marks, when Name is a short
        name of a person or organisation ("Ceasefire Crumbles: What Next?" and
        "Gaza: strikes kill 15" are not)."""
        name = char_span(doc, 0, q.open_mark)
        speaker = self._headline_speaker(doc, q, state)
        if speaker is None or name is None or len(name) > 4:
            return None
        if any(t.ent_type_ in ("GPE", "NORP", "LOC") for t in name):
            return None  # "Gaza: strikes kill 15": a place before the colon is a topic
        state.last_speaker = speaker
        words = char_span(doc, q.start, q.end) or name
        key = quote_basis("headline", speaker, words, QuoteKind.DIRECT, closed=True)
        return Quote(
            text=state.text[q.start : q.end],
            start=q.start,
            end=q.end,
            speaker=speaker.name,
            affiliation=speaker.affiliation,
            kind=QuoteKind.DIRECT,
            confidence=calibrated("quotes", key, 0.6),
            cue=None,
            sentence=(q.start, q.end),
            basis=key,
        )

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
    def _title(content: Span, full: Span) -> bool:
        """Words in quotation marks that name a programme, book or song ("told CBS's
        'Face the Nation'", "his book 'Make Peace'"): capitalised throughout and
        introduced by a possessive, "of"/"on", or a noun for such a work, or standing
        alone as a heading. A name someone gives ("dubbed it the 'X Accords'") stays."""
        words = [t for t in content if t.is_alpha]
        long = [t for t in words if len(t) > 3 or t.i == content.start]
        if not long or any(t.is_lower for t in long) or all(t.is_upper for t in words):
            return False
        doc = full.doc
        prev = doc[full.start - 1] if full.start > 0 else None
        if prev is not None and prev.is_punct and prev.text == "," and prev.i > 0:
            prev = doc[prev.i - 1]
        nxt = doc[full.end] if full.end < len(doc) else None
        if prev is None or prev.is_space:
            return True
        return (
            prev.tag_ in ("POS", "PRP$")
            or prev.lower_ in ("of", "on", "titled", "entitled")
            or prev.lemma_.lower() in _WORK_NOUNS
            or (nxt is not None and nxt.lemma_.lower() in _WORK_NOUNS)
        )

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
            if self._reporting(anc):
                speaker = self._verb_speaker(anc, state)
                if speaker is not None:
                    governing = (anc, speaker)
                    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children)
                    if own and anc.dep_ in ("advcl", "relcl", "acl"):
                        break  # "X said …, as Y vowed '…'": Y's words, not X's
            if anc.pos_ == "NOUN" and anc.lemma_.lower() in ("comment", "remark", "statement"):
                speaker = self._noun_speaker(anc, state)
                if speaker is not None:
                    return anc, speaker
        if governing is not None:
            return governing
        # 2. a headline or colon cue (`Name: "…"`) or a signature (`"…" ― Name`)
        headline = self._headline_speaker(doc, q, state) or self._signature(doc, q, state)
        if headline is not None:
            return None, headline
        # 3. the nearest reporting verb in the sentences the quote touches (same paragraph)
        sents = {content[0].sent, content[-1].sent}
        after = doc[full.end].sent if full.end < len(doc) else None
        if after is not None:  # '"…?" Ali asked.' split off by the parser
            sents.add(after)
        split = full.end < len(doc) and doc[full.end].is_sent_start
        best = None
        for sent in sents:
            for tok in sent:
                if inside[tok.i] or not para_start <= tok.idx < para_end:
                    continue
                if tok.lower_ == "according" or self._reporting(tok):
                    distance = min(abs(tok.i - full.start), abs(tok.i - (full.end - 1)))
                    if split and tok.i >= full.end and distance > 4:
                        continue
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
        # 4. a clause ending in a colon ("Obama has a new message: '…'")
        colon = self._colon_clause(doc, full, inside, state)
        if colon is not None:
            return colon
        # 5. words quoted inside someone's sentence ("X hailed the deal as 'historic'")
        if not doc[full.start].is_sent_start:
            return self._frame(content, inside, state)
        return None, None

    def _colon_clause(self, doc: Doc, full: Span, inside: bytearray, state: Mentions):
        """(the verb, its subject) of the clause a colon ends just before a quote."""
        before = full.start - 1
        if before < 1 or doc[before].text != ":" or inside[before - 1]:
            return None
        verb = next(
            (
                t
                for t in [doc[before - 1], *ancestors(doc[before - 1], 6)]
                if t.pos_ in ("VERB", "AUX")
            ),
            None,
        )
        if verb is None or inside[verb.i]:
            return None
        speaker = self._verb_speaker(verb, state)
        return (verb, speaker) if speaker is not None else None

    def _frame(self, content: Span, inside: bytearray, state: Mentions):
        """(the word, the speaker) for words quoted inside a sentence with no reporting
        verb: the possessor of the noun they qualify ("Ali's 'historic' deal"), the
        subject of a verb that frames words as someone's ("hailed it as 'historic'",
        "vowed to 'crush' them"), or a document that holds them ("the text outlines
        'de-escalation'"). Other quoted terms ("a 'loophole'") stay unattributed."""
        root = content.root
        head = root.head
        if root.dep_ in ("amod", "compound") and head.pos_ in ("NOUN", "PROPN"):
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None and owner.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                speaker = self._describe(owner, state, resolve=True)
                if speaker is not None:
                    return head, speaker
        for anc in ancestors(root, 4):
            if inside[anc.i] or anc.pos_ not in ("VERB", "AUX", "NOUN"):
                continue
            subject = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.left_edge.i <= root.i <= subject.right_edge.i:
                return None, None  # "The 'ceasefire' deal held": a term, not speech
            speaker = self._verb_speaker(anc, state)
            if speaker is None:
                continue
            if speaker.kind == "document" or anc.lemma_.lower() in self.frame_verbs:
                return anc, speaker
        return None, None

    def _preceding_reporter(
        self, doc: Doc, full: Span, inside: bytearray, state: Mentions
    ) -> Speaker | None:
        """The speaker of the last reporting verb before a quote standing alone, when
        it comes after the previous quote ("Naim said that …. “…”")."""
        text = state.text
        para_start = text.rfind("\n", 0, full.start_char) + 1
        sent = doc[full.start - 1].sent if full.start > 0 else None
        if sent is None:
            return None
        before = text[sent.start_char : para_start].rstrip()
        if sent.start_char < para_start and not before.endswith(":"):
            return None  # only "He said:" may close the paragraph before the quotation
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

    def _according(self, tok: Token, state: Mentions) -> Speaker | None:
        for child in tok.children:
            if child.lower_ == "to":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self._describe(obj, state, resolve=True)
        nxt = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
        if nxt is not None and tok.doc[tok.i + 1].lower_ == "to":
            return self._describe(nxt, state, resolve=True)
        return None

    def _reporting(self, token: Token) -> bool:
        """A reporting verb: a speech verb, or "put" in "as X put it"."""
        if token.pos_ != "VERB":
            return False
        lemma = token.lemma_.lower()
        if lemma == "put":
            return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
        return lemma in self.speech_verbs

    def _verb_speaker(self, verb: Token, state: Mentions) -> Speaker | None:
        """The subject of a reporting verb (or of the verb it hangs from)."""
        speaker = self._subject_speaker(verb, state)
        if speaker is not None:
            return speaker
        # a parse that left the verb without a subject: a name just before it
        doc = verb.doc
        for tok in reversed(doc[max(0, verb.i - 6) : verb.i]):
            if tok.pos_ in ("VERB", "AUX") or tok.text in (".", ";", ":"):
                break
            if tok.ent_type_ == "PERSON":  # "Ana Lee, 35, said": an age between
                return self._people(tok, state)
        return None

    def _people(self, token: Token, state: Mentions) -> Speaker | None:
        """The person a name stands for, or the people of a list ("Ali and Sara")."""
        while token.dep_ == "conj" and token.head.ent_type_ == "PERSON":
            token = token.head
        names = [token, *(c for c in token.conjuncts if c.ent_type_ == "PERSON")]
        if len(names) == 1:
            return self._describe(token, state, resolve=True)
        joined = " and ".join(clean_name((entity_of(t) or t).text) for t in names)
        return Speaker(joined, None, token.i, "group", True)

    def _subject_speaker(self, verb: Token, state: Mentions) -> Speaker | None:
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

    def _noun_speaker(self, noun: Token, state: Mentions) -> Speaker | None:
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

    def _headline_speaker(self, doc: Doc, q: QuoteMarks, state: Mentions) -> Speaker | None:
        """`Name: "…"` at the start of a paragraph or sentence."""
        text = state.text
        line_start = text.rfind("\n", 0, q.open_mark) + 1
        head = text[line_start : q.open_mark]
        m = _COLON_CUE.search(head)
        if not m or m.group(1).lower() in HEADING_LABELS:
            return None
        span = char_span(doc, line_start + m.start(1), line_start + m.end(1))
        if span is None or len(span) > 6:
            return None
        tokens = [t for t in span if t.ent_type_ in SPEAKER_ENTS or t.pos_ == "PROPN"]
        if not tokens:
            return None
        speaker = self._describe(span.root, state, resolve=True)
        people = [  # "A lesson from Ana Lee: '…'": the person the phrase names
            t for t in span if t.dep_ == "pobj" and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN")
        ]
        if speaker is None and people:  # "A lesson from Ana Lee: '…'"
            speaker = self._describe(people[-1], state, resolve=True)
        return speaker

    def _signature(self, doc: Doc, q: QuoteMarks, state: Mentions) -> Speaker | None:
        """`"…" ― Name` ending a paragraph: a reader's or a list's signed quote."""
        text = state.text
        end = text.find("\n", q.close_mark)
        tail = text[q.close_mark + 1 : len(text) if end < 0 else end]
        m = _SIGNATURE.match(tail)
        if not m:
            return None
        start = q.close_mark + 1 + m.start(1)
        span = char_span(doc, start, start + len(m.group(1)))
        if span is None:
            return None
        name = state.full_names.get(m.group(1), m.group(1))
        return Speaker(name, self._affiliation(span.root, span, state, name), span.start, "person")

    # -- naming speakers --------------------------------------------------------------

    def _describe(self, token: Token, state: Mentions, *, resolve: bool) -> Speaker | None:
        """Name the speaker a subject token stands for (None if it cannot speak)."""
        lower = token.lower_
        if lower in PRONOUNS:
            if not resolve:
                return Speaker(lower, None, token.i, "pronoun")
            if lower == "i":  # the writer, outside quotation marks
                return Speaker("I", None, token.i, "person")
            return state.resolve(lower, token.i)
        plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
        if dateline(token):
            return None
        if token.ent_type_ in SPEAKER_ENTS:
            return self._named(token, state, plural)
        named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None and token.pos_ == "NOUN":  # "the head of the council, Ali Khan,"
            name = clean_name((entity_of(named) or named).text)
            name = state.full_names.get(name, name)
            return Speaker(name, self._affiliation(token, None, state, name), token.i, "person")
        if token.ent_type_ in _NOT_SPEAKERS:
            return None  # a place ("the Middle East"), a date, a sum: nobody speaks
        lemma = token.lemma_.lower()
        if token.pos_ == "PROPN" and not token.is_lower or token.text in state.known:
            owned = owned_start(token) if lemma in self.speaker_nouns else None
            if owned is not None:  # "the Prime Minister's Office", not "Office"
                name = clean_name(token.doc[owned : token.i + 1].text)
                kind = "group" if lemma in _INSTITUTIONS else "description"
                affiliation = self._affiliation(token, None, state, name)
                return Speaker(name, affiliation, token.i, kind, plural)
            left = token.i
            while (
                left > 0
                and token.doc[left - 1].dep_ == "compound"
                and token.doc[left - 1].pos_ == "PROPN"
            ):
                left -= 1
            name = clean_name(token.doc[left : token.i + 1].text)
            name = state.full_names.get(name, name)
            return Speaker(name, self._affiliation(token, None, state, name), token.i, "person")
        if token.pos_ in ("NOUN", "PROPN") and lemma in self.document_nouns:
            owner = document_owner(token)
            author = self._describe(owner, state, resolve=resolve) if owner is not None else None
            if author is not None:  # "the ministry's statement said": the ministry
                return author
            return Speaker(description(token), None, token.i, "document", plural)
        if token.pos_ in ("NOUN", "PROPN") and lemma in self.speaker_nouns:
            det = next((c for c in token.children if c.dep_ == "det"), None)
            if resolve and det is not None and det.lower_ in _DEFINITE:
                found = self._resolve_description(token, state)
                if found is not None:
                    return found
            phrase = description(token)
            kind = "group" if plural or lemma in _INSTITUTIONS else "description"
            affiliation = self._affiliation(token, None, state, phrase)
            return Speaker(phrase, affiliation, token.i, kind, plural)
        return None

    def _named(self, token: Token, state: Mentions, plural: bool) -> Speaker:
        """A speaker named by an entity. An ORG or GPE with a person's title in front
        ("Prof Stearns") or a surname the document gives a person is a person: the
        small models often mislabel unfamiliar names."""
        ent = entity_of(token)
        raw = ent.text if ent is not None else token.text
        name = clean_name(raw)
        first = token.doc[ent.start if ent is not None else token.i]
        before = token.doc[first.i - 1] if first.i > 0 else None
        titled = first.lower_ in PERSON_TITLES or (
            before is not None and before.lower_ in PERSON_TITLES
        )
        if token.ent_type_ == "PERSON" or titled or name in state.full_names:
            name = state.full_names.get(name, name)
            return Speaker(name, self._affiliation(token, ent, state, name), token.i, "person")
        if token.ent_type_ == "NORP":
            name = self.demonyms.get(name.lower(), name)
        owned = owned_start(token) if token.ent_type_ == "ORG" else None
        if ent is not None and owned is not None and owned < ent.start:
            name = clean_name(token.doc[owned : ent.end].text)  # "Egypt's Foreign Ministry"
        affiliation = self._affiliation(token, ent, state, name) or name
        words = name.split()
        return Speaker(
            name,
            affiliation,
            token.i,
            "group",
            plural,
            named_like_person=token.ent_type_ == "ORG"
            and 2 <= len(words) <= 3
            and all(w[:1].isupper() and w[1:].islower() for w in words),
        )

    def _resolve_description(self, token: Token, state: Mentions) -> Speaker | None:
        head = token.lemma_.lower()
        for speaker in reversed(state.before(token.i)):
            if speaker.kind == "description" and speaker.name.lower().split()[-1].startswith(head):
                return Speaker(speaker.name, speaker.affiliation, token.i, speaker.kind)
        return None

    def _affiliation(
        self, token: Token, ent: Span | None, state: Mentions, name: str
    ) -> str | None:
        """A party named in the speaker's phrase: title, appositive, possessive."""
        doc = token.doc
        skip = set(range(ent.start, ent.end)) if ent is not None else {token.i}
        lo, hi = token.left_edge.i, token.right_edge.i
        # an inverted cue ("said X, Hamas's negotiator") keeps its appositive on the right
        for i in range(lo, min(hi + 1, token.i + 14)):
            t = doc[i]
            if i in skip or t.ent_type_ not in _AFFILIATION_ENTS or state.inside[i]:
                continue  # (never a party named inside the quotation itself)
            party = entity_of(t)
            label = clean_name(party.text if party is not None else t.text)
            label = self.demonyms.get(label.lower(), label)
            if label and label != name:
                state.affiliations.setdefault(name, label)
                return label
        return state.affiliations.get(name)

    # -- indirect speech --------------------------------------------------------------

    def _indirect(self, doc: Doc, inside: bytearray, state: Mentions) -> list[tuple[Span, Quote]]:
        out = []
        text = state.text
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
            key = quote_basis("reported", speaker, span, QuoteKind.INDIRECT, closed=True)
            quote = Quote(
                text=text[span.start_char : span.end_char],
                start=span.start_char,
                end=span.end_char,
                speaker=speaker.name,
                affiliation=speaker.affiliation,
                kind=QuoteKind.INDIRECT,
                confidence=calibrated("quotes", key, 0.6),
                cue=verb.lemma_,
                sentence=sentence_of(doc[min(verb.i, lo) : max(verb.i, hi) + 1]),
                basis=key,
            )
            out.append((span, quote))
        return out


@Language.factory(
    "truceline_quotes",
    default_config={
        "spans_key": DEFAULT_KEYS["quotes"],
        "speech_verbs": {"@misc": "truceline.speech_verbs.v1"},
        "speaker_nouns": {"@misc": "truceline.speaker_nouns.v1"},
        "document_nouns": {"@misc": "truceline.document_nouns.v1"},
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
    document_nouns: list[str],
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
        document_nouns=document_nouns,
        demonyms=demonyms,
        indirect=indirect,
    )


__all__ = ["QuoteAttributor", "make_quotes"]
