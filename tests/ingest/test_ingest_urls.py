"""truceline.ingest._urls: canonical URLs."""

from __future__ import annotations

import pytest

from truceline.ingest._urls import canonical_url, host_of, is_tracking


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://WWW.Example.COM/World/Story/", "https://www.example.com/World/Story"),
        ("https://example.com/a#comments", "https://example.com/a"),
        (
            "https://example.com/a?utm_source=x&id=7&fbclid=abc&gclid=1&UTM_Medium=y",
            "https://example.com/a?id=7",
        ),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a/", "https://example.com:8443/a"),
        ("https://example.com/", "https://example.com"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"),
        ("http://[::1]:8000/x", "http://[::1]:8000/x"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent() -> None:
    url = "https://WWW.Example.com/a/?utm_campaign=z&q=truce#x"
    assert canonical_url(canonical_url(url)) == canonical_url(url)


def test_tracking_params() -> None:
    assert is_tracking("utm_content") and is_tracking("FBCLID") and is_tracking("gclid")
    assert not is_tracking("id") and not is_tracking("page")


def test_host_of() -> None:
    assert host_of("https://www.Harbour-Ledger.example/x") == "harbour-ledger.example"
    assert host_of("file.txt") is None
