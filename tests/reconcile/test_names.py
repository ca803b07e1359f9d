from __future__ import annotations

import pytest

from truceline.reconcile.names import actor_of, actor_overlap, dice, name_key, same_name, words


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Netanyahu", "Netanyahou"),
        ("Benjamin Netanyahu", "Netanyahou"),
        ("Hamas", "HAMAS"),
        ("Witkoff", "Whitkoff"),
        ("Steve Witkoff", "US envoy Whitkoff"),
        ("Jabalia", "Jabaliya"),
        ("al-Qassam Brigades", "Qassam Brigades"),
        ("Israeli army", "Israeli Army"),
    ],
)
def test_variant_spellings_are_the_same_name(a: str, b: str) -> None:
    assert same_name(a, b)


@pytest.mark.parametrize(("a", "b"), [("Hamas", "Israel"), ("Qatar", "Egypt"), ("Rafah", "Gaza")])
def test_different_names_differ(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_name_key_folds_case_accents_and_titles() -> None:
    assert name_key("HAMAS") == name_key("Hamas")
    assert name_key("Président Macron") == name_key("Macron")


def test_actor_overlap_is_a_dice_over_fuzzy_matches() -> None:
    assert actor_overlap(["Israel", "Hamas"], ["HAMAS"]) == pytest.approx((1 + 1) / 3)
    assert actor_overlap([], ["Hamas"]) == 0.0


def test_words_drop_numbers_and_stopwords() -> None:
    assert words("The 19 hostages were released") == {"hostag", "releas"}
    assert dice(words("hostages released"), words("hostage releases")) == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("IDF", "Israeli army"),
        ("the Israeli military", "IDF"),
        ("Israel", "IDF"),
        ("U.S.", "United States"),
    ],
)
def test_the_register_gives_one_actor_many_names(a: str, b: str) -> None:
    assert same_name(a, b)


def test_registered_names_share_one_key() -> None:
    assert actor_of("the Israeli army") == actor_of("IDF") == "Israeli forces"
    assert name_key("IDF") == name_key("Israeli military")


def test_registered_actors_stay_apart() -> None:
    assert not same_name("IDF", "Netanyahu's office")
    assert not same_name("Hamas", "IDF")


def test_paraphrases_fold_to_one_word() -> None:
    assert words("Hamas puts off hostage release") == words("Hamas postponed freeing captives")
