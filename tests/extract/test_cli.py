"""`truceline extract` on files: JSON, JSONL with an index, errors exit 2."""

from __future__ import annotations

import json
import sys

import pytest

from truceline.cli import main
from truceline.text import decode

from .conftest import WIRE


@pytest.fixture
def run_cli(monkeypatch, capsys, extractor):
    # reuse the session's pipeline instead of loading the model again
    import truceline.extract as extract_pkg

    class _Shared(extract_pkg.Extractor):
        def __init__(self, model=None, agreement_day1=None, **kwargs):
            super().__init__(agreement_day1=agreement_day1, nlp=extractor.nlp, **kwargs)

    monkeypatch.setattr(extract_pkg, "Extractor", _Shared)

    def run(*args):
        monkeypatch.setattr(sys, "argv", ["truceline", "extract", *map(str, args)])
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code or 0
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_json_one_file(tmp_path, run_cli):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    code, out, _ = run_cli(path, "--published", "2025-02-06", "--json", "--day1", "2025-01-19")
    assert code == 0
    result = json.loads(out)
    assert any(t["value"] == "2025-02-04" for t in result["timex"])
    for item in result["timex"]:
        assert WIRE[item["start"] : item["end"]] == item["text"]


def test_jsonl_with_index(tmp_path, run_cli):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Hamas freed three hostages on Saturday.", encoding="utf-8")
    b.write_text("Hamas freed three hostages on Saturday.", encoding="cp1252")
    index = tmp_path / "index.jsonl"
    index.write_text(
        '{"doc": "a.txt", "published": "2025-02-10"}\n{"doc": "b.txt", "published": "2025-02-17"}\n'
    )
    code, out, _ = run_cli(a, b, "--jsonl", "--published-from", index)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["file"] for line in lines] == [str(a), str(b)]
    assert [line["timex"][0]["value"] for line in lines] == ["2025-02-08", "2025-02-15"]


def test_table_output(tmp_path, run_cli):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    code, out, _ = run_cli(path, "--published", "2025-02-06")
    assert code == 0 and "Abu Obeida" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "empty"), (b"\x7fELF\x00\x00\x01", "binary")],
)
def test_bad_files_exit_2(tmp_path, run_cli, content, message):
    path = tmp_path / "report.txt"
    if content is not None:
        path.write_bytes(content)
    code, _, err = run_cli(path, "--json")
    assert code == 2
    assert message in err


def test_decode_falls_back_from_utf8():
    text = "Gaza’s crossings reopened — café owners said"
    assert decode(text.encode("cp1252"), "a.txt") == text


def test_json_is_the_typed_results_serialised(tmp_path, run_cli, extractor):
    """The CLI prints `Extraction.to_json()`: the DESIGN.md keys, nothing typed-only."""
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    code, out, _ = run_cli(path, "--published", "2025-02-06", "--json", "--day1", "2025-01-19")
    assert code == 0
    expected = extractor.extract(WIRE, "2025-02-06").to_json()
    assert out == json.dumps(expected, ensure_ascii=False) + "\n"
    assert "sentence" not in out and "mode" not in json.loads(out)["events"][0]


def test_crlf_offsets_slice_the_text_read_in_text_mode(tmp_path, run_cli):
    """A CRLF file: offsets are into the decoded text, line ends as Python reads them."""
    path = tmp_path / "crlf.txt"
    path.write_bytes(WIRE.replace("\n", "\r\n").encode("utf-8"))
    code, out, _ = run_cli(path, "--published", "2025-02-06", "--json")
    assert code == 0
    text = path.read_text(encoding="utf-8")  # universal newlines: "\r\n" → "\n"
    result = json.loads(out)
    assert result["quotes"] and result["timex"]
    for item in (*result["quotes"], *result["timex"], *result["figures"]):
        assert text[item["start"] : item["end"]] == item["text"]
