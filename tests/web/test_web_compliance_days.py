"""The obligation page: obligations named by their clause, identical days as one range, a
quota's chart over its whole phase, and a deadline met late worded alike on every page."""

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
    - {id: p1, start: {day: day 1}, length_days: 20}
  obligations:
    - id: convoys
      kind: quota
      party: A
      clause: {ref: "1", text: Forty convoys reach the valley on every day of the truce.}
      phase: p1
      metric: convoys
      unit: one convoy
      target: 40
      period: day
    - id: talks
      kind: deadline
      party: A
      clause: {ref: "3", text: Talks by day 2.}
      phase: p1
      act: {types: [CONSULT]}
      what: talks
      due: day 2
events:
  - {id: met-late, date: 2025-01-04, type: CONSULT, actors: [A, B], summary: Talks open}
figures:
  - {id: c-02, date: 2025-01-02, metric: convoys, value: 45, period: day, counted_by: Relief desk}
  - {id: c-03, date: 2025-01-03, metric: convoys, value: 38, period: day, counted_by: Relief desk}
  - {id: c-09, date: 2025-01-09, metric: convoys, value: 41, period: day, counted_by: Relief desk}
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


def _rows(html: str) -> list[str]:
    body = html[html.index('<table class="list days">') :]
    return re.findall(r'<tr id="day-[\d-]+" class="run">(.*?)</tr>', body, re.S)


def test_identical_days_collapse_into_one_range(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/compliance/obligation/convoys?as_of=2025-01-20").text
    rows = _rows(html)
    heads = [re.sub(r"<[^>]+>", "", r.split("</th>")[0]).strip() for r in rows]
    # 1 Jan unreported, 2 Jan met, 3 Jan breached, 4-8 Jan unreported, 9 Jan met, 10-20 unreported
    assert heads == [
        "01 Jan 2025",
        "02 Jan 2025",
        "03 Jan 2025",
        "04 Jan – 08 Jan 2025 (5 days)",
        "09 Jan 2025",
        "10 Jan – 20 Jan 2025 (11 days)",
    ]
    assert "status-unreported" in rows[3] and "no count" in rows[3]
    # every day keeps its anchor, so a link to one day inside a range still lands on its row
    for day in ("2025-01-05", "2025-01-08", "2025-01-15"):
        assert f'id="day-{day}"' in html


def test_an_obligation_is_named_by_its_clause_with_its_id_beside(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/compliance/obligation/convoys?as_of=2025-01-20").text
    assert "<h1>Forty convoys reach the valley on every day of the truce</h1>" in html
    assert '<span class="ob-id">convoys</span>' in html
    summary = client.get("/compliance?as_of=2025-01-20").text
    assert ">Forty convoys reach the valley on every day of the truce</a>" in summary


def test_the_quota_chart_spans_the_phase_and_leaves_gaps(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/compliance/obligation/convoys?as_of=2025-01-20").text
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "01 Jan 2025 – 20 Jan 2025 (20 days)" in svg  # the phase, not 2-9 Jan
    (line,) = re.findall(r'<path class="line" d="([^"]+)"', svg)
    assert re.findall(r"[ML]", line) == ["M", "L", "M"]  # 2-3 Jan joined, 9 Jan alone
    assert len(re.findall(r'<g class="day-mark status-', svg)) == 20
    assert "target: at least 40 per day" in html


def test_a_deadline_met_late_reads_the_same_on_both_pages(client) -> None:  # type: ignore[no-untyped-def]
    words = "met late (due 2025-01-02, done 2025-01-04)"
    pages = ("/deadlines", "/compliance", "/compliance/obligation/talks")
    deadlines, compliance, obligation = (client.get(f"{p}?as_of=2025-01-20").text for p in pages)
    for html in (deadlines, compliance, obligation):
        assert words in _text(html)
    start = compliance.index('class="list summary"')
    summary = compliance[start : compliance.index("</table>", start)]
    talks = re.search(
        r'<tr>\s*<th scope="row"><a href="[^"]*/obligation/talks">.*?</tr>', summary, re.S
    )
    assert talks, "no row for the deadline in the summary"
    assert words in _text(talks.group(0)) and "violated" not in talks.group(0)


def _text(html: str) -> str:
    """The page as words: tags dropped (dates sit in their own ``<time>`` elements)."""
    return re.sub(r"<[^>]+>", "", html)
