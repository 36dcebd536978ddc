"""Sending a report downloads its photos before the turn's transaction opens."""

from __future__ import annotations

import asyncio

import pytest

from devtools.localapi import LocalBotApi
from devtools.localapi.users import sample_jpeg
from tests.e2e.test_report_resume_and_limits import report_parking_at
from tests.e2e.test_report_story import Chat, StartBot, start_reporting_bot, stored_photos
from tests.usecases.report.story import CITY_CENTRE

pytestmark = pytest.mark.e2e


async def test_a_slow_photo_download_does_not_hold_other_residents(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(341, language_code="pl"))
    await report_parking_at(anna, CITY_CENTRE)
    await anna.tap_and_read("Teraz")
    await anna.tap_and_read("Pomiń")
    anna.user.send_photo(sample_jpeg())
    await anna.expect()
    await anna.tap_and_read("✅ Gotowe")
    await anna.tap_and_read("🕶 Anonimowo")

    # Telegram is slow to hand out Anna's photo when she sends the report...
    slow = local_api.inject(method="getFile", kind="slow", delay=3.0)
    anna.tap("✅ Wyślij")
    for _ in range(200):
        if slow.fired:
            break
        await asyncio.sleep(0.02)
    assert slow.fired == 1
    # ...meanwhile Bob starts a conversation: he must not wait for Anna's download.
    local_api.user(342, language_code="pl").send_command("start")
    await local_api.await_sent(342, count=1, timeout=30)
    assert not any("KN-2026" in (m.text or "") for m in local_api.sent(341)), (
        "Bob was answered only after Anna's report was stored: the download held the database"
    )

    [confirmation] = await anna.expect()
    assert "KN-2026-000001" in (confirmation.text or "")
    assert len(await stored_photos(runtime)) == 1
