"""Landmarks residents name instead of addresses: exact names, near names, stops on a street."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lookup.files import DirectoryInvalid, check, read_directory, write_directory
from lookup.gazetteer import Gazetteer
from lookup.landmarks import (
    LandmarkIndex,
    LandmarkKind,
    LandmarkRecord,
    names_a_landmark,
    parse_kind,
    said_kinds,
    stop_street,
)

PARK = LandmarkRecord(
    "Park im. Fryderyka Chopina", LandmarkKind.PARK, 52.2095, 18.244, "KON-02",
    aliases=("park Chopina", "парк Шопена"),
)  # fmt: skip
HOSPITAL = LandmarkRecord(
    "Wojewódzki Szpital Zespolony", LandmarkKind.HOSPITAL, 52.2372, 18.276, "KON-05",
    aliases=("szpital",), streets=("Wyszyńskiego",),
)  # fmt: skip
STOP = LandmarkRecord("Chopina", LandmarkKind.STOP, 52.2568, 18.278, "KON-08", streets=("Chopina",))
FAR_STOP = LandmarkRecord("Gotycka", LandmarkKind.STOP, 52.2944, 18.191, "KON-09")


@pytest.fixture
def index() -> LandmarkIndex:
    return LandmarkIndex([PARK, HOSPITAL, STOP, FAR_STOP])


@pytest.mark.parametrize(
    ("word", "kind"),
    [("przystanek", LandmarkKind.STOP), ("Szpital", LandmarkKind.HOSPITAL),
     ("stop", LandmarkKind.STOP), ("rondo", LandmarkKind.ROUNDABOUT),
     ("skrzyżowanie", LandmarkKind.CROSSING), ("", LandmarkKind.OTHER), ("zoo", None)],
)  # fmt: skip
def test_kinds_are_read_in_polish_or_english(word: str, kind: LandmarkKind | None) -> None:
    assert parse_kind(word) is kind


@pytest.mark.parametrize(
    "text",
    ["park Chopina", "w parku Chopina", "Park im. Fryderyka Chopina", "парк Шопена",
     "PARK CHOPINA"],
)  # fmt: skip
def test_exact_names_in_any_case_form_find_the_landmark(index: LandmarkIndex, text: str) -> None:
    assert index.exact(text) == [PARK]


def test_a_kind_word_before_a_name_looks_only_at_that_kind(index: LandmarkIndex) -> None:
    assert index.exact("przystanek Chopina") == [STOP]
    assert index.exact("зупинка Chopina") == [STOP]
    assert index.exact("szpital Chopina") == []
    assert index.exact("Chopina 16a") == []


def test_a_kind_word_in_another_case_or_language_finds_that_kind(index: LandmarkIndex) -> None:
    assert index.exact("koło szpitala") == [HOSPITAL]
    assert index.similar("лікарня") == [HOSPITAL]
    assert index.similar("біля зупинки") == [STOP, FAR_STOP]


def test_near_names_are_offered_never_taken(index: LandmarkIndex) -> None:
    assert index.exact("szpital wojewódzki") == []
    assert index.similar("szpital wojewódzki")[0] == HOSPITAL
    assert index.similar("koło szpitala")[0] == HOSPITAL
    assert PARK in index.similar("Chopin park")
    assert index.similar("Kolejowa 12") == []


def test_kind_words_tell_a_landmark_from_a_street() -> None:
    assert names_a_landmark("park Chopina") and names_a_landmark("przy moście")
    assert names_a_landmark("лікарня") and names_a_landmark("bus stop")
    assert not names_a_landmark("Chopina 16a") and not names_a_landmark("Dworcowa 5")
    assert said_kinds("koło szpitala") == {LandmarkKind.HOSPITAL}


@pytest.mark.parametrize(
    ("text", "street"),
    [("przystanek przy Kolejowej", "kolejowej"), ("przystanki na Kolskiej", "kolskiej"),
     ("зупинка біля Кольської", "kolskoji"), ("bus stop on Kolska", "kolska"),
     ("przystanek Chopina", None), ("Kolejowa 12", None)],
)  # fmt: skip
def test_stops_on_a_street_are_asked_for_with_a_preposition(text: str, street: str | None) -> None:
    assert stop_street(text) == street


def test_stops_on_a_street_list_those_naming_it_then_those_near_its_points(
    index: LandmarkIndex,
) -> None:
    assert index.on_street("chopina", [(52.2573, 18.2774)]) == [STOP]
    assert index.on_street("kolejowa", [(52.2570, 18.2776)]) == [STOP]
    assert index.on_street("kolejowa", [(52.20, 18.20)]) == []


@pytest.fixture(scope="module")
def konin() -> Gazetteer:
    return Gazetteer.from_directory(read_directory("data/konin"))


def test_the_sample_ships_a_few_dozen_landmarks_each_in_a_district(konin: Gazetteer) -> None:
    landmarks = list(konin.landmarks)
    assert len(landmarks) >= 30
    assert all(konin.district(m.district_code) is not None for m in landmarks)
    kinds = {m.kind for m in landmarks}
    assert {LandmarkKind.STOP, LandmarkKind.BRIDGE, LandmarkKind.HOSPITAL} <= kinds


def test_the_park_is_in_the_old_town_and_the_street_in_zatorze(konin: Gazetteer) -> None:
    [park] = konin.landmarks_named("park Chopina")
    assert park.district_code == "KON-02"
    street = konin.lookup_address("Chopina")
    assert street.district is not None and street.district.code == "KON-08"


def test_stops_near_kolska_and_a_roundabout_as_a_crossing(konin: Gazetteer) -> None:
    near = konin.stops_near("przystanek przy Kolskiej")
    assert near is not None and near.street == "ul. Kolska"
    assert [m.name for m in near.stops][:2] == ["Europejska", "Cmentarz Kolska"]
    crossing = konin.lookup_crossing("Europejska/Kolska")
    assert crossing is not None and crossing.label.startswith("Rondo Europejska / Kolska")
    assert crossing.district is not None and crossing.district.code == "KON-01"


def test_places_csv_problems_are_listed_with_their_lines(tmp_path: Path) -> None:
    shutil.copytree("data/konin", tmp_path, dirs_exist_ok=True)
    (tmp_path / "places.csv").write_text(
        "name,kind,streets,lat,lon,district_code\n"
        "Zoo,zoo,,52.23,18.25,\n"
        "Dworzec,dworzec,,,,\n"
        "Rondo,rondo,Kolska,52.2,18.23,\n"
        "Park,park,,52.23,18.25,KON-99\n"
        "Most,most,,52.22,18.24,\n"
        "MOST,bridge,,52.22,18.24,\n",
        "utf-8",
    )
    with pytest.raises(DirectoryInvalid) as invalid:
        read_directory(tmp_path)
    assert [(p.line, p.message.split(":")[0]) for p in invalid.value.problems] == [
        (2, "unknown kind 'zoo'"),
        (3, "lat and lon are empty"),
        (
            4,
            "a crossing or roundabout lists the streets that meet there (at least two, "
            "separated by ;)",
        ),
        (5, "unknown district 'KON-99'"),
        (7, "repeats line 6"),
    ]


def test_a_place_in_another_district_and_an_unknown_street_are_findings(tmp_path: Path) -> None:
    shutil.copytree("data/konin", tmp_path, dirs_exist_ok=True)
    (tmp_path / "places.csv").write_text(
        "name,kind,streets,lat,lon,district_code\n"
        "Dworzec PKP Konin,dworzec,Kolejowa; Nieznana,52.231389,18.251667,KON-02\n",
        "utf-8",
    )
    found = [f for f in check(read_directory(tmp_path)) if f.kind.startswith("place")]
    assert [f.kind for f in found] == ["place_outside_district", "place_unknown_street"]
    assert "lies in KON-05, not KON-02" in found[0].message


def test_the_sample_places_round_trip_through_an_export(tmp_path: Path) -> None:
    sample = read_directory("data/konin")
    write_directory(sample, tmp_path)
    assert read_directory(tmp_path).places == sample.places
