"""Extraction: spaCy components that find time expressions, figures, quotations and
events in news reports, and the `Extractor` that runs them.

`Extractor.extract` returns a typed `Extraction` (see `truceline.mentions`);
`Extraction.to_json()` is the DESIGN.md JSON. Importing this package registers
the factories `truceline_timex`,
`truceline_figures`, `truceline_quotes`, `truceline_events` and the lexicons
`truceline.*.v1` in spaCy's registries.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from truceline.extract import lexicons as _lexicons  # noqa: F401  (registers @misc)
from truceline.extract._doc import register_extensions
from truceline.extract.attribution import QuoteAttributor, make_quotes
from truceline.extract.events import EventFinder, make_events
from truceline.extract.extractor import Extractor, doc_to_extraction
from truceline.extract.figures import FigureFinder, make_figures
from truceline.extract.paragraphs import ParagraphBreaker, make_paragraphs
from truceline.extract.pipeline import (
    COMPONENTS,
    MODEL_CANDIDATES,
    MODEL_ENV,
    add_components,
    load_model,
    load_pipeline,
    resolve_model_name,
)
from truceline.extract.quote_marks import find_quote_marks
from truceline.extract.timex import TimexRecognizer, find_timex, make_timex
from truceline.mentions import (
    RESULT_KEYS,
    EventMention,
    Extraction,
    FigureMention,
    Quote,
    Timex,
)
from truceline.text import read_text

register_extensions()

__all__ = [
    "COMPONENTS",
    "MODEL_CANDIDATES",
    "MODEL_ENV",
    "RESULT_KEYS",
    "EventFinder",
    "EventMention",
    "Extraction",
    "Extractor",
    "FigureFinder",
    "FigureMention",
    "ParagraphBreaker",
    "Quote",
    "QuoteAttributor",
    "Timex",
    "TimexRecognizer",
    "add_components",
    "doc_to_extraction",
    "find_quote_marks",
    "find_timex",
    "load_model",
    "load_pipeline",
    "make_events",
    "make_figures",
    "make_paragraphs",
    "make_quotes",
    "make_timex",
    "read_text",
    "register_extensions",
    "resolve_model_name",
]
