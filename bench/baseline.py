"""The off-the-shelf baseline truceline's extractor is measured against.

Quotes: textacy's `direct_quotations`, run paragraph by paragraph over the same
spaCy model. Time expressions: spaCy DATE entities resolved by dateparser
relative to the publication date. Figures and events: none.

Output is in the extraction interface of DESIGN.md, so `score.py` reads it.
"""

from __future__ import annotations

import warnings
from datetime import date, datetime

from spacy.language import Language


def _paragraphs(text: str):
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def baseline_extract(nlp: Language, text: str, published: date | None) -> dict:
    """Quotes and time expressions found by textacy + spaCy + dateparser."""
    import dateparser
    from textacy.extract import direct_quotations

    settings: dict = {}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    quotes, timex = [], []
    for offset, para in _paragraphs(text):
        doc = nlp(para)
        try:
            found = list(direct_quotations(doc))
        except (ValueError, IndexError, AttributeError):
            found = []
        for speaker, _cue, content in found:
            inner = content.text
            start = offset + content.start_char
            if inner[:1] in "\"“‘'":
                inner, start = inner[1:], start + 1
            if inner[-1:] in "\"”’'":
                inner = inner[:-1]
            quotes.append(
                {
                    "text": inner,
                    "start": start,
                    "end": start + len(inner),
                    "speaker": " ".join(t.text for t in speaker),
                    "affiliation": None,
                    "kind": "direct",
                }
            )
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                parsed = dateparser.parse(ent.text, settings=settings)
            if parsed is None:
                continue
            timex.append(
                {
                    "text": ent.text,
                    "start": offset + ent.start_char,
                    "end": offset + ent.end_char,
                    "value": parsed.date().isoformat(),
                    "precision": "day",
                }
            )
    return {"quotes": quotes, "timex": timex, "figures": [], "events": []}
