"""Landmarks and stops as residents name them, end to end: the real bot, the local Bot API.

The Konin sample's places.csv lists parks, bridges, the station, the hospital, shopping centres
and bus stops. An exact name is the place; a near one is offered as buttons, and a text that
says "park" never silently becomes a street of a similar name.
"""

from __future__ import annotations

import pytest

from devtools.localapi import LocalBotApi
from tests.e2e.test_lookup_chat import card_for
from tests.e2e.test_report_story import (
    FAST,
    Chat,
    StartBot,
    start_reporting_bot,
    stored_reports,
    text_of,
)

pytestmark = pytest.mark.e2e


async def test_polish_report_at_the_park_and_a_stop_picked_from_the_street(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(1701, language_code="pl"))
    anna.user.send_command("zglos")
    await anna.expect()
    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("🚨 Porządek publiczny")
    await anna.tap_and_read("Akty wandalizmu")

    # The park is in the old town (Rejon 2); ul. Chopina is in Zatorze (Rejon 8).
    anna.user.send_text("w parku Chopina")
    found, _when = await anna.expect(2)
    assert "Park im. Fryderyka Chopina, Konin" in text_of(found)
    assert "Rejon 2" in text_of(found)

    # Back to "where" from the summary is long; a second report shows the stops instead.
    await anna.tap_and_read("Teraz")
    await anna.tap_and_read("Pomiń")
    await anna.tap_and_read("Bez zdjęć — dalej")
    await anna.tap_and_read("🕶 Anonimowo")
    await anna.tap_and_read("✅ Wyślij")
    [report] = await stored_reports(runtime)
    assert report.address == "Park im. Fryderyka Chopina, Konin"
    assert (report.lat, report.lon) == (52.2095, 18.244)

    anna.user.send_command("zglos")
    await anna.expect()
    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("🚨 Porządek publiczny")
    await anna.tap_and_read("Akty wandalizmu")
    anna.user.send_text("przystanek przy Kolskiej")
    [stops] = await anna.expect()
    assert text_of(stops).startswith("Przystanki w pobliżu: ul. Kolska.")
    labels = [row[0] for row in stops.buttons()]
    assert labels[:2] == [
        "🚏 Europejska, Konin — Rejon 1 – Czarków (PRZYKŁAD)",
        "🚏 Cmentarz Kolska, Konin — Rejon 1 – Czarków (PRZYKŁAD)",
    ]
    found, _when = await anna.tap_and_read(labels[1], 2)
    assert "Cmentarz Kolska, Konin" in text_of(found)


async def test_a_near_name_is_confirmed_and_a_street_is_not_taken_for_a_park(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_reporting_bot(start_bot)
    jan = Chat(local_api, local_api.user(1702, language_code="pl"))
    jan.user.send_command("zglos")
    await jan.expect()
    await jan.tap_and_read("Nie, to nie jest nagły wypadek")
    await jan.tap_and_read("🚗 Drogi i ruch")
    await jan.tap_and_read("Nieprawidłowe parkowanie")

    # No landmark is called "Galeria", and nothing is taken without asking.
    jan.user.send_text("galeria")
    [pick] = await jan.expect()
    assert text_of(pick).startswith("Które miejsce masz na myśli?")
    [label] = [row[0] for row in pick.buttons() if "Galeria nad Jeziorem" in row[0]]
    assert label.startswith("🛍 Galeria nad Jeziorem, Konin — Rejon 8")

    # An other name (in another case) is exact: taken at once.
    jan.user.send_text("most Piłsudskiego")
    found, _ = await jan.expect(2)
    assert "Most im. Marszałka Józefa Piłsudskiego, Konin" in text_of(found)


async def test_ukrainian_resident_finds_the_officer_of_a_stop_and_a_park(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_bot(delivery=FAST)
    olena = local_api.user(1703, language_code="uk")
    olena.send_command("dzielnicowy")
    await local_api.await_sent(1703)

    olena.send_text("парк Шопена")
    found, card, _ = await card_for(local_api, olena)
    assert text_of(found) == "📍 Park im. Fryderyka Chopina, Konin"
    assert "Rejon 2" in text_of(card)

    olena.send_text("зупинка біля Кольської")
    [stops] = await local_api.await_sent(1703)
    assert text_of(stops).startswith("Зупинки поблизу: ul. Kolska.")
    olena.press(stops, stops.buttons()[0][0])
    found, card, _ = await card_for(local_api, olena)
    assert text_of(found) == "📍 Europejska, Konin"
    assert "Rejon 1" in text_of(card)

    olena.send_text("зупинка біля Готицької")
    [none] = await local_api.await_sent(1703)
    assert text_of(none).startswith("Я не знаю зупинок поблизу: ul. Gotycka.")
    assert any(b.get("request_location") for row in none.reply_keyboard() for b in row)
