"""The dossier format's version: format 1 files read unchanged, later formats are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.errors import DossierFileError
from truceline.files import read_dir, read_file, write_dir
from truceline.files.jsonschema import dossier_file_schema

SOURCES = """\
sources:
  - id: src-wire-1
    outlet: Wire
    published: 2025-01-02
    notes: the wire later corrected the casualty figure in a second story
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_without_a_format_is_format_1(tmp_path: Path) -> None:
    (source,) = read_file(write(tmp_path, SOURCES)).sources
    assert source.notes == "the wire later corrected the casualty figure in a second story"


def test_format_2_is_read(tmp_path: Path) -> None:
    assert len(read_file(write(tmp_path, "format: 2\n" + SOURCES)).sources) == 1


def test_a_later_format_is_refused_at_its_line(tmp_path: Path) -> None:
    with pytest.raises(DossierFileError, match=r"f.yaml:2: format: written for format 3; "):
        read_file(write(tmp_path, "# a comment\nformat: 3\n" + SOURCES))


def test_a_format_must_be_a_number(tmp_path: Path) -> None:
    with pytest.raises(DossierFileError, match=r'f.yaml:1: format: expected 1 or 2, got "two"'):
        read_file(write(tmp_path, "format: two\n" + SOURCES))


def test_an_export_says_format_2_and_reads_back(tmp_path: Path) -> None:
    content = read_file(write(tmp_path, SOURCES))
    (written,) = write_dir(tmp_path / "out", content.sources, [], [], [])
    assert written.read_text(encoding="utf-8").startswith("format: 2\n")
    assert read_dir(tmp_path / "out").sources == content.sources


def test_the_schema_names_the_format_and_source_notes() -> None:
    schema = dossier_file_schema()
    assert schema["properties"]["format"]["enum"] == [1, 2]
    assert "notes" in schema["$defs"]["Source"]["properties"]


def test_the_gaza_example_reads_as_format_1() -> None:
    example = Path(__file__).parents[2] / "examples" / "gaza-2025"
    content = read_dir(example)
    assert len(content.agreements) == 1 and content.records
