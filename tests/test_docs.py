"""The docs cover the surface: every command has help and a line in docs/cli.md, and
every command in the README runs as typed after `make demo`."""

from __future__ import annotations

import shlex
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from truceline.cli.app import app

ROOT = Path(__file__).parent.parent
COMMANDS = sorted(typer.main.get_command(app).commands.items())
ACTIVATE = "source .venv/bin/activate"
NOT_RUN = {"serve": "serves until stopped", "demo": "serves until stopped", "batch": "starts Dask"}
"""Commands the README test parses but does not run (each says why)."""


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


def readme_commands() -> list[str]:
    """Every shell line of the README after the set-up block, comments dropped."""
    lines, inside, blocks = [], False, 0
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            inside = line == "```sh"
            blocks += inside
            continue
        if inside and blocks > 1 and line.strip():
            lines.append(_without_comment(line))
    return lines


def _without_comment(line: str) -> str:
    lexer = shlex.shlex(line, posix=True, punctuation_chars=False)
    lexer.whitespace_split, lexer.commenters = True, "#"
    return shlex.join(list(lexer))


def test_the_readme_puts_truceline_on_path_before_using_it() -> None:
    commands = readme_commands()
    first = next(i for i, c in enumerate(commands) if c.startswith("truceline "))
    assert ACTIVATE in commands[:first], "a bare `truceline` before the virtualenv is active"


@pytest.mark.parametrize("line", [c for c in readme_commands() if c.startswith("truceline ")])
def test_every_readme_command_parses(line: str) -> None:
    """Each command and option in the README exists (click parses it without running it)."""
    args = shlex.split(line)[1:]
    command: click.Command = typer.main.get_command(app)
    context = command.make_context("truceline", list(args), resilient_parsing=False)
    while isinstance(command, click.Group) and context.protected_args:
        name, *rest = [*context.protected_args, *context.args]
        command = command.get_command(context, name)  # type: ignore[assignment]
        assert command is not None, f"no command {name!r}: {line}"
        context = command.make_context(name, rest, parent=context)


def test_the_readme_runs_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's lines in order, from a copy of the repository folder: `cd` moves,
    each `truceline` line runs in-process and exits 0, or 1 where it reports findings."""
    for folder in ("examples", "tests"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    monkeypatch.chdir(tmp_path)
    for name in ("TRUCELINE_DOSSIER", "TRUCELINE_DB", "TRUCELINE_AUTO_ACCEPT"):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()
    for line in readme_commands():
        words = shlex.split(line)
        if line == ACTIVATE:
            continue  # what it does is checked above; here the checkout's truceline runs
        if words[0] == "cd":
            monkeypatch.chdir(words[1])
            continue
        assert words[0] == "truceline", f"the README test cannot run {line!r}"
        if words[1] in NOT_RUN:
            continue
        result = runner.invoke(app, words[1:], env={"COLUMNS": "200"})
        assert result.exit_code in (0, 1), f"{line}: exit {result.exit_code}\n{result.output}"
        assert not isinstance(result.exception, Exception) or isinstance(
            result.exception, SystemExit
        ), f"{line}: {result.exception!r}"
    assert (tmp_path / "my-dossier" / "data" / "ledger.csv").is_file()
    assert (tmp_path / "my-dossier" / "deadlines.ics").is_file()
    assert (tmp_path / "my-dossier" / "site" / "index.html").is_file()
