"""Folding what residents type (Polish, no diacritics, Cyrillic) into comparable keys."""

import pytest

from lookup.normalize import fold, split_address, stem_key, street_key, surname_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("ul. Słowackiego", "slowackiego"),
        ("ULICA ŁĘŻYŃSKA", "lezynska"),
        ("Os. Legionów", "legionow"),
        ("ul. Os. Legionów", "legionow"),
        ("pl. Wolności", "wolnosci"),
        ("Aleje 1 Maja", "1 maja"),
        ("al.1 Maja", "1 maja"),
        ("Księdza Jerzego Popiełuszki", "ksiedza jerzego popieluszki"),
        ("Rondo", "rondo"),
        ("вул. Словацького", "slowackoho"),
    ],
)
def test_street_keys_fold_case_diacritics_prefixes_and_punctuation(written: str, key: str) -> None:
    assert street_key(written) == key


def test_ukrainian_and_russian_genitives_meet_the_polish_one() -> None:
    polish = stem_key(street_key("Słowackiego"))
    assert stem_key(street_key("Словацького")) == polish
    assert stem_key(street_key("Словацкого")) == polish
    assert stem_key(street_key("Пілсудського")) == stem_key(street_key("Piłsudskiego"))


def test_cyrillic_soft_vowels_read_the_polish_way() -> None:
    assert fold("Костюшка") == "kostiuszka"
    assert fold("Щецинська") == "szczecynska"


def test_surname_alias_only_for_person_names() -> None:
    assert surname_key("jana matejki") == "matejki"
    assert surname_key("3 maja") is None
    assert surname_key("jana pawla ii") is None
    assert surname_key("kolejowa") is None


@pytest.mark.parametrize(
    "typed",
    [
        "Kolejowa 12",
        "12 Kolejowa",
        "Kolejowa 12, Konin",
        "Konin, Kolejowa 12",
        "ul. Kolejowa 12/3 62-500 Konin",
        "ul.Kolejowa 12 m. 3, Konin",
        "Kolejowa nr 12",
        "KOLEJOWA 12 Konin",
    ],
)
def test_free_text_addresses_split_into_street_number_and_town(typed: str) -> None:
    first = split_address(typed)[0]
    assert first.street == "kolejowa"
    assert first.number is not None and first.number.number == 12
    assert first.locality in (None, "konin")
    expects_town = "konin" in typed.lower()
    assert (first.locality == "konin") == expects_town


def test_a_leading_number_may_belong_to_the_street_name() -> None:
    readings = [(r.street, r.number.number if r.number else None) for r in split_address("3 Maja")]
    assert readings == [("maja", 3), ("3 maja", None)]
    assert split_address("11 Listopada 12")[0].street == "11 listopada"


def test_letter_suffix_typed_apart_is_joined_to_the_number() -> None:
    reading = split_address("Kolejowa 12 A")[0]
    assert reading.number is not None
    assert (reading.number.number, reading.number.suffix) == (12, "a")


def test_town_and_street_without_number_are_tried_both_ways() -> None:
    readings = [(r.street, r.locality) for r in split_address("Konin, Kolejowa")]
    assert readings == [("konin", "kolejowa"), ("kolejowa", "konin")]


def test_empty_text_gives_no_reading() -> None:
    assert split_address(" , ") == []
