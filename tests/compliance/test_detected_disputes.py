"""Dossier.check contests days with disputes detected from the records, not only stored ones.

A dossier in tmp_path, imported from YAML written here; it holds no Dispute.
One quota: OCHA's daily count of aid trucks against a target of 600 (the quota
reads figures whose metric is exactly ``aid_trucks``; dispute detection also
reads other spellings of the metric, such as ``trucks``). Expected letters,
worked out by hand (M met, B breached, D disputed, - unreported), 1-10 January:

1  D  630 and 400 by OCHA: two counts that cannot both be true
2  D  630 and "trucks" 250 by OCHA: the quota sees 630 only; detection finds the
      contradiction, so the day is disputed against the 250
3  M  630 and "trucks" at least 600 by OCHA: compatible, no dispute
4  B  "trucks" at least 330 (morning), then 404 (evening) by OCHA: compatible; 404 < 600
5  B  "trucks" 232 at 06:00, at least 330 at 11:00, 404 at 20:00 by OCHA: a count
      that grew over the day (evolving), not a contradiction; 404 < 600
6  M  630 by OCHA and "trucks" 250 by COGAT: counting bodies differ (a dispute
      over definitions), which does not contest the day
7-10 -  no count (unreported)
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from compliance_builders import codes

from truceline.app import Dossier

AGREEMENT = """
agreement:
  id: t
  title: Test truce
  parties: [A, B]
  in_force: 2025-01-01
  phases:
    - id: p1
      start: {day: day 1}
      length_days: 10
  obligations:
    - id: o
      kind: quota
      party: A
      clause: {ref: "1", text: 600 aid trucks a day.}
      phase: p1
      metric: aid_trucks
      unit: one truck
      target: 600
      counted_by: OCHA
"""

# (id, day, metric, value, qualifier, counted_by, as_of)
FIGURES = [
    ("d1-630", 1, "aid_trucks", 630, "exact", "OCHA", None),
    ("d1-400", 1, "aid_trucks", 400, "exact", "OCHA", None),
    ("d2-630", 2, "aid_trucks", 630, "exact", "OCHA", None),
    ("d2-250", 2, "trucks", 250, "exact", "OCHA", None),
    ("d3-630", 3, "aid_trucks", 630, "exact", "OCHA", None),
    ("d3-600", 3, "trucks", 600, "at_least", "OCHA", None),
    ("d4-330", 4, "trucks", 330, "at_least", "OCHA", "morning"),
    ("d4-404", 4, "aid_trucks", 404, "exact", "OCHA", "evening"),
    ("d5-232", 5, "trucks", 232, "exact", "OCHA", "06:00"),
    ("d5-330", 5, "trucks", 330, "at_least", "OCHA", "11:00"),
    ("d5-404", 5, "aid_trucks", 404, "exact", "OCHA", "20:00"),
    ("d6-630", 6, "aid_trucks", 630, "exact", "OCHA", None),
    ("d6-250", 6, "trucks", 250, "exact", "COGAT", None),
]


def _records() -> str:
    lines = [
        "sources:",
        "  - id: src-wire",
        "    outlet: Wire",
        "figures:",
    ]
    for rid, day, metric, value, qualifier, body, as_of in FIGURES:
        lines += [
            f"  - id: {rid}",
            f"    date: 2025-01-{day:02d}",
            f"    metric: {metric}",
            f"    value: {value}",
            f"    qualifier: {qualifier}",
            "    period: day",
            f"    counted_by: {body}",
            *([f'    as_of: "{as_of}"'] if as_of else []),
            "    sources:",
            "      - source: src-wire",
        ]
    return "\n".join(lines) + "\n"


def _dossier(tmp_path: Path) -> Dossier:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "agreement.yaml").write_text(textwrap.dedent(AGREEMENT), encoding="utf-8")
    (folder / "records.yaml").write_text(_records(), encoding="utf-8")
    dossier = Dossier.init(tmp_path / "dossier")
    dossier.import_dir(folder, by="test")
    return dossier


def test_detected_disputes_contest_days_without_a_stored_dispute(tmp_path: Path) -> None:
    with _dossier(tmp_path) as dossier:
        assert dossier.store.disputes() == []
        ledger = dossier.check(as_of=dt.date(2025, 1, 10))
    assert codes(ledger) == "DDMBBM----"
    row = ledger.get("o")
    assert row is not None
    day1, day2 = row.days[0], row.days[1]
    assert day1.evidence == ("d1-400", "d1-630")
    assert day2.evidence == ("d2-630",)
    assert day2.against == ("d2-250",)
    assert row.days[2].evidence == ("d3-630",) and row.days[2].against == ()
    assert row.days[3].value == 404
    assert row.days[4].evidence == ("d5-404",) and row.days[4].against == ()
    assert row.days[5].against == ()
