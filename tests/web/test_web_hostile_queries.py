"""No query string makes the dashboard fail: every page, every parameter, hostile values.

The dossier is the Gaza example (an agreement, so the compliance pages compute a
ledger) plus the hostile article of ``conftest.build``. Each page is asked with
every query parameter the dashboard reads set to one hostile value at a time
(all parameters at once, and all but ``page``, whose refusal would stop the
rest being read); path parameters get the same values. Anything may be a 200,
a 400, a 404 or a redirect; nothing may be a 500.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from truceline.app import Dossier
from truceline.web import create_app

from .conftest import TestClient, build

EXAMPLE = Path(__file__).parents[2] / "examples" / "gaza-2025"
PAGES = [
    "/",
    "/healthz",
    "/timeline",
    "/compliance",
    "/compliance/cell",
    "/deadlines",
    "/negotiation",
    "/disputes",
    "/speakers",
    "/sources",
    "/source/src-evil",
    "/record/ev-talks",
    "/review",
    "/data",
    "/login",
]
PATHS = ["/record/{}", "/source/{}", "/data/{}", "/compliance/obligation/{}"]
PARAMS = [
    "page", "q", "kind", "party", "type", "outlet", "source", "state", "as_of", "from",
    "by", "obligation", "day", "a", "b", "focus", "speaker", "next", "format",
]  # fmt: skip
VALUES = [
    "99999999999999999999",
    "-1",
    "0",
    "1e400",
    "nan",
    "inf",
    "9999-12-31",
    "0001-01-01",
    "1799-12-31",
    "2201-01-01",
    "2025-02-30",
    "10000-01-01",
    "-2025-01-01",
    "２０２５-０１-２０",
    "²",
    "\x00",
    "\ud800",
    " ",
    "' OR 1=1 --",
    '"><script>window.__pwned=1</script>',
    "../../../../etc/passwd",
    "//evil.example/",
    "javascript:alert(1)",
    "x" * 2000,
    "🙂",
]


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    dossier: Dossier = build(tmp_path_factory.mktemp("hostile") / "dossier")
    dossier.import_dir(EXAMPLE)
    with TestClient(create_app(dossier), raise_server_exceptions=False) as client:
        yield client
    dossier.close()


def _encode(value: str) -> str:
    """Percent-encoded as a browser would send it; a lone surrogate as its raw UTF-8 bytes."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def _failing(client: TestClient, urls: list[str]) -> list[str]:
    return [url for url in urls if client.get(url, follow_redirects=False).status_code >= 500]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_no_query_value_is_a_server_error(hostile_client: TestClient, value: str) -> None:
    every = "&".join(f"{p}={_encode(value)}" for p in PARAMS)
    but_page = "&".join(f"{p}={_encode(value)}" for p in PARAMS if p != "page")
    urls = [f"{page}?{query}" for page in PAGES for query in (every, but_page)]
    urls += [path.format(_encode(value)) for path in PATHS]
    assert _failing(hostile_client, urls) == []


def test_malformed_query_strings_are_not_server_errors(hostile_client: TestClient) -> None:
    queries = ["page=%ZZ", "q=%ED%A0%80", "q=%FF%FE", "as_of=%00", "&&&=&=", "page&page=2&page=x"]
    queries.append("q=" + "a" * 60_000)  # the client refuses a URL past 64 kB
    urls = [f"{page}?{query}" for page in PAGES for query in queries]
    assert _failing(hostile_client, urls) == []
