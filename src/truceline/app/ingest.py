"""One ingest run: read the inputs, drop duplicates, extract, store — all or nothing.

Reading and extraction happen before the database is touched; everything is
then written in one transaction, so a failure anywhere leaves the dossier as
it was. A document that cannot be read (a hostile page, a bad JSONL line, a
refused URL) is reported as skipped and the run goes on without it; a run in
which nothing could be read is refused with the first reason. A source already
in the dossier (same canonical URL or same text) is a
duplicate: it is neither stored again nor extracted again. A candidate whose id
is already stored is left as it is, so re-ingesting never undoes a review.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from truceline.agreement.chains import first_day_one
from truceline.app import reconciling
from truceline.app.actors import Actors
from truceline.dates import first_day
from truceline.errors import ExtractionError, IngestError
from truceline.ingest import IngestOptions, candidates, check_given, read_input
from truceline.mentions import Extraction
from truceline.model import Event, Record, ReviewState, Source, Statement
from truceline.reconcile.register import Register
from truceline.store import Store

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``; stages: reading, extracting, writing."""


class Extractor(Protocol):
    """What ingest needs of ``truceline.extract.Extractor``."""

    def extract_many(
        self, docs: Iterable[tuple[str, dt.date | None]]
    ) -> Iterator[Extraction | Mapping[str, Any]]: ...


@dataclass
class SourceOutcome:
    """What happened to one source read from the inputs."""

    input: str
    id: str
    status: Literal["new", "duplicate", "skipped"]
    outlet: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    duplicate_of: str | None = None
    candidates: int = 0
    reason: str | None = None  # why a skipped document could not be read


@dataclass
class IngestReport:
    """Sources new and duplicate, and the candidate records an ingest run stored."""

    sources: list[SourceOutcome] = field(default_factory=list)
    candidates: int = 0  # records created as candidates
    accepted: int = 0  # ... of which auto-accepted
    existing: int = 0  # extracted again but already stored: left as they were
    skipped: int = 0  # extracted items that could not make a valid record

    @property
    def new(self) -> int:
        return sum(1 for s in self.sources if s.status == "new")

    @property
    def duplicates(self) -> int:
        return sum(1 for s in self.sources if s.status == "duplicate")

    @property
    def skipped_documents(self) -> int:
        return sum(1 for s in self.sources if s.status == "skipped")

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": [asdict(s) for s in self.sources],
            "new": self.new,
            "duplicates": self.duplicates,
            "skipped_documents": self.skipped_documents,
            "candidates": self.candidates,
            "accepted": self.accepted,
            "existing": self.existing,
            "skipped": self.skipped,
        }


