"""Extraction: spaCy components that find time expressions, figures, quotations and
events in news reports, and the `Extractor` that runs them.

Importing this package registers the factories `truceline_timex`,
`truceline_figures`, `truceline_quotes`, `truceline_events` and the lexicons
`truceline.*.v1` in spaCy's registries.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from truceline.extract import lexicons as _lexicons  # noqa: F401  (registers @misc)
from truceline.extract._doc import register_extensions
from truceline.extract.events import EventFinder, make_events
from truceline.extract.extractor import RESULT_KEYS, Extractor, doc_to_dict
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
from truceline.extract.quotes import QuoteAttributor, find_quote_marks, make_quotes
from truceline.extract.reading import decode_bytes, read_text
from truceline.extract.timex import TimexRecognizer, find_timex, make_timex

register_extensions()

__all__ = [
    "COMPONENTS",
    "MODEL_CANDIDATES",
    "MODEL_ENV",
    "RESULT_KEYS",
    "EventFinder",
    "Extractor",
    "FigureFinder",
    "ParagraphBreaker",
    "QuoteAttributor",
    "TimexRecognizer",
    "add_components",
    "decode_bytes",
    "doc_to_dict",
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
