"""Named word lists the extraction components read, registered in spaCy's registry.

A component's config holds the registered *name* (for example
``{"@misc": "truceline.speech_verbs.v1"}``), never the data, so a config
stays small and a changed list gets a new ``.v2`` name while old configs
keep working.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from spacy.util import registry

SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell add state announce claim insist warn write post tweet explain note
    argue stress reiterate affirm reaffirm confirm deny allege accuse call describe
    characterize characterise label dub term brand praise condemn denounce criticize
    criticise urge demand declare vow pledge promise threaten suggest propose present
    reveal report recall acknowledge admit concede complain lament caution counter
    respond reply answer ask question predict estimate believe think hope fear say
    testify tell remark comment mention repeat emphasize emphasise assert maintain
    contend quip begin continue conclude agree offer describe refer cite quote
    brief inform express welcome hail slam blast decry laud tout chant sing
    interject fume retort scoff boast scold rebuke exclaim shout muse plead read speak
    """.split()
)
"""Lemmas of verbs that introduce reported speech."""

SPEECH_NOUNS: frozenset[str] = frozenset(
    "statement remark comment words interview speech post message tweet told".split()
)

SPEAKER_NOUNS: frozenset[str] = frozenset(
    """
    official spokesman spokeswoman spokesperson minister president prime premier
    negotiator envoy diplomat source sources lawmaker senator leader commander chief
    member mediator officer general ambassador secretary adviser advisor analyst
    representative delegate aide resident witness director head chairman chair
    journalist reporter correspondent mayor governor militant fighter doctor survivor
    father mother relative official(s) people man woman king emir army military
    ministry office government administration cabinet movement group
    family agency union campaign organisation organization commission court police
    party coalition alliance team force department embassy council committee
    authority authorities protester demonstrator critic expert observer activist
    rebel narrator announcer friend reader voter supporter candidate nominee host
    anchor scholar professor academic economist lawyer attorney judge student
    teacher parent worker farmer soldier veteran businessman businesswoman
    chairwoman congressman congresswoman researcher scientist historian author
    """.replace("(s)", "").split()
)
"""Head nouns of descriptions that can stand for a speaker ("a senior official")."""

DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    statement report book article ruling letter document agreement deal memo study
    paper survey analysis communique communiqué declaration resolution verdict
    judgment judgement decision filing indictment lawsuit text draft accord treaty
    order notice editorial column release announcement
    """.split()
)
"""Head nouns of documents that can be quoted ("the statement said")."""

METRIC_WORDS: dict[str, tuple[str, ...]] = {
    "killed": (
        "kill",
        "die",
        "dead",
        "death",
        "slay",
        "fatality",
        "massacre",
        "murder",
        "killing",
    ),  # fmt: skip
    "injured": ("injure", "wound", "hurt", "maim", "injury", "casualty"),
    "displaced": ("displace", "flee", "uproot", "evacuate", "homeless", "displacement"),
    "captive": ("captive", "hostage", "abductee", "captivity", "kidnap", "abduct"),
    "alive": ("living", "alive", "live", "surviving"),
    "dead": ("deceased", "dead", "body", "remains", "corpse"),
    "prisoners": ("prisoner", "detainee", "inmate", "pow", "pows"),
    "bodies": ("body", "remains", "corpse"),
    "aid_trucks": ("truck", "lorry", "lorrie", "convoy"),
    "phase": ("phase", "stage", "ceasefire", "truce", "pause", "agreement", "deal"),
}
"""Cue lemmas for each figure category (and for the alive/dead split of captives)."""

PLOVER_VERBS: dict[str, str] = {
    # AGREE
    **dict.fromkeys(
        "agree accept sign approve endorse consent ratify finalize finalise conclude".split(),
        "AGREE",
    ),
    # CONSULT
    **dict.fromkeys(
        "meet talk negotiate discuss visit host consult travel mediate convene".split(),
        "CONSULT",
    ),
    # SUPPORT
    **dict.fromkeys("praise support welcome back commend endorse greenlight".split(), "SUPPORT"),
    # CONCEDE
    **dict.fromkeys("concede yield ease lift extend".split(), "CONCEDE"),
    # RELEASE (captives, prisoners, remains) and RETURN (people going home)
    **dict.fromkeys("release free hand".split(), "RELEASE"),
    "return": "RETURN",
    # COOPERATE
    **dict.fromkeys("cooperate collaborate coordinate exchange swap".split(), "COOPERATE"),
    # AID
    **dict.fromkeys("aid deliver supply provide donate".split(), "AID"),
    # RETREAT
    **dict.fromkeys("withdraw retreat evacuate pull".split(), "RETREAT"),
    # REQUEST
    **dict.fromkeys("demand request urge ask appeal propose offer present".split(), "REQUEST"),
    # ACCUSE
    **dict.fromkeys("accuse blame allege condemn denounce criticize criticise".split(), "ACCUSE"),
    # REJECT
    **dict.fromkeys("reject refuse deny decline renege veto dismiss".split(), "REJECT"),
    # THREATEN
    **dict.fromkeys("threaten warn vow".split(), "THREATEN"),
    # PROTEST
    **dict.fromkeys("protest demonstrate rally march".split(), "PROTEST"),
    # SANCTION
    **dict.fromkeys(
        "sanction suspend halt block blockade impose boycott restrict".split(), "SANCTION"
    ),
    # MOBILIZE
    **dict.fromkeys("mobilize mobilise deploy mass reinforce".split(), "MOBILIZE"),
    # COERCE
    **dict.fromkeys(
        "arrest detain seize deport expel displace besiege abduct kidnap".split(), "COERCE"
    ),
    # ASSAULT
    **dict.fromkeys(
        "attack kill bomb strike hit shell shoot fire invade assassinate wound injure raid "
        "target resume storm ambush".split(),
        "ASSAULT",
    ),
}
"""Verb lemma → PLOVER event type."""

DEMONYMS: dict[str, str] = {
    "israeli": "Israel",
    "palestinian": "Palestine",
    "american": "U.S.",
    "u.s.": "U.S.",
    "us": "U.S.",
    "egyptian": "Egypt",
    "qatari": "Qatar",
    "lebanese": "Lebanon",
    "iranian": "Iran",
    "jordanian": "Jordan",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "turkish": "Turkey",
    "british": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "yemeni": "Yemen",
    "sudanese": "Sudan",
    "syrian": "Syria",
}
"""Adjective of nationality → the party it names, for speaker affiliation."""

ANCHORED_DATES: dict[str, str] = {
    "october 7": "2023-10-07",
    "oct. 7": "2023-10-07",
    "oct 7": "2023-10-07",
    "7 october": "2023-10-07",
}
"""Month-day expressions that name one well-known day in reporting on a conflict
(the 7 October 2023 attack, for Gaza reporting). Replace per dossier."""


@registry.misc("truceline.speech_verbs.v1")
def speech_verbs_v1() -> frozenset[str]:
    """Lemmas of verbs that introduce reported speech."""
    return SPEECH_VERBS


@registry.misc("truceline.speaker_nouns.v1")
def speaker_nouns_v1() -> frozenset[str]:
    """Head nouns of descriptions that can name a speaker."""
    return SPEAKER_NOUNS


@registry.misc("truceline.document_nouns.v1")
def document_nouns_v1() -> frozenset[str]:
    """Head nouns of documents that can be quoted."""
    return DOCUMENT_NOUNS


@registry.misc("truceline.metric_words.v1")
def metric_words_v1() -> dict[str, tuple[str, ...]]:
    """Cue lemmas per figure category."""
    return METRIC_WORDS


@registry.misc("truceline.plover_verbs.v1")
def plover_verbs_v1() -> dict[str, str]:
    """Verb lemma → PLOVER event type."""
    return PLOVER_VERBS


@registry.misc("truceline.demonyms.v1")
def demonyms_v1() -> dict[str, str]:
    """Nationality adjective → party name."""
    return DEMONYMS


@registry.misc("truceline.anchored_dates.v1")
def anchored_dates_v1() -> dict[str, str]:
    """Month-day expressions with a conventional year (Gaza reporting)."""
    return ANCHORED_DATES


@registry.misc("truceline.no_anchored_dates.v1")
def no_anchored_dates_v1() -> dict[str, str]:
    """No anchored dates: every month-day is resolved by nearness and tense."""
    return {}
