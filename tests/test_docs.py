"""The docs cover the surface: every command has help and a line in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from truceline.cli.app import app

ROOT = Path(__file__).parent.parent
COMMANDS = sorted(typer.main.get_command(app).commands.items())


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_has_help_and_a_reference_entry(name: str, command: object) -> None:
    assert (command.help or "").strip(), f"{name} has no help text"
    assert f"`truceline {name}" in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```sh") + 3]
    assert [line.split()[:2] for line in block] == [["make", "demo"], ["make", "test"]]


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
