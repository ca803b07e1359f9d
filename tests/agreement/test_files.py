"""Bad agreement files: the error names the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.errors import AgreementFileError
from truceline.files import read_file

GOOD = """\
agreement:
  id: truce
  title: A truce
  parties: [A, B]
  in_force: 2025-01-01
  phases:
    - id: p1
      start: {day: day 1}
      length_days: 10
    - id: p2
      start: {after: p1}
      length_days: 10
  obligations:
    - id: aid
      kind: quota
      party: A
      clause: {ref: "1", text: 100 trucks a day}
      phase: p1
      metric: aid_trucks
      unit: one truck
      target: 100
"""


def read(tmp_path: Path, text: str) -> AgreementFileError:
    path = tmp_path / "agreement.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AgreementFileError) as info:
        read_file(path)
    return info.value


def test_good_file_reads(tmp_path: Path) -> None:
    path = tmp_path / "agreement.yaml"
    path.write_text(GOOD, encoding="utf-8")
    (agreement,) = read_file(path).agreements
    assert agreement.obligations[0].kind == "quota"
    assert agreement.obligations[0].unit == "one truck"


def test_quota_without_unit(tmp_path: Path) -> None:
    error = read(tmp_path, GOOD.replace("      unit: one truck\n", ""))
    assert (error.line, error.field) == (14, "obligations[0].unit")
    assert str(error).endswith("agreement.yaml:14: obligations[0].unit: required field is missing")


def test_trigger_naming_a_missing_phase(tmp_path: Path) -> None:
    error = read(tmp_path, GOOD.replace("after: p1", "after: p9"))
    assert (error.line, error.field) == (11, "phases[1].start.after")
    assert "unknown phase 'p9' (phases: p1, p2)" in str(error)


def test_obligation_naming_a_missing_phase(tmp_path: Path) -> None:
    error = read(tmp_path, GOOD.replace("phase: p1", "phase: phase_1"))
    assert (error.line, error.field) == (18, "obligations[0].phase")


def test_day_reference_naming_a_missing_phase(tmp_path: Path) -> None:
    text = GOOD.replace("      phase: p1\n", "      start: p7.day 3\n")
    error = read(tmp_path, text)
    assert (error.line, error.field) == (18, "obligations[0].start")
    assert "unknown phase 'p7'" in str(error)


def test_phase_that_starts_after_its_own_end(tmp_path: Path) -> None:
    text = GOOD.replace(
        "      start: {after: p1}\n      length_days: 10\n",
        "      start: {date: 2025-03-10}\n      end: day 42\n",
    )
    error = read(tmp_path, text)
    assert (error.line, error.field) == (12, "phases[1].end")
    assert "starts on 2025-03-10 but ends on 2025-02-11, before its start" in str(error)


def test_bad_day_reference_syntax(tmp_path: Path) -> None:
    error = read(tmp_path, GOOD.replace("      phase: p1\n", "      end: sometime soon\n"))
    assert (error.line, error.field) == (18, "obligations[0].end")
    assert "expected a day reference" in str(error)


def test_unknown_kind(tmp_path: Path) -> None:
    error = read(tmp_path, GOOD.replace("kind: quota", "kind: quorum"))
    assert (error.line, error.field) == (15, "obligations[0].kind")
    assert "'quota', 'deadline'" in str(error)


def test_unknown_event_type_in_a_match(tmp_path: Path) -> None:
    text = GOOD + (
        "    - id: calm\n      kind: prohibition\n      party: B\n"
        "      clause: {ref: '2', text: no attacks}\n"
        "      match: {types: [ATTACK]}\n"
    )
    error = read(tmp_path, text)
    assert (error.line, error.field) == (26, "obligations[1].match.types")
    assert "unknown event type 'ATTACK'" in str(error)


def test_trigger_outside_a_conditional(tmp_path: Path) -> None:
    error = read(tmp_path, GOOD.replace("      phase: p1\n", "      start: trigger + 2\n"))
    assert error.field == "obligations[0].start"
    assert "only meaningful inside a conditional" in str(error)


def test_duplicate_obligation_ids(tmp_path: Path) -> None:
    second = GOOD.split("  obligations:\n")[1]
    error = read(tmp_path, GOOD + second)
    assert (error.line, error.field) == (22, "obligations[1].id")
