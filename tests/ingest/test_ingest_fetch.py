"""truceline.ingest._fetch: guarded fetching, against a local server only."""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

from truceline.errors import IngestError
from truceline.ingest import _fetch as fetch_module
from truceline.ingest._fetch import check_url, fetch, is_public
from truceline.ingest._options import IngestOptions

ALLOW = IngestOptions(allow_private=True)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::",
    ],
)
def test_private_addresses_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://127.0.0.1:8080/news",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "https://[fe80::1]/",
    ],
)
def test_private_hosts_are_refused_before_connecting(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_connect(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("connected to a refused host")

    monkeypatch.setattr(fetch_module.httpx.Client, "send", no_connect)
    with pytest.raises(IngestError, match="refused.*--allow-private"):
        fetch(url, IngestOptions())


def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    def getaddrinfo(host: str, port: int, **kwargs: Any) -> list[Any]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port)),
        ]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(IngestError, match=r"refused.*10\.1\.2\.3"):
        check_url("http://mixed.example/a", allow_private=False)


@pytest.mark.parametrize("url", ["ftp://example.com/a", "file:///etc/passwd", "http:///nohost"])
def test_only_http_urls(url: str) -> None:
    with pytest.raises(IngestError):
        check_url(url, allow_private=True)


def test_local_server_is_refused_without_allow_private(server: str) -> None:
    with pytest.raises(IngestError, match="refused"):
        fetch(f"{server}/article", IngestOptions())


def test_fetch_with_allow_private(server: str) -> None:
    fetched = fetch(f"{server}/article", ALLOW)
    assert fetched.content_type == "text/html"
    assert fetched.charset == "utf-8"
    assert b"Aid convoys" in fetched.data
    assert fetched.final_url == f"{server}/article"


def test_hostname_is_sent_as_host_header(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    fetched = fetch(f"http://localhost:{port}/article", ALLOW)
    assert b"Aid convoys" in fetched.data


def test_redirect_is_followed(server: str) -> None:
    fetched = fetch(f"{server}/redirect", ALLOW)
    assert fetched.final_url == f"{server}/article"


def test_redirects_are_capped(server: str) -> None:
    with pytest.raises(IngestError, match="more than 3 redirects"):
        fetch(f"{server}/loop", IngestOptions(allow_private=True, max_redirects=3))


def test_redirect_target_is_checked_again(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    loopback = ipaddress.ip_address("127.0.0.1")
    real = fetch_module.is_public
    monkeypatch.setattr(fetch_module, "is_public", lambda a: a == loopback or real(a))
    with pytest.raises(IngestError, match=r"refused.*169\.254\.169\.254"):
        fetch(f"{server}/to-metadata", IngestOptions())


def test_size_cap_on_streamed_body(server: str) -> None:
    with pytest.raises(IngestError, match="too large"):
        fetch(f"{server}/big", IngestOptions(allow_private=True, max_bytes=100_000))


def test_size_cap_on_declared_length(server: str) -> None:
    with pytest.raises(IngestError, match="too large"):
        fetch(f"{server}/big-declared", IngestOptions(allow_private=True, max_bytes=100_000))


def test_http_error(server: str) -> None:
    with pytest.raises(IngestError, match="HTTP 404"):
        fetch(f"{server}/nothing-here", ALLOW)


def test_connection_refused_is_an_ingest_error() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(IngestError, match="cannot connect"):
        fetch(f"http://127.0.0.1:{port}/", ALLOW)
