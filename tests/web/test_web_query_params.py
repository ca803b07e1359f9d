"""Query values out of range are the visitor's mistake (400), never the server's (500)."""

from __future__ import annotations

import pytest

BAD_PAGES = [
    "99999999999999999999",
    "1000000001",
    "0",
    "-1",
    "-99999999999999999999",
    "abc",
    "1.5",
    "²",
]


@pytest.mark.parametrize("path", ["/timeline", "/sources", "/review"])
@pytest.mark.parametrize("page", BAD_PAGES)
def test_a_page_out_of_range_is_a_bad_request(public_client, client, path, page):
    http = client if path == "/review" else public_client
    response = http.get(path, params={"page": page})
    assert response.status_code == 400
    assert "whole number" in response.text


@pytest.mark.parametrize("path", ["/timeline", "/sources"])
def test_the_largest_page_is_an_empty_page(public_client, path):
    response = public_client.get(path, params={"page": "1000000000"})
    assert response.status_code == 200
