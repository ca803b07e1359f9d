"""A name that would stand for two actors is refused at its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.app import Dossier
from truceline.errors import DossierFileError

REGISTER = """actors:
  - id: actor-harbour-master
    name: Ines Varga
    kind: person
    aliases: [the harbour master]
  - id: actor-pilot
    name: Tomas Riedl
    kind: person
    aliases: [Riedl, The Harbour Master]
"""


def test_an_alias_of_two_actors_names_its_line(tmp_path: Path) -> None:
    files = tmp_path / "files"
    files.mkdir()
    (files / "actors.yaml").write_text(REGISTER, encoding="utf-8")
    with Dossier.init(tmp_path / "d") as dossier, pytest.raises(DossierFileError) as info:
        dossier.import_dir(files)
    error = info.value
    assert (error.file, error.line, error.field) == (
        str(files / "actors.yaml"),
        9,
        "actors[1].aliases[1]",
    )
    assert (
        error.message
        == "'The Harbour Master' already names actor 'actor-harbour-master' in actors.yaml"
    )
