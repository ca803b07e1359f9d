"""truceline.ingest._readers: every input kind, and bad input of every sort."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from truceline.errors import IngestError
from truceline.ingest import IngestOptions, read_input
from truceline.model import make_id

OPTIONS = IngestOptions()


def read(item: str | Path, options: IngestOptions = OPTIONS) -> list:
    return list(read_input(item, options))


def test_txt(fixtures: Path) -> None:
    [source] = read(fixtures / "truce-first-day.txt")
    text = (fixtures / "truce-first-day.txt").read_text()
    assert source.text == text
    assert source.id == make_id("src", source.content_hash)
    assert source.outlet == "unknown"
    assert source.url is None


def test_outlet_option(fixtures: Path) -> None:
    [source] = read(fixtures / "truce-first-day.txt", IngestOptions(outlet="Gulf Desk"))
    assert source.outlet == "Gulf Desk"


def test_non_utf8_txt(tmp_path: Path) -> None:
    text = (
        "Mediators said the exchange on Saturday would go ahead “as planned”, and that "
        "Qatar’s envoy had met both délégations — the third such meeting this week.\n"
    )
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    [source] = read(path)
    assert source.text == text


def test_html(fixtures: Path) -> None:
    [source] = read(fixtures / "truce-aid.html")
    assert source.outlet == "The Harbour Ledger"
    assert source.title == "Aid convoys roll into Gaza on third day of truce"
    assert source.author == "Mira Halvorsen"
    assert source.published == "2025-01-21"
    assert source.url == "https://www.harbour-ledger.example/world/2025/01/21/aid-convoys-gaza"
    assert source.id == make_id("src", source.url)
    assert "at least 630 trucks" in source.text
    assert "Most read" not in source.text and "Copyright" not in source.text


def test_html_with_no_article(fixtures: Path) -> None:
    with pytest.raises(IngestError, match=r"section-front\.html: no article text"):
        read(fixtures / "section-front.html")


def test_jsonl(fixtures: Path) -> None:
    first, second = read(fixtures / "articles.jsonl")
    assert first.outlet == "Example Wire"
    assert first.url == "https://news.example.org/mideast/second-exchange"
    assert first.published == "2025-01-25"
    assert first.title == "Second exchange completed under Gaza truce"
    assert second.url is None and second.id == make_id("src", second.content_hash)
    assert second.published == "2025-01-27"  # a date and time keeps its day


def test_jsonl_line_outlet_beats_option(fixtures: Path) -> None:
    sources = read(fixtures / "articles.jsonl", IngestOptions(outlet="Other"))
    assert [s.outlet for s in sources] == ["Example Wire", "Coastal Bulletin"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"url": "https://x.example/a"}', "text: missing or empty"),
        ('{"text": "   "}', "text: missing or empty"),
        ('{"text": "Truce holds.", "published": "last Tuesday"}', "published: expected an ISO"),
        ('{"text": "Truce holds.", "outlet": 7}', "outlet: expected a string"),
    ],
)
def test_jsonl_errors_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"text": "The truce held overnight, officials said."})
    path.write_text(f"{good}\n\n{line}\n")
    with pytest.raises(IngestError, match=rf"bad\.jsonl:3: {message}"):
        read(path)


def test_jsonl_oversized_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "truce " * 100}) + "\n")
    with pytest.raises(IngestError, match=r"big\.jsonl:1: line too large"):
        read(path, IngestOptions(max_bytes=200))


def test_jsonl_empty(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n")
    with pytest.raises(IngestError, match="empty input"):
        read(path)


def test_warc(fixtures: Path) -> None:
    [source] = read(fixtures / "pages.warc.gz")  # the image, section page and 404 are skipped
    assert source.url == "https://riverside.example/world/rafah-reopens"
    assert source.outlet == "Riverside Times"
    assert source.published == "2025-02-01"
    assert source.retrieved == dt.datetime(2025, 2, 1, 12, tzinfo=dt.UTC)
    assert "“Every day the crossing stays open matters,”" in source.text  # windows-1252


def test_uncompressed_warc(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "pages.warc"
    path.write_bytes(gzip.decompress((fixtures / "pages.warc.gz").read_bytes()))
    assert [s.outlet for s in read(path)] == ["Riverside Times"]


def test_warc_without_articles(tmp_path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "empty.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/",
                "response",
                payload=BytesIO(b"<p>Home</p>"),
                http_headers=headers,
            )
        )
    with pytest.raises(IngestError, match="no HTML article"):
        read(path)


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive\n")
    with pytest.raises(IngestError, match=r"fake\.warc"):
        read(path)


def test_folder_with_a_bad_file_names_it(fixtures: Path) -> None:
    with pytest.raises(IngestError, match=r"section-front\.html: no article text"):
        read(fixtures)


def test_folder_reads_every_kind(fixtures: Path, tmp_path: Path) -> None:
    for name in ("truce-first-day.txt", "truce-aid.html", "articles.jsonl", "pages.warc.gz"):
        (tmp_path / name).write_bytes((fixtures / name).read_bytes())
    (tmp_path / "notes.md").write_text("ignored: not a known kind")
    sources = read(tmp_path)
    assert len(sources) == 5


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no .txt, .html"):
        read(tmp_path)


def test_unknown_suffix_is_sniffed(fixtures: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.php"
    page.write_bytes((fixtures / "truce-aid.html").read_bytes())
    [source] = read(page)
    assert source.outlet == "The Harbour Ledger"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty input"),
        ("blank.html", b"\n  \n", "empty input"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary input"),
        ("photo.html", bytes(range(256)) * 4, "binary input"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=rf"{name}: {message}"):
        read(path)


def test_oversized_file(fixtures: Path) -> None:
    with pytest.raises(IngestError, match=r"truce-first-day\.txt: too large"):
        read(fixtures / "truce-first-day.txt", IngestOptions(max_bytes=100))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read(tmp_path / "nope.txt")


def test_url_html(server: str) -> None:
    [source] = read(f"{server}/redirect?utm_source=x", IngestOptions(allow_private=True))
    # the page's canonical link names the article; the fetch time is the retrieved time
    assert source.url == "https://www.harbour-ledger.example/world/2025/01/21/aid-convoys-gaza"
    assert source.retrieved is not None
    assert source.published == "2025-01-21"


def test_url_plain_text(server: str) -> None:
    [source] = read(f"{server}/plain", IngestOptions(allow_private=True))
    assert source.url == f"{server}/plain"
    assert source.outlet == "127.0.0.1"  # no site name: the host


def test_url_not_text(server: str) -> None:
    with pytest.raises(IngestError, match=r"not HTML or text \(image/png\)"):
        read(f"{server}/png", IngestOptions(allow_private=True))


def test_url_refused_without_allow_private(server: str) -> None:
    with pytest.raises(IngestError, match="refused"):
        read(f"{server}/article")
