"""What a resident sends before starting a report is kept: photos (an album, its caption), a
location, an address or a few words; the real bot end to end, in Ukrainian and Polish."""

from __future__ import annotations

import pytest

from db.models.reports import Report
from devtools.localapi import LocalBotApi
from tests.e2e.test_report_story import (
    Chat,
    StartBot,
    start_reporting_bot,
    stored_photos,
    stored_reports,
    text_of,
)
from tests.usecases.report.story import CITY_CENTRE, jpeg_with_gps

pytestmark = pytest.mark.e2e


async def test_an_album_sent_first_becomes_a_report_with_its_caption(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    olena = Chat(local_api, local_api.user(1401, language_code="uk"))

    # Two photos in one album, captioned: one answer (sent once, then edited), nothing lost.
    olena.user.send_media_group([jpeg_with_gps(), jpeg_with_gps()], caption="Розбита зупинка")
    first, second = await olena.expect(2)
    assert first.method == "sendMessage" and second.method == "editMessageText"
    assert second.message_id == first.message_id
    assert "Ваші фото збережено (2)" in text_of(second)
    assert "Розбита зупинка" in text_of(second) and "112" in text_of(second)
    assert second.buttons() == [["⚠️ Повідомити про загрозу з цим"], ["✖️ Ні, дякую"]]

    [danger] = await olena.tap_and_read("⚠️ Повідомити про загрозу з цим")
    assert "чи хтось зараз у небезпеці" in text_of(danger)
    await olena.tap_and_read("Ні, це не надзвичайна ситуація")
    await olena.tap_and_read("🚨 Громадський порядок")
    await olena.tap_and_read("Акти вандалізму")
    olena.user.send_text("Kolejowa 12")
    await olena.expect(2)
    # The description was given with the album: the next question is about photos.
    [photos] = await olena.tap_and_read("Зараз")
    assert "Додано: 2 з 3" in text_of(photos)

    # One more photo, captioned: the caption joins the description.
    olena.user.send_photo(jpeg_with_gps(), caption="Скло на тротуарі")
    kept, added = await olena.expect(2)
    assert "Підпис до фото ми додали до опису" in text_of(kept)
    assert "(3 з 3)" in text_of(added)
    await olena.tap_and_read("✅ Готово")
    [summary] = await olena.tap_and_read("🕶 Анонімно")
    assert "Розбита зупинка\nСкло на тротуарі" in text_of(summary)
    await olena.tap_and_read("✅ Надіслати")

    [report] = await stored_reports(runtime)
    assert report.description == "Розбита зупинка\nСкло на тротуарі"
    assert len(await stored_photos(runtime)) == 3


async def test_a_location_sent_first_offers_the_report_and_the_officer(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(1402, language_code="pl"))

    anna.user.send_location(*CITY_CENTRE)
    [offer] = await anna.expect()
    assert "rejon: Rejon 5" in text_of(offer)
    assert offer.buttons() == [
        ["⚠️ Zgłoś zagrożenie z tym"],
        ["👮 Pokaż dzielnicowego tego miejsca"],
        ["✖️ Nie, dziękuję"],
    ]
    _found, card, report_here = await anna.tap_and_read("👮 Pokaż dzielnicowego tego miejsca", 3)
    assert "Rejon 5" in text_of(card)
    assert report_here.buttons() == [["⚠️ Zgłoś zagrożenie tutaj"]]


async def test_an_address_typed_first_is_where_the_report_happens(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(1403, language_code="pl"))

    anna.user.send_text("Kolejowa 12")
    [offer] = await anna.expect()
    assert "📍 ul. Kolejowa 12, Konin — rejon: Rejon 5" in text_of(offer)
    # The report, however started (here: /zglos), takes the address along.
    anna.user.send_command("zglos")
    await anna.expect()
    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("🚗 Drogi i ruch")
    [when] = await anna.tap_and_read("Nieprawidłowe parkowanie")
    assert "Kiedy to się dzieje?" in text_of(when)

    # Greetings are no report: "hej" gets the menu, and "no, thanks" keeps nothing.
    anna.user.send_command("anuluj")
    await anna.expect()
    anna.user.send_text("hej")
    [menu] = await anna.expect()
    assert ["⚠️ Zgłoś zagrożenie"] in menu.buttons()
    anna.user.send_text("ciągle ktoś parkuje na chodniku")
    await anna.expect()
    [dropped] = await anna.tap_and_read("✖️ Nie, dziękuję")
    assert "nic nie zostało zapisane" in text_of(dropped)
    reports: list[Report] = await stored_reports(runtime)
    assert reports == []
