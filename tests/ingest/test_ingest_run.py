"""truceline.ingest.ingest: a whole run into a dossier, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from truceline.agreement.chains import first_day_one
from truceline.app import Dossier
from truceline.errors import ExtractionError, IngestError
from truceline.ingest import IngestOptions
from truceline.model import Agreement
from truceline.store import schema
from truceline.store.store import Writer

QUOTE = re.compile(r"[\"“]([^\"”]+)[\"”]")
NUMBER = re.compile(r"\b\d+\b")


class FakeExtractor:
    """Finds the first quotation and the first number of each text; records what it saw."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, dt.date | None]] = []

    def extract_many(self, docs: Iterable[tuple[str, dt.date | None]]) -> Iterator[dict[str, Any]]:
        for text, published in docs:
            self.seen.append((text, published))
            out: dict[str, Any] = {"quotes": [], "figures": [], "events": [], "timex": []}
            if match := QUOTE.search(text):
                out["quotes"].append(
                    {
                        "text": match.group(1),
                        "start": match.start(1),
                        "end": match.end(1),
                        "speaker": "an official",
                        "kind": "direct",
                        "confidence": 0.9,
                    }
                )
            if match := NUMBER.search(text):
                out["figures"].append(
                    {
                        "text": match.group(),
                        "start": match.start(),
                        "end": match.end(),
                        "value": int(match.group()),
                        "category": "other",
                        "confidence": 0.4,
                    }
                )
            yield out


@pytest.fixture
def dossier(tmp_path: Path, db_url: str) -> Iterator[Dossier]:
    with Dossier.init(tmp_path / "dossier", db_url) as opened:
        yield opened


def table_counts(dossier: Dossier) -> dict[str, int]:
    with dossier.store.engine.connect() as conn:
        return {
            t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for t in (schema.sources, schema.records, schema.record_sources, schema.revisions)
        }


def test_every_kind_into_the_dossier(dossier: Dossier, fixtures: Path) -> None:
    inputs = [
        fixtures / n
        for n in ("truce-first-day.txt", "truce-aid.html", "articles.jsonl", "pages.warc.gz")
    ]
    extractor = FakeExtractor()
    report = dossier.ingest(inputs, extractor=extractor)
    assert report.new == 5 and report.duplicates == 0
    assert {s.id for s in dossier.store.sources()} == {s.id for s in report.sources}
    records = dossier.store.records()
    assert report.candidates == len(records) > 0
    assert {r.state for r in records} == {"candidate"}
    assert sum(s.candidates for s in report.sources) == report.candidates
    # the published date goes to the extractor as a date
    assert dt.date(2025, 1, 21) in [published for _, published in extractor.seen]
    for record in records:
        [evidence] = record.sources
        source = dossier.store.get(evidence.source)
        assert source.text[evidence.start : evidence.end] in (  # type: ignore[union-attr]
            getattr(record, "quote", None),
            f"{getattr(record, 'value', 0):g}",
        )


def test_reingesting_changes_nothing(dossier: Dossier, fixtures: Path) -> None:
    inputs = [fixtures / "truce-first-day.txt", fixtures / "articles.jsonl"]
    dossier.ingest(inputs, extractor=FakeExtractor())
    before = table_counts(dossier)
    report = dossier.ingest(inputs, extractor=FakeExtractor())
    assert report.new == 0 and report.duplicates == 3 and report.candidates == 0
    assert table_counts(dossier) == before


