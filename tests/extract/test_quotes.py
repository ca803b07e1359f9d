"""Quotations: mark pairing (pure text) and attribution (with the parse)."""

from __future__ import annotations

from datetime import date

import pytest

from truceline.extract.quote_marks import find_quote_marks

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
    return extractor.extract(text, published).to_json()["quotes"]


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


# -- failure classes of issue 13 (sentences written for these tests) ----------------


def _said(extractor, text, published=date(2025, 5, 2)):
    return [
        (q["text"], q["speaker"])
        for q in _quotes(extractor, text, published)
        if q["kind"] != "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We only want to know where he is," the family said.', "family"),
        ('"Aid must reach every district," the report said.', "report"),
        ('"Crossings stay open," the ministry\'s statement said.', "ministry"),
    ],
)
def test_groups_and_documents_speak(extractor, text, speaker):
    [(_, got)] = _said(extractor, text)
    assert got.split()[-1] == speaker


def test_words_quoted_in_a_non_speech_frame(extractor):
    text = 'The prime minister hailed the accord as "historic" on Thursday.'
    assert _said(extractor, text) == [("historic", "The prime minister")]


def test_a_quoted_term_in_the_subject_is_nobody_s_speech(extractor):
    assert _said(extractor, 'The "humanitarian" pause ended on Monday.') == []


def test_headline_name_colon_without_marks(extractor):
    text = "Karimov: We will hold the line\n\nThe general spoke to troops near the river.\n"
    assert _said(extractor, text) == [("We will hold the line", "Karimov")]


@pytest.mark.parametrize(
    "text",
    [
        "Update: Storm of shelling hits the port\n\nResidents fled overnight.\n",
        "Talks Collapse Again: What Comes Next?\n\nDiplomats met on Friday.\n",
    ],
)
def test_headline_labels_and_titles_are_not_speakers(extractor, text):
    assert _said(extractor, text) == []


def test_headline_label_before_a_speaker(extractor):
    text = "Update: Karimov: We will hold the line\n\nHe spoke to troops.\n"
    assert _said(extractor, text) == [("We will hold the line", "Karimov")]


def test_main_clause_subject_is_the_antecedent(extractor):
    text = 'Omar Haddad said the envoy would come back next week. "We are ready for him," he said.'
    assert _said(extractor, text)[-1] == ("We are ready for him,", "Omar Haddad")


def test_pronoun_agrees_in_gender(extractor):
    text = (
        "Mr. Lund spoke after Sara Voss, who chairs the panel. "
        '"Nothing has been settled," he told the hall.'
    )
    assert _said(extractor, text)[-1][1] == "Lund"


def test_they_is_never_one_person(extractor):
    text = 'The rebels met Mr. Lund on Friday. "We will stay in the hills," they said.'
    assert _said(extractor, text)[-1][1].endswith("rebels")


def test_pronoun_chains_keep_the_speaker(extractor):
    text = (
        "Petra Holm said the border would reopen. "
        "She added that the guards had been told. "
        '"Everyone will be able to cross," she said.'
    )
    assert _said(extractor, text)[-1][1] == "Petra Holm"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"That is not what we agreed," Dana Brook interjected.', "Dana Brook"),
        ('"Enough of this," Dana Brook fumed.', "Dana Brook"),
        ('"We were misled," according to Dana Brook.', "Dana Brook"),
        ('As Dana Brook put it, "the door is still open."', "Dana Brook"),
    ],
)
def test_less_common_cues(extractor, text, speaker):
    assert _said(extractor, text)[-1][1] == speaker


def test_signed_quotes_in_a_list(extractor):
    text = (
        "Readers wrote to us.\n"
        "\u201cThe truce gave us a week of sleep.\u201d \u2015 Lina Haddad\n"
        "\u201dWe need more than a week.\u201d \u2015 Karim Aziz\n"
    )
    assert _said(extractor, text) == [
        ("The truce gave us a week of sleep.", "Lina Haddad"),
        ("We need more than a week.", "Karim Aziz"),
    ]


def test_reporter_in_the_paragraph_before(extractor):
    text = "Asked about the talks, the mayor said:\n\u201cWe have waited long enough.\u201d\n"
    assert _said(extractor, text) == [("We have waited long enough.", "the mayor")]


def test_speaker_keeps_whose_spokesperson(extractor):
    text = '"There is no agreement yet," a spokesperson for the ministry said.'
    assert _said(extractor, text)[0][1] == "a spokesperson for the ministry"


def test_appositive_name_is_the_speaker(extractor):
    text = '"We will not sign," the head of the council, Nadia Petrova, told reporters.'
    assert _said(extractor, text)[0][1] == "Nadia Petrova"


@pytest.mark.parametrize(
    "text",
    [
        'Lund told CBS\'s "Morning Watch" that the talks had stalled.',
        'In his memoir "Roads of Iron," the general describes the siege.',
    ],
)
def test_titles_of_programmes_and_books_are_not_speech(extractor, text):
    assert _said(extractor, text) == []


def test_a_dateline_is_never_a_speaker(extractor):
    text = 'BEIRUT -- Both sides agreed on Monday to "hold fire" for now.'
    assert all(speaker != "BEIRUT" for _, speaker in _said(extractor, text))


def test_the_clause_with_its_own_speaker_wins(extractor):
    text = (
        "The envoy said the talks would go on, as the foreign minister vowed the port "
        'was "not for sale."'
    )
    assert _said(extractor, text)[-1] == ("not for sale.", "the foreign minister")


def test_a_name_before_its_age_still_speaks(extractor):
    text = 'In the square, Ines Marlow, 41, said the deal needed "firm guarantees" first.'
    assert _said(extractor, text) == [("firm guarantees", "Ines Marlow")]


def test_headline_cue_naming_a_person_inside_a_phrase(extractor):
    text = "A word from Ines Marlow: 'Keep the crossings open.'\n\nShe spoke in Geneva.\n"
    assert _said(extractor, text)[0] == ("Keep the crossings open.", "Ines Marlow")


def test_a_place_before_a_headline_colon_is_a_topic(extractor):
    text = "Gaza: Strikes hit two schools overnight\n\nRescuers searched the rubble.\n"
    assert _said(extractor, text) == []


def test_affiliation_never_comes_from_the_quoted_words(extractor):
    text = "Karimov: Moscow must withdraw its troops\n\nThe general spoke near the river.\n"
    [quote] = [q for q in _quotes(extractor, text, date(2025, 5, 2)) if q["kind"] == "direct"]
    assert quote["speaker"] == "Karimov" and quote["affiliation"] != "Moscow"
