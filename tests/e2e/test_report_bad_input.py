"""Bad input at every step of a report, over the wire: a hint, the same question, nothing lost."""

from __future__ import annotations

import pytest

from devtools.localapi import LocalBotApi
from tests.e2e.test_report_story import (
    Chat,
    StartBot,
    reply_buttons,
    start_reporting_bot,
    stored_reports,
    text_of,
)
from tests.usecases.report.story import CITY_CENTRE, FAR_AWAY

pytestmark = pytest.mark.e2e

EXPIRED = "Ten przycisk jest już nieaktualny"


async def test_every_step_answers_the_wrong_kind_of_message_and_keeps_the_draft(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    # Many messages in a minute on purpose: flood control is another test's subject.
    runtime = await start_reporting_bot(start_bot, reports={"flood_messages": 1000})
    anna = Chat(local_api, local_api.user(311, language_code="pl"))

    anna.user.send_command("zglos")
    [danger] = await anna.expect()
    anna.user.send_voice()
    hint, again = await anna.expect(2)
    assert "Wybierz, proszę, jedną z opcji" in text_of(hint)
    assert text_of(again) == text_of(danger)
    # A forged press and an undecodable one.
    anna.user.press_data(danger, "rp:0:danger.yes")
    expired, again = await anna.expect(2)
    assert EXPIRED in text_of(expired) and text_of(again) == text_of(danger)
    anna.user.press_data(danger, "forged")
    expired, _ = await anna.expect(2)
    assert EXPIRED in text_of(expired)

    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    anna.user.send_text("🚗🚗🚗")
    hint, groups = await anna.expect(2)
    assert "Wybierz, proszę" in text_of(hint) and groups.buttons()[0] == ["🚗 Drogi i ruch"]
    await anna.tap_and_read("🚗 Drogi i ruch")
    [where] = await anna.tap_and_read("Przekraczanie dozwolonej prędkości")

    # A sticker where a location is expected; a paragraph; a place far away; then a good one.
    anna.user.send_sticker()
    [hint] = await anna.expect()
    assert "Wyślij lokalizację" in text_of(hint)
    assert reply_buttons(hint) == reply_buttons(where)
    anna.user.send_text("ul. " + "bardzo długa nazwa " * 300)
    [too_long] = await anna.expect()
    assert "To za długie jak na adres" in text_of(too_long)
    anna.user.send_location(*FAR_AWAY)
    [outside] = await anna.expect()
    assert "Moja Komenda" in text_of(outside) and "112" in text_of(outside)
    anna.user.send_location(*CITY_CENTRE)
    found, when = await anna.expect(2)
    assert "Rejon 5" in text_of(found)

    # An old button of an earlier question.
    anna.user.press(danger, "🚨 Tak, teraz")
    expired, again = await anna.expect(2)
    assert EXPIRED in text_of(expired) and text_of(again) == text_of(when)

    await anna.tap_and_read("Teraz")
    anna.user.send_text("ż" * 1200)
    limit, _ = await anna.expect(2)
    assert "1\xa0200 znaków, a limit to 1\xa0000" in text_of(limit)
    sent = anna.user.send_text("Samochody pędzą przy szkole.")
    [photos] = await anna.expect()

    # An edited earlier message changes nothing; the photos question is asked again.
    anna.user.edit_text(sent, "Tak naprawdę to coś innego")
    edited, again = await anna.expect(2)
    assert "Poprawki nie zmieniają zapisanych odpowiedzi" in text_of(edited)
    assert text_of(again) == text_of(photos)

    anna.user.send_document(b"%PDF-1.4", "mandat.pdf", "application/pdf")
    hint, _ = await anna.expect(2)
    assert "Wyślij zdjęcie" in text_of(hint)
    await anna.tap_and_read("Bez zdjęć — dalej")
    [phone] = await anna.tap_and_read("🙋 Z moimi danymi")
    assert reply_buttons(phone)[0] == ["📞 Udostępnij mój numer [contact]"]
    anna.user.send_text("600 700 800")
    [hint] = await anna.expect()
    assert "Udostępnij mój numer" in text_of(hint)
    anna.user.send_text("Bez telefonu")
    _, summary = await anna.expect(2)
    assert "Samochody pędzą przy szkole." in text_of(summary)
    assert "Przekraczanie dozwolonej prędkości" in text_of(summary)
    [sent_message] = await anna.tap_and_read("✅ Wyślij")
    assert "KN-2026-000001" in text_of(sent_message)

    [report] = await stored_reports(runtime)
    assert report.category == "speeding"
    assert report.description == "Samochody pędzą przy szkole."
    # Every press got its spinner stopped.
    assert len(local_api.answered_callbacks()) == len(
        [c for c in local_api.calls("answerCallbackQuery")]
    )
