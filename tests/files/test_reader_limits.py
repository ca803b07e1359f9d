"""Hostile dossier files: every one is refused in one line naming file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.app import Dossier
from truceline.errors import DossierFileError
from truceline.files import read_dir, read_file
from truceline.files.lines import MAX_ALIAS_VALUES, MAX_DEPTH

EVENT = "events:\n- id: ev-1\n  type: ASSAULT\n  summary: A strike\n"
FIGURE = "figures:\n- id: fig-1\n  metric: killed\n  value: {}\n"


def refused(tmp_path: Path, text: str) -> DossierFileError:
    path = tmp_path / "f.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with pytest.raises(DossierFileError) as info:
        read_file(path)
    assert "\n" not in str(info.value)
    return info.value


def test_nested_aliases_stop_at_the_expansion_limit(tmp_path: Path) -> None:
    levels = "".join(f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))
    error = refused(
        tmp_path, EVENT + "  actors:\n  - &a0 [x, x, x, x, x, x, x, x, x, x]\n" + levels
    )
    assert error.message == f"invalid YAML: aliases expand to more than {MAX_ALIAS_VALUES} values"
    assert error.line is not None


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(EVENT + "  actors: &who [Side A]\n  targets: *who\n")
    [event] = read_file(path).records
    assert event.targets == ["Side A"]  # type: ignore[union-attr]


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path: Path) -> None:
    error = refused(tmp_path, "events: &a [*a]\n")
    assert error.message == f"invalid YAML: nested deeper than {MAX_DEPTH} levels"


def test_deep_nesting_is_refused_before_the_stack_runs_out(tmp_path: Path) -> None:
    error = refused(tmp_path, "events: " + "[" * 5000 + "]" * 5000 + "\n")
    assert (error.line, error.message) == (
        1,
        f"invalid YAML: nested deeper than {MAX_DEPTH} levels",
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (EVENT + "  notes: 'a\x07b'\n", 5, "invalid YAML: unacceptable character U+0007"),
        ("? [a, b]\n: c\n", 1, "invalid YAML: a key must be a plain value"),
        (EVENT + '  fatalities: !!int ""\n', 5, 'expected a number, got ""'),
        (EVENT + "  date: !!timestamp yesterday\n", 5, "expected an ISO date"),
    ],
)
def test_malformed_yaml_is_one_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    error = refused(tmp_path, text)
    assert error.line == line
    assert error.message.startswith(message)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".inf", "expected a finite number, got inf"),
        (".nan", "expected a finite number, got nan"),
        ("1e400", "expected a finite number"),
        ("9" * 5000, "expected a finite number"),
    ],
)
def test_numbers_must_be_finite_and_fit(tmp_path: Path, value: str, message: str) -> None:
    error = refused(tmp_path, FIGURE.format(value))
    assert (error.line, error.field) == (4, "figures[0].value")
    assert error.message.startswith(message)
    assert len(error.message) < 120


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ("  fatalities: 9223372036854775808\n", "fatalities", "a whole number must fit in 64 bits"),
        (
            "  sources: [{source: s, start: 0, end: 9223372036854775808}]\n",
            "sources[0].end",
            "a whole number must fit in 64 bits",
        ),
        ('  notes: "a\\0b"\n', "notes", "text must not contain a NUL character"),
        ('  actors: ["\\ud800"]\n', "actors[0]", "text must not contain a lone surrogate"),
        ("  date: 0001-01-01\n", "date", "the year must be between 1800 and 2200"),
        ("  date: 2201\n", "date", "the year must be between 1800 and 2200"),
    ],
)
def test_values_later_commands_cannot_store_are_refused(
    tmp_path: Path, extra: str, field: str, message: str
) -> None:
    error = refused(tmp_path, EVENT + extra)
    assert (error.line, error.field) == (5, f"events[0].{field}")
    assert error.message.startswith(message)


def test_largest_64_bit_values_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(EVENT + "  fatalities: 9223372036854775807\n  date: 1800-01-01\n")
    [event] = read_file(path).records
    assert event.fatalities == 2**63 - 1  # type: ignore[union-attr]


DISPUTE = "disputes:\n- id: d-1\n  topic: t\n  sides:\n  - {claim: a, records: [ev-1]}\n  - claim: b\n    records: [ev-9]\n"
RESPONSE = "responses:\n- id: r-1\n  party: B\n  proposal: prop-9\n  stance: accept\n"
AMENDMENT = (
    "agreement:\n  id: ag-2\n  title: T\n  amends: ag-9\n  parties: [A, B]\n"
    "  in_force: 2025-01-19\n  phases:\n  - {id: p1, start: {day: day 1}, length_days: 42}\n"
)


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        (EVENT + DISPUTE, 11, "disputes[0].sides[1].records[0]", "no record 'ev-9'"),
        (RESPONSE, 4, "responses[0].proposal", "no proposal 'prop-9'"),
        (AMENDMENT, 4, "agreement.amends", "no agreement 'ag-9'"),
    ],
)
def test_references_must_name_existing_objects(
    tmp_path: Path, text: str, line: int, field: str, message: str
) -> None:
    (tmp_path / "f.yaml").write_text(text)
    with pytest.raises(DossierFileError) as info:
        read_dir(tmp_path)
    assert (info.value.line, info.value.field) == (line, field)
    assert info.value.message == f"{message} in the files or the dossier"


def test_references_may_name_objects_already_in_the_dossier(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "e.yaml").write_text(EVENT + "- id: ev-9\n  type: ASSAULT\n  summary: Another\n")
    (second / "d.yaml").write_text(DISPUTE)
    with Dossier.init(tmp_path / "d") as dossier:
        dossier.import_dir(first)
        dossier.import_dir(second)
        assert [d.id for d in dossier.store.disputes()] == ["d-1"]