class Ingesting(Actors):
    """The ingest use case of a ``Dossier`` (a mixin: ``self.store`` is the dossier's)."""

    store: Store

    def ingest(
        self,
        inputs: Sequence[str | Path],
        options: IngestOptions | None = None,
        by: str = "ingest",
        progress: Progress | None = None,
        extractor: Extractor | None = None,
    ) -> IngestReport:
        """Read ``inputs`` (files, folders, URLs) into the dossier as sources and candidates.

        ``extractor`` defaults to ``truceline.extract.Extractor`` (loaded only when
        ``options.extract`` is true), with day 1 from the dossier's earliest agreement.
        """
        options = options or IngestOptions()
        check_given(inputs, options)
        report = IngestReport()
        tick = progress or (lambda stage, done, total: None)

        read = _read_all(inputs, options, report, tick)

        new: list[Source] = []
        by_id: dict[str, str] = {}
        by_hash: dict[str, str] = {}
        for item, source in read:
            original = (
                by_id.get(source.id)
                or by_hash.get(source.content_hash or "")
                or self.store.duplicate_of(source)
            )
            report.sources.append(
                SourceOutcome(
                    input=item,
                    id=source.id,
                    status="duplicate" if original else "new",
                    outlet=source.outlet,
                    title=source.title,
                    url=source.url,
                    published=source.published,
                    duplicate_of=original,
                )
            )
            if original is None:
                new.append(source)
                by_id[source.id] = source.id
                if source.content_hash:
                    by_hash[source.content_hash] = source.id

        records: dict[str, list[Record]] = {s.id: [] for s in new}
        renamed: dict[str, str] = {}  # record id → the note of its names resolved
        if options.extract and new:
            register = self.register()
            extractor = extractor or _default_extractor(self.store)
            docs = ((s.text or "", _day(s.published)) for s in new)
            for done, (source, result) in enumerate(
                zip(new, extractor.extract_many(docs), strict=True), start=1
            ):
                converted = candidates(result, source, auto_accept=options.auto_accept)
                records[source.id] = [_resolve(r, register, renamed) for r in converted.records]
                report.skipped += converted.skipped
                tick("extracting", done, len(new))

        outcomes = {s.id: s for s in report.sources if s.status == "new"}
        total = len(new) + sum(len(r) for r in records.values())
        done = 0
        with self.store.writer(by) as writer:
            for source in new:
                done += 1
                original = writer.duplicate_of(source)
                if original is not None:  # a concurrent run stored it after we read
                    outcomes[source.id].status = "duplicate"
                    outcomes[source.id].duplicate_of = original
                    done += len(records[source.id])
                    continue
                writer.put(source, note="ingested")
                for record in records[source.id]:
                    done += 1
                    if writer.get(record.id) is not None:
                        report.existing += 1
                        continue
                    auto = record.state == ReviewState.ACCEPTED
                    candidate = record.model_copy(update={"state": ReviewState.CANDIDATE.value})
                    note = f"extracted from {source.id}" + renamed.get(record.id, "")
                    writer.put(candidate, note=note)
                    if auto:
                        writer.set_state(
                            record.id,
                            ReviewState.ACCEPTED,
                            note=f"auto-accepted: confidence {record.confidence:g} "
                            f">= {options.auto_accept:g}",
                        )
                        report.accepted += 1
                    report.candidates += 1
                    outcomes[source.id].candidates += 1
                tick("writing", done, total)
        tick("reconciling", 0, 1)
        reconciling.reconcile(self.store)  # the new records against their neighbours only
        tick("reconciling", 1, 1)
        return report


def _read_all(
    inputs: Sequence[str | Path],
    options: IngestOptions,
    report: IngestReport,
    tick: Progress,
) -> list[tuple[str, Source]]:
    """Every source the inputs hold; what cannot be read is added to ``report`` as skipped.

    Raises the first reason when nothing at all could be read: a run of only bad
    input is a usage error, not an empty success.
    """
    read: list[tuple[str, Source]] = []
    errors: list[IngestError] = []
    for done, item in enumerate(inputs, start=1):
        first = len(errors)
        try:
            for source in read_input(item, options, on_skip=errors.append):
                read.append((str(item), source))
        except IngestError as exc:
            errors.append(exc)
        report.sources.extend(
            SourceOutcome(input=str(item), id="", status="skipped", outlet="", reason=str(exc))
            for exc in errors[first:]
        )
        tick("reading", done, len(inputs))
    if errors and not read:
        raise errors[0]
    return read


def _default_extractor(store: Store) -> Extractor:
    try:
        from truceline.extract import Extractor as SpacyExtractor  # slow: loads spaCy
    except ImportError as exc:
        raise ExtractionError(
            f"the extractor is not available ({exc}); ingest with --no-extract"
        ) from exc
    return SpacyExtractor(agreement_day1=first_day_one(store.agreements()))


def _day(published: str | None) -> dt.date | None:
    return first_day(published) if published and len(published) == 10 else None


def _resolve(record: Record, register: Register, renamed: dict[str, str]) -> Record:
    """The record with its actor names replaced by the register's canonical names.

    The original words go to ``renamed`` (for the revision note), keyed by record id.
    """
    update: dict[str, Any] = {}
    if isinstance(record, Statement):
        for key in ("speaker", "affiliation"):
            name = getattr(record, key)
            if name and register.canonical(name) != name:
                update[key] = register.canonical(name)
    elif isinstance(record, Event):
        for key in ("actors", "targets"):
            names: list[str] = getattr(record, key)
            canonical = list(dict.fromkeys(register.canonical(n) for n in names))
            if canonical != names:
                update[key] = canonical
    if not update:
        return record
    words = [f"{getattr(record, k)!r} → {v!r}" for k, v in update.items()]
    renamed[record.id] = "; names resolved: " + ", ".join(words)
    return record.model_copy(update=update)
