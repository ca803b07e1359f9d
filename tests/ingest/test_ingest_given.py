"""`ingest --published/--title/--url`: what a person says of a plain file beats the file."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from truceline.app import Dossier
from truceline.app import ingest as app_ingest
from truceline.cli import main
from truceline.cli.app import app
from truceline.errors import IngestError
from truceline.ingest import IngestOptions, check_given, read_input
from truceline.model import make_id

runner = CliRunner()
GIVEN = IngestOptions(
    published=dt.date(2025, 2, 3), title="A title given by hand", url="https://desk.example/a/1"
)


def test_a_text_file_takes_the_given_day_title_and_address(fixtures: Path) -> None:
    [source] = read_input(fixtures / "truce-first-day.txt", GIVEN)
    assert (source.published, source.title) == ("2025-02-03", "A title given by hand")
    assert source.url == "https://desk.example/a/1"
    assert source.id == make_id("src", "https://desk.example/a/1")
    assert source.outlet == "desk.example"  # from the address, as for a fetched page


def test_given_values_beat_what_an_html_page_says(fixtures: Path) -> None:
    [found] = read_input(fixtures / "truce-aid.html", IngestOptions())
    [given] = read_input(fixtures / "truce-aid.html", GIVEN.model_copy(update={"outlet": "Desk"}))
    assert found.published == "2025-01-21" and found.title != given.title
    assert (given.published, given.title, given.outlet) == (
        "2025-02-03",
        "A title given by hand",
        "Desk",
    )


def test_an_html_page_keeps_its_own_values_where_none_is_given(fixtures: Path) -> None:
    only_day = IngestOptions(published=dt.date(2025, 2, 3))
    [source] = read_input(fixtures / "truce-aid.html", only_day)
    assert source.published == "2025-02-03"
    assert source.title == "Aid convoys roll into Gaza on third day of truce"
    assert source.outlet == "The Harbour Ledger"


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        (["articles.jsonl"], "each article of a JSONL or WARC file carries its own"),
        (["pages.warc.gz"], "each article of a JSONL or WARC file carries its own"),
        (["https://news.example/story"], "not a URL"),
        (["truce-first-day.txt", "truce-aid.html"], "--url names one document, but 2 files"),
        (["."], "each article of a JSONL or WARC file carries its own"),  # a folder holding one
    ],
)
def test_given_values_are_refused_where_they_cannot_apply(
    fixtures: Path, inputs: list[str], message: str
) -> None:
    paths = [i if i.startswith("https:") else str(fixtures / i) for i in inputs]
    with pytest.raises(IngestError, match=message):
        check_given(paths, GIVEN)


def test_the_day_alone_applies_to_every_plain_file(fixtures: Path) -> None:
    files = [str(fixtures / "truce-first-day.txt"), str(fixtures / "truce-aid.html")]
    check_given(files, IngestOptions(published=dt.date(2025, 2, 3)))  # no error
    days = {
        s.published
        for f in files
        for s in read_input(f, IngestOptions(published=dt.date(2025, 2, 3)))
    }
    assert days == {"2025-02-03"}


def test_nothing_given_refuses_nothing(fixtures: Path) -> None:
    check_given([str(fixtures / "articles.jsonl"), "https://news.example/"], IngestOptions())


# ------------------------------------------------------------------------- the command


class QuoteExtractor:
    """Reports every text's first quotation, with no date of its own."""

    def extract_many(self, docs: Iterable[tuple[str, dt.date | None]]) -> Iterator[dict[str, Any]]:
        for text, _ in docs:
            start = text.find('"') + 1
            end = text.find('"', start)
            quote = {"text": text[start:end], "start": start, "end": end, "speaker": "an aide"}
            yield {"quotes": [quote], "figures": [], "events": [], "timex": []}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(app_ingest, "_default_extractor", lambda store: QuoteExtractor())
    monkeypatch.delenv("TRUCELINE_DB", raising=False)
    monkeypatch.delenv("TRUCELINE_AUTO_ACCEPT", raising=False)
    path = tmp_path / "d"
    Dossier.init(path).close()
    return path


def test_candidates_from_a_plain_file_are_dated_and_carry_the_outlet(
    folder: Path, fixtures: Path
) -> None:
    txt = str(fixtures / "truce-first-day.txt")
    args = ["ingest", txt, "-d", str(folder), "--published", "2025-01-20", "--outlet", "Gulf Desk"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    [outcome] = json.loads(result.stdout)["sources"]
    assert (outcome["published"], outcome["outlet"]) == ("2025-01-20", "Gulf Desk")
    with Dossier.open(folder) as opened:
        [record] = opened.candidates()
    assert (record.date, record.claimed_by) == ("2025-01-20", "Gulf Desk")


def test_without_a_day_the_candidate_is_undated(folder: Path, fixtures: Path) -> None:
    txt = str(fixtures / "truce-first-day.txt")
    assert runner.invoke(app, ["ingest", txt, "-d", str(folder)]).exit_code == 0
    with Dossier.open(folder) as opened:
        [record] = opened.candidates()
    assert record.date is None and record.claimed_by == "unknown"


def _main(args: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "argv", ["truceline", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
        sys.exit(0)
    return int(exit_info.value.code or 0)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--published", "2025-13-01"], "--published"),
        (["--title", "T"], "articles.jsonl: --title can only describe a .txt or .html file"),
    ],
)
def test_refusals_are_one_line_with_exit_2_and_store_nothing(
    folder: Path,
    fixtures: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    inputs = [str(fixtures / "truce-first-day.txt"), str(fixtures / "articles.jsonl")]
    assert _main(["ingest", *inputs, "-d", str(folder), *extra], monkeypatch) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and message in err
    with Dossier.open(folder) as opened:
        assert opened.store.sources() == []
