"""The overview answers "where does this process stand", and the disputes and negotiation
pages stay navigable: on the example dossier, checked against the ledger and the records."""

from __future__ import annotations

import datetime as dt
import html
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from truceline.app import Dossier
from truceline.model import Event, Evidence
from truceline.vocab import DisputeKind
from truceline.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "gaza-2025"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dossier]:
    dossier = Dossier.init(tmp_path_factory.mktemp("overview") / "dossier")
    dossier.import_dir(EXAMPLE)
    yield dossier
    dossier.close()


@pytest.fixture(scope="module")
def client(example: Dossier) -> Iterator[TestClient]:
    with TestClient(create_app(example)) as c:
        yield c


def row(page: str, row_id: str) -> str:
    found = re.search(rf'<tr id="{re.escape(row_id)}">(.*?)</tr>', page, re.S)
    assert found, f"no row {row_id}"
    return found.group(1)


def statuses(fragment: str) -> list[str]:
    return re.findall(r'class="status status-([a-z_]+)"', fragment)


def test_one_line_per_obligation_labelled_by_clause_with_its_status_and_record(
    client: TestClient, example: Dossier
) -> None:
    page = client.get("/").text
    ledger = example.check()
    assert ledger.obligations
    for o in ledger.obligations:
        line = row(page, f"ob-{o.id}")
        assert html.escape(o.clause_ref, quote=False) in line
        assert f">{o.id}<" not in line  # labelled by its clause, not by its id
        assert statuses(line)[0] == o.status_today
        last = o.days[-1].day.isoformat()
        assert f"/compliance/cell?obligation={o.id}&amp;day={last}" in line
        decided = [d for d in o.days if d.evidence or d.against]
        if decided:
            first = [*decided[-1].evidence, *decided[-1].against][0]
            assert f'href="/record/{first}"' in line
            assert statuses(line)[1] == decided[-1].status
    # a case read by hand: the daily aid quota's last count is OCHA's of 12 February
    aid = row(page, "ob-aid-trucks-daily")
    assert 'href="/record/aid-2025-02-12-trucks-ocha"' in aid
    assert "Anadolu Agency" in aid and "2025-02-12" in aid


def test_the_overview_and_the_compliance_page_give_the_same_status(client: TestClient) -> None:
    overview = client.get("/").text
    compliance = client.get("/compliance").text
    summary = compliance.split('class="list summary"', 1)[1].split("</table>", 1)[0]
    for found in re.finditer(r'<a href="/compliance/obligation/([^"]+)">[^<]*</a>', summary):
        oid = found.group(1)
        tail = summary[found.end() :].split("</tr>", 1)[0]
        assert statuses(tail)[0] == statuses(row(overview, f"ob-{oid}"))[0], oid


def test_a_status_is_one_click_from_its_records(client: TestClient) -> None:
    page = client.get("/").text
    cell = re.search(r'<a class="status-link" href="([^"]+)">', row(page, "ob-return-north"))
    assert cell
    opened = client.get(html.unescape(cell.group(1)))
    assert opened.status_code == 200
    assert "/record/ev-2025-01-27-return-north" in opened.text


def test_what_changed_since_a_day(client: TestClient, example: Dossier) -> None:
    with example.store.writer("vera") as w:
        w.put(
            Event(
                id="ev-overview-new-meeting",
                date="2025-03-30",
                type="CONSULT",
                actors=["Egypt"],
                summary="Envoys met again in Cairo, a wire service reports.",
                sources=[Evidence(source="src-reuters-2025-03-24-egypt-proposal")],
            )
        )
    today = dt.datetime.now(dt.UTC).date()
    page = client.get("/", params={"since": today.isoformat()}).text
    changes = page.split('id="ov-changes-title"', 1)[1]
    assert f'value="{today.isoformat()}"' in changes
    first = re.search(r'<ol class="ov-list changes">\s*<li>(.*?)</li>', changes, re.S)
    assert first and 'href="/record/ev-overview-new-meeting"' in first.group(1)
    assert "added" in first.group(1) and "by vera" in first.group(1)
    later = client.get("/", params={"since": (today + dt.timedelta(days=1)).isoformat()}).text
    assert "ev-overview-new-meeting" not in later.split('id="ov-changes-title"', 1)[1]
    assert "Nothing was added, accepted, rejected or edited since then." in later


