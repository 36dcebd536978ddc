"""A resident types an address or shares a location and learns their dzielnicowy."""

from __future__ import annotations

import pytest

from lookup.directory import (
    DistrictRecord,
    OfficerRecord,
    Parity,
    Ring,
    StationRecord,
    StreetRuleRecord,
)
from lookup.gazetteer import Gazetteer, MatchQuality
from lookup.house_numbers import NumberRange, describe_range, parse_range


def square(lon0: float, lat0: float, lon1: float, lat1: float) -> Ring:
    return ((lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1), (lon0, lat0))


# D1 and D2 share the edge lon = 18.26; D3 and D4 lie apart.
POLYGONS = {
    "D1": square(18.22, 52.21, 18.26, 52.24),
    "D2": square(18.26, 52.21, 18.30, 52.24),
    "D3": square(18.10, 52.30, 18.14, 52.33),
    "D4": square(18.40, 52.40, 18.44, 52.43),
}
STATION = StationRecord(
    "KMP", "KMP w Koninie", "ul. Kolejowa 5", "+48 47 000 00 00", "", "", None, None
)


def rule(
    locality: str,
    street: str,
    numbers: str,
    district: str,
    point: tuple[float, float] | None = None,
) -> StreetRuleRecord:
    parsed = parse_range(numbers)
    lat, lon = point if point else (None, None)
    return StreetRuleRecord(
        locality, "ul." if street else "", street, parsed.parity, parsed.number_from,
        parsed.number_to, district, lat, lon,
    )  # fmt: skip


RULES = [
    rule("Konin", "Słowackiego", "1-41(n)", "D1", (52.22, 18.24)),
    rule("Konin", "Słowackiego", "2-DK(p)", "D2", (52.22, 18.28)),
    rule("Konin", "Kolejowa", "", "D1", (52.23, 18.23)),
    rule("Konin", "Rybnicka", "1-23(n)", "D1"),
    rule("Konin", "Rybnicka", "2-46(p)", "D1"),
    rule("Konin", "Rybnicka", "25-DK(n)", "D2"),
    rule("Konin", "Rybnicka", "48-DK(p)", "D2"),
    rule("Konin", "Polna", "", "D1"),
    rule("Konin", "Wolna", "", "D2"),
    rule("Konin", "Leśna", "1-20", "D1"),
    rule("Konin", "Leśna", "15-DK", "D2"),
    rule("Konin", "Jana Matejki", "", "D2"),
    rule("Konin", "3 Maja", "", "D1"),
    rule("Konin", "1 Maja", "", "D2"),
    rule("Golina", "Kościuszki", "", "D3"),
    rule("Sompolno", "Kościuszki", "", "D4"),
    rule("Wilków", "", "", "D3"),
]
OFFICERS = [
    OfficerRecord("O1", "asp.", "Jan", "Przykładowy", "+48 47 000 00 01", "", "KMP", ("D1",), True),
    OfficerRecord(
        "O2", "asp.", "Anna", "Testowa", "+48 47 000 00 02", "", "KMP", ("D2", "D3"), True
    ),
    OfficerRecord("O3", "asp.", "Piotr", "Emeryt", "+48 47 000 00 03", "", "KMP", ("D1",), False),
    OfficerRecord("O4", "asp.", "Ewa", "Zmyślona", "+48 47 000 00 04", "", "KMP", ("D4",), True),
]


def districts(order: list[str] | None = None) -> list[DistrictRecord]:
    return [
        DistrictRecord(code, f"Rejon {code}", "KMP", (POLYGONS[code],), True)
        for code in (order or sorted(POLYGONS))
    ]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.build([STATION], districts(), OFFICERS, RULES, tolerance_m=25.0)


def test_resident_without_diacritics_finds_the_odd_side_of_slowackiego(
    gazetteer: Gazetteer,
) -> None:
    result = gazetteer.lookup_address("slowackiego 5")
    assert result.quality is MatchQuality.EXACT
    assert result.district is not None and result.district.code == "D1"
    assert result.rule is not None and result.rule.street == "Słowackiego"
    assert result.rule.parity is Parity.ODD
    assert (result.lat, result.lon) == (52.22, 18.24)
    assert result.station == STATION
    assert [o.code for o in result.officers] == ["O1"]  # the inactive O3 is not offered


