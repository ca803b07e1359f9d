"""`extract_chunk`, in-process: one file the extractor fails on costs only that file."""

from __future__ import annotations

import pytest

from truceline.batch import worker
from truceline.errors import ExtractionError
from truceline.extract import Extractor

from .conftest import DAY1, TEXTS


class Picky(Extractor):
    """The session's pipeline, failing on one text as a broken document would."""

    def make_doc(self, text, published=None):
        if "BROKEN" in text:
            raise ExtractionError("cannot tokenize this one")
        return super().make_doc(text, published)


@pytest.fixture
def picky(extractor, monkeypatch):
    cache = {(None, DAY1.isoformat()): Picky(agreement_day1=DAY1, nlp=extractor.nlp)}
    monkeypatch.setattr(worker._local, "extractors", cache, raising=False)
    return cache


def test_one_bad_document_fails_alone(tmp_path, picky, extractor) -> None:
    chunk = []
    for name, text in [
        ("a.txt", TEXTS["aid-trucks.txt"]),
        ("b.txt", "BROKEN\n"),
        ("c.txt", TEXTS["weekend-swap.txt"]),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        chunk.append((name, str(tmp_path / name), "2025-02-06"))
    result = worker.extract_chunk(chunk, None, DAY1.isoformat())
    assert result.tables["failures"].to_pylist() == [
        {"file": "b.txt", "error": "b.txt: cannot tokenize this one"}
    ]
    assert [r["file"] for r in result.tables["files"].to_pylist()] == ["a.txt", "c.txt"]
    expected = extractor.extract(TEXTS["weekend-swap.txt"], "2025-02-06").to_json()["figures"]
    got = [r for r in result.tables["figures"].to_pylist() if r.pop("file") == "c.txt"]
    assert got == expected
