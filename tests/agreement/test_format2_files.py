"""Format-2 agreement fields, and their errors at file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from truceline.errors import AgreementFileError
from truceline.files import read_file

HEAD = """\
agreement:
  id: truce
  title: A truce
  parties: [A, B]
  in_force: 2025-01-01
"""
CALM = """\
    - id: calm
      kind: prohibition
      party: A
      clause: {ref: "1", text: no shelling}
      match: {types: [ASSAULT]}
"""


def read(tmp_path: Path, text: str) -> object:
    path = tmp_path / "agreement.yaml"
    path.write_text(text, encoding="utf-8")
    return read_file(path).agreements[0]


def error(tmp_path: Path, text: str) -> str:
    with pytest.raises(AgreementFileError) as info:
        read(tmp_path, text)
    return str(info.value)


def test_an_open_end_reads(tmp_path: Path) -> None:
    agreement = read(tmp_path, HEAD + "  obligations:\n" + CALM + "      end: open\n")
    assert agreement.obligations[0].end == "open"  # type: ignore[attr-defined]


def test_until_further_notice_points_to_open(tmp_path: Path) -> None:
    message = error(
        tmp_path, HEAD + "  obligations:\n" + CALM + "      end: until further notice\n"
    )
    assert "agreement.yaml:12: obligations[0].end: expected a day reference" in message
    assert "or open, for no end (until further notice)" in message


def test_term_and_life_read(tmp_path: Path) -> None:
    text = (
        HEAD
        + """\
  term: {ends: day 60, renewal: automatic, length_days: 120, notice_days: 7}
  life:
    - {event: suspended, by: B, day: 2025-02-03, until: 2025-02-06, sources: [src-x]}
    - {event: lapsed, day: day 300}
"""
    )
    agreement = read(tmp_path, text)
    assert agreement.term.length_days == 120  # type: ignore[attr-defined]
    assert agreement.life[0].by == ["B"]  # type: ignore[attr-defined]


def test_an_automatic_renewal_needs_its_length(tmp_path: Path) -> None:
    message = error(tmp_path, HEAD + "  term: {ends: day 60, renewal: automatic}\n")
    assert message.endswith("agreement.yaml:6: term: an automatic renewal needs length_days")


def test_until_only_for_renewals_and_suspensions(tmp_path: Path) -> None:
    message = error(tmp_path, HEAD + "  life:\n    - {event: lapsed, day: day 9, until: day 12}\n")
    assert message.endswith("yaml:7: life[0]: until applies to renewed or suspended, not lapsed")


def test_a_patch_belongs_to_an_amendment(tmp_path: Path) -> None:
    message = error(tmp_path, HEAD + "  drop: [calm]\n")
    assert "agreement.yaml:6: drop: only an amendment (with amends)" in message


def test_a_patch_never_also_restates(tmp_path: Path) -> None:
    text = HEAD + "  amends: old\n  drop: [other]\n  obligations:\n" + CALM
    assert "agreement.yaml:9: obligations: an amendment either restates" in error(tmp_path, text)


def test_a_non_signatory_is_bound_through_a_party(tmp_path: Path) -> None:
    text = (
        HEAD + "  obligations:\n" + CALM.replace("party: A", "party: [Militia]\n      through: C")
    )
    message = error(tmp_path, text)
    assert message.endswith(
        "agreement.yaml:10: obligations[0].through: not a party to the agreement "
        '(parties: A, B), got "C"'
    )


def test_a_reading_gives_valid_terms(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  obligations:\n"
        + CALM
        + """\
      readings:
        - id: wider
          text: no shelling nor raids
          sources: [src-y]
          terms: {silence: sometimes}
"""
    )
    message = error(tmp_path, text)
    assert "agreement.yaml:16: obligations[0].readings[0].terms.silence: " in message


def test_a_reading_cannot_change_the_party(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  obligations:\n"
        + CALM
        + """\
      readings:
        - {id: other, text: B bears it, sources: [src-y], terms: {party: B}}
"""
    )
    message = error(tmp_path, text)
    assert message.endswith(
        "agreement.yaml:13: obligations[0].readings[0].terms.party: a reading cannot change party, "
        'got "B"'
    )


def test_who_suspends_is_named_by_the_agreement(tmp_path: Path) -> None:
    text = HEAD + "  life:\n    - {event: suspended, by: [A, Q], day: day 3}\n"
    message = error(tmp_path, text)
    assert message.endswith('agreement.yaml:7: life[0].by[1]: not named by the agreement '
                            '(names: A, B), got "Q"')  # fmt: skip


def test_a_joint_duty_names_someone(tmp_path: Path) -> None:
    message = error(tmp_path, HEAD + "  obligations:\n" + CALM.replace("party: A", "party: []"))
    assert message.endswith("agreement.yaml:9: obligations[0].party: name at least one party")