def test_the_even_side_of_the_same_street_is_another_district(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_address("ul. Słowackiego 6")
    assert result.district is not None and result.district.code == "D2"
    assert result.rule is not None and result.rule.parity is Parity.EVEN


@pytest.mark.parametrize("typed", ["Словацького 5", "Словацкого 5", "вул. Словацького 5, Конін"])
def test_ukrainian_and_russian_spelling_finds_slowackiego(gazetteer: Gazetteer, typed: str) -> None:
    result = gazetteer.lookup_address(typed)
    assert result.quality is MatchQuality.FUZZY
    assert result.district is not None and result.district.code == "D1"


@pytest.mark.parametrize(
    "typed", ["Sowackiego 5", "Slowakciego 5", "Słowackeigo 5", "lowackiego 5"]
)
def test_small_typos_still_find_the_street(gazetteer: Gazetteer, typed: str) -> None:
    result = gazetteer.lookup_address(typed)
    assert result.quality is MatchQuality.FUZZY
    assert result.rule is not None and result.rule.street == "Słowackiego"
    assert result.district is not None and result.district.code == "D1"
    assert 80 <= result.score < 100


@pytest.mark.parametrize(
    "typed",
    [
        "Kolejowa 12",
        "12 Kolejowa",
        "Kolejowa 12, Konin",
        "Konin, Kolejowa 12",
        "ul. Kolejowa 12/3 62-500 Konin",
        "Kolejowa 12 Konin",
        "Konin Kolejowa 12",
        "KOLEJOWA 12A",
        "Kolejowa",
    ],
)
def test_word_order_town_and_case_do_not_matter(gazetteer: Gazetteer, typed: str) -> None:
    result = gazetteer.lookup_address(typed)
    assert result.quality is MatchQuality.EXACT
    assert result.district is not None and result.district.code == "D1"


def test_a_letter_or_flat_number_keeps_the_building_number(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_address("Słowackiego 6a/2")
    assert result.house_number is not None
    assert (result.house_number.number, result.house_number.suffix) == (6, "a")
    assert result.district is not None and result.district.code == "D2"


def test_police_wording_ranges_split_rybnicka(gazetteer: Gazetteer) -> None:
    codes = {}
    for number in (23, 25, 46, 48):
        result = gazetteer.lookup_address(f"Rybnicka {number}")
        assert result.district is not None
        codes[number] = result.district.code
    assert codes == {23: "D1", 25: "D2", 46: "D1", 48: "D2"}


def test_street_without_number_lists_the_districts_covering_it(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_address("Słowackiego")
    assert result.quality is MatchQuality.STREET_ONLY
    assert result.district is None
    assert [(a.district_code, a.numbers) for a in result.alternatives] == [
        ("D1", "1–41 (nieparzyste)"),
        ("D2", "(numery parzyste od 2)"),
    ]


def test_number_outside_every_range_is_street_only(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_address("Słowackiego 43")
    assert result.quality is MatchQuality.STREET_ONLY
    assert {a.district_code for a in result.alternatives} == {"D1", "D2"}


def test_street_in_two_other_towns_is_ambiguous_with_both_offered(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_address("Kościuszki 5")
    assert result.quality is MatchQuality.AMBIGUOUS
    assert result.district is None
    assert sorted((a.locality, a.district_code) for a in result.alternatives) == [
        ("Golina", "D3"),
        ("Sompolno", "D4"),
    ]


def test_naming_the_town_resolves_the_ambiguity(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_address("Kościuszki 5, Golina")
    assert result.quality is MatchQuality.EXACT
    assert result.district is not None and result.district.code == "D3"
    assert [o.code for o in result.officers] == ["O2"]


def test_two_equally_similar_streets_are_ambiguous(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_address("Olna 3")
    assert result.quality is MatchQuality.AMBIGUOUS
    assert {a.street for a in result.alternatives} == {"ul. Polna", "ul. Wolna"}


def test_overlapping_published_ranges_are_ambiguous_only_where_they_overlap(
    gazetteer: Gazetteer,
) -> None:
    assert gazetteer.lookup_address("Leśna 17").quality is MatchQuality.AMBIGUOUS
    only_first = gazetteer.lookup_address("Leśna 3")
    assert only_first.district is not None and only_first.district.code == "D1"


def test_surname_and_street_names_with_numbers(gazetteer: Gazetteer) -> None:
    matejki = gazetteer.lookup_address("Matejki 4")
    assert matejki.quality is MatchQuality.EXACT
    assert matejki.district is not None and matejki.district.code == "D2"
    for typed, code in (("3 Maja", "D1"), ("3 Maja 5", "D1"), ("1 Maja 7", "D2")):
        result = gazetteer.lookup_address(typed)
        assert result.district is not None and result.district.code == code, typed


def test_a_whole_village_is_one_district(gazetteer: Gazetteer) -> None:
    for typed in ("Wilków 7", "Wilkow", "Leśna 2, Wilków"):
        result = gazetteer.lookup_address(typed)
        assert result.quality is MatchQuality.EXACT, typed
        assert result.district is not None and result.district.code == "D3"


def test_unknown_town_is_outside_the_area(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_address("Marszałkowska 1, Warszawa")
    assert result.quality is MatchQuality.OUTSIDE_AREA


def test_nonsense_is_not_found(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup_address("qwxzy 1").quality is MatchQuality.NOT_FOUND
    assert gazetteer.lookup_address("").quality is MatchQuality.NOT_FOUND


def test_without_a_point_the_result_falls_back_to_the_district_centre(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_address("Polna 1")
    assert result.lat is not None and result.lon is not None
    assert 52.21 < result.lat < 52.24 and 18.22 < result.lon < 18.26


def test_alternatives_are_capped_at_eight() -> None:
    many = [
        rule("Konin", "Długa", f"{n * 10 + 1}-{n * 10 + 10}", f"D{n % 4 + 1}") for n in range(12)
    ]
    gazetteer = Gazetteer.build([STATION], districts(), OFFICERS, many)
    result = gazetteer.lookup_address("Długa")
    assert result.quality is MatchQuality.STREET_ONLY
    assert len(result.alternatives) == 8


def _numbers(span: NumberRange) -> tuple[Parity, int | None, int | None]:
    return span.parity, span.number_from, span.number_to


def test_a_districts_street_lines_come_in_a_police_pages_order(gazetteer: Gazetteer) -> None:
    def lines(code: str) -> list[tuple[str | None, str, str]]:
        return [
            (
                line.locality,
                line.street,
                describe_range(line.range.parity, line.range.number_from, line.range.number_to),
            )
            for line in gazetteer.district_lines(code)
        ]

    assert lines("D2") == [
        (None, "ul. 1 Maja", "(cała ulica)"),
        (None, "ul. Jana Matejki", "(cała ulica)"),
        (None, "ul. Leśna", "(numery od 15)"),
        (None, "ul. Rybnicka", "(numery nieparzyste od 25)"),
        (None, "ul. Rybnicka", "(numery parzyste od 48)"),
        (None, "ul. Słowackiego", "(numery parzyste od 2)"),
        (None, "ul. Wolna", "(cała ulica)"),
    ]
    assert (None, "ul. Słowackiego", "1–41 (nieparzyste)") in lines("D1")
    # A district of several towns names the town on each line; a whole town has no street.
    [golina, wilkow] = gazetteer.district_lines("D3")
    assert (golina.locality, golina.street) == ("Golina", "ul. Kościuszki")
    assert (wilkow.locality, wilkow.street, wilkow.range.number_from) == ("Wilków", "", None)


def test_officers_for_lists_active_officers_only(gazetteer: Gazetteer) -> None:
    assert [o.code for o in gazetteer.officers_for("D1")] == ["O1"]
    assert [o.code for o in gazetteer.officers_for("D3")] == ["O2"]
    assert gazetteer.officers_for("nope") == ()


def test_a_shared_location_inside_a_district(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_point(52.22, 18.29)
    assert result.quality is MatchQuality.EXACT
    assert result.district is not None and result.district.code == "D2"
    assert [o.code for o in result.officers] == ["O2"]


def test_a_point_on_a_shared_border_resolves_the_same_way_every_time() -> None:
    codes = set()
    for order in (["D1", "D2", "D3", "D4"], ["D4", "D3", "D2", "D1"], ["D2", "D1", "D4", "D3"]):
        gazetteer = Gazetteer.build([STATION], districts(order), OFFICERS, RULES)
        for _ in range(3):
            result = gazetteer.lookup_point(52.225, 18.26)
            assert result.district is not None
            codes.add(result.district.code)
    assert codes == {"D1"}


def test_a_point_in_warsaw_is_outside_the_area_with_its_distance(gazetteer: Gazetteer) -> None:
    result = gazetteer.lookup_point(52.2297, 21.0122)
    assert result.quality is MatchQuality.OUTSIDE_AREA
    assert result.district is None
    assert result.distance_m is not None and 170_000 < result.distance_m < 200_000
    # D4 lies further east in degrees of longitude but is nearer on the ground.
    assert result.nearest_district is not None and result.nearest_district.code == "D4"


def test_a_point_just_outside_within_tolerance_still_matches(gazetteer: Gazetteer) -> None:
    # 0.0002° of latitude is about 22 m, inside the 25 m tolerance; 0.001° (111 m) is not.
    near = gazetteer.lookup_point(52.2402, 18.24)
    assert near.quality is MatchQuality.FUZZY
    assert near.district is not None and near.district.code == "D1"
    far = gazetteer.lookup_point(52.241, 18.24)
    assert far.quality is MatchQuality.OUTSIDE_AREA
