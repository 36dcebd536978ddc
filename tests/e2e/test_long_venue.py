"""A venue shared with a title of thousands of characters (any app can send one) is shown cut,
never as a message Telegram refuses as too long: outside a report and inside one."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.usecases.places import VENUE_LABEL_MAX_LENGTH
from db.models.pipeline import OutboxMessage, OutboxStatus
from devtools.localapi import LocalBotApi
from tests.e2e.test_report_story import Chat, StartBot, start_reporting_bot, text_of
from tests.usecases.report.story import CITY_CENTRE

pytestmark = pytest.mark.e2e

TITLE = "Przystanek " + "ą<&>" * 1_000
ADDRESS = "ul. Dworcowa " + "9" * 3_000


async def test_a_huge_venue_title_is_echoed_cut_and_nothing_is_refused(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_reporting_bot(start_bot)
    anna = Chat(local_api, local_api.user(311, first_name="Anna", language_code="pl"))

    # Outside a conversation: the bot offers a report with the place, named in short.
    anna.user.send_venue(*CITY_CENTRE, TITLE, ADDRESS)
    offer = await anna.one()
    assert "Przystanek ą<&>ą<&>" in text_of(offer)
    assert "…" in text_of(offer) and len(text_of(offer)) < 1_000

    # Inside a report: the place is echoed the same way.
    await anna.tap_and_read("✖️ Nie, dziękuję")
    anna.user.send_command("zglos")
    await anna.expect_until("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("Nie, to nie jest nagły wypadek")
    await anna.tap_and_read("🚨 Porządek publiczny")
    await anna.tap_and_read("Akty wandalizmu")
    anna.user.send_venue(*CITY_CENTRE, TITLE, ADDRESS)
    found, _when = await anna.expect(2)
    assert "…" in text_of(found) and len(text_of(found)) < 1_000
    # The form keeps the label it showed (at most the cut length), not the whole title.
    label = text_of(found).split(" · ")[0]
    assert len(label) <= VENUE_LABEL_MAX_LENGTH + 2

    async with runtime.services.uow() as uow:
        refused = await uow.session.scalars(
            select(OutboxMessage.last_error).where(OutboxMessage.status == OutboxStatus.FAILED)
        )
        assert refused.all() == []
