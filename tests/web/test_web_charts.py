"""Quota charts show a day nobody counted as a gap, never as a value between its neighbours."""

from __future__ import annotations

import datetime as dt
import re

from truceline.web.charts import GAP_NOTE, Line, line_chart

D = dt.date


def test_a_line_breaks_where_days_have_no_count() -> None:
    points = [(D(2025, 1, d), 600.0 + d, "tip") for d in (1, 2, 3, 10, 11, 20)]
    svg = str(line_chart("aid", [Line("OCHA", points)], target=600))
    polylines = re.findall(r'<polyline points="([^"]+)"', svg)
    assert [len(p.split()) for p in polylines] == [3, 2]  # 1-3 Jan, 10-11 Jan; 20 Jan alone
    assert svg.count("<title>tip</title>") == 6  # every count still has its marker
    assert GAP_NOTE in svg
