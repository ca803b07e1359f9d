"""Doc and Span extensions shared by the extraction components.

Registered once, behind `has_extension`, so importing twice (or next to another
package) never raises. Every value is a plain str/int/float/list/dict so that a
Doc survives `Doc.to_bytes()` and `nlp.pipe(n_process=2)`.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

KINDS = ("timex", "figures", "quotes", "events")
"""Result kinds, in the order the components run."""

SPAN_ATTR = {"timex": "timex", "figures": "figure", "quotes": "quote", "events": "event"}
"""Kind → name of the Span extension that holds one item's payload dict."""

DEFAULT_KEYS = {kind: f"truceline_{kind}" for kind in KINDS}
"""Kind → default `doc.spans` key."""


def _payloads(kind: str):
    attr = SPAN_ATTR[kind]
    key = DEFAULT_KEYS[kind]

    def getter(doc: Doc) -> list[dict]:
        if key not in doc.spans:
            return []
        return [getattr(span._, attr) for span in doc.spans[key]]

    return getter


def register_extensions() -> None:
    """Register truceline's Doc/Span extensions (idempotent)."""
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


class MatchComponent:
    """A pipeline component that first finds (``match``) and then writes (``set_annotations``).

    Keeping the two apart, as spaCy's SpanRuler does, lets tests check what is
    found without a Doc being changed. Each subclass names the span extension
    its payloads go to (``payload_attr``) and sets ``spans_key``. No ``pipe``
    method: spaCy's ``Language.pipe`` calls ``__call__`` per doc for
    components without one, and batching would gain nothing here.
    """

    payload_attr: str
    spans_key: str

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, matches: list[tuple[Span, dict]]) -> None:
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
