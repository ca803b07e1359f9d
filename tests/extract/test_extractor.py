"""The library API: result shape, offsets, batching, serialization, model choice."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

import truceline.extract as extract_pkg
from truceline.errors import ExtractionError
from truceline.extract import RESULT_KEYS, Extraction, Extractor, resolve_model_name
from truceline.vocab import QuoteKind, TimexPrecision

from .conftest import BROADCAST, LIVE_BLOG, WIRE

REPORTS = [(WIRE, date(2025, 2, 6)), (BROADCAST, date(2025, 1, 29)), (LIVE_BLOG, date(2025, 2, 3))]


def test_public_api_is_pinned():
    assert extract_pkg.__all__ == sorted(extract_pkg.__all__, key=lambda n: (not n.isupper(), n))
    assert {"Extraction", "Extractor", "load_pipeline", "read_text"} <= set(extract_pkg.__all__)


def test_results_are_typed(extractor):
    result = extractor.extract(WIRE, date(2025, 2, 6))
    assert isinstance(result, Extraction)
    assert {q.kind for q in result.quotes} <= set(QuoteKind)
    assert all(isinstance(t.precision, TimexPrecision) for t in result.timex)
    with pytest.raises(AttributeError):
        result.quotes[0].speaker = "someone else"  # type: ignore[misc]


def test_sentences_come_from_spacy(extractor):
    """Each mention carries the sentence spaCy split, line breaks ending one."""
    result = extractor.extract(WIRE, date(2025, 2, 6))
    sentences = {(s.start_char, s.end_char) for s in extractor.process(WIRE).sents}
    items = [*result.quotes, *result.timex, *result.figures, *result.events]
    for item in items:
        assert item.sentence is not None
        lo, hi = item.sentence
        assert any(s0 <= lo and hi <= s1 for s0, s1 in sentences)
    netanyahu = next(t for t in result.timex if t.text == "Wednesday")
    assert WIRE[slice(*netanyahu.sentence)] == (
        "Israeli Prime Minister Benjamin Netanyahu met his security cabinet on Wednesday."
    )
    # spaCy's sentence runs past "Jan." (a regex split at ". " would stop there)
    swap = next(f for f in result.figures if f.value == 183)
    assert WIRE[slice(*swap.sentence)] == (
        "Hamas said on Tuesday it would release three Israeli hostages on Saturday in "
        "exchange for 183 Palestinian prisoners, the latest swap under the ceasefire that "
        "took effect on Jan. 19."
    )


def test_result_shape(extractor):
    result = extractor.extract(WIRE, date(2025, 2, 6)).to_json()
    assert list(result) == list(RESULT_KEYS)
    assert set(result["quotes"][0]) >= {"text", "start", "end", "speaker", "affiliation", "kind"}
    assert set(result["timex"][0]) >= {"text", "start", "end", "value", "precision", "confidence"}
    assert set(result["figures"][0]) >= {
        "text",
        "start",
        "end",
        "value",
        "qualifier",
        "category",
        "who",
    }
    keys = {"date", "precision", "actors", "type", "target", "summary", "start", "end"}
    assert set(result["events"][0]) >= keys


@pytest.mark.parametrize(("text", "published"), REPORTS)
def test_spans_slice_the_text(extractor, text, published):
    result = extractor.extract(text, published)
    for item in (*result.quotes, *result.timex, *result.figures):
        assert text[item.start : item.end] == item.text
        assert item.confidence is not None and 0 <= item.confidence <= 1


def test_quote_text_excludes_marks(extractor):
    for quote in extractor.extract(WIRE, date(2025, 2, 6)).quotes:
        assert quote.text[0] not in "“”\"‘’'"


def test_batch_equals_single(extractor):
    single = [extractor.extract(t, p) for t, p in REPORTS]
    batched = list(extractor.extract_many(REPORTS, batch_size=2))
    assert batched == single


def test_two_processes_equal_one(extractor):
    single = [extractor.extract(t, p) for t, p in REPORTS]
    multi = list(extractor.extract_many(REPORTS, batch_size=1, n_process=2))
    assert multi == single


def test_doc_survives_serialization(extractor):
    from spacy.tokens import Doc

    doc = extractor.process(WIRE, date(2025, 2, 6))
    copy = Doc(extractor.nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.timex == doc._.timex
    assert copy._.quotes == doc._.quotes


def test_components_are_declared(nlp):
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values())
    assert analysis["summary"]["truceline_quotes"]["assigns"] == ["doc.spans", "doc._.quotes"]


def test_factories_are_registered():
    for name in extract_pkg.COMPONENTS:
        assert spacy.Language.has_factory(name)


def test_lexicons_are_registered():
    speech = spacy.registry.misc.get("truceline.speech_verbs.v1")()
    assert "say" in speech


def test_no_published_date(extractor):
    result = extractor.extract("Troops withdrew on March 3, 2025.", None)
    assert result.timex[0].value == "2025-03-03"


def test_empty_text(extractor):
    assert extractor.extract("", None) == Extraction()
    assert Extraction().to_json() == {key: [] for key in RESULT_KEYS}


def test_bad_input(extractor):
    with pytest.raises(ExtractionError):
        extractor.extract(b"bytes", None)  # type: ignore[arg-type]
    with pytest.raises(ExtractionError):
        extractor.extract("text", "not a date")


def test_model_name_resolution(monkeypatch):
    monkeypatch.setenv("TRUCELINE_SPACY_MODEL", "my_model")
    assert resolve_model_name() == "my_model"
    assert resolve_model_name("other") == "other"
    monkeypatch.delenv("TRUCELINE_SPACY_MODEL")
    assert resolve_model_name() in extract_pkg.MODEL_CANDIDATES


def test_missing_model_is_an_extraction_error():
    with pytest.raises(ExtractionError, match="cannot load"):
        Extractor(model="no_such_model_xyz")
