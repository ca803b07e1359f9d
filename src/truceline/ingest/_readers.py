"""Readers: one per input kind, each turning an input into ``Source`` objects.

    .txt              the text as it is (encoding detected)
    .html / .htm      main text and metadata by trafilatura, date by htmldate
    .jsonl            one article a line: text, url, published, outlet, title
    .warc / .warc.gz  HTML responses, each read like an HTML page
    http(s)://…       fetched (see truceline.ingest._fetch), then read as HTML or text

A plain file (.txt, .html, or any other suffix) takes the publication day,
title and address given in the options (``--published``, ``--title``,
``--url``) over what it says itself; ``check_given`` refuses them for inputs
that carry their own (JSONL, WARC, URLs).

A folder is read file by file (the kinds above, sorted by path). Every failure
is an ``IngestError`` that names the file (and the line of a JSONL file). Given
``on_skip``, a failure of one document (a file of a folder, a line of a JSONL
file) is handed to it and reading goes on with the next; without, it is raised.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import htmldate
import trafilatura
from pydantic import ValidationError
from trafilatura.settings import Document

from truceline.bounds import explain_limit
from truceline.errors import IngestError
from truceline.ingest._fetch import fetch
from truceline.ingest._options import IngestOptions
from truceline.ingest._urls import canonical_url, host_of
from truceline.model import Source, make_id
from truceline.text import decode

UNKNOWN_OUTLET = "unknown"
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz")


def is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))


OnSkip = Callable[[IngestError], None]
"""Told about a document that could not be read, when reading goes on without it."""


def read_input(
    item: str | Path, options: IngestOptions, on_skip: OnSkip | None = None
) -> Iterator[Source]:
    """Sources from one input: a URL, a file or a folder."""
    if isinstance(item, str) and is_url(item):
        yield read_url(item, options)
        return
    path = Path(item)
    if path.is_dir():
        files = _files_in(path)
        if not files:
            raise IngestError(f"{path}: no .txt, .html, .jsonl or .warc files in this folder")
        for file in files:
            yield from _skipping(read_file(file, options, on_skip), on_skip)
        return
    yield from read_file(path, options, on_skip)


@dataclass(frozen=True)
class Given:
    """What the person ingesting says of a plain file: it beats what the file says."""

    published: str | None = None
    title: str | None = None
    url: str | None = None


def _given(options: IngestOptions) -> Given:
    published = options.published.isoformat() if options.published else None
    return Given(published=published, title=options.title, url=options.url)


GIVEN_FLAGS = ("published", "title", "url")
"""The options that describe a plain file (``--published``, ``--title``, ``--url``)."""


def check_given(inputs: Sequence[str | Path], options: IngestOptions) -> None:
    """Refuse a publication day, title or address given where it cannot apply.

    They describe plain files (.txt, .html): a JSONL line, a WARC record and a
    fetched page carry their own; and one address names one document only.
    Checked before anything is read, so a run is refused whole.
    """
    flags = ", ".join(f"--{name}" for name in GIVEN_FLAGS if getattr(options, name) is not None)
    if not flags:
        return
    files: list[Path] = []
    for item in inputs:
        if isinstance(item, str) and is_url(item):
            raise IngestError(f"{item}: {flags} can only describe a .txt or .html file, not a URL")
        path = Path(item)
        files += _files_in(path) if path.is_dir() else [path]
    for file in files:
        if _kind(file) in ("jsonl", "warc"):
            raise IngestError(
                f"{file}: {flags} can only describe a .txt or .html file; "
                "each article of a JSONL or WARC file carries its own"
            )
    if options.url is not None and len(files) > 1:
        raise IngestError(f"--url names one document, but {len(files)} files were given")


def _files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and _kind(p) is not None)


def _skipping(sources: Iterator[Source], on_skip: OnSkip | None) -> Iterator[Source]:
    """The sources of one document, or none and ``on_skip`` told why."""
    try:
        yield from sources
    except IngestError as exc:
        if on_skip is None:
            raise
        on_skip(exc)


def read_file(
    path: Path, options: IngestOptions, on_skip: OnSkip | None = None
) -> Iterator[Source]:
    """Sources from one file, by its suffix (an unknown suffix is sniffed: HTML or text)."""
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    kind = _kind(path)
    if kind == "jsonl":
        yield from read_jsonl(path, options, on_skip)
    elif kind == "warc":
        yield from read_warc(path, options)
    else:
        data = _read_bytes(path, options)
        if kind is None:
            kind = "html" if _looks_like_html(data) else "txt"
        given = _given(options)
        if kind == "html":
            yield read_html(data, str(path), options, given=given)
        else:
            yield read_text(data, str(path), options, given=given)


def read_text(
    data: bytes,
    where: str,
    options: IngestOptions,
    url: str | None = None,
    charset: str | None = None,
    retrieved: dt.datetime | None = None,
    given: Given | None = None,
) -> Source:
    """A plain-text document (its encoding detected); ``given`` says what the text cannot."""
    text = decode(data, where, declared=charset)
    given = given or Given()
    return make_source(
        text,
        options,
        url=given.url or url,
        title=given.title,
        published=given.published,
        retrieved=retrieved,
        where=where,
    )


def read_html(
    data: bytes | str,
    where: str,
    options: IngestOptions,
    url: str | None = None,
    charset: str | None = None,
    retrieved: dt.datetime | None = None,
    given: Given | None = None,
) -> Source:
    """An HTML page: its main text and metadata (trafilatura), its published date (htmldate).

    What ``given`` names (from the command line) wins over what the page says.
    """
    given = given or Given()
    html = data if isinstance(data, str) else decode(data, where, declared=charset, html=True)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise IngestError(f"{where}: cannot parse HTML ({exc})") from exc
    text = (doc.text or "").strip() if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or len(text) < options.min_article_chars:
        raise IngestError(f"{where}: no article text found in the HTML")
    return make_source(
        text,
        options,
        url=given.url or doc.url or url,
        guessed_outlet=doc.sitename or doc.hostname,
        title=given.title or doc.title,
        author=doc.author,
        published=given.published or _html_date(html, url) or doc.date,
        language=doc.language,
        retrieved=retrieved,
        where=where,
    )


def read_jsonl(
    path: Path, options: IngestOptions, on_skip: OnSkip | None = None
) -> Iterator[Source]:
    """One article per line: ``text`` (required), ``url``, ``published``, ``outlet``, ``title``.

    Also read when present: ``author``, ``language``, ``retrieved``. Blank lines are skipped.
    """
    found = False
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if raw.strip():
                found = True
                yield from _skipping(_jsonl_line(raw, f"{path}:{number}", options), on_skip)
    if not found:
        raise IngestError(f"{path}: empty input (no articles)")


def _jsonl_line(raw: bytes, where: str, options: IngestOptions) -> Iterator[Source]:
    """The article of one non-blank JSONL line (a generator, so its errors come when read)."""
    if len(raw) > options.max_bytes:
        raise IngestError(
            f"{where}: line too large ({len(raw)} bytes; the limit is {options.max_bytes})"
        )
    try:
        item = json.loads(decode(raw, where))
    except json.JSONDecodeError as exc:
        raise IngestError(f"{where}: not JSON ({exc.msg})") from exc
    if not isinstance(item, dict):
        raise IngestError(f"{where}: expected a JSON object, got {type(item).__name__}")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(f"{where}: text: missing or empty")
    yield make_source(
        text.replace("\r\n", "\n"),
        options,
        url=_str(item, "url", where),
        outlet=_str(item, "outlet", where),
        title=_str(item, "title", where),
        author=_str(item, "author", where),
        language=_str(item, "language", where),
        published=_date(item.get("published"), f"{where}: published"),
        retrieved=_datetime(item.get("retrieved"), f"{where}: retrieved"),
        where=where,
    )


def read_warc(path: Path, options: IngestOptions) -> Iterator[Source]:
    """HTML pages in a WARC file (response and resource records); others are skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type == "response":
                    if record.http_headers is None:
                        continue
                    status = record.http_headers.get_statuscode()
                    if not status or not status.startswith("2"):
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                where = f"{path}: {uri}"
                data = record.content_stream().read(options.max_bytes + 1)
                if len(data) > options.max_bytes:
                    raise IngestError(f"{where}: too large (the limit is {options.max_bytes})")
                try:
                    source = read_html(
                        data,
                        where,
                        options,
                        url=uri,
                        charset=_charset(ctype),
                        retrieved=_datetime(
                            record.rec_headers.get_header("WARC-Date"), f"{where}: WARC-Date"
                        ),
                    )
                except IngestError:
                    continue  # index pages, error pages: an archive holds many
                found += 1
                yield source
    except ArchiveLoadFailed as exc:
        raise IngestError(f"{path}: not a WARC file ({exc})") from exc
    if not found:
        raise IngestError(f"{path}: no HTML article in this WARC file")


