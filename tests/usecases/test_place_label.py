"""The place label: a pin reads as the nearest street with its numbers and distance, in every
language, with the coordinates as a map link; typed addresses read as typed."""

from __future__ import annotations

import pytest

from bot.i18n import Catalog
from bot.usecases.places import describe_place
from lookup.files import read_directory
from lookup.gazetteer import Gazetteer

MAP = "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
BY_THE_STATION = (52.2340, 18.2598)
FIELDS = (52.25, 18.40)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(("pl", "uk", "en"))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_directory(read_directory("data/konin"))


def label(catalog: Catalog, gazetteer: Gazetteer | None, lang: str, **where: object) -> str:
    place = {"address": None, "lat": None, "lon": None, "point": True, **where}
    return describe_place(catalog, lang, gazetteer, MAP, **place)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("pl", "w pobliżu: ul. Kolejowa 1–41 (nieparzyste), ok. 50 m · "),
        ("uk", "поблизу: ul. Kolejowa 1–41 (непарні), близько 50 м · "),
        ("en", "near ul. Kolejowa 1–41 (odd), about 50 m · "),
    ],
)
def test_a_pin_reads_as_the_nearest_street_with_a_map_link(
    catalog: Catalog, gazetteer: Gazetteer, lang: str, words: str
) -> None:
    lat, lon = BY_THE_STATION
    text = label(catalog, gazetteer, lang, lat=lat, lon=lon)
    link = (
        '<a href="https://www.openstreetmap.org/?mlat=52.234000&amp;mlon=18.259800'
        '#map=18/52.234000/18.259800">52.23400, 18.25980</a>'
    )
    assert text == words + link


def test_plain_text_for_exports_has_no_markup_and_no_coordinates(
    catalog: Catalog, gazetteer: Gazetteer
) -> None:
    lat, lon = BY_THE_STATION
    text = label(catalog, gazetteer, "pl", lat=lat, lon=lon, as_html=False)
    assert text == "w pobliżu: ul. Kolejowa 1–41 (nieparzyste), ok. 50 m"


def test_a_venue_keeps_its_own_name_and_address(catalog: Catalog, gazetteer: Gazetteer) -> None:
    lat, lon = BY_THE_STATION
    text = label(catalog, gazetteer, "pl", lat=lat, lon=lon, address="Dworzec <PKP>, Kolejowa")
    assert text.startswith("Dworzec &lt;PKP&gt;, Kolejowa · <a href=")
    plain = label(catalog, gazetteer, "pl", lat=lat, lon=lon, address="Dworzec PKP", as_html=False)
    assert plain == "Dworzec PKP"


def test_a_pin_far_from_streets_or_without_a_directory_is_a_map_link(
    catalog: Catalog, gazetteer: Gazetteer
) -> None:
    lat, lon = FIELDS
    assert label(catalog, gazetteer, "pl", lat=lat, lon=lon).startswith("punkt na mapie: <a href=")
    lat, lon = BY_THE_STATION
    assert label(catalog, None, "uk", lat=lat, lon=lon).startswith("точка на мапі: <a href=")
    assert label(catalog, None, "pl", lat=lat, lon=lon, as_html=False) == ""


def test_a_typed_address_reads_as_typed(catalog: Catalog, gazetteer: Gazetteer) -> None:
    typed = label(
        catalog, gazetteer, "en", address="ul. Kolejowa 12 & 14, Konin", lat=52.23, lon=18.26,
        point=False,
    )  # fmt: skip
    assert typed == "ul. Kolejowa 12 &amp; 14, Konin"
