"""`Extractor`: the library entry point — text in, a typed `Extraction` out.

    ex = Extractor(agreement_day1="2025-01-19")
    result = ex.extract(text, published=date(2025, 3, 27))   # result.quotes[0].speaker …
    for result in ex.extract_many((text, published) for ...): ...
    result.to_json()                                         # the DESIGN.md JSON object

DOCS: docs/extraction.md
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from truceline.bounds import storable_text
from truceline.dates import extraction_day
from truceline.errors import ExtractionError
from truceline.extract._doc import register_extensions
from truceline.extract.confidence import with_figure_confidence
from truceline.extract.pipeline import load_pipeline
from truceline.mentions import Extraction

Published = date | str | None
"""A publication date: a `date`, an ISO string, or None when unknown."""


def doc_to_extraction(doc: Doc) -> Extraction:
    """The typed results a processed Doc carries (`doc._.quotes` …), figures with
    their calibrated confidence (`confidence.with_figure_confidence`)."""
    return Extraction(
        quotes=tuple(doc._.quotes),
        timex=tuple(doc._.timex),
        figures=tuple(with_figure_confidence(f) for f in doc._.figures),
        events=tuple(doc._.events),
    )


class Extractor:
    """Runs the spaCy pipeline with truceline's components over report texts.

    `model` names the spaCy model (default: $TRUCELINE_SPACY_MODEL or the first
    installed English model); `agreement_day1` anchors "day 16" / "the 42nd
    day"; pass `nlp` to reuse an already built pipeline.
    """

    def __init__(
        self,
        model: str | None = None,
        agreement_day1: Published = None,
        *,
        nlp: Language | None = None,
        batch_size: int = 16,
        n_process: int = 1,
    ) -> None:
        register_extensions()
        self.agreement_day1 = extraction_day(agreement_day1, "agreement_day1")
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.batch_size = batch_size
        self.n_process = n_process

    def make_doc(self, text: str, published: Published = None) -> Doc:
        """A tokenized Doc carrying the publication date and agreement day 1."""
        if not isinstance(text, str):
            raise ExtractionError(f"text must be str, got {type(text).__name__}")
        doc = self.nlp.make_doc(storable_text(text))  # spaCy cannot hash a lone surrogate
        doc._.published = extraction_day(published, "published")
        doc._.agreement_day1 = self.agreement_day1
        return doc

    def process(self, text: str, published: Published = None) -> Doc:
        """The processed Doc (spans in `doc.spans`, results in `doc._.quotes` …)."""
        return self.nlp(self.make_doc(text, published))

    def extract(self, text: str, published: Published = None) -> Extraction:
        """Extract quotes, time expressions, figures and events from one text."""
        return doc_to_extraction(self.process(text, published))

    def extract_many(
        self,
        items: Iterable[tuple[str, Published]],
        *,
        batch_size: int | None = None,
        n_process: int | None = None,
    ) -> Iterator[Extraction]:
        """Extract from many (text, published) pairs, batched through `nlp.pipe`.

        Results come back in input order.
        """
        docs = (self.make_doc(text, published) for text, published in items)
        for doc in self.nlp.pipe(
            docs,
            batch_size=batch_size or self.batch_size,
            n_process=n_process or self.n_process,
        ):
            yield doc_to_extraction(doc)
