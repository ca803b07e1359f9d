"""Reading dossier files: validation errors name the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.errors import DossierFileError
from truceline.files import read_dir, read_file

FIXTURES = Path(__file__).parent.parent / "fixtures"


def write(tmp_path: Path, text: str, name: str = "f.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_every_kind_with_kind_implied_by_section() -> None:
    content = read_dir(FIXTURES / "basic")
    assert [s.id for s in content.sources] == ["src-wire-0119", "src-radio-0302"]
    kinds = sorted(r.kind for r in content.records)
    assert kinds == ["event", "event", "figure", "statement"]
    assert content.origins["ev-goods-halted"].line == 14


def test_bad_number_names_file_line_and_field() -> None:
    with pytest.raises(DossierFileError) as info:
        read_dir(FIXTURES / "bad_number")
    assert str(info.value).endswith(
        'figures.yaml:15: figures[1].value: expected a number, got "six hundred"'
    )
    assert (info.value.line, info.value.field) == (15, "figures[1].value")


def test_unknown_field_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "sources:\n  - id: s1\n    outlet: X\n    outlett: Y\n")
    with pytest.raises(DossierFileError, match=r"f.yaml:4: sources\[0\].outlett: unknown field"):
        read_file(path)


def test_missing_field(tmp_path: Path) -> None:
    path = write(tmp_path, "events:\n  - id: e1\n    type: AGREE\n")
    with pytest.raises(DossierFileError, match=r"f.yaml:2: events\[0\].summary: required field"):
        read_file(path)


def test_bad_enum_lists_the_choices(tmp_path: Path) -> None:
    path = write(tmp_path, "events:\n  - id: e1\n    type: HUG\n    summary: s\n")
    with pytest.raises(DossierFileError, match=r"f.yaml:3: events\[0\].type: expected .*'AGREE'"):
        read_file(path)


def test_bad_date(tmp_path: Path) -> None:
    path = write(
        tmp_path, "events:\n  - id: e1\n    type: AGREE\n    summary: s\n    date: 2025-02-30\n"
    )
    with pytest.raises(DossierFileError, match=r"f.yaml:5: events\[0\].date: "):
        read_file(path)


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "events:\n  - id: e1\n   type: [AGREE\n")
    with pytest.raises(DossierFileError, match=r"f.yaml:\d+: invalid YAML"):
        read_file(path)


def test_unknown_section(tmp_path: Path) -> None:
    path = write(tmp_path, "sources: []\nevnts: []\n")
    with pytest.raises(DossierFileError, match=r"f.yaml:2: evnts: unknown section"):
        read_file(path)


def test_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    write(tmp_path, "sources:\n  - id: s1\n    outlet: X\n", "a.yaml")
    write(tmp_path, "sources:\n  - {id: s2, outlet: Y}\n  - {id: s1, outlet: Z}\n", "b.yaml")
    with pytest.raises(DossierFileError, match=r"b.yaml:3: id: 's1' is already used at .*a.yaml:2"):
        read_dir(tmp_path)


def test_unknown_source_reference_points_at_the_field(tmp_path: Path) -> None:
    write(
        tmp_path,
        "events:\n  - id: e1\n    type: AGREE\n    summary: s\n    sources:\n      - source: nope\n",
    )
    with pytest.raises(
        DossierFileError, match=r"f.yaml:6: events\[0\].sources\[0\].source: unknown source"
    ):
        read_dir(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"sources:\n  - id: s\xff\n")
    with pytest.raises(DossierFileError, match="not UTF-8"):
        read_file(path)


def test_empty_file_is_fine(tmp_path: Path) -> None:
    assert read_file(write(tmp_path, "")).objects() == []
