"""A CRLF file: `truceline extract` and `truceline ingest` read the same text, so
an extracted span slices the stored Source exactly as it slices the extract output."""

from __future__ import annotations

from pathlib import Path

from truceline.extract import Extractor
from truceline.ingest import IngestOptions, candidates, read_input
from truceline.model import Statement
from truceline.text import read_text

REPORT = (
    "Truce holds on its second day\n"
    '"We will keep our side of the deal," a Hamas official said on Monday.\n'
    "Israel released 90 prisoners, the prison service said.\n"
)


def test_crlf_offsets_agree(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-8"))
    [source] = read_input(path, IngestOptions())
    extracted = read_text(path)  # what `truceline extract FILE` reads and slices
    assert source.text == extracted == REPORT

    extraction = Extractor().extract(extracted, "2025-01-20")
    [quote] = [q for q in extraction.quotes if q.kind == "direct"]
    assert extracted[quote.start : quote.end] == "We will keep our side of the deal,"

    records = candidates(extraction, source).records
    [statement] = [r for r in records if isinstance(r, Statement) and r.mode == "direct"]
    [evidence] = statement.sources
    assert (evidence.start, evidence.end) == (quote.start, quote.end)
    assert source.text[evidence.start : evidence.end] == statement.quote
    assert evidence.text == '"We will keep our side of the deal," a Hamas official said on Monday.'
