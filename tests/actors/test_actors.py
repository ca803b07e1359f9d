"""The register of actors: actors.yaml, its resolver, import, ingest, review and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from truceline.app import Dossier
from truceline.cli.app import app
from truceline.errors import DossierFileError
from truceline.files import read_file
from truceline.model import Actor
from truceline.reconcile.register import Register

EXAMPLE = Path(__file__).parents[2] / "examples" / "gaza-2025"
runner = CliRunner()

NETANYAHU = Actor(
    id="actor-netanyahu",
    name="Benjamin Netanyahu",
    kind="person",  # type: ignore[arg-type]
    aliases=["Netanyahu", "PM Netanyahu"],
    affiliation="Israel",
)
WITKOFF = Actor(id="actor-witkoff", name="Steve Witkoff", kind="person")  # type: ignore[arg-type]
ISRAEL = Actor(id="actor-israel", name="Israel", kind="state")  # type: ignore[arg-type]


@pytest.fixture
def dossier(tmp_path: Path) -> Iterator[Dossier]:
    with Dossier.init(tmp_path / "d") as opened:
        yield opened


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ the resolver


def test_resolver_folds_case_diacritics_and_takes_an_unambiguous_surname() -> None:
    register = Register([NETANYAHU, WITKOFF, ISRAEL])
    for name in ("Netanyahu", "PM Netanyahu", "pm  netanyahu", "Benjamin Netanyahu", "NETANYAHÚ"):
        assert register.canonical(name) == "Benjamin Netanyahu", name
    assert register.canonical("Witkoff") == "Steve Witkoff"  # surname of a person
    assert register.resolve("PM") is None  # a title only when listed
    assert register.resolve("the prime minister") is None
    assert register.canonical("Mahmoud Abbas") == "Mahmoud Abbas"


def test_an_ambiguous_surname_resolves_to_nobody() -> None:
    a = Actor(id="a", name="Ann Smith", kind="person")  # type: ignore[arg-type]
    b = Actor(id="b", name="Bob Smith", kind="person")  # type: ignore[arg-type]
    assert Register([a, b]).resolve("Smith") is None


# ------------------------------------------------------------------ the file


def test_the_example_register_reads() -> None:
    actors = read_file(EXAMPLE / "actors.yaml").actors
    names = {a.name for a in actors}
    assert {"Israel", "Hamas", "Qatar", "Egypt", "United States", "IDF"} <= names
    assert Register(actors).canonical("PM Netanyahu") == "Benjamin Netanyahu"


@pytest.mark.parametrize(
    ("body", "line", "field", "words"),
    [
        (
            "actors:\n  - id: a1\n    name: X\n    kind: wizard\n",
            4,
            "actors[0].kind",
            "expected",
        ),
        ("actors:\n  - id: a1\n    kind: state\n", 2, "actors[0].name", "missing"),
        (
            "actors:\n  - id: a1\n    name: X\n    kind: state\n    nickname: Y\n",
            5,
            "actors[0].nickname",
            "unknown field",
        ),
        (
            "actors:\n  - {id: a1, name: X, kind: state}\n  - {id: a1, name: Y, kind: state}\n",
            3,
            "actors[1].id",
            "already defined",
        ),
    ],
)
def test_errors_name_file_line_and_field(
    tmp_path: Path, body: str, line: int, field: str, words: str
) -> None:
    path = write(tmp_path / "actors.yaml", body)
    with pytest.raises(DossierFileError) as caught:
        read_file(path)
    error = caught.value
    assert (error.file, error.line, error.field) == (str(path), line, field)
    assert words in str(error)


# ------------------------------------------------------------------ import


def test_import_merges_the_folders_register(dossier: Dossier, tmp_path: Path) -> None:
    write(
        dossier.path / "actors.yaml",
        "actors:\n  - {id: actor-netanyahu, name: Benjamin Netanyahu, kind: person,"
        " aliases: [Netanyahu]}\n",
    )
    folder = tmp_path / "in"
    write(
        folder / "actors.yaml",
        "actors:\n  - {id: actor-netanyahu, name: Benjamin Netanyahu, kind: person,"
        " aliases: [PM Netanyahu]}\n  - {id: actor-hamas, name: Hamas, kind: armed_group}\n",
    )
    dossier.import_dir(folder)
    by_id = {a.id: a for a in dossier.actors()}
    assert set(by_id) == {"actor-netanyahu", "actor-hamas"}
    assert by_id["actor-netanyahu"].aliases == ["Netanyahu", "PM Netanyahu"]


def test_a_bad_register_stops_the_whole_import(dossier: Dossier, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for name in ("sources.yaml", "statements.yaml"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes((EXAMPLE / name).read_bytes())
    write(folder / "actors.yaml", "actors:\n  - {id: x, name: X, kind: wizard}\n")
    with pytest.raises(DossierFileError):
        dossier.import_dir(folder)
    assert dossier.counts().get("statement", 0) == 0
    assert not (dossier.path / "actors.yaml").exists()


def test_a_name_of_two_actors_is_refused_before_writing(dossier: Dossier, tmp_path: Path) -> None:
    dossier.add_actor("Benjamin Netanyahu", "person", ["Netanyahu"])
    folder = write(
        tmp_path / "in" / "actors.yaml",
        "actors:\n  - {id: other, name: Other, kind: person, aliases: [netanyahu]}\n",
    ).parent
    with pytest.raises(DossierFileError, match="already names"):
        dossier.import_dir(folder)
    assert [a.name for a in dossier.actors()] == ["Benjamin Netanyahu"]


# ------------------------------------------------------------------ ingest and review

QUOTE = re.compile(r"“([^”]+)”")


class SpeakerExtractor:
    """Every quotation of a text, said in turn by the given speakers."""

    def __init__(self, speakers: list[str]) -> None:
        self.speakers = speakers

    def extract_many(self, docs: Iterable[tuple[str, dt.date | None]]) -> Iterator[dict[str, Any]]:
        for text, _ in docs:
            quotes = [
                {
                    "text": m.group(1),
                    "start": m.start(1),
                    "end": m.end(1),
                    "speaker": speaker,
                    "kind": "direct",
                    "confidence": 0.9,
                }
                for m, speaker in zip(QUOTE.finditer(text), self.speakers, strict=True)
            ]
            yield {"quotes": quotes, "figures": [], "events": [], "timex": []}


def test_ingest_resolves_speakers_and_proposes_unknown_names(
    dossier: Dossier, tmp_path: Path
) -> None:
    dossier.import_dir(EXAMPLE)
    article = write(
        tmp_path / "article.txt",
        "Talks resumed.\n\n“We will not stop,” Netanyahu said. “The deal holds,” said the PM."
        " “We are ready,” Abbas said.\n",
    )
    extractor = SpeakerExtractor(["Netanyahu", "PM Netanyahu", "Mahmoud Abbas"])
    report = dossier.ingest([article], extractor=extractor)
    assert report.candidates == 3
    statements = dossier.records(kind="statement", states=("candidate",))
    speakers = [str(getattr(r, "speaker", "")) for r in statements]
    assert sorted(speakers) == ["Benjamin Netanyahu", "Benjamin Netanyahu", "Mahmoud Abbas"]
    notes = [
        dossier.history(r.id)[0].note
        for r in dossier.records(kind="statement", states=("candidate",))
    ]
    assert any("'PM Netanyahu' → 'Benjamin Netanyahu'" in (n or "") for n in notes)
    proposed = dict(dossier.proposed_actors())
    assert proposed["Mahmoud Abbas"] == 1
    assert "Benjamin Netanyahu" not in proposed and "Israel" not in proposed


# ------------------------------------------------------------------ the CLI


def test_cli_lists_proposes_and_grows_the_register(tmp_path: Path) -> None:
    path = tmp_path / "d"
    assert runner.invoke(app, ["init", str(path)]).exit_code == 0
    assert runner.invoke(app, ["import", str(EXAMPLE), "-d", str(path)]).exit_code == 0
    listed = runner.invoke(app, ["actors", "-d", str(path), "--json"])
    assert listed.exit_code == 0, listed.output
    assert "Benjamin Netanyahu" in {a["name"] for a in json.loads(listed.stdout)}
    proposed = runner.invoke(app, ["actors", "proposed", "-d", str(path), "--json"])
    assert proposed.exit_code == 0, proposed.output
    names = {p["name"] for p in json.loads(proposed.stdout)}
    assert "Hamas" not in names
    added = runner.invoke(
        app,
        ["actors", "add", "Mahmoud Abbas", "--kind", "person", "--alias", "Abbas",
         "--affiliation", "Palestinian Authority", "-d", str(path)],
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    register = read_file(path / "actors.yaml").actors
    assert register[-1].name == "Mahmoud Abbas" and register[-1].aliases == ["Abbas"]
    bad = runner.invoke(app, ["actors", "add", "Someone", "--kind", "wizard", "-d", str(path)])
    assert bad.exit_code != 0 and "kind" in str(bad.exception)
    taken = runner.invoke(
        app, ["actors", "add", "Bibi", "--kind", "person", "--alias", "Netanyahu", "-d", str(path)]
    )
    assert taken.exit_code != 0 and "already names" in str(taken.exception)


def test_export_carries_the_register_and_reimports_unchanged(
    dossier: Dossier, tmp_path: Path
) -> None:
    dossier.import_dir(EXAMPLE)
    written = dossier.export_dir(tmp_path / "out")
    assert tmp_path / "out" / "actors.yaml" in written
    before = dossier.actors()
    assert dossier.import_dir(tmp_path / "out").changed is False
    assert dossier.actors() == before
