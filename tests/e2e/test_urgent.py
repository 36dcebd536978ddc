"""Urgent categories happening now: 112 again, with the number to call in one tap, and a
confirmation that promises no days; the real bot end to end."""

from __future__ import annotations

import pytest

from devtools.localapi import LocalBotApi
from tests.e2e.test_report_story import Chat, StartBot, start_reporting_bot, text_of

pytestmark = pytest.mark.e2e


async def test_a_homeless_person_now_gets_112_first_and_no_promise_of_days(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(1501, language_code="pl"))
    anna.user.send_command("zglos")
    await anna.expect()
    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("🤝 Ludzie w potrzebie")
    await anna.tap_and_read("Osoba bezdomna wymagająca pomocy")
    anna.user.send_text("Kolejowa 12")
    await anna.expect(2)

    advice, call, description = await anna.tap_and_read("Teraz", 3)
    assert "To może być nagły wypadek" in text_of(advice) and "dzwoń pod 112" in text_of(advice)
    assert call.method == "sendContact" and call.phone_number == "112"
    assert call.first_name == "112 — numer alarmowy"
    assert "Opisz, co się dzieje" in text_of(description)

    await anna.tap_and_read("Pomiń")
    await anna.tap_and_read("Bez zdjęć — dalej")
    await anna.tap_and_read("🕶 Anonimowo")
    [sent] = await anna.tap_and_read("✅ Wyślij")
    assert "KN-2026-000001" in text_of(sent) and "dzwoń pod 112" in text_of(sent)
    assert "dni" not in text_of(sent) and "dnia" not in text_of(sent)


async def test_not_now_or_not_urgent_goes_on_as_usual(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_reporting_bot(start_bot)
    olena = Chat(local_api, local_api.user(1502, language_code="uk"))
    olena.user.send_command("report")
    await olena.expect()
    await olena.tap_and_read("Ні, це не надзвичайна ситуація")
    await olena.tap_and_read("🌊 Вода й залізниця")
    await olena.tap_and_read("Утоплення")
    olena.user.send_text("Kolejowa 12")
    await olena.expect(2)
    advice, call, _description = await olena.tap_and_read("Зараз", 3)
    assert "телефонуйте 112" in text_of(advice) and call.phone_number == "112"

    # An ordinary category "now" goes straight on.
    anna = Chat(local_api, local_api.user(1503, language_code="pl"))
    anna.user.send_command("zglos")
    await anna.expect()
    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("🚗 Drogi i ruch")
    await anna.tap_and_read("Nieprawidłowe parkowanie")
    anna.user.send_text("Kolejowa 12")
    await anna.expect(2)
    [description] = await anna.tap_and_read("Teraz")
    assert "Opisz, co się dzieje" in text_of(description)
