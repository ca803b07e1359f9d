"""Read and validate dossier YAML files, with errors that name file, line and field.

A file is a mapping whose keys name what it holds::

    agreement: {...}          # one agreement (field paths are given relative to it)
    sources:   [{...}, ...]
    events:    [{...}, ...]   # likewise statements, figures, proposals, responses
    disputes:  [{...}, ...]
    actors:    [{...}, ...]   # the register of actors (actors.yaml; docs/actors.md)
    format:    2              # the format the file is written in; absent: format 1

Every format-1 file reads unchanged under format 2 (docs/files.md says what
changed); a file written for a later format than this reader knows is refused
with its line, rather than half read.

Reading never touches the database: a whole folder is validated first, so a
bad file stops an import before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from truceline.agreement.checks import phase_problems
from truceline.agreement.patch_checks import target_problems
from truceline.agreement.patches import PatchError, held
from truceline.bounds import explain_limit
from truceline.errors import AgreementFileError, DossierFileError
from truceline.files.lines import Path, line_of, load_with_lines
from truceline.model import (
    RECORD_KINDS,
    Actor,
    Agreement,
    Dispute,
    Proposal,
    Record,
    Response,
    Source,
)

LIST_KEYS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "disputes": Dispute,
    **{f"{kind}s": cls for kind, cls in RECORD_KINDS.items()},
}
SINGLE_KEYS = {"agreement": Agreement}
FORMAT = 2
"""The dossier format this reader reads (and every earlier one) and the writer writes."""
RECORD_CLASSES = tuple(RECORD_KINDS.values())

Lookup = Callable[[str], object | None]
"""Finds an object by id in the store (``Store.get``), or None."""


@dataclass
class Origin:
    """Where an object was read from."""

    file: str
    path: Path
    lines: dict[Path, int] = field(repr=False)

    @property
    def line(self) -> int | None:
        return line_of(self.lines, self.path)

    def error(self, subpath: Path, message: str) -> DossierFileError:
        """An error at a field inside this object."""
        full = (*self.path, *subpath)
        return DossierFileError(self.file, line_of(self.lines, full), format_path(full), message)


@dataclass
class DossierContent:
    """Everything read from a folder of dossier files, in file order."""

    sources: list[Source] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    origins: dict[str, Origin] = field(default_factory=dict)
    actors: list[Actor] = field(default_factory=list)
    actor_origins: dict[str, Origin] = field(default_factory=dict)

    def add_actor(self, actor: Actor, origin: Origin) -> None:
        """An actor of the register: its id and every name it goes by name it alone."""
        if actor.id in self.actor_origins:
            first = self.actor_origins[actor.id]
            message = f"actor {actor.id!r} is already defined at {first.file}:{first.line}"
            raise origin.error(("id",), message)
        self.actor_origins[actor.id] = origin
        self.actors.append(actor)

    def objects(self) -> list[Source | Agreement | Record | Dispute]:
        """All objects in an order that satisfies references (sources first)."""
        return [*self.sources, *self.agreements, *self.records, *self.disputes]

    def add(self, obj: Source | Agreement | Record | Dispute, origin: Origin) -> None:
        if obj.id in self.origins:
            first = self.origins[obj.id]
            raise DossierFileError(
                origin.file,
                origin.line,
                "id",
                f"{obj.id!r} is already used at {first.file}:{first.line}",
            )
        self.origins[obj.id] = origin
        if isinstance(obj, Source):
            self.sources.append(obj)
        elif isinstance(obj, Agreement):
            self.agreements.append(obj)
        elif isinstance(obj, Dispute):
            self.disputes.append(obj)
        else:
            self.records.append(obj)


def read_dir(
    folder: FsPath, known_ids: set[str] | None = None, stored: Lookup | None = None
) -> DossierContent:
    """Read every ``*.yaml``/``*.yml`` file under a folder (sorted), validating all of it.

    ``known_ids`` are source ids already in the store, which records may refer to;
    ``stored`` finds other objects already there (see `check_references`).
    """
    folder = FsPath(folder)
    if not folder.is_dir():
        raise DossierFileError(str(folder), None, "", "not a folder")
    content = DossierContent()
    files = sorted(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())
    for path in files:
        read_file(path, content, display=str(path))
    check_references(content, known_ids, stored)
    return content


def read_file(
    path: FsPath, content: DossierContent | None = None, display: str | None = None
) -> DossierContent:
    """Read one file into ``content`` (a new one by default)."""
    content = content if content is not None else DossierContent()
    name = display or str(path)
    try:
        text = FsPath(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DossierFileError(name, None, "", f"not UTF-8 text ({exc.reason})") from exc
    try:
        data, lines = load_with_lines(text)
    except yaml.YAMLError as exc:
        line, problem = _yaml_problem(exc, text)
        raise DossierFileError(name, line, "", f"invalid YAML: {problem}") from exc
    if data is None:
        return content
    if not isinstance(data, dict):
        raise DossierFileError(
            name, 1, "", "expected a mapping with keys such as agreement, sources, events"
        )
    _check_format(name, data.get("format", 1), lines)
    for key, value in data.items():
        if key != "format":
            _read_key(name, key, value, lines, content)
    return content


def _check_format(name: str, given: Any, lines: dict[Path, int]) -> None:
    if isinstance(given, bool) or not isinstance(given, int) or given < 1:
        raise DossierFileError(
            name, line_of(lines, ("format",)), "format", f"expected 1 or 2, got {_show(given)}"
        )
    if given > FORMAT:
        message = f"written for format {given}; this truceline reads formats 1 to {FORMAT}"
        raise DossierFileError(name, line_of(lines, ("format",)), "format", message)


def _yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """The line and the one-line problem of a YAML error (the reader's carry no mark)."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        return line, f"unacceptable character U+{exc.character:04X}"
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return (mark.line + 1 if mark else None), str(exc.problem or exc.context)
    return None, str(exc).splitlines()[0]


def _read_key(
    name: str, key: Any, value: Any, lines: dict[Path, int], content: DossierContent
) -> None:
    if key in SINGLE_KEYS:
        obj = _validate(Agreement, value, name, lines, (key,), strip=1, error=AgreementFileError)
        content.add(obj, Origin(name, (key,), lines))
        return
    if key == "actors":
        if not isinstance(value, list):
            raise DossierFileError(name, line_of(lines, (key,)), key, "expected a list")
        for i, item in enumerate(value):
            actor = _validate(Actor, item, name, lines, (key, i))
            content.add_actor(actor, Origin(name, (key, i), lines))
        return
    if key not in LIST_KEYS:
        known = ", ".join(["format", "agreement", *LIST_KEYS, "actors"])
        raise DossierFileError(
            name, line_of(lines, (key,)), str(key), f"unknown section; expected one of {known}"
        )
    if not isinstance(value, list):
        raise DossierFileError(name, line_of(lines, (key,)), str(key), "expected a list")
    cls = LIST_KEYS[key]
    for i, item in enumerate(value):
        if isinstance(item, dict) and cls in RECORD_KINDS.values():
            item = {"kind": key[:-1], **item}
        obj = _validate(cls, item, name, lines, (key, i))
        content.add(obj, Origin(name, (key, i), lines))


def _validate(
    cls: type[BaseModel],
    value: Any,
    name: str,
    lines: dict[Path, int],
    prefix: Path,
    strip: int = 0,
    error: type[DossierFileError] = DossierFileError,
) -> Any:
    try:
        return cls.model_validate(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        path = (*prefix, *first["loc"])
        raise error(name, line_of(lines, path), format_path(path[strip:]), explain(first)) from exc


def format_path(path: Path) -> str:
    """``("obligations", 3, "target")`` → ``obligations[3].target``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def explain(error: Any) -> str:
    """A pydantic error as a short sentence that shows what was given."""
    kind, given = error["type"], error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"}:
        return f"expected a number, got {_show(given)}"
    limit = explain_limit(error)
    if limit is not None:
        return limit if isinstance(given, str | None) else f"{limit}, got {_show(given)}"
    if kind in {"enum", "literal_error"}:
        expected = error["ctx"].get("expected", "one of the allowed values")
        return f"expected {expected}, got {_show(given)}"
    message = str(error["msg"])
    message = message.removeprefix("Value error, ")
    return message + (f", got {_show(given)}" if _scalar(given) and "got " not in message else "")


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def _show(value: Any, limit: int = 60) -> str:
    """A given value, shortened: an error message stays one readable line."""
    shown = f'"{value}"' if isinstance(value, str) else repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def check_references(
    content: DossierContent, known_ids: set[str] | None = None, stored: Lookup | None = None
) -> None:
    """Every reference must name an object of the right kind, in the files or the store.

    Evidence names a source (in the files or ``known_ids``); a dispute side names
    records, a response its proposal (and counter-proposal), a proposal the one it
    answers or supersedes, a record the continuing state it ``ends``, an amendment
    its agreement — those are also looked up with ``stored`` (the store's ``get``).
    An amendment is then checked against the versions it amends (`_check_amendment`).
    """
    sources = {s.id for s in content.sources} | (known_ids or set())
    for record in content.records:
        for i, ev in enumerate(record.sources):
            if ev.source not in sources:
                origin = content.origins[record.id]
                raise origin.error(("sources", i, "source"), f"unknown source {ev.source!r}")
    in_files: dict[str, object] = {obj.id: obj for obj in content.objects()}

    def find(ref: str) -> object | None:
        return in_files.get(ref) or (stored(ref) if stored else None)

    for owner, subpath, ref, kinds, noun in _links(content):
        if not isinstance(find(ref), kinds):
            message = f"no {noun} {ref!r} in the files or the dossier"
            raise content.origins[owner].error(subpath, message)
    for agreement in content.agreements:
        if agreement.amends:
            _check_amendment(agreement, content.origins[agreement.id], find)


def _check_amendment(agreement: Agreement, origin: Origin, find: Lookup) -> None:
    """An amendment against the versions it amends: the chain does not loop back, a
    patch names what the amended version holds, and the phases it names exist there.

    These need the amended versions, which the agreement cannot see when it
    validates itself; left unchecked they would surface only when the ledger is
    evaluated, long after the import.
    """
    chain = _amended(agreement, find)
    if chain is None:
        message = f"{agreement.amends!r} leads back to {agreement.id!r}: amendments cannot loop"
        raise origin.error(("amends",), message)
    if agreement.patches:
        try:
            before = {o.id for o in held(chain)[-1]} if chain else set()
        except PatchError as exc:
            raise origin.error(("amends",), f"the amended version is invalid: {exc}") from exc
        for subpath, message in target_problems(agreement, before):
            raise origin.error(subpath, message)
    if not agreement.phases:
        phases = next((a.phases for a in reversed(chain) if a.phases), [])
        for subpath, message in phase_problems(agreement, {p.id for p in phases}):
            raise origin.error(subpath, message)


def _amended(agreement: Agreement, find: Lookup) -> list[Agreement] | None:
    """The versions an amendment amends, oldest first; None when the chain loops."""
    chain: list[Agreement] = []
    seen = {agreement.id}
    ref = agreement.amends
    while ref:
        if ref in seen:
            return None
        found = find(ref)
        if not isinstance(found, Agreement):
            break
        chain.append(found)
        seen.add(ref)
        ref = found.amends
    return chain[::-1]


Link = tuple[str, Path, str, tuple[type, ...], str]
"""A reference: owner id, path of the field, the id named, the kinds it may name, their noun."""


def _links(content: DossierContent) -> Iterator[Link]:
    """Every reference between objects other than evidence."""
    for record in content.records:
        if record.ends:
            yield record.id, ("ends",), record.ends, RECORD_CLASSES, "record"
        if isinstance(record, Response):
            yield record.id, ("proposal",), record.proposal, (Proposal,), "proposal"
            if record.counter_proposal:
                ref = record.counter_proposal
                yield record.id, ("counter_proposal",), ref, (Proposal,), "proposal"
        if isinstance(record, Proposal):
            for key in ("answers", "supersedes"):
                ref = getattr(record, key)
                if ref:
                    yield record.id, (key,), ref, (Proposal,), "proposal"
    for dispute in content.disputes:
        for i, side in enumerate(dispute.sides):
            for j, ref in enumerate(side.records):
                yield dispute.id, ("sides", i, "records", j), ref, RECORD_CLASSES, "record"
    for agreement in content.agreements:
        if agreement.amends:
            yield agreement.id, ("amends",), agreement.amends, (Agreement,), "agreement"
