"""The synthetic Konin sample loads, passes the data check and resolves every street."""

from __future__ import annotations

from pathlib import Path

import pytest

from lookup.directory import Directory, Parity, StreetRuleRecord
from lookup.files import check, read_directory
from lookup.gazetteer import Gazetteer, MatchQuality

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "konin"


@pytest.fixture(scope="module")
def sample() -> Directory:
    return read_directory(SAMPLE)


@pytest.fixture(scope="module")
def gazetteer(sample: Directory) -> Gazetteer:
    return Gazetteer.from_directory(sample)


def test_the_sample_has_all_sixty_konin_streets(sample: Directory) -> None:
    streets = {(r.prefix, r.street) for r in sample.rules if r.locality == "Konin"}
    assert len(streets) == 60


def test_the_sample_passes_the_data_check(sample: Directory) -> None:
    assert check(sample) == []


def test_the_sample_is_labelled_synthetic(sample: Directory) -> None:
    assert all(d.sample and "PRZYKŁAD" in d.name for d in sample.districts)
    assert all(o.email.endswith(".invalid") for o in sample.officers)
    assert all("PRZYKŁAD" in s.address for s in sample.stations)


def test_one_district_has_two_active_officers(gazetteer: Gazetteer, sample: Directory) -> None:
    counts = {d.code: len(gazetteer.officers_for(d.code)) for d in sample.districts}
    assert min(counts.values()) >= 1
    assert sorted(counts.values())[-1] == 2


def a_number_in(rule: StreetRuleRecord) -> int:
    number = rule.number_from or 1
    if rule.parity is Parity.EVEN and number % 2:
        number += 1
    if rule.parity is Parity.ODD and not number % 2:
        number += 1
    return number


def test_every_street_rule_resolves_to_its_district(
    gazetteer: Gazetteer, sample: Directory
) -> None:
    for rule in sample.rules:
        place = f"{rule.prefix} {rule.street}".strip() or rule.locality
        typed = f"{place} {a_number_in(rule)}, {rule.locality}"
        result = gazetteer.lookup_address(typed)
        assert result.quality is MatchQuality.EXACT, typed
        assert result.district is not None and result.district.code == rule.district_code, typed
        assert result.rule == rule, typed


def test_every_street_point_lies_in_its_district(gazetteer: Gazetteer, sample: Directory) -> None:
    for rule in sample.rules:
        assert rule.lat is not None and rule.lon is not None
        result = gazetteer.lookup_point(rule.lat, rule.lon)
        assert result.district is not None and result.district.code == rule.district_code


@pytest.mark.parametrize(
    ("typed", "district"),
    [
        ("kolejowa 5", "KON-05"),
        ("Kolejowa 44", "KON-06"),
        ("Kleczewska 337", "KON-09"),
        ("Kleczewska 12", "KON-08"),
        ("Przemysłowa 7", "KON-06"),
        ("Przemysłowa 8", "KON-08"),
        ("popieluszki 3", "KON-03"),
        ("22 Lipca 4", "KON-05"),
        ("Лешинська 9", "KON-04"),
        ("Chopna 16a", "KON-08"),
        # Ukrainian spells Chopin by its sound: no transliteration reaches "Chopina" (an alias).
        ("вул. Шопена 16", "KON-08"),
        ("Stare Miasto 12", "STM-01"),
        ("Licheń Stary 12", "SLE-01"),
        ("Kramsk, ul. Kolejowa 3", "KRA-01"),
        ("kolejowa 3 kramsk", "KRA-01"),
    ],
)
def test_residents_typing_habits_on_the_sample(
    gazetteer: Gazetteer, typed: str, district: str
) -> None:
    result = gazetteer.lookup_address(typed)
    assert result.district is not None and result.district.code == district


def test_reference_points_fall_in_their_neighbourhoods(gazetteer: Gazetteer) -> None:
    names = {}
    for lat, lon in ((52.2323, 18.2242), (52.2939, 18.2662), (52.223, 18.251)):
        result = gazetteer.lookup_point(lat, lon)
        assert result.district is not None
        names[(lat, lon)] = result.district.name
    assert "Chorzeń" in names[(52.2323, 18.2242)]
    assert "Gosławice" in names[(52.2939, 18.2662)]
    assert "Starówka" in names[(52.223, 18.251)]
