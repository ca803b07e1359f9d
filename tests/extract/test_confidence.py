"""truceline.extract.confidence: confidences looked up in the packaged calibration table."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from truceline.extract import Extractor
from truceline.extract import confidence as conf
from truceline.ingest import candidates, make_source
from truceline.ingest._options import IngestOptions
from truceline.mentions import FigureMention
from truceline.model import Statement
from truceline.vocab import FigureCategory, Qualifier

REPORT = (
    "Talks resume after a week of strikes\n"
    "Lena Brandt, the mediator, said on Tuesday: “Both delegations are back at the table.”\n"
    "The two sides met in Muscat on 3 March 2025, and 14 people were killed in shelling "
    "overnight.\n"
    "“Nobody here wants another month of this.”\n"
)
"""A report written for these tests: a quote with its speaker named in the
clause, then a quote standing alone, which falls back to the previous speaker."""

NAMED = "Both delegations are back at the table."
FALLBACK = "Nobody here wants another month of this."


@pytest.fixture(scope="module")
def report(extractor: Extractor):
    return extractor.extract(REPORT, published="2025-03-04")


def quote(result, words: str):
    return next(q for q in result.quotes if q.text == words)


def test_the_table_is_package_data_fitted_for_every_kind() -> None:
    raw = resources.files("truceline.extract").joinpath(conf.TABLE_FILE).read_text("utf-8")
    assert "bench/calibrate.py --fit" in json.loads(raw)["about"]
    table = conf.table()
    assert set(table) == {"quotes", "timex", "figures"}
    values = [v for kind in table.values() for v in kind.values()]
    assert values and all(0.0 <= v <= 1.0 for v in values)


def test_the_longest_known_prefix_gives_the_confidence(monkeypatch) -> None:
    fitted = {"quotes": {"governs": 0.8, "governs|name": 0.95}}
    monkeypatch.setattr(conf, "table", lambda: fitted)
    assert conf.calibrated("quotes", "governs|name|direct", 0.5) == 0.95
    assert conf.calibrated("quotes", "governs|pronoun|direct", 0.5) == 0.8
    # a rule the table has never seen keeps its own estimate, kept within [0, 1]
    assert conf.calibrated("quotes", "signature|name", 0.66) == 0.66
    assert conf.calibrated("timex", "iso|year", 1.05) == 1.0


def test_every_item_gets_a_confidence_within_bounds_and_a_basis(report) -> None:
    items = [*report.quotes, *report.timex, *report.figures]
    assert report.quotes and report.timex and report.figures
    assert all(i.confidence is not None and 0.0 <= i.confidence <= 1.0 for i in items)
    assert all(i.basis for i in [*report.quotes, *report.timex])


def test_a_named_speaker_scores_higher_than_a_fallback_speaker(report) -> None:
    named, fallback = quote(report, NAMED), quote(report, FALLBACK)
    assert named.speaker == fallback.speaker == "Lena Brandt"
    assert named.basis.split("|")[1] == "name"
    assert fallback.basis.startswith("previous|")
    assert named.confidence > fallback.confidence


def test_a_year_named_in_the_date_scores_at_least_a_bare_weekday(report) -> None:
    dated = next(t for t in report.timex if t.text == "3 March 2025")
    assert dated.basis.split("|")[:2] == ["year", "dmy"]
    assert dated.confidence >= next(t for t in report.timex if t.text == "Tuesday").confidence


def test_figures_are_calibrated_by_what_their_mention_says(monkeypatch) -> None:
    figure = FigureMention(
        "14 people", 0, 9, 14, Qualifier.EXACT, FigureCategory.KILLED, "people", 0.85
    )
    assert conf.figure_basis(figure) == "noun|killed|exact|who"
    monkeypatch.setattr(conf, "table", lambda: {"figures": {"noun|killed": 0.97}})
    assert conf.with_figure_confidence(figure).confidence == 0.97


def test_the_json_interface_keeps_its_shape(report) -> None:
    assert list(quote(report, NAMED).to_json()) == [
        "text", "start", "end", "speaker", "affiliation", "kind", "confidence", "cue"
    ]  # fmt: skip
    assert "basis" not in report.timex[0].to_json()


def test_auto_accept_keeps_the_named_quote_and_not_the_fallback(report) -> None:
    source = make_source(REPORT, IngestOptions(), published="2025-03-04")
    records = candidates(report, source, auto_accept=0.9).records
    states = {r.quote: r.state for r in records if isinstance(r, Statement)}
    assert states[NAMED] == "accepted"
    assert states[FALLBACK] == "candidate"
    for record in records:
        assert (record.state == "accepted") == (record.confidence >= 0.9)