def test_open_disputes_show_each_side_with_claimant_and_source(
    client: TestClient, example: Dossier
) -> None:
    page = client.get("/").text
    section = page.split('id="ov-disputes-title"', 1)[1].split("</section>", 1)[0]
    every = example.reconciliation().disputes
    disputes = [d for d in every if d.kind != DisputeKind.EVOLVING]
    series = len(every) - len(disputes)
    assert series > 0, "the example has running totals updated by one body"
    assert f"{len(disputes)} disputes in the dossier" in section
    assert f"{series} running totals updated by their counting bodies" in section
    assert "evolving" not in section.split("Besides these", 1)[0]
    newest = max((d for d in disputes if d.date), key=lambda d: (d.date, d.id))
    assert f'href="/disputes#d-{newest.id}"' in section
    for side in newest.sides:
        assert html.escape(side.claimed_by or "unattributed") in section
    assert section.count('href="/source/') >= len(newest.sides)


def test_disputes_index_groups_every_dispute_once(client: TestClient, example: Dossier) -> None:
    page = client.get("/disputes").text
    index = page.split('class="d-index"', 1)[1].split("</nav>", 1)[0]
    ids = re.findall(r'href="#d-([^"]+)"', index)
    assert sorted(ids) == sorted(d.id for d in example.reconciliation().disputes)
    for heading in ("Counted figures", "Proposals and answers", "What was said or done"):
        assert heading in index
    for d in ids:
        assert f'id="d-{d}"' in page


def test_disputes_filter_by_claimant_and_subject(client: TestClient, example: Dossier) -> None:
    disputes = example.reconciliation().disputes
    hamas = {d.id for d in disputes if any(s.claimed_by == "Hamas" for s in d.sides)}
    assert hamas
    page = client.get("/disputes", params={"who": "Hamas"}).text
    shown = set(re.findall(r'<section class="dispute" id="d-([^"]+)"', page))
    assert shown == hamas
    figures = client.get("/disputes", params={"subject": "figure"}).text
    sections = re.findall(r'<section class="dispute".*?</section>', figures, re.S)
    assert sections
    for section in sections:
        assert "fig-" in section or "aid-" in section  # every one rests on a counted figure
        assert 'href="/source/' in section  # and every side keeps its sources


def test_negotiation_diffs_only_against_the_earlier_version(client: TestClient) -> None:
    page = client.get("/negotiation").text

    def section(pid: str) -> str:
        found = re.search(rf'<section class="proposal" id="p-{pid}">(.*?)</section>', page, re.S)
        assert found, pid
        return found.group(1)

    answer = section("prop-2025-03-14-hamas-alexander-four-bodies")
    assert "Terms beside its earlier version" in answer
    assert 'href="#p-prop-2025-03-12-us-bridge"' in answer
    # an account of the bridge proposal answers nothing: no diff with the proposal before it
    account = section("prop-2025-03-12-us-bridge-account-witkoff")
    assert "No earlier version" in account and 'class="terms"' not in account
    # no proposal names mediators; the column says whose they are
    assert "agreement's: Qatar, Egypt, United States" in page


def test_disputes_filter_by_party_follows_the_register_of_actors(
    client: TestClient, example: Dossier
) -> None:
    disputes = example.reconciliation().disputes
    pmo = {
        d.id
        for d in disputes
        if any(s.claimed_by == "Israeli Prime Minister's Office" for s in d.sides)
    }
    assert pmo
    page = client.get("/disputes", params={"party": "Israel"}).text
    shown = set(re.findall(r'<section class="dispute" id="d-([^"]+)"', page))
    assert pmo <= shown  # the register names the PMO as speaking for Israel
    assert len(shown) < len(disputes)
    # read by hand: a Hamas official against a website; nobody speaking for Israel
    life = next(
        d.id
        for d in disputes
        if d.topic.startswith("Prisoners serving life sentences among the 200")
    )
    assert life not in shown
    hamas = client.get("/disputes", params={"party": "Hamas"}).text
    assert f'id="d-{life}"' in hamas
