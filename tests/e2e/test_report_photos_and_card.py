"""Photos in a report (albums, image files, limits) and "report a threat here" from the card."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from devtools.localapi import LocalBotApi
from tests.e2e.test_report_resume_and_limits import finish_anonymously, report_parking_at
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


async def test_photos_an_album_over_the_limit_an_image_file_and_a_too_big_photo(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot, reports={"max_photo_bytes": 400_000})
    anna = Chat(local_api, local_api.user(324, language_code="pl"))
    await report_parking_at(anna, CITY_CENTRE)
    await anna.tap_and_read("Teraz")
    await anna.tap_and_read("Pomiń")

    big = Image.effect_noise((1600, 1600), 120).convert("RGB")
    buffer = io.BytesIO()
    big.save(buffer, format="JPEG", quality=98)
    anna.user.send_photo(buffer.getvalue())
    [too_big, _] = await anna.expect(2)
    assert "większe niż 0,4 MB i nie zostało zapisane" in text_of(too_big)

    png = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 128, 0, 255)).save(png, format="PNG")
    anna.user.send_document(png.getvalue(), "zdjecie.png", "image/png")
    [added] = await anna.expect()
    assert "(1 z 3)" in text_of(added)
    # An album gets one answer: sent for its first photo, then edited as the others arrive.
    anna.user.send_media_group([jpeg_with_gps(), jpeg_with_gps(), jpeg_with_gps()])
    first, *edits = await anna.expect(3)
    assert first.method == "sendMessage" and "(2 z 3)" in text_of(first)
    assert {(e.method, e.message_id) for e in edits} == {("editMessageText", first.message_id)}
    assert "(3 z 3)" in text_of(edits[-1]) and "najwyżej 3 zdjęcia" in text_of(edits[-1])
    await anna.tap_and_read("✅ Gotowe")
    await anna.tap_and_read("🕶 Anonimowo")
    [sent] = await anna.tap_and_read("✅ Wyślij")
    assert "Zgłoszenie wysłane" in text_of(sent)

    photos = await stored_photos(runtime)
    assert [(p.position, p.width, p.height) for p in photos] == [
        (1, 300, 200),
        (2, 800, 600),
        (3, 800, 600),
    ]
    for photo in photos:
        with Image.open(io.BytesIO(photo.content)) as image:
            assert image.format == "JPEG" and dict(image.getexif()) == {}


async def test_report_a_threat_here_from_the_officer_card(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(326, language_code="pl"))
    anna.user.send_command("dzielnicowy")
    await anna.expect()
    anna.user.send_text("Staszica 3")
    await anna.expect_until("⚠️ Zgłoś zagrożenie tutaj")
    [danger] = await anna.tap_and_read("⚠️ Zgłoś zagrożenie tutaj")
    assert "czy ktoś jest teraz w niebezpieczeństwie" in text_of(danger)
    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("🚗 Drogi i ruch")
    [when] = await anna.tap_and_read("Przekraczanie dozwolonej prędkości")
    # "Where" was filled in from the card.
    assert "Kiedy to się dzieje?" in text_of(when)
    text = await finish_anonymously(anna)
    assert "KN-2026-000001" in text
    [report] = await stored_reports(runtime)
    assert report.address == "ul. Staszica 3, Konin" and report.category == "speeding"
