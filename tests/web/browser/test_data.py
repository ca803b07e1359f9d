"""The Data page in chromium: the ledger is offered as CSV, Parquet and JSON, and every
link downloads a file that holds what it says; the page fits a phone's width."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from browser_kit import assert_fits_window, assert_nothing_ran, shot

from truceline.app import DATA_FILES

pytestmark = pytest.mark.browser


def test_the_ledger_is_offered_in_three_formats(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/data")
    ledger = page.locator("#data-ledger")
    assert ledger.locator("h2").inner_text() == "Compliance ledger"
    links = ledger.locator("a").all()
    assert [a.inner_text() for a in links] == ["ledger.csv", "ledger.parquet", "ledger.json"]
    assert [a.get_attribute("aria-label") for a in links] == [
        "Compliance ledger as CSV",
        "Compliance ledger as Parquet",
        "Compliance ledger as JSON",
    ]
    offered = {a.get_attribute("download") for a in page.locator("a[download]").all()}
    assert offered == set(DATA_FILES)
    assert_nothing_ran(page)
    shot(page, "data-desktop")


def test_the_ledger_downloads_are_the_ledger(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/data")
    with page.expect_download() as got:
        page.get_by_label("Compliance ledger as CSV").click()
    download = got.value
    assert download.suggested_filename == "ledger.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert rows and {"obligation", "day", "status", "evidence"} <= set(rows[0])
    verdicts = [r for r in rows if r["status"] in ("met", "breached")]
    assert verdicts and all(r["evidence"] or r["against"] for r in verdicts)

    with page.expect_download() as got:
        page.get_by_label("Compliance ledger as JSON").click()
    document = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    ids = {o["id"] for o in document["obligations"]}
    assert ids == {r["obligation"] for r in rows}


def test_the_data_page_fits_a_phone(phone, server) -> None:  # type: ignore[no-untyped-def]
    phone.goto(f"{server.url}/data")
    assert phone.locator("#data-ledger a").count() == 3
    assert_fits_window(phone)
    assert_nothing_ran(phone)
    shot(phone, "data-phone")
