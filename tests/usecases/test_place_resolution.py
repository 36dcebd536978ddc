"""What a typed place becomes: a street, a crossing, a landmark, or choices to confirm.

A landmark never silently becomes a street of a similar name, nor a street a landmark: when
both fit, or the text says "park", "most", "przystanek"... and names no landmark exactly, the
resident is offered the choices.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Config
from bot.i18n import Catalog
from bot.services import Services
from bot.usecases.places import (
    candidates_json,
    chosen_place,
    place_from_point,
    place_from_text,
)
from db.engine import create_engine, session_factory
from db.uow import UnitOfWorkFactory
from lookup.files import read_directory
from lookup.gazetteer import Gazetteer, MatchQuality


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    """Only what resolving a place reads: the configuration and the Konin sample's gazetteer."""
    engine = create_engine(f"sqlite+aiosqlite:///{Path(tmp_path_factory.mktemp('p')) / 'x.db'}")
    return Services(
        config=Config(),
        catalog=Catalog(("pl",)),
        uow=UnitOfWorkFactory(session_factory(engine)),
        gazetteer=Gazetteer.from_directory(read_directory("data/konin")),
    )


def test_an_exact_landmark_name_is_the_place_with_its_point_and_district(
    services: Services,
) -> None:
    found = place_from_text(services, "koło dworca kolejowego")
    assert found.found and found.place is not None
    assert found.place.address == "Dworzec PKP Konin"
    assert (found.place.lat, found.place.lon) == (52.231389, 18.251667)
    assert found.place.district_code == "KON-05" and found.place.kind == "station"
    # "dworzec PKP" is the station and the MZK stop of that name: the resident says which.
    both = place_from_text(services, "przy dworcu PKP")
    assert [p.kind for p in both.landmarks] == ["station", "stop"]


def test_a_park_word_never_becomes_the_street_of_that_name(services: Services) -> None:
    park = place_from_text(services, "park Chopina")
    assert park.place is not None and park.place.district_code == "KON-02"
    # "park przy Chopina" names no park exactly: the park and the street are offered.
    offered = place_from_text(services, "park przy Chopina")
    assert not offered.found and offered.quality is MatchQuality.AMBIGUOUS
    labels = [c.get("label") or c.get("street") for c in candidates_json(offered)]
    assert "🌳 Park im. Fryderyka Chopina, Konin" in labels
    assert "ul. Chopina" in labels


def test_a_street_and_a_stop_of_the_same_name_are_both_offered(services: Services) -> None:
    both = place_from_text(services, "Chopina")
    choices = candidates_json(both)
    assert [c.get("label") or c.get("street") for c in choices] == [
        "🚏 Chopina, Konin",
        "ul. Chopina",
    ]
    stop = chosen_place(choices[0])
    assert stop is not None and stop.kind == "stop" and stop.district_code == "KON-08"
    assert chosen_place(choices[1]) is None
    # With a house number it is the street, as before.
    street = place_from_text(services, "Chopina 16a")
    assert street.found and street.place is not None
    assert street.place.address == "ul. Chopina 16a, Konin"


def test_two_known_streets_joined_by_and_are_a_crossing_before_any_near_name(
    services: Services,
) -> None:
    found = place_from_text(services, "Kolejowa i Dworcowa")
    assert found.found and found.place is not None
    assert found.place.address == "ul. Kolejowa / ul. Dworcowa, Konin"


def test_near_names_are_offered_and_unknown_words_stay_unknown(services: Services) -> None:
    near = place_from_text(services, "koło szpitala zespolonego")
    assert not near.found
    assert near.landmarks[0].address is not None
    assert near.landmarks[0].address.startswith("Wojewódzki Szpital Zespolony")
    nothing = place_from_text(services, "Nieznana 5")
    assert nothing.quality is MatchQuality.NOT_FOUND and not nothing.landmarks


def test_stops_near_a_street_and_a_street_without_stops(services: Services) -> None:
    stops = place_from_text(services, "przystanek przy Kolskiej")
    assert stops.stops_street == "ul. Kolska"
    assert [p.address for p in stops.landmarks][:2] == [
        "Europejska, Konin",
        "Cmentarz Kolska, Konin",
    ]
    none = place_from_text(services, "przystanek przy Gotyckiej")
    assert none.stops_street == "ul. Gotycka" and none.landmarks == ()
    assert none.quality is MatchQuality.NOT_FOUND


def test_a_venue_with_a_very_long_title_is_named_shortly(services: Services) -> None:
    found = place_from_point(services, 52.22981, 18.26794, "K" * 5000, "ul. Dworcowa 1")
    assert found.place is not None and found.place.address is not None
    assert len(found.place.address) == 200 and found.place.address.endswith("…")
