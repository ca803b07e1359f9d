"""Mutated dossier files: reading one gives exportable content or a one-line DossierFileError.

bench/fuzz.py runs the same property over many more cases.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from truceline.errors import DossierFileError
from truceline.files import read_file

SEED = """\
sources:
- id: src-a
  outlet: Wire
  published: 2025-01-20
events:
- id: ev-1
  type: ASSAULT
  date: 2025-01-19
  summary: A strike
  fatalities: 2
  sources: [{source: src-a, start: 0, end: 20}]
figures:
- id: fig-1
  metric: killed
  value: 2.5
disputes:
- id: d-1
  topic: Who
  sides: [{claim: a, records: [ev-1]}, {claim: b, records: [fig-1]}]
"""
LINES = SEED.splitlines()

HOSTILE = st.sampled_from(
    [
        ".inf", ".nan", "1e400", "9" * 5000, "9223372036854775808", '!!int ""',
        "!!timestamp yesterday", "!!python/object:os.system", "0001-01-01", '"a\\0b"',
        '"\\ud800"', "*nowhere", "&x [*x]", "[" * 200, "? [a, b]", "2025-02-30", "\x07", "~",
    ]
)  # fmt: skip
VALUE = HOSTILE | st.text(max_size=12)


@st.composite
def mutated_dossier(draw: st.DrawFn) -> str:
    """The seed with some lines' values replaced, some lines dropped or characters inserted."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["value", "drop", "insert", "char"]))
        if op == "value" and ":" in lines[i]:
            lines[i] = f"{lines[i].split(':', 1)[0]}: {draw(VALUE)}"
        elif op == "drop" and len(lines) > 1:
            del lines[i]
        elif op == "insert":
            lines.insert(i, f"  extra: {draw(VALUE)}")
        else:
            j = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:j] + draw(st.characters()) + lines[i][j:]
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_dossier())
def test_a_mutated_dossier_file_is_read_or_refused_in_one_line(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yaml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            content = read_file(path)
        except DossierFileError as exc:
            assert "\n" not in str(exc)
            assert str(exc).startswith(str(path))
        else:
            for obj in content.objects():
                assert_exportable(obj.model_dump(mode="json"))


def assert_exportable(data: object) -> None:
    """What import accepts, JSON, SQLite and PostgreSQL can hold (64-bit, finite, UTF-8, no NUL)."""
    text = json.dumps(data, allow_nan=False, ensure_ascii=False)  # ValueError on inf or nan
    text.encode("utf-8")  # UnicodeEncodeError on a lone surrogate
    assert "\x00" not in text

    def int64(digits: str) -> int:
        assert -(2**63) <= int(digits) < 2**63
        return int(digits)

    json.loads(text, parse_int=int64)
