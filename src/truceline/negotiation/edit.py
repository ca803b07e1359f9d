"""Editing proposals from the command line: add from a YAML file, set fields by path.

``--set terms[0].living=5`` reads the value as YAML (so ``5`` is a number,
``[a, b]`` a list, ``null`` clears the field); ``terms[+]={type: talks, phase: "2"}``
appends. The edited proposal is validated as a whole before anything is written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from truceline.errors import NegotiationError
from truceline.files import DossierContent, read_file
from truceline.files.lines import load_with_lines
from truceline.files.reader import Lookup, check_references, explain, format_path
from truceline.model import Proposal, Record, Response

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+|\+)\]")


def parse_path(path: str) -> list[str | int]:
    """``terms[0].living`` → ["terms", 0, "living"]; ``[+]`` appends (as -1)."""
    steps: list[str | int] = []
    pos = 0
    for part in path.split("."):
        pos = 0
        if not part:
            raise NegotiationError(f"bad field path {path!r}")
        while pos < len(part):
            m = _STEP.match(part, pos)
            if not m:
                raise NegotiationError(f"bad field path {path!r}")
            if m.group(1):
                steps.append(m.group(1))
            else:
                steps.append(-1 if m.group(2) == "+" else int(m.group(2)))
            pos = m.end()
    return steps


def apply_set(data: dict[str, Any], assignment: str) -> None:
    """Apply one ``path=value`` to the JSON form of an object, in place."""
    if "=" not in assignment:
        raise NegotiationError(f"expected field=value, got {assignment!r}")
    path, raw = assignment.split("=", 1)
    steps = parse_path(path.strip())
    try:
        value = load_with_lines(raw)[0] if raw.strip() else None  # bounded, like files
    except yaml.YAMLError as exc:
        raise NegotiationError(f"{path}: cannot read value {raw!r} as YAML") from exc
    target: Any = data
    for i, step in enumerate(steps[:-1]):
        nxt = steps[i + 1]
        if isinstance(step, str):
            if not isinstance(target, dict):
                raise NegotiationError(f"{path}: {step!r} is not a field here")
            target = target.setdefault(step, [] if isinstance(nxt, int) else {})
        else:
            if not isinstance(target, list):
                raise NegotiationError(f"{path}: not a list")
            if step == -1:
                target.append({})
                target = target[-1]
            elif step >= len(target):
                raise NegotiationError(
                    f"{path}: index {step} is out of range ({len(target)} items)"
                )
            else:
                target = target[step]
    last = steps[-1]
    if isinstance(last, str):
        if not isinstance(target, dict):
            raise NegotiationError(f"{path}: {last!r} is not a field here")
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    else:
        if not isinstance(target, list):
            raise NegotiationError(f"{path}: not a list")
        if last == -1:
            target.append(value)
        elif last >= len(target):
            raise NegotiationError(f"{path}: index {last} is out of range ({len(target)} items)")
        elif value is None:
            del target[last]
        else:
            target[last] = value


def edited(proposal: Proposal, assignments: list[str]) -> Proposal:
    """The proposal with every assignment applied, validated; the id cannot change."""
    data = proposal.model_dump(mode="json", exclude_none=True)
    for assignment in assignments:
        apply_set(data, assignment)
    if data.get("id") != proposal.id:
        raise NegotiationError("the id of a proposal cannot be changed")
    try:
        return Proposal.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise NegotiationError(f"{format_path(tuple(first['loc']))}: {explain(first)}") from exc


def read_negotiation_file(
    path: Path, known_sources: set[str], stored: Lookup | None = None
) -> list[Record]:
    """Proposals and responses from one dossier YAML file, validated (file:line:field
    on error); sources may be defined in the file or be among ``known_sources``, and a
    response's proposal in the file or found by ``stored`` (the store's ``get``): the
    caller reads the store, so this module never opens one."""
    content = read_file(Path(path), DossierContent(), display=str(path))
    others = [r for r in content.records if not isinstance(r, Proposal | Response)]
    if others or content.agreements or content.disputes:
        raise NegotiationError(
            f"{path}: expected only sources, proposals and responses in a proposal file"
        )
    check_references(content, known_sources, stored=stored)
    return [*content.sources, *content.records]  # type: ignore[list-item]
