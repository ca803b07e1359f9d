"""The dashboard shows silence as silence: unreported, assumed met and overdue days are
drawn apart from met and breached ones, in the matrix, the legend, the summary and the
deadline list."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from truceline.app import Dossier
from truceline.web.app import create_app

FILES = """
agreement:
  id: t
  title: Test truce
  parties: [A, B]
  in_force: 2025-01-01
  phases:
    - {id: p1, start: {day: day 1}, length_days: 6}
  obligations:
    - id: calm-a
      kind: prohibition
      party: A
      clause: {ref: "1", text: No strikes by A.}
      phase: p1
      match: {types: [ASSAULT], actors: [A]}
    - id: calm-b
      kind: prohibition
      party: B
      clause: {ref: "2", text: No strikes by B.}
      phase: p1
      match: {types: [ASSAULT], actors: [B]}
      silence: assume_met
    - id: talks
      kind: deadline
      party: A
      clause: {ref: "3", text: Talks by day 2.}
      phase: p1
      act: {types: [CONSULT]}
      what: talks
      due: day 2
events:
  - {id: strike, date: 2025-01-03, type: ASSAULT, actors: [A], summary: A strike}
"""


@pytest.fixture
def client(tmp_path: Path, make_client):  # type: ignore[no-untyped-def]
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "dossier.yaml").write_text(textwrap.dedent(FILES), encoding="utf-8")
    dossier = Dossier.init(tmp_path / "d")
    dossier.import_dir(folder)
    with make_client(create_app(dossier)) as c:
        yield c


def _cells(html: str, row: str) -> list[str]:
    """The status classes of one matrix row, in day order."""
    html = html[html.index('<table class="matrix">') :]
    found = re.search(
        rf'<tr>\s*<th scope="row"><a href="[^"]*/obligation/{row}">.*?</tr>', html, re.S
    )
    assert found, row
    return re.findall(r'class="status status-(\w+)"', found.group(0))


def test_matrix_draws_silence_apart_from_verdicts(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/compliance?by=day&as_of=2025-01-06").text
    assert _cells(html, "calm-a") == ["unreported"] * 2 + ["breached"] + ["unreported"] * 3
    assert _cells(html, "calm-b") == ["assumed_met"] * 6
    assert _cells(html, "talks") == ["pending"] * 2 + ["overdue"] * 4
    start = html.index('aria-label="Legend"')
    legend = html[start : html.index("</ul>", start)]
    for words in ("unreported", "nothing reported", "assumed met", "no violation reported",
                  "overdue", "no act recorded"):  # fmt: skip
        assert words in legend


def test_summary_counts_assumed_days_apart(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/compliance?as_of=2025-01-06").text
    start = html.index('class="list summary"')
    summary = html[start : html.index("</table>", start)]
    row = re.search(r'/obligation/calm-b">.*?</th>(.*?)</tr>', summary, re.S)
    assert row
    counts = re.findall(r'<li class="count-(\w+)">(\d+) ', row.group(1))
    assert counts == [("assumed_met", "6")]  # and no day counted as met


def test_an_overdue_deadline_is_not_drawn_as_a_breach(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/deadlines?as_of=2025-01-06").text
    assert "deadlines-overdue" in html
    assert "status-overdue" in html and "status-breached" not in html
