"""Paragraph breaks as sentence breaks, set before the parser runs.

spaCy's English models happily parse one sentence across a line break; in news
text a line break always ends a sentence (a headline, a dateline, a live-blog
entry), so this component marks the first token after each one as a sentence
start. The parser keeps boundaries that are already set.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBreaker:
    """Marks the token after a line break as a sentence start."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for i in self.match(doc):
            doc[i].is_sent_start = True
        return doc

    @staticmethod
    def match(doc: Doc) -> list[int]:
        """Indices of tokens that open a paragraph (the first token excluded)."""
        text = doc.text
        starts = []
        pos = text.find("\n")
        while pos >= 0:
            nxt = pos + 1
            while nxt < len(text) and text[nxt].isspace():
                nxt += 1
            if nxt >= len(text):
                break
            token = doc.char_span(nxt, nxt + 1, alignment_mode="expand")
            if token is not None and token.start > 0:
                starts.append(token.start)
            pos = text.find("\n", nxt)
        return starts


@Language.factory(
    "truceline_paragraphs",
    assigns=["token.is_sent_start"],
)
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaker:
    """Build the paragraph-break component (add it before the parser)."""
    return ParagraphBreaker(name)


__all__ = ["ParagraphBreaker", "make_paragraphs"]
