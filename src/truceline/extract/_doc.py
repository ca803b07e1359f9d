"""Doc and Span extensions shared by the extraction components.

Registered once, behind `has_extension`, so importing twice (or next to another
package) never raises. Span payloads are the typed results of
`truceline.mentions`; msgpack hooks (registered with the extensions, as
spacy-layout does for its dataclasses) let a Doc carrying them survive
`Doc.to_bytes()` and `nlp.pipe(n_process=2)`.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date
from typing import Any, Generic, TypeVar

import srsly
from spacy.tokens import Doc, Span, Token

from truceline.mentions import EventMention, FigureMention, Offsets, Quote, Timex

Payload = TypeVar("Payload", Quote, Timex, FigureMention, EventMention)

KINDS = ("timex", "figures", "quotes", "events")
"""Result kinds, in the order the components run."""

SPAN_ATTR = {"timex": "timex", "figures": "figure", "quotes": "quote", "events": "event"}
"""Kind → name of the Span extension that holds one item's typed result."""

_RESULT_TYPES = {cls.__name__: cls for cls in (Quote, Timex, FigureMention, EventMention)}
_MSGPACK_TAG = "__truceline__"

DEFAULT_KEYS = {kind: f"truceline_{kind}" for kind in KINDS}
"""Kind → default `doc.spans` key."""


def _payloads(kind: str) -> Callable[[Doc], list[Any]]:
    attr = SPAN_ATTR[kind]
    key = DEFAULT_KEYS[kind]

    def getter(doc: Doc) -> list[Any]:
        if key not in doc.spans:
            return []
        return [getattr(span._, attr) for span in doc.spans[key]]

    return getter


def _encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack: a typed result as a tagged dict of its fields (nested ones follow)."""
    if isinstance(obj, Quote | Timex | FigureMention | EventMention):
        values = {f.name: getattr(obj, f.name) for f in fields(obj)}
        return {_MSGPACK_TAG: type(obj).__name__, **values}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack: the typed result a tagged dict stands for."""
    if isinstance(obj, dict) and obj.get(_MSGPACK_TAG) in _RESULT_TYPES:
        return _RESULT_TYPES[obj[_MSGPACK_TAG]].from_dict(obj)
    return obj if chain is None else chain(obj)


def register_extensions() -> None:
    """Register truceline's Doc/Span extensions and msgpack hooks (idempotent)."""
    srsly.msgpack_encoders.register("truceline.mentions", func=_encode)
    srsly.msgpack_decoders.register("truceline.mentions", func=_decode)
    for name in ("published", "agreement_day1"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for kind in KINDS:
        if not Doc.has_extension(kind):
            Doc.set_extension(kind, getter=_payloads(kind))
        if not Span.has_extension(SPAN_ATTR[kind]):
            Span.set_extension(SPAN_ATTR[kind], default=None)


def doc_date(doc: Doc, name: str) -> date | None:
    """The date stored in `doc._.<name>` (an ISO string or a date), or None."""
    value = getattr(doc._, name)
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The smallest token span covering [start, end), or None if it is empty."""
    return doc.char_span(start, end, alignment_mode="expand")


def sentence_of(span: Span) -> Offsets:
    """The offsets of the sentence(s) spaCy put `span` in, without edge whitespace.

    A span that crosses a sentence break (a quote of two sentences) gets all of
    them. The paragraph component makes a line break end a sentence, so the
    line break itself is trimmed here.
    """
    doc = span.doc
    first, last = doc[span.start].sent, doc[max(span.start, span.end - 1)].sent
    lo, hi = first.start, last.end
    while lo < hi and doc[lo].is_space:
        lo += 1
    while hi > lo and doc[hi - 1].is_space:
        hi -= 1
    if lo == hi:
        return first.start_char, last.end_char
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


class MatchComponent(Generic[Payload]):
    """A pipeline component that first finds (``match``) and then writes (``set_annotations``).

    Keeping the two apart, as spaCy's SpanRuler does, lets tests check what is
    found without a Doc being changed. Each subclass names the span extension
    its payloads go to (``payload_attr``) and sets ``spans_key``. No ``pipe``
    method: spaCy's ``Language.pipe`` calls ``__call__`` per doc for
    components without one, and batching would gain nothing here.
    """

    payload_attr: str
    spans_key: str

    def match(self, doc: Doc) -> list[tuple[Span, Payload]]:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, matches: list[tuple[Span, Payload]]) -> None:
        """Write the matches to ``doc.spans[spans_key]``, each payload in ``span._.<payload_attr>``."""
        for span, payload in matches:
            span._.set(self.payload_attr, payload)
        doc.spans[self.spans_key] = [span for span, _ in matches]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


def ancestors(token: Token, limit: int) -> list[Token]:
    """Up to ``limit`` heads above ``token``, nearest first (the root is its own head)."""
    out: list[Token] = []
    while token.head is not token and len(out) < limit:
        token = token.head
        out.append(token)
    return out
