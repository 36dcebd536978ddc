"""Crossings typed the way residents say them: split into two streets, placed where they meet."""

from __future__ import annotations

import pytest

from lookup.crossings import split_crossing, street_readings
from lookup.directory import DistrictRecord, StationRecord, StreetRuleRecord
from lookup.files import read_directory
from lookup.gazetteer import Gazetteer, MatchQuality
from lookup.house_numbers import parse_range


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("róg Kolejowej i Dworcowej", "kolejowej", "dworcowej"),
        ("na rogu ulic Kolejowej i Dworcowej", "kolejowej", "dworcowej"),
        ("Kolejowa/Dworcowa", "kolejowa", "dworcowa"),
        ("ul. Kolejowa / ul. Dworcowa", "kolejowa", "dworcowa"),
        ("skrzyżowanie Kolejowej z Dworcową", "kolejowej", "dworcowa"),
        ("skrzyżowanie ul. Kolejowej z ul. Dworcową", "kolejowej", "dworcowa"),
        ("Kolejowa x Dworcowa", "kolejowa", "dworcowa"),
        ("Kolejowa & Dworcowa", "kolejowa", "dworcowa"),
        ("перехрестя Колейової і Дворцової", "kolejowoji", "dworcowoji"),
        ("ріг Колейової та Дворцової", "kolejowoji", "dworcowoji"),
        ("corner of Kolejowa and Dworcowa", "kolejowa", "dworcowa"),
        ("junction of Kolejowa and Dworcowa", "kolejowa", "dworcowa"),
        ("Dworcowa/11 Listopada", "dworcowa", "11 listopada"),
        ("Kolejowa róg Dworcowej", "kolejowa", "dworcowej"),
        ("Kolejowa, na rogu Dworcowej", "kolejowa", "dworcowej"),
        ("Kolejowa corner of Dworcowa", "kolejowa", "dworcowa"),
    ],
)
def test_a_typed_crossing_splits_into_its_two_streets(text: str, first: str, second: str) -> None:
    [reading, *_] = split_crossing(text)
    assert (reading.first, reading.second, reading.announced) == (first, second, True)


@pytest.mark.parametrize(
    "text",
    ["Kolejowa 12/3", "os. Legionów 12/1", "Kolejowa 12", "3 Maja", "Kolejowa i Dworcowa", ""],
)
def test_addresses_and_bare_words_are_no_announced_crossing(text: str) -> None:
    assert split_crossing(text) == []


def test_a_bare_and_is_read_only_when_asked_and_a_town_follows_the_comma() -> None:
    [reading] = split_crossing("Kolejowa i Dworcowa, Konin", bare=True)
    assert (reading.first, reading.second, reading.locality) == ("kolejowa", "dworcowa", "konin")
    assert not reading.announced


def test_every_joining_word_gives_a_reading_so_names_with_z_survive() -> None:
    readings = split_crossing("róg Jana z Kolna i Dworcowej")
    assert [(r.first, r.second) for r in readings] == [
        ("jana", "kolna i dworcowej"),
        ("jana z kolna", "dworcowej"),
    ]


@pytest.mark.parametrize(
    ("part", "reading"),
    [
        ("chopinem", "chopin"),
        ("wieniawskim", "wieniawsk"),
        ("kolejowoji", "kolejow"),
        ("kolejowoju", "kolejow"),
        ("ul kolejowej", "kolejowej"),
        ("aleja 1 maja", "1 maja"),
    ],
)
def test_case_endings_fold_to_what_the_lookup_knows(part: str, reading: str) -> None:
    assert reading in street_readings(part)


@pytest.fixture(scope="module")
def konin() -> Gazetteer:
    return Gazetteer.from_directory(read_directory("data/konin"))


@pytest.mark.parametrize(
    "text",
    [
        "róg Kolejowej i Dworcowej",
        "Kolejowa/Dworcowa",
        "skrzyżowanie Kolejowej z Dworcową",
        "перехрестя Колейової і Дворцової",
        "corner of Kolejowa and Dworcowa",
    ],
)
def test_the_sample_places_kolejowa_and_dworcowa_in_district_5(konin: Gazetteer, text: str) -> None:
    crossing = konin.lookup_crossing(text)
    assert crossing is not None and crossing.quality is MatchQuality.EXACT
    assert crossing.label == "ul. Kolejowa / ul. Dworcowa, Konin"
    assert crossing.district is not None and crossing.district.code == "KON-05"
    assert crossing.street_keys == ("kolejowa", "dworcowa")


def test_streets_far_apart_do_not_meet_and_unknown_streets_are_named(konin: Gazetteer) -> None:
    apart = konin.lookup_crossing("róg Kolejowej i Gotyckiej")
    assert apart is not None and apart.quality is MatchQuality.NO_CROSSING
    assert apart.streets == ("ul. Kolejowa", "ul. Gotycka") and apart.district is None
    unknown = konin.lookup_crossing("róg Kolejowej i Nieznanej")
    assert unknown is not None and unknown.quality is MatchQuality.NOT_FOUND
    assert unknown.unknown == "nieznanej"
    outside = konin.lookup_crossing("Kolejowa/Dworcowa, Kraków")
    assert outside is not None and outside.quality is MatchQuality.OUTSIDE_AREA
    # A bare "i" that does not join two known streets is no crossing at all.
    assert konin.lookup_crossing("Kolejowa i coś tam", bare=True) is None
    # ... and a sentence near two street names is no crossing either: no typos without "róg".
    assert konin.lookup_crossing("kolejka i dworzec", bare=True) is None
    assert konin.lookup_crossing("Kolejowa i Dworcowwa", bare=True) is None


def test_a_typo_is_fuzzy_and_the_limit_is_a_setting(konin: Gazetteer) -> None:
    typo = konin.lookup_crossing("Kolejowa/Dworcowwa")
    assert typo is not None and typo.quality is MatchQuality.FUZZY
    near = konin.lookup_crossing("Dworcowa/Wyzwolenia", max_m=100)
    assert near is not None and near.quality is MatchQuality.NO_CROSSING


def test_where_streets_change_district_the_boundary_decides() -> None:
    station = StationRecord("S", "Station", "", "", "", "", None, None)
    west = ((18.20, 52.20), (18.25, 52.20), (18.25, 52.25), (18.20, 52.25), (18.20, 52.20))
    east = ((18.25, 52.20), (18.30, 52.20), (18.30, 52.25), (18.25, 52.25), (18.25, 52.20))
    whole = parse_range("")
    rules = [
        StreetRuleRecord("Konin", "ul.", "Polna", whole.parity, None, None, "W", 52.22, 18.248),
        StreetRuleRecord("Konin", "ul.", "Leśna", whole.parity, None, None, "E", 52.22, 18.256),
    ]
    gazetteer = Gazetteer.build(
        [station],
        [
            DistrictRecord("W", "West", "S", (west,), False),
            DistrictRecord("E", "East", "S", (east,), False),
        ],
        [],
        rules,
    )
    crossing = gazetteer.lookup_crossing("Polna/Leśna")
    assert crossing is not None and crossing.district is not None
    # The midpoint (18.252) lies east of the boundary at 18.25.
    assert crossing.district.code == "E"
