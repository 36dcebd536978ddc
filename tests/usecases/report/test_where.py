"""Where: a shared point or venue, a typed address, alternatives, and places outside the area."""

from __future__ import annotations

from bot.conversation import Location
from bot.services import Services
from tests.usecases.report.story import CITY_CENTRE, FAR_AWAY, Reporting, conversation


async def test_a_shared_location_shows_the_district(report_services: Services) -> None:
    anna = Reporting(report_services, 3001)
    await anna.through_category()
    await anna.share(CITY_CENTRE)
    assert anna.said() == ["report-where-found", "report-when-question"]
    assert anna.keyboard() == "remove"
    assert "Rejon 5" in anna.text()
    place = (await conversation(report_services, 3001)).draft["place"]
    assert (place["source"], place["lat"], place["lon"]) == ("point", *CITY_CENTRE)
    assert place["district_code"] == "KON-05"


async def test_a_venue_keeps_its_title_and_address(report_services: Services) -> None:
    anna = Reporting(report_services, 3002)
    await anna.through_category()
    await anna.send(Location(*CITY_CENTRE, title="Dworzec PKP", address="ul. Dworcowa 1"))
    assert "Dworzec PKP, ul. Dworcowa 1" in anna.text()


async def test_a_point_outside_the_area_is_explained_and_another_asked(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 3003)
    await anna.through_category()
    await anna.share(FAR_AWAY)
    assert anna.said() == ["report-where-outside"]
    assert anna.keyboard() == "reply"
    assert "Moja Komenda" in anna.text() and "112" in anna.text()
    assert (await conversation(report_services, 3003)).step == "where"
    await anna.share(CITY_CENTRE)
    assert anna.said() == ["report-where-found", "report-when-question"]


async def test_a_town_outside_the_area_and_an_unknown_street(report_services: Services) -> None:
    anna = Reporting(report_services, 3004)
    await anna.through_category()
    await anna.say("Warszawa, Marszałkowska 1")
    assert anna.said() == ["report-where-outside"]
    await anna.say("Nieistniejąca 5")
    assert anna.said() == ["report-where-not-found"]
    await anna.say("✍️ Wpiszę adres")
    assert anna.said() == ["report-where-type-hint"]
    assert (await conversation(report_services, 3004)).draft["place"] is None


async def test_a_street_of_several_districts_offers_its_sections(
    report_services: Services,
) -> None:
    anna = Reporting(report_services, 3005)
    await anna.through_category()
    await anna.say("Kleczewska")
    assert anna.said() == ["report-where-street-only"]
    assert anna.values() == ["alt.0", "alt.1"]
    assert anna.labels()[0].startswith("ul. Kleczewska 1–336 — Rejon 8")
    await anna.press("alt.1")
    assert anna.said() == ["report-where-found", "report-when-question"]
    place = (await conversation(report_services, 3005)).draft["place"]
    assert place["district_code"] == "KON-09"
    assert place["street_key"] == "kleczewska"


async def test_typing_the_number_after_the_sections_are_offered(report_services: Services) -> None:
    anna = Reporting(report_services, 3006)
    await anna.through_category()
    await anna.say("Kolejowa")
    assert anna.said() == ["report-where-street-only"]
    await anna.say("Kolejowa 44")
    assert anna.said() == ["report-where-found", "report-when-question"]
    assert (await conversation(report_services, 3006)).draft["place"]["district_code"] == "KON-06"


async def test_an_address_in_ukrainian_letters_is_found(report_services: Services) -> None:
    olena = Reporting(report_services, 3007, language_hint="uk")
    await olena.through_category()
    await olena.say("вул. Колейова 12")
    assert olena.said() == ["report-where-found", "report-when-question"]
    assert "дільниця" in olena.text()
