"""A resident who said "I see it too" finds that report in My reports, can leave it, and the old
button of the finished form tells its status; the real bot end to end, in Ukrainian."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.usecases.officers.status_changes import residents_of
from db.models.reports import Report
from devtools.localapi import LocalBotApi
from tests.e2e.test_report_resume_and_limits import NEAR, finish_anonymously, report_parking_at
from tests.e2e.test_report_story import Chat, StartBot, start_reporting_bot, text_of
from tests.usecases.report.story import CITY_CENTRE

pytestmark = pytest.mark.e2e


async def told_of_changes(runtime: Any, reference: str) -> set[str]:
    """Return the Telegram ids of the residents a status change of a report would reach."""
    async with runtime.services.uow() as uow:
        report = await uow.session.scalar(select(Report).where(Report.reference == reference))
        assert report is not None
        return {u.external_id for u in await residents_of(uow.session, report)}


async def test_a_followed_report_is_in_my_reports_and_can_be_left(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(1601, language_code="pl"))
    await report_parking_at(anna, CITY_CENTRE)
    await finish_anonymously(anna)

    oleh = Chat(local_api, local_api.user(1602, language_code="uk"))
    oleh.user.send_command("report")
    await oleh.expect()
    await oleh.tap_and_read("Ні, це не надзвичайна ситуація")
    await oleh.tap_and_read("🚗 Дороги й рух")
    await oleh.tap_and_read("Неправильне паркування")
    oleh.user.send_location(*NEAR)
    await oleh.expect(2)
    await oleh.tap_and_read("👀 Я теж це бачу (№ 1)")
    assert await told_of_changes(runtime, "KN-2026-000001") == {"1601", "1602"}

    # The old button of the finished form tells where the report stands.
    [status] = await oleh.tap_and_read("👀 Я теж це бачу (№ 1)")
    assert "Ви стежите за зверненням KN-2026-000001 — статус: нове" in text_of(status)
    assert status.buttons() == [["📋 Мої звернення"]]

    # My reports lists it, marked as followed; it opens as the public sees it.
    [mine] = await oleh.tap_and_read("📋 Мої звернення")
    [followed] = [label for row in mine.buttons() for label in row if "KN-2026-000001" in label]
    assert followed.startswith("👀 ")
    [view] = await oleh.tap_and_read(followed)
    assert "Звернення, за яким ви стежите" in text_of(view)
    assert "Неправильне паркування" in text_of(view)
    assert view.buttons() == [["🚪 Більше не стежити"], ["⬅️ Мої звернення"]]

    [left] = await oleh.tap_and_read("🚪 Більше не стежити")
    assert left.message_id == view.message_id and "більше не стежите" in text_of(left)
    assert await told_of_changes(runtime, "KN-2026-000001") == {"1601"}
    [empty] = await oleh.tap_and_read("⬅️ Мої звернення")
    assert "У вас ще немає звернень" in text_of(empty)

    # Anna's own old form button names her latest report.
    [closed] = await anna.tap_and_read("✅ Wyślij")
    assert "Twoje ostatnie zgłoszenie: KN-2026-000001 — status: nowe" in text_of(closed)
