"""`run_corpus` on a two-worker cluster: the Parquet tables hold exactly what the
in-process Extractor gives, failures are listed, the date index is honoured, and
a crash leaves no output."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from truceline.batch import ITEM_KINDS, MANIFEST, SCHEMAS, TABLES, collect_files, run_corpus
from truceline.dates import first_day
from truceline.errors import TrucelineError

from .conftest import DAY1, PUBLISHED, TEXTS


def as_stored(item: dict) -> dict:
    """An extracted item as its table holds it: an event's date as a date (its first day)."""
    if isinstance(item.get("date"), str):
        return {**item, "date": first_day(item["date"])}
    return item


def read_tables(out: Path) -> dict[str, list[dict]]:
    return {name: pq.read_table(out / f"{name}.parquet").to_pylist() for name in TABLES}


def by_file(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        row = dict(row)
        grouped.setdefault(Path(row.pop("file")).name, []).append(row)
    return grouped


@pytest.fixture(scope="module")
def run(corpus, scheduler, tmp_path_factory):
    out = tmp_path_factory.mktemp("runs") / "corpus-out"
    seen: list[tuple[int, int]] = []
    report = run_corpus(
        [corpus / "reports"],
        out,
        published=json_index(corpus / "index.jsonl"),
        scheduler=scheduler,
        day1=DAY1,
        chunk_size=1,  # four chunks over two workers
        progress=lambda done, total: seen.append((done, total)),
    )
    return report, out, seen


def json_index(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {row["doc"]: row["published"] for row in map(json.loads, lines)}


def test_tables_equal_in_process_extraction(run, extractor) -> None:
    report, out, _ = run
    tables = read_tables(out)
    assert report.failures == () and tables["failures"] == []
    for kind in ITEM_KINDS:
        got = by_file(tables[kind])
        for name, text in TEXTS.items():
            expected = extractor.extract(text, PUBLISHED[name]).to_json()[kind]
            assert got.get(name, []) == [as_stored(item) for item in expected], (kind, name)
            for item in expected:  # the schema holds every field the extractor gives
                assert set(item) == set(SCHEMAS[kind].names) - {"file"}
    assert sum(report.counts.values()) > 10
    assert report.counts == {kind: len(tables[kind]) for kind in ITEM_KINDS}


def test_offsets_slice_the_file_text(run) -> None:
    _, out, _ = run
    tables = read_tables(out)
    for kind in ("quotes", "timex", "figures"):
        for row in tables[kind]:
            assert TEXTS[Path(row["file"]).name][row["start"] : row["end"]] == row["text"]


def test_files_are_in_input_order_with_their_dates(run, corpus) -> None:
    report, out, seen = run
    files = read_tables(out)["files"]
    expected = [str(p) for p in collect_files([corpus / "reports"])]
    assert [row["file"] for row in files] == expected
    assert len(expected) == 4  # hidden files and non-.txt files are skipped
    assert {Path(r["file"]).name: str(r["published"]) for r in files} == PUBLISHED
    assert report.processed == report.files == 4
    assert seen[0] == (0, 4) and seen[-1] == (4, 4) and len(seen) == 5


def test_manifest_and_nothing_left_beside_the_output(run) -> None:
    report, out, _ = run
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["day1"] == "2025-01-19"
    assert manifest["rows"]["files"] == 4
    assert manifest["model"] == list(report.models) and report.models
    assert sorted(p.name for p in out.parent.iterdir()) == ["corpus-out"]


def test_failing_files_are_listed_and_the_others_processed(tmp_path, scheduler) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXTS["weekend-swap.txt"], encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.7\x00\x00\x01binary")
    missing = tmp_path / "missing.txt"
    report = run_corpus(
        [empty, good, missing, binary], tmp_path / "out", scheduler=scheduler, chunk_size=2
    )
    tables = read_tables(tmp_path / "out")
    errors = {Path(row["file"]).name: row["error"] for row in tables["failures"]}
    assert errors.keys() == {"empty.txt", "missing.txt", "scan.txt"}
    assert "empty" in errors["empty.txt"]
    assert "no such file" in errors["missing.txt"]
    assert "binary" in errors["scan.txt"]
    assert [f.file for f in report.failures] == [str(empty), str(missing), str(binary)]
    assert [row["file"] for row in tables["files"]] == [str(good)]
    assert {row["file"] for row in tables["figures"]} == {str(good)}
    assert report.processed == 1 and report.files == 4


def test_published_index_is_honoured(tmp_path, scheduler, extractor) -> None:
    text = "Hamas freed three hostages on Saturday, mediators said.\n"
    for name in ("feb.txt", "mar.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    index = {"feb.txt": "2025-02-10", "mar.txt": "2025-03-03"}
    run_corpus([tmp_path], tmp_path / "out", published=index, scheduler=scheduler)
    tables = read_tables(tmp_path / "out")
    saturday = {
        Path(r["file"]).name: r["value"] for r in tables["timex"] if r["text"] == "Saturday"
    }
    assert saturday == {"feb.txt": "2025-02-08", "mar.txt": "2025-03-01"}
    assert (
        by_file(tables["timex"])["mar.txt"]
        == extractor.extract(text, "2025-03-03").to_json()["timex"]
    )
    assert {r["file"].rsplit("/", 1)[-1]: str(r["published"]) for r in tables["files"]} == index


def test_a_crash_leaves_the_previous_output_untouched(tmp_path, scheduler) -> None:
    for number in range(3):
        (tmp_path / f"r{number}.txt").write_text(TEXTS["aid-trucks.txt"], encoding="utf-8")
    out = tmp_path / "runs" / "out"
    run_corpus([tmp_path], out, scheduler=scheduler)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def crash(done: int, total: int) -> None:
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_corpus([tmp_path], out, scheduler=scheduler, chunk_size=1, progress=crash)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in out.parent.iterdir()] == ["out"]  # no .partial folder left
    # a second run replaces a previous run's output in one move
    report = run_corpus([tmp_path / "r0.txt"], out, scheduler=scheduler)
    assert report.processed == 1
    assert len(read_tables(out)["files"]) == 1


def test_refuses_an_out_folder_that_is_not_a_previous_run(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(TEXTS["aid-trucks.txt"], encoding="utf-8")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "thesis.tex").write_text("keep me", encoding="utf-8")
    with pytest.raises(TrucelineError, match="not the output of a corpus run"):
        run_corpus([tmp_path / "a.txt"], tmp_path / "home", workers=1)
    assert (tmp_path / "home" / "thesis.tex").read_text(encoding="utf-8") == "keep me"


def test_local_cluster_listens_on_loopback_only(scheduler) -> None:
    from distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        http = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.http_server.address)
        workers = list(client.scheduler_info()["workers"])
    assert scheduler.startswith("tcp://127.0.0.1:")
    assert http == "127.0.0.1"
    assert len(workers) == 2 and all(w.startswith("tcp://127.0.0.1:") for w in workers)


def test_bad_input_is_refused_before_the_cluster_starts(tmp_path) -> None:
    (tmp_path / "notes.md").write_text("no reports here", encoding="utf-8")
    with pytest.raises(TrucelineError, match=r"no files to process"):
        run_corpus([tmp_path], tmp_path / "out")
    (tmp_path / "a.txt").write_text(TEXTS["aid-trucks.txt"], encoding="utf-8")
    with pytest.raises(TrucelineError, match="day1"):
        run_corpus([tmp_path], tmp_path / "out", day1="19/01/2025")
    with pytest.raises(TrucelineError, match="a.txt"):
        run_corpus([tmp_path], tmp_path / "out", published={"a.txt": "soon"})
    assert not (tmp_path / "out").exists()


def test_collect_files_walks_folders_and_drops_duplicates(corpus) -> None:
    reports = corpus / "reports"
    found = collect_files([reports, reports / "aid-trucks.txt", reports / "nope.txt"])
    assert [p.relative_to(reports).as_posix() for p in found] == [
        "aid-trucks.txt",
        "march/strikes-resume.txt",
        "march/weekend-swap.txt",
        "truce-begins.txt",
        "nope.txt",  # kept, to be reported as a failure
    ]


def test_a_model_that_cannot_load_stops_the_run_and_writes_nothing(tmp_path, scheduler) -> None:
    (tmp_path / "a.txt").write_text(TEXTS["aid-trucks.txt"], encoding="utf-8")
    with pytest.raises(TrucelineError, match="no_such_model"):
        run_corpus([tmp_path], tmp_path / "out", scheduler=scheduler, model="no_such_model")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