def test_duplicates_by_content_and_by_url(dossier: Dossier, fixtures: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy-of-first-day.txt"
    shutil.copy(fixtures / "truce-first-day.txt", copy)
    other_url = tmp_path / "same-url.jsonl"
    other_url.write_text(
        '{"text": "A different wording of the same report.", '
        '"url": "https://NEWS.example.org/mideast/second-exchange/?fbclid=zz", "outlet": "X"}\n'
    )
    extractor = FakeExtractor()
    report = dossier.ingest(
        [fixtures / "truce-first-day.txt", copy, fixtures / "articles.jsonl", other_url],
        extractor=extractor,
    )
    statuses = [(Path(s.input).name, s.status) for s in report.sources]
    assert statuses == [
        ("truce-first-day.txt", "new"),
        ("copy-of-first-day.txt", "duplicate"),
        ("articles.jsonl", "new"),
        ("articles.jsonl", "new"),
        ("same-url.jsonl", "duplicate"),
    ]
    assert report.sources[1].duplicate_of == report.sources[0].id
    assert report.sources[4].duplicate_of == report.sources[2].id
    assert len(extractor.seen) == 3  # duplicates are not extracted
    assert len(dossier.store.sources()) == 3


def test_auto_accept_keeps_the_machine_decision_in_history(
    dossier: Dossier, fixtures: Path
) -> None:
    report = dossier.ingest(
        [fixtures / "truce-first-day.txt"],
        IngestOptions(auto_accept=0.8),
        by="nightly",
        extractor=FakeExtractor(),
    )
    assert report.candidates == 2 and report.accepted == 1
    accepted = dossier.store.records(states=("accepted",))
    assert [r.kind for r in accepted] == ["statement"]
    history = dossier.store.history(accepted[0].id)
    assert [(h.action, h.by) for h in history] == [("create", "nightly"), ("accept", "nightly")]
    assert history[1].note == "auto-accepted: confidence 0.9 >= 0.8"
    assert [r.kind for r in dossier.store.records(states=("candidate",))] == ["figure"]


def test_no_extract(dossier: Dossier, fixtures: Path) -> None:
    report = dossier.ingest([fixtures / "truce-aid.html"], IngestOptions(extract=False))
    assert report.new == 1 and report.candidates == 0
    assert dossier.store.records() == []


def test_only_bad_input_is_refused_and_writes_nothing(dossier: Dossier, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(IngestError, match="empty.txt: empty input"):
        dossier.ingest([empty], extractor=FakeExtractor())
    assert dossier.store.sources() == []


def test_a_bad_document_is_skipped_and_the_rest_stored(
    dossier: Dossier, fixtures: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    lines = tmp_path / "a.jsonl"
    good = {"text": "The truce held overnight, officials said."}
    lines.write_text(
        json.dumps({"text": "Port.", "url": "https://a.example:99999/"})
        + "\n"
        + json.dumps(good)
        + '\n{"text": "\\ud800"}\n'
    )
    inputs = [fixtures / "truce-first-day.txt", empty, lines]
    report = dossier.ingest(inputs, extractor=FakeExtractor())
    assert [(s.input, s.status) for s in report.sources] == [
        (str(empty), "skipped"),
        (str(lines), "skipped"),
        (str(lines), "skipped"),
        (str(fixtures / "truce-first-day.txt"), "new"),
        (str(lines), "new"),
    ]
    reasons = [s.reason for s in report.sources if s.reason]
    assert reasons == [
        f"{empty}: empty input",
        f"{lines}:1: url: Port out of range 0-65535",
        f"{lines}:3: text: text must not contain a lone surrogate",
    ]
    assert report.skipped_documents == 3 and report.new == 2
    assert len(dossier.store.sources()) == 2


def test_a_crash_while_writing_leaves_the_dossier_as_before(
    dossier: Dossier, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier.ingest([fixtures / "truce-first-day.txt"], extractor=FakeExtractor())
    before = table_counts(dossier)
    real_put = Writer.put
    calls = 0

    def failing_put(self: Writer, obj: Any, note: str | None = None) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:  # source, figure, then the second source
            raise RuntimeError("disk full")
        return real_put(self, obj, note=note)

    monkeypatch.setattr(Writer, "put", failing_put)
    with pytest.raises(RuntimeError, match="disk full"):
        dossier.ingest([fixtures / "articles.jsonl"], extractor=FakeExtractor())
    assert table_counts(dossier) == before


def test_extractor_failure_writes_nothing(dossier: Dossier, fixtures: Path) -> None:
    class Broken:
        def extract_many(self, docs: Iterable[Any]) -> Iterator[dict[str, Any]]:
            raise ExtractionError("model not installed")
            yield {}

    with pytest.raises(ExtractionError):
        dossier.ingest([fixtures / "truce-first-day.txt"], extractor=Broken())
    assert table_counts(dossier)["sources"] == 0


def test_missing_extractor_is_a_clear_error(
    dossier: Dossier, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "truceline.extract", None)
    with pytest.raises(ExtractionError, match="--no-extract"):
        dossier.ingest([fixtures / "truce-first-day.txt"])


def test_progress_is_reported(dossier: Dossier, fixtures: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    dossier.ingest(
        [fixtures / "truce-first-day.txt", fixtures / "articles.jsonl"],
        extractor=FakeExtractor(),
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    assert ("reading", 2, 2) in seen and ("extracting", 3, 3) in seen
    writing = [s for s in seen if s[0] == "writing"]
    assert writing and writing[-1][1] == writing[-1][2]
    assert seen[-1] == ("reconciling", 1, 1)  # the new records against their neighbours


def test_day_one_from_the_first_agreement(dossier: Dossier) -> None:
    assert first_day_one(dossier.store.agreements()) is None
    with dossier.store.writer("test") as writer:
        writer.put(Agreement(id="truce", title="Truce", parties=["A", "B"], in_force="2025-01-19"))
        writer.put(
            Agreement(
                id="truce-2",
                title="Extension",
                parties=["A", "B"],
                in_force="2025-03-01",
                amends="truce",
            )
        )
    assert first_day_one(dossier.store.agreements()) == dt.date(2025, 1, 19)


def test_a_bad_file_in_a_folder_is_skipped(
    dossier: Dossier, fixtures: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes((fixtures / "truce-first-day.txt").read_bytes())
    (folder / "b.html").write_bytes(b"<html><body><p>too short</p></body></html>")
    report = dossier.ingest([folder], extractor=FakeExtractor())
    assert [(s.status, s.reason) for s in report.sources] == [
        ("skipped", f"{folder / 'b.html'}: no article text found in the HTML"),
        ("new", None),
    ]
