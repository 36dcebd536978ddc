"""Resuming after a restart, "I see it too" instead of a new report, and the daily limit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models.reports import ReportFollower
from devtools.localapi import LocalBotApi
from tests.e2e.test_report_story import (
    NOW,
    Chat,
    StartBot,
    start_reporting_bot,
    stored_reports,
    text_of,
)
from tests.support import Clock
from tests.usecases.report.story import CITY_CENTRE

pytestmark = pytest.mark.e2e

# About 110 m north of the city centre point.
NEAR = (CITY_CENTRE[0] + 0.001, CITY_CENTRE[1])


async def report_parking_at(chat: Chat, point: tuple[float, float]) -> None:
    """Report illegal parking at a point, anonymously, without details."""
    chat.user.send_command("zglos")
    await chat.expect()
    await chat.tap_and_read("Nie, to nie jest nagły wypadek")
    await chat.tap_and_read("🚗 Drogi i ruch")
    await chat.tap_and_read("Nieprawidłowe parkowanie")
    chat.user.send_location(*point)
    await chat.expect(2)


async def finish_anonymously(chat: Chat) -> str:
    """Answer the optional questions with nothing, send, and return the confirmation."""
    await chat.tap_and_read("Teraz")
    await chat.tap_and_read("Pomiń")
    await chat.tap_and_read("Bez zdjęć — dalej")
    await chat.tap_and_read("🕶 Anonimowo")
    [sent] = await chat.tap_and_read("✅ Wyślij")
    return text_of(sent)


async def test_a_resident_continues_after_the_bot_restarts(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    clock = Clock(NOW)
    runtime = await start_reporting_bot(start_bot, clock)
    anna = Chat(local_api, local_api.user(321, language_code="pl"))
    await report_parking_at(anna, CITY_CENTRE)
    await anna.tap_and_read("Teraz")
    await runtime.stop()

    # A new process on the same database, a day later.
    clock.advance(days=1)
    runtime = await start_reporting_bot(start_bot, clock)
    anna.user.send_command("start")
    [offer] = await anna.expect()
    assert offer.buttons() == [["▶️ Kontynuuj"], ["🗑 Usuń je i zacznij od nowa"]]
    assert "Masz niedokończone zgłoszenie: Nieprawidłowe parkowanie" in text_of(offer)
    [question] = await anna.tap_and_read("▶️ Kontynuuj")
    assert "Opisz, co się dzieje" in text_of(question)
    anna.user.send_text("Blokują wyjazd z garażu.")
    await anna.expect()
    await anna.tap_and_read("Bez zdjęć — dalej")
    [summary] = await anna.tap_and_read("🕶 Anonimowo")
    assert "Blokują wyjazd z garażu." in text_of(summary)
    assert "52.22750, 18.26140" in text_of(summary)
    [sent] = await anna.tap_and_read("✅ Wyślij")
    assert "KN-2026-000001" in text_of(sent)
    assert [r.description for r in await stored_reports(runtime)] == ["Blokują wyjazd z garażu."]


async def test_a_neighbour_sees_it_too_instead_of_reporting_again(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(322, language_code="pl"))
    await report_parking_at(anna, CITY_CENTRE)
    await finish_anonymously(anna)

    bogdan = Chat(local_api, local_api.user(323, language_code="pl"))
    bogdan.user.send_command("zglos")
    await bogdan.expect()
    await bogdan.tap_and_read("Nie, to nie jest nagły wypadek")
    await bogdan.tap_and_read("🚗 Drogi i ruch")
    await bogdan.tap_and_read("Nieprawidłowe parkowanie")
    bogdan.user.send_location(*NEAR)
    _found, similar = await bogdan.expect(2)
    # Never a distance: a few pins and distances would locate the other reporter.
    assert "1. Nieprawidłowe parkowanie — niedaleko, dziś, status: nowe" in text_of(similar)
    assert similar.buttons() == [
        ["👀 Też to widzę (nr 1)"],
        ["To coś innego — zgłaszam dalej"],
    ]
    [thanks] = await bogdan.tap_and_read("👀 Też to widzę (nr 1)")
    assert "KN-2026-000001" in text_of(thanks)

    [report] = await stored_reports(runtime)
    async with runtime.services.uow() as uow:
        followers = list(await uow.session.scalars(select(ReportFollower.report_id)))
    assert followers == [report.id]


async def test_the_daily_limit_stops_a_new_report(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    await start_reporting_bot(start_bot, reports={"max_reports_per_day": 1})
    anna = Chat(local_api, local_api.user(325, language_code="pl"))
    await report_parking_at(anna, CITY_CENTRE)
    await finish_anonymously(anna)

    anna.user.send_command("zglos")
    [refused] = await anna.expect()
    assert "maksymalną liczbę zgłoszeń" in text_of(refused)
    assert "28.11.2026 13:00" in text_of(refused) and "112" in text_of(refused)
