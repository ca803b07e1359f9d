"""Fixtures for corpus runs: report texts written for these tests, one in-process
Extractor to compare with, and one two-worker local cluster for the session."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from truceline.batch import open_client
from truceline.extract import Extractor

DAY1 = date(2025, 1, 19)

TEXTS = {
    "truce-begins.txt": (
        "Guns fall silent in Gaza as truce takes hold\n"
        "DOHA, Jan 19 (Wire) - A ceasefire between Israel and Hamas took effect on Sunday "
        "morning after a delay of nearly three hours, mediators said.\n"
        "“This is the first step, not the last,” said Majed al-Ansari, the spokesman for "
        "Qatar's foreign ministry.\n"
        "Hamas freed three Israeli hostages in the afternoon, and Israel released 90 "
        "Palestinian prisoners overnight.\n"
    ),
    "aid-trucks.txt": (
        "More than 600 aid trucks entered the Gaza Strip on Monday, the United Nations said, "
        "the number set by the deal for each day of the first phase.\n"
        '"The crossings must stay open," a UN spokesman told reporters in Geneva. '
        '"People are still hungry."\n'
        "Talks on the second phase are due to begin by day 16, officials said.\n"
    ),
    "strikes-resume.txt": (
        "Israel launched strikes across Gaza on 18 March, ending the truce.\n"
        "The health ministry said at least 400 people were killed on Tuesday, the deadliest "
        "day since January. Hamas accused Israel of overturning the agreement.\n"
        'Prime Minister Benjamin Netanyahu said the strikes were "only the beginning".\n'
    ),
    "weekend-swap.txt": (
        "Hamas said it would release three more hostages on Saturday in exchange for 183 "
        "Palestinian prisoners.\n"
        "An Israeli official said the army would withdraw from the Netzarim corridor "
        "on Sunday.\n"
    ),
}
"""Reports on the January 2025 Gaza ceasefire, in wire and broadcaster styles."""

PUBLISHED = {
    "truce-begins.txt": "2025-01-19",
    "aid-trucks.txt": "2025-01-28",
    "strikes-resume.txt": "2025-03-19",
    "weekend-swap.txt": "2025-02-06",
}


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The in-process reference the cluster's output is compared with."""
    return Extractor(agreement_day1=DAY1)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of reports (two in a sub-folder) and its published-date index."""
    root = tmp_path_factory.mktemp("corpus")
    for number, (name, text) in enumerate(TEXTS.items()):
        folder = root / "reports" / ("march" if number >= 2 else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (root / "reports" / ".hidden.txt").write_text("not a report", encoding="utf-8")
    (root / "reports" / "notes.md").write_text("not a .txt file", encoding="utf-8")
    lines = [json.dumps({"doc": name, "published": day}) for name, day in PUBLISHED.items()]
    (root / "index.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def scheduler() -> Iterator[str]:
    """The address of a two-worker local cluster, shared by the session's runs."""
    with open_client(workers=2) as client:
        yield client.scheduler.address