def read_url(url: str, options: IngestOptions) -> Source:
    """Fetch a URL and read it as HTML or plain text."""
    fetched = fetch(url, options)
    final = fetched.final_url
    if fetched.content_type == "text/plain":
        return read_text(
            fetched.data,
            url,
            options,
            url=final,
            charset=fetched.charset,
            retrieved=fetched.retrieved,
        )
    if fetched.content_type and not (
        "html" in fetched.content_type or fetched.content_type.startswith("text/")
    ):
        raise IngestError(f"{url}: not HTML or text ({fetched.content_type})")
    return read_html(
        fetched.data, url, options, url=final, charset=fetched.charset, retrieved=fetched.retrieved
    )


def make_source(
    text: str,
    options: IngestOptions,
    *,
    url: str | None = None,
    outlet: str | None = None,
    guessed_outlet: str | None = None,
    title: str | None = None,
    author: str | None = None,
    published: str | None = None,
    language: str | None = None,
    retrieved: dt.datetime | None = None,
    where: str = "<input>",
) -> Source:
    """A Source with a stable id: from the canonical URL if there is one, else the content.

    The outlet is, in order: named by the input itself, ``options.outlet``, guessed
    from the page (site name), the URL's host, else "unknown". A value no dossier
    can hold (a port past 65535, a lone surrogate, a year 9999) is an
    `IngestError` naming ``where`` and the field.
    """
    try:
        canonical = canonical_url(url) if url else None
        source = Source(
            id="src-pending",
            outlet=outlet
            or options.outlet
            or guessed_outlet
            or (host_of(canonical) if canonical else None)
            or UNKNOWN_OUTLET,
            url=canonical,
            title=title or None,
            author=author or None,
            published=published,
            retrieved=retrieved,
            language=language or None,
            text=text,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        message = explain_limit(first) or str(first["msg"]).removeprefix("Value error, ")
        raise IngestError(f"{where}: {field}: {message}") from exc
    except ValueError as exc:  # urllib: "Port out of range 0-65535", bad IPv6 brackets …
        raise IngestError(f"{where}: url: {exc}") from exc
    key = canonical if canonical else source.content_hash
    return source.model_copy(update={"id": make_id("src", key)})


# ------------------------------------------------------------------ helpers


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    kinds = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
    return kinds.get(path.suffix.lower())


def _read_bytes(path: Path, options: IngestOptions) -> bytes:
    size = path.stat().st_size
    if size > options.max_bytes:
        raise IngestError(f"{path}: too large ({size} bytes; the limit is {options.max_bytes})")
    return path.read_bytes()


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _html_date(html: str, url: str | None) -> str | None:
    try:
        return htmldate.find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is best effort; a page without a date is not an error
        return None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _str(item: dict[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise IngestError(f"{where}: {key}: expected a string, got {type(value).__name__}")
    return value


def _date(value: Any, where: str) -> str | None:
    """An ISO date (a datetime keeps its day), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        for parse in (dt.date.fromisoformat, lambda v: dt.datetime.fromisoformat(v).date()):
            try:
                return parse(value).isoformat()
            except ValueError:
                pass
    raise IngestError(f"{where}: expected an ISO date (YYYY-MM-DD), got {value!r}")


def _datetime(value: Any, where: str) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    raise IngestError(f"{where}: expected an ISO date and time, got {value!r}")
