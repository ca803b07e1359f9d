"""The dashboard's compliance page shows the agreement's life and stops at its end."""

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
  obligations:
    - id: calm-a
      kind: prohibition
      party: A
      clause: {ref: "1", text: No strikes by A.}
      start: day 1
      end: open
      match: {types: [ASSAULT], actors: [A]}
  life:
    - {event: suspended, by: B, day: day 2, until: day 3, reason: B walks out of the talks}
    - {event: terminated, day: day 5, reason: A ends the truce}
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


def test_the_page_shows_the_walk_out_and_the_end(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/compliance?by=day&as_of=2025-06-01").text
    assert "Agreement t: terminated" in html
    assert "its last day was 2025-01-05" in html
    assert "suspended by B until 2025-01-03: B walks out of the talks" in html
    assert 'class="status status-ended"><span class="sym" aria-hidden="true">∎</span>' in html
    matrix = html[html.index('<table class="matrix">') :]
    assert max(re.findall(r"obligation=calm-a&amp;day=([\d-]+)", matrix)) == "2025-01-05"
