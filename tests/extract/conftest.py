"""Fixtures for the extraction tests: one pipeline per session, and report texts
written for these tests (wire, broadcaster, live blog, headline styles)."""

from __future__ import annotations

from datetime import date

import pytest

from truceline.extract import Extractor

DAY1 = date(2025, 1, 19)

WIRE = (
    "Hostage swap goes ahead as truce holds\n"
    "CAIRO, Feb 6 (Wire) - Hamas said on Tuesday it would release three Israeli hostages "
    "on Saturday in exchange for 183 Palestinian prisoners, the latest swap under the "
    "ceasefire that took effect on Jan. 19.\n"
    "“We are keeping our side of the bargain,” said Abu Obeida, the spokesman for the "
    "group's armed wing. “The occupation must keep its side too.”\n"
    "Israeli Prime Minister Benjamin Netanyahu met his security cabinet on Wednesday. "
    "He said the army would not pull back from the corridor before the 50th day.\n"
    "The health ministry said more than 47,000 people had been killed in the war, "
    "and at least 110,000 wounded.\n"
)
"""A wire report, published 2025-02-06 (a Thursday)."""

BROADCAST = (
    "Aid convoys have been entering the Gaza Strip since January, and the United "
    "Nations said nearly 4,200 trucks crossed in the first week, well above the 600 "
    "a day set by the deal.\n"
    '"We have not seen this many trucks since the war began," a senior UN official '
    'told the broadcaster. "But the need is enormous."\n'
    "The official said some twenty-five bakeries had reopened. Families of the "
    "hostages rallied in Tel Aviv late Saturday.\n"
)
"""A broadcaster's report, published 2025-01-29 (a Wednesday)."""

LIVE_BLOG = (
    "10:42 Talks on the second phase are due to begin by day 16, a diplomat briefed "
    "on the negotiations said.\n"
    "10:15 “It was a hard day,” the envoy told reporters, “but we got there.”\n"
    "09:50 Witkoff: ‘Both sides have to move’\n"
)
"""A live blog, published 2025-02-03 (a Monday)."""


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(agreement_day1=DAY1)


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp
