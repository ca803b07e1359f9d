"""Quotations: mark pairing (pure text) and attribution (with the parse)."""

from __future__ import annotations

from datetime import date

from truceline.extract.quotes import find_quote_marks

from .conftest import BROADCAST, LIVE_BLOG, WIRE


def _texts(text):
    return [text[q.start : q.end] for q in find_quote_marks(text)]


def test_curly_straight_and_nested():
    text = '“Go ‘now’ please,” he said. She said "no."'
    assert _texts(text) == ["Go ‘now’ please,", "no."]


def test_apostrophes_are_not_quotes():
    text = "Israel’s army said the hostages’ families were ‘relieved’."
    assert _texts(text) == ["relieved"]


def test_split_quote():
    text = "“First part,” the envoy said, “second part.”"
    assert _texts(text) == ["First part,", "second part."]


def test_multi_paragraph_quote():
    text = "“The first paragraph runs on without a close\n“and the second ends it.”"
    quotes = find_quote_marks(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "The first paragraph runs on without a close",
        "and the second ends it.",
    ]
    assert quotes[0].continues and not quotes[0].closed


def test_unbalanced_mark_stays_in_its_paragraph():
    text = "He said “this never closes\nNext paragraph: “a clean quote,” she said."
    assert _texts(text)[-1] == "a clean quote,"


def test_headline_form():
    assert _texts("Netanyahu: 'We will not stop'") == ["We will not stop"]


def _quotes(extractor, text, published):
    return extractor.extract(text, published)["quotes"]


def test_wire_speakers(extractor):
    quotes = [q for q in _quotes(extractor, WIRE, date(2025, 2, 6)) if q["kind"] != "indirect"]
    assert [q["speaker"] for q in quotes] == ["Abu Obeida", "Abu Obeida"]
    assert quotes[0]["text"] == "We are keeping our side of the bargain,"


def test_description_and_affiliation(extractor):
    quotes = [
        q for q in _quotes(extractor, BROADCAST, date(2025, 1, 29)) if q["kind"] != "indirect"
    ]
    assert {q["speaker"] for q in quotes} == {"a senior UN official"}
    assert quotes[0]["affiliation"] == "UN"


def test_pronoun_resolves_to_latest_subject(extractor):
    text = "Hamas official Basem Naim met the mediators in Doha. “We are ready,” he said."
    (quote,) = _quotes(extractor, text, date(2025, 3, 1))
    assert quote["speaker"] == "Basem Naim"
    assert quote["affiliation"] == "Hamas"


def test_inverted_cue_with_title(extractor):
    text = "“Israel was consulted,” said White House spokeswoman Karoline Leavitt on Monday."
    (quote,) = _quotes(extractor, text, date(2025, 3, 6))
    assert quote["speaker"] == "Karoline Leavitt"
    assert quote["affiliation"] == "White House"


def test_partial_quote_and_scare_quotes(extractor):
    text = (
        "Netanyahu accused Hamas of “psychological warfare” on Tuesday. "
        "The “ceasefire” deal was fragile."
    )
    quotes = _quotes(extractor, text, date(2025, 3, 13))
    assert [(q["text"], q["speaker"], q["kind"]) for q in quotes] == [
        ("psychological warfare", "Netanyahu", "partial")
    ]


def test_indirect_speech(extractor):
    text = "Qatar's foreign ministry said that the talks would resume next week."
    (quote,) = _quotes(extractor, text, date(2025, 3, 13))
    assert quote["kind"] == "indirect"
    assert quote["text"] == "the talks would resume next week"


def test_live_blog_headline_speaker(extractor):
    quotes = _quotes(extractor, LIVE_BLOG, date(2025, 2, 3))
    last = quotes[-1]
    assert (last["text"], last["speaker"]) == ("Both sides have to move", "Witkoff")


def test_unbalanced_document_still_yields_quotes(extractor):
    text = "He said “this never closes and rambles on\n“It is over,” the minister said."
    quotes = [q for q in _quotes(extractor, text, date(2025, 3, 1)) if q["kind"] != "indirect"]
    assert quotes[-1]["text"] == "It is over,"
    assert quotes[-1]["speaker"] == "the minister"


def test_outermost_reporting_verb_speaks(extractor):
    text = "A Hamas negotiator told us the group had informed Cairo it wanted a “phased deal”."
    (quote,) = [q for q in _quotes(extractor, text, date(2025, 3, 1)) if q["kind"] != "indirect"]
    assert quote["speaker"] == "A Hamas negotiator"


def test_quote_after_indirect_speech_keeps_its_reporter(extractor):
    text = (
        "“We will study it,” Sami Abu Zuhri said. Mediators met on Monday. "
        "Osama Hamdan said the movement had replied. “The ball is in their court.”"
    )
    quotes = [q for q in _quotes(extractor, text, date(2025, 3, 20)) if q["kind"] != "indirect"]
    assert [q["speaker"] for q in quotes] == ["Sami Abu Zuhri", "Osama Hamdan"]


def test_institution_is_not_a_he(extractor):
    text = (
        "Adam Boehler met Hamas leaders. The administration later distanced itself. "
        "“They are bad people,” he wrote."
    )
    (quote,) = [q for q in _quotes(extractor, text, date(2025, 3, 10)) if q["kind"] != "indirect"]
    assert quote["speaker"] == "Adam Boehler"
