"""A shared pin is named by the nearest street of the directory, measured on the ground."""

from __future__ import annotations

import pytest

from lookup.directory import Parity, StreetRuleRecord
from lookup.files import read_directory
from lookup.gazetteer import Gazetteer
from lookup.nearby import StreetPoints


def rule(
    street: str, point: tuple[float, float] | None, numbers: tuple[int, int] | None = None
) -> StreetRuleRecord:
    lat, lon = point if point else (None, None)
    low, high = numbers if numbers else (None, None)
    parity = Parity.ODD if numbers else Parity.ALL
    return StreetRuleRecord(
        "Konin", "ul." if street else "", street, parity, low, high, "D1", lat, lon
    )


@pytest.fixture(scope="module")
def sample() -> Gazetteer:
    return Gazetteer.from_directory(read_directory("data/konin"))


def test_a_pin_by_the_station_is_named_by_the_odd_side_of_kolejowa(sample: Gazetteer) -> None:
    near = sample.nearest_street(52.2340, 18.2598)
    assert near is not None
    assert (near.street_label, near.parity, near.number_from, near.number_to) == (
        "ul. Kolejowa", Parity.ODD, 1, 41,
    )  # fmt: skip
    assert near.district_code == "KON-05"
    assert 55 < near.distance_m < 65


def test_a_pin_far_from_every_street_point_has_no_street(sample: Gazetteer) -> None:
    assert sample.nearest_street(52.25, 18.40) is None
    # ... unless the caller accepts a longer distance.
    assert sample.nearest_street(52.25, 18.40, max_m=50_000) is not None


def test_nearest_on_the_ground_wins_over_nearest_in_degrees() -> None:
    # At 52° a degree of longitude is ~68 km, of latitude ~111 km: 0.0012° east (~82 m) is
    # nearer on the ground than 0.0010° north (~111 m), though farther in degrees.
    points = StreetPoints(
        [rule("Północna", (52.2010, 18.2000)), rule("Wschodnia", (52.2000, 18.2012))]
    )
    near = points.nearest(52.2000, 18.2000)
    assert near is not None and near.street == "Wschodnia"
    assert 80 < near.distance_m < 84


def test_rules_without_a_street_or_a_point_never_name_a_pin() -> None:
    points = StreetPoints([rule("", (52.2, 18.2)), rule("Bez punktu", None)])
    assert len(points) == 0
    assert points.nearest(52.2, 18.2) is None


def test_a_pin_far_from_every_point_finds_the_nearest_when_the_caller_allows_it() -> None:
    # The grid's search stops at the cells that hold points, however far the caller looks.
    points = StreetPoints(
        [rule("Północna", (54.0, 18.0)), rule("Południowa", (50.0, 19.0)), rule("Brak", None)]
    )
    assert points.nearest(45.0, 19.5) is None
    near = points.nearest(45.0, 19.5, max_m=10_000_000)
    assert near is not None and near.street == "Południowa"
    assert 550_000 < near.distance_m < 560_000
