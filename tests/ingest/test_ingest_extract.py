"""End to end: ingest with the real extractor (truceline.extract, spaCy)."""

from __future__ import annotations

from pathlib import Path

from truceline.app import Dossier
from truceline.ingest import IngestOptions
from truceline.model import Agreement, Figure, Source, Statement


def test_ingest_with_the_real_extractor(dossier: Dossier, fixtures: Path) -> None:
    with dossier.store.writer("test") as writer:
        writer.put(
            Agreement(id="truce", title="Truce", parties=["Israel", "Hamas"], in_force="2025-01-19")
        )
    inputs = [fixtures / "truce-first-day.txt", fixtures / "truce-aid.html"]
    report = dossier.ingest(inputs, IngestOptions(outlet="Gulf Desk"))  # default extractor
    assert report.new == 2 and report.candidates > 0

    records = dossier.store.records()
    assert len(records) == report.candidates
    kinds = {r.kind for r in records}
    assert {"statement", "figure"} <= kinds
    for record in records:
        [evidence] = record.sources
        source = dossier.store.get(evidence.source)
        assert isinstance(source, Source) and source.text is not None
        assert evidence.start is not None and evidence.end is not None
        assert evidence.text and source.text[evidence.start : evidence.end] in evidence.text
        if isinstance(record, Statement):
            assert source.text[evidence.start : evidence.end] == record.quote
        assert record.state == "candidate" and record.confidence is not None

    quotes = [r.quote for r in records if isinstance(r, Statement)]
    assert "This is the first step, and it must not be the last," in quotes
    trucks = [r for r in records if isinstance(r, Figure) and r.metric == "aid_trucks"]
    assert {(f.value, f.qualifier) for f in trucks} >= {(630.0, "at_least")}

    again = dossier.ingest(inputs)
    assert again.duplicates == 2 and again.candidates == 0
    assert len(dossier.store.records()) == len(records)
