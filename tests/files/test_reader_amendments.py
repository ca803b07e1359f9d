"""References checked when files are read: an amendment against the versions it amends,
and the links between records. Each refusal names file, line and field."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from truceline.app import Dossier
from truceline.cli import main
from truceline.errors import DossierFileError
from truceline.files import read_dir

BASE = """agreement:
  id: base
  title: Harbour truce
  parties: [North Brigade, Coast Guard]
  in_force: 2025-01-01
  phases:
  - {id: first, start: {day: day 1}, length_days: 30}
  obligations:
  - id: keep-quiet
    kind: prohibition
    party: North Brigade
    phase: first
    clause: {ref: Art. 1, text: No shots across the harbour.}
    match: {kind: event, types: [ASSAULT]}
"""


def amendment(body: str, amends: str = "base", id: str = "second") -> str:
    return (
        f"agreement:\n  id: {id}\n  title: Second text\n  amends: {amends}\n"
        "  parties: [North Brigade, Coast Guard]\n  in_force: 2025-01-10\n" + body
    )


def refused(folder: Path, files: dict[str, str]) -> DossierFileError:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(DossierFileError) as info:
        read_dir(folder)
    return info.value


ADD = """  add:
  - id: keep-quiet
    kind: prohibition
    party: Coast Guard
    clause: {ref: Art. 9, text: No boarding of boats.}
    match: {kind: event, types: [COERCE]}
"""


@pytest.mark.parametrize(
    ("body", "line", "field", "message"),
    [
        ("  drop: [open-the-quay]\n", 7, "agreement.drop[0]", "no obligation 'open-the-quay'"),
        (
            ADD.replace("add:", "replace:").replace("keep-quiet", "sail-freely"),
            8,
            "agreement.replace[0].id",
            "no obligation 'sail-freely' in the amended version",
        ),
        (ADD, 8, "agreement.add[0].id", "'keep-quiet' is already an obligation (use replace)"),
        (
            ADD.replace("keep-quiet", "no-boarding").replace(
                "    party: Coast", "    phase: second\n    party: Coast"
            ),
            10,
            "agreement.add[0].phase",
            "unknown phase 'second' (phases: first)",
        ),
    ],
)
def test_a_patch_is_checked_against_the_version_it_amends(
    tmp_path: Path, body: str, line: int, field: str, message: str
) -> None:
    error = refused(tmp_path, {"a.yaml": BASE, "b.yaml": amendment(body)})
    assert (error.file, error.line, error.field) == (str(tmp_path / "b.yaml"), line, field)
    assert error.message.startswith(message)


def test_an_amendment_that_amends_itself_is_refused(tmp_path: Path) -> None:
    error = refused(tmp_path, {"a.yaml": BASE, "b.yaml": amendment("", amends="second")})
    assert (error.line, error.field) == (4, "agreement.amends")
    assert "amendments cannot loop" in error.message


def test_a_loop_of_amendments_is_refused(tmp_path: Path) -> None:
    files = {
        "b.yaml": amendment("", amends="third"),
        "c.yaml": amendment("", amends="second", id="third"),
    }
    error = refused(tmp_path, files)
    assert error.field == "agreement.amends" and "cannot loop" in error.message


def test_a_patch_may_amend_a_version_already_in_the_dossier(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.yaml").write_text(BASE, encoding="utf-8")
    (second / "b.yaml").write_text(amendment("  drop: [keep-quiet]\n"), encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "b.yaml").write_text(amendment("  drop: [gone]\n"), encoding="utf-8")
    with Dossier.init(tmp_path / "d") as dossier:
        dossier.import_dir(first)
        with pytest.raises(DossierFileError, match="no obligation 'gone'"):
            dossier.import_dir(tmp_path / "bad")
        dossier.import_dir(second)
        assert {a.id for a in dossier.store.agreements()} == {"base", "second"}


PROPOSAL = "proposals:\n- id: prop-1\n  title: T\n  proposer: A\n  date: 2025-01-02\n"
EVENT = "events:\n- id: ev-1\n  type: ASSAULT\n  summary: Shots across the harbour\n"


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        (PROPOSAL + "  answers: prop-9\n", 6, "proposals[0].answers", "no proposal 'prop-9'"),
        (PROPOSAL + "  supersedes: prop-9\n", 6, "proposals[0].supersedes", "no proposal 'prop-9'"),
        (EVENT + "  ends: ev-9\n", 5, "events[0].ends", "no record 'ev-9'"),
    ],
)
def test_links_between_records_must_name_records(
    tmp_path: Path, text: str, line: int, field: str, message: str
) -> None:
    error = refused(tmp_path, {"f.yaml": text})
    assert (error.line, error.field) == (line, field)
    assert error.message == f"{message} in the files or the dossier"


def test_the_command_prints_one_line_exits_2_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = tmp_path / "files"
    files.mkdir()
    (files / "a.yaml").write_text(BASE, encoding="utf-8")
    (files / "b.yaml").write_text(amendment("", amends="nowhere"), encoding="utf-8")
    Dossier.init(tmp_path / "d").close()
    monkeypatch.setattr(sys, "argv", ["truceline", "import", str(files), "-d", str(tmp_path / "d")])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert f"{files / 'b.yaml'}:4: agreement.amends: no agreement 'nowhere'" in err
    with Dossier.open(tmp_path / "d") as dossier:
        assert dossier.store.agreements() == []
