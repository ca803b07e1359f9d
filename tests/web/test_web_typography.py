"""Claim apart from source: paraphrase never quoted, sources as "Outlet · date · link",
field values in words, short headlines, one legend for every symbol."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html

from truceline.app import Dossier
from truceline.compliance import MEANINGS
from truceline.model import Event, Evidence, FigureValue, Source, Statement, describe
from truceline.web import create_app
from truceline.web.publish import SEARCH_GLOBAL, SEARCH_INDEX, publish
from truceline.web.render import STATUS_SYMBOLS, environment, show
from truceline.web.typography import field_html, first_clause, headline, source_line

# Example prose of our own: what a mediator is reported to have said, and said.
REWORDED = "the two delegations would meet again once the lists of names were agreed"
VERBATIM = "We are closer than we have been in months"
LONG_SUMMARY = (
    "Convoys carrying flour and medical supplies crossed at two points in the south while "
    "engineers repaired the northern road, and the coordinating office said more would follow."
)


@pytest.fixture
def typo_dossier(dossier: Dossier) -> Dossier:
    """The web tests' dossier plus a paraphrase, a verbatim quote and a long event."""
    with dossier.store.writer("test") as w:
        w.put(
            Source(
                id="src-wire",
                outlet="Harbour Wire",
                url="https://example.org/wire/1",
                published="2025-02-03",
                text=f"The envoy said {REWORDED}. Later: “{VERBATIM},” the envoy told reporters.",
            )
        )
        for sid, mode, words in (
            ("st-reworded", "indirect", REWORDED),
            ("st-own", "direct", VERBATIM),
        ):
            w.put(
                Statement(
                    id=sid,
                    date="2025-02-03",
                    speaker="Mara Envoy",
                    affiliation="mediators",
                    quote=words,
                    mode=mode,
                    sources=[Evidence(source="src-wire", text=f"The envoy said {words}")],
                )
            )
        w.put(
            Event(
                id="ev-convoys",
                date="2025-02-03",
                type="AID",
                actors=["Israel", "UN"],
                summary=LONG_SUMMARY,
                figures=[FigureValue(metric="aid_trucks", value=120.0, qualifier="about")],
                sources=[Evidence(source="src-wire")],
            )
        )
    return dossier


@pytest.fixture
def typo_client(typo_dossier: Dossier, make_client):  # type: ignore[no-untyped-def]
    with make_client(create_app(typo_dossier)) as c:
        yield c


