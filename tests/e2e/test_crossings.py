"""Crossings as residents name them, end to end: the real bot against the local Bot API server.

"róg Kolejowej i Dworcowej", "Kolejowa/Dworcowa", "перехрестя Колейової і Дворцової" are the
place of a report and the way to find the dzielnicowy; two streets that do not meet are said
not to, and the question is asked again with nothing lost.
"""

from __future__ import annotations

import pytest

from devtools.localapi import LocalBotApi
from tests.e2e.test_lookup_chat import card_for, stored_conversation
from tests.e2e.test_report_story import (
    FAST,
    Chat,
    StartBot,
    reply_buttons,
    start_reporting_bot,
    stored_reports,
    text_of,
)

pytestmark = pytest.mark.e2e


async def test_polish_report_at_a_crossing_after_two_streets_that_do_not_meet(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(1601, language_code="pl"))
    anna.user.send_command("zglos")
    await anna.expect()
    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("🚗 Drogi i ruch")
    await anna.tap_and_read("Nieprawidłowe parkowanie")

    # Kolejowa (the station) and Gotycka (Gosławice) are kilometres apart.
    anna.user.send_text("róg Kolejowej i Gotyckiej")
    [apart] = await anna.expect()
    assert text_of(apart).startswith(
        "Według spisu ulic ul. Kolejowa i ul. Gotycka się nie przecinają"
    )
    # Asked again with the same keyboard; the category chosen before is still there.
    assert reply_buttons(apart)[0] == ["📍 Wyślij moją lokalizację [location]"]
    flow, draft = await stored_conversation(runtime, 1601)
    assert flow == "report" and draft["category"] == "parking"

    anna.user.send_text("skrzyżowanie Kolejowej z Dworcową")
    found, when = await anna.expect(2)
    assert "ul. Kolejowa / ul. Dworcowa, Konin" in text_of(found)
    assert "Rejon 5" in text_of(found)
    assert "Kiedy to się dzieje?" in text_of(when)
    await anna.tap_and_read("Teraz")
    await anna.tap_and_read("Pomiń")
    await anna.tap_and_read("Bez zdjęć — dalej")
    [summary] = await anna.tap_and_read("🕶 Anonimowo")
    assert "ul. Kolejowa / ul. Dworcowa, Konin" in text_of(summary)
    await anna.tap_and_read("✅ Wyślij")
    [report] = await stored_reports(runtime)
    assert report.address == "ul. Kolejowa / ul. Dworcowa, Konin"
    assert report.location_source == "address"
    # The sample's places.csv lists this crossing ("Róg Dworcowej i Kolejowej"): its point.
    assert (report.lat, report.lon) == (52.2318, 18.254)


async def test_ukrainian_resident_finds_the_officer_of_a_crossing(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_bot(delivery=FAST)
    olena = local_api.user(1602, language_code="uk")
    olena.send_command("dzielnicowy")
    await local_api.await_sent(1602)

    olena.send_text("перехрестя Колейової і Дворцової")
    found, card, _ = await card_for(local_api, olena)
    assert text_of(found) == "📍 ul. Kolejowa / ul. Dworcowa, Konin"
    assert "Rejon 5" in text_of(card) and "Tomasz Fikcyjny" in text_of(card)

    olena.send_text("Kolejowa/Gotycka")
    [apart] = await local_api.await_sent(1602)
    assert text_of(apart).startswith(
        "За переліком вулиць ul. Kolejowa і ul. Gotycka не перетинаються"
    )

    olena.send_text("ріг Колейової та Невідомої")
    [unknown] = await local_api.await_sent(1602)
    assert "не знайшов однієї з цих вулиць" in text_of(unknown)

    # The sign notation, with a street named by a number, and the town after a comma; placed
    # between the two streets' points (no listed crossing).
    olena.send_text("Dworcowa / 11 Listopada, Konin")
    found, _, _ = await card_for(local_api, olena)
    assert text_of(found) == "📍 ul. Dworcowa / ul. 11 Listopada, Konin"

    # A roundabout listed in places.csv is named by its own name.
    olena.send_text("Europejska/Kolska")
    found, card, _ = await card_for(local_api, olena)
    assert text_of(found) == "📍 Rondo Europejska / Kolska / Trasa Warszawska, Konin"
    assert "Rejon 1" in text_of(card)
