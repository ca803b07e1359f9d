"""Write a dossier back to YAML files in the format ``reader`` reads.

Layout of an export::

    agreements/<id>.yaml     one agreement per file
    sources.yaml
    records/events.yaml      likewise statements, figures, proposals, responses
    disputes.yaml

Every file starts with ``format: 2`` (``reader.FORMAT``). Reading an export
back gives the same objects (the round trip is lossless).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from truceline.files.reader import FORMAT
from truceline.model import RECORD_KINDS, Actor, Agreement, Dispute, Record, Source


class _Dumper(yaml.SafeDumper):
    """Block style for multi-line text, so article bodies stay readable."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and value == value.rstrip(" ") and "\t" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(data: Any) -> str:
    """Dump data as YAML in the dossier's style."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def _plain(obj: BaseModel, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    data = obj.model_dump(mode="json", exclude_none=True)
    for key in drop:
        data.pop(key, None)
    return data


def write_dir(
    folder: Path,
    sources: list[Source],
    agreements: list[Agreement],
    records: list[Record],
    disputes: list[Dispute],
) -> list[Path]:
    """Write all objects under ``folder``; returns the files written."""
    folder = Path(folder)
    written: list[Path] = []

    def put(rel: str, data: Any) -> None:
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_yaml({"format": FORMAT, **data}), encoding="utf-8")
        written.append(path)

    for agreement in agreements:
        put(f"agreements/{agreement.id}.yaml", {"agreement": _plain(agreement)})
    if sources:
        put("sources.yaml", {"sources": [_plain(s) for s in sources]})
    for kind in RECORD_KINDS:
        of_kind = [r for r in records if r.kind == kind]
        if of_kind:
            put(f"records/{kind}s.yaml", {f"{kind}s": [_plain(r, drop=("kind",)) for r in of_kind]})
    if disputes:
        put("disputes.yaml", {"disputes": [_plain(d) for d in disputes]})
    return written


def write_actors(path: Path, actors: list[Actor]) -> Path:
    """Write the register of actors to one file (``actors.yaml``), in the order given."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = to_yaml({"format": FORMAT, "actors": [_plain(a) for a in actors]})
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