def quoted(node) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``node`` sits in quotation marks: inside a ``<q>``, or between “ and ”."""
    if any(a.tag in ("q", "blockquote") for a in (node, *node.iterancestors())):
        return True
    before = (
        node.getprevious().tail if node.getprevious() is not None else node.getparent().text
    ) or ""
    return before.rstrip().endswith(("“", '"', "«"))


def paraphrase_nodes(page: str) -> list:  # type: ignore[type-arg]
    tree = lxml_html.fromstring(page)
    return [n for n in tree.iter() if isinstance(n.tag, str) and (n.text or "").strip() == REWORDED]


@pytest.mark.parametrize(
    "path",
    [
        "/timeline",
        "/speakers",
        "/record/st-reworded",
        "/source/src-wire",
        "/timeline?kind=statement",
    ],
)
def test_a_paraphrase_is_labelled_and_never_in_quotation_marks(typo_client, path: str) -> None:
    page = typo_client.get(path).text
    nodes = paraphrase_nodes(page)
    if path.startswith("/source/"):
        # the source page shows the article (highlighted) and the records drawn from it
        nodes = [n for n in nodes if not any(a.tag == "mark" for a in n.iterancestors())]
    assert nodes, f"{path} does not show the paraphrase"
    for node in nodes:
        assert not quoted(node), f"{path} puts a paraphrase in quotation marks"
    shown = [
        a for n in nodes for a in n.iterancestors() if a.get("class") == "said said-paraphrase"
    ]
    assert shown, f"{path} shows the paraphrase without its label"
    for said in shown:
        assert said.xpath('.//span[contains(@class, "mark-paraphrase")]/text()') == ["paraphrase"]
    assert f"“{REWORDED}" not in page


def test_verbatim_words_are_quoted_and_marked(typo_client) -> None:
    page = typo_client.get("/record/st-own").text
    tree = lxml_html.fromstring(page)
    q = tree.xpath('//q[@class="verbatim"]')
    assert [e.text_content() for e in q] == [VERBATIM]
    assert q[0].getparent().xpath('.//span[contains(@class, "mark-verbatim")]')


def test_plain_text_marks_a_paraphrase_in_words() -> None:
    said = Statement(id="st-x", speaker="A", quote="they will come", mode="indirect")
    assert describe(said) == "A (paraphrase): they will come"
    assert describe(said.model_copy(update={"mode": "direct"})) == "A: “they will come”"


def test_the_published_search_index_quotes_no_paraphrase(
    typo_dossier: Dossier, tmp_path: Path
) -> None:
    publish(typo_dossier, tmp_path / "site")
    index = (tmp_path / "site" / "data" / SEARCH_INDEX).read_text(encoding="utf-8")
    assert index.startswith(f"window.{SEARCH_GLOBAL} = ")
    assert f"Mara Envoy (paraphrase): {REWORDED}" in index
    assert f"“{REWORDED}" not in index
    record = (tmp_path / "site" / "record" / "st-reworded.html").read_text(encoding="utf-8")
    assert paraphrase_nodes(record) and not any(quoted(n) for n in paraphrase_nodes(record))


def test_a_source_reads_outlet_date_link_in_separate_parts() -> None:
    line = lxml_html.fragment_fromstring(
        str(source_line("Harbour Wire", "2025-02-03", "https://example.org/a", "../source/s.html"))
    )
    parts = [e for e in line if "sep" not in (e.get("class") or "")]
    assert [(e.tag, e.get("class")) for e in parts] == [
        ("a", "outlet"),
        ("time", "published"),
        ("a", "ext"),
    ]
    assert parts[1].get("datetime") == "2025-02-03"
    assert line.text_content() == "Harbour Wire · 2025-02-03 · original"
    undated = source_line("Plain", None, "javascript:alert(1)")
    assert "undated" in undated and "javascript" not in undated and "<a" not in undated


def test_every_cited_source_on_the_timeline_is_one_source_line(typo_client) -> None:
    tree = lxml_html.fromstring(typo_client.get("/timeline").text)
    items = tree.xpath('//ul[@class="cited"]/li[not(contains(@class, "muted"))]')
    assert items
    for li in items:
        line = li.xpath('./span[@class="source-line"]')
        assert len(line) == 1
        assert line[0].xpath('./*[contains(@class, "outlet")]')
        assert line[0].xpath('./*[contains(@class, "published")]')


def test_field_values_are_words_never_json() -> None:
    assert str(field_html(["Israel", "Hamas"])) == "Israel, Hamas"
    assert str(field_html(600.0)) == "600"
    assert str(field_html(True)) == "yes"
    nested = str(field_html([{"metric": "aid_trucks", "value": 120.0}]))
    assert "<dt>metric</dt><dd>aid_trucks</dd>" in nested and "<dd>120</dd>" in nested
    assert "<script>" not in str(field_html(["<script>"]))
    # a term's before and after on the negotiation page, in one line
    assert show({"type": "extension", "days": 14.0}) == "type: extension; days: 14"
    assert show([["a", "b"], "c"]) == "a, b, c"


def test_a_record_page_shows_no_json_and_a_short_headline(typo_client) -> None:
    page = typo_client.get("/record/ev-convoys").text
    tree = lxml_html.fromstring(page)
    main = tree.xpath("//main")[0].text_content()
    assert '["' not in main and '{"' not in main
    assert "Israel, UN" in main
    h1 = tree.xpath("//h1")[0].text_content()
    assert len(h1) < 100 and LONG_SUMMARY not in h1
    assert LONG_SUMMARY in main  # the whole summary is still on the page, below the headline


def test_headlines_cut_at_a_clause_or_a_word() -> None:
    assert first_clause("Talks resumed. Both sides attended.") == "Talks resumed"
    cut = first_clause(LONG_SUMMARY, limit=40)
    assert cut.endswith("…") and len(cut) <= 41
    assert LONG_SUMMARY.startswith(cut[:-1])
    assert LONG_SUMMARY[len(cut) - 1] == " "  # cut between words
    said = Statement(id="st-y", speaker="Mara Envoy", quote="x" * 300, mode="indirect")
    assert headline(said) == "Mara Envoy, paraphrased"


def test_speakers_come_most_heard_first(typo_client) -> None:
    page = typo_client.get("/speakers").text
    names = re.findall(r'<section class="speaker">\s*<h2>([^<]+)', page)
    assert names[0].strip() == "Mara Envoy"  # two statements; everyone else has one


def test_the_legend_covers_every_status_symbol_and_mark() -> None:
    env = environment()
    template = env.from_string('{% from "macros.html" import legend %}{{ legend() }}')
    text = template.render(url=lambda *a, **k: "", static=False)
    for status, symbol in STATUS_SYMBOLS.items():
        assert symbol in text, status
    for status in MEANINGS:
        assert f"status-{status}" in text
    for mark in ("verbatim", "paraphrase", "original"):
        assert mark in text
    only = env.from_string(
        '{% from "macros.html" import legend %}{{ legend(statuses=["met"], marks=False) }}'
    ).render(url=lambda *a, **k: "", static=False)
    assert "status-met" in only and "status-breached" not in only and "paraphrase" not in only


@pytest.fixture
def site_pages(typo_dossier: Dossier, tmp_path: Path) -> Iterator[Path]:
    yield publish(typo_dossier, tmp_path / "site").folder


def test_the_static_site_has_no_raw_json_in_pages(site_pages: Path) -> None:
    for name in ("record/ev-convoys.html", "record/st-reworded.html", "speakers.html"):
        tree = lxml_html.fromstring((site_pages / name).read_text(encoding="utf-8"))
        main = tree.xpath("//main")[0].text_content()
        assert '["' not in main and '{"' not in main, name
