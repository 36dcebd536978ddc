"""Flood control counts what costs work, everywhere, and answers a lockout once.

Attacks: flood the bot with edited messages (they used to bypass the limits); flood it from a
group with `/start grp_…` (group updates were never counted, and each one is a database
check); keep guessing invite codes after the lockout, to be answered every time; flood so that
the answers to the flood delay officers' alerts. And the other side: a resident tapping quickly
through a report must never be cut off at "Send".
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.outbox import PRIORITY_NOTICE
from db.models.pipeline import OutboxMessage
from db.models.reports import AuditEvent
from devtools.localapi import LocalBotApi
from handlers.gatekeeper import gate_of
from tests.e2e.test_first_conversation import handled_updates
from tests.e2e.test_officers import StartBot, choose_language, report_threat, text_of
from tests.support import FAST, Clock, eventually

pytestmark = pytest.mark.e2e

# Every update of a test arrives within one flood window: the clock does not move.
FROZEN = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)


async def start(start_bot: StartBot, **sections: Any) -> Any:
    """Start the bot on a frozen clock, with Telegram's pacing out of the way."""
    return await start_bot(clock=Clock(FROZEN), delivery=FAST, **sections)


async def test_a_resident_tapping_quickly_through_a_report_is_never_cut_off_at_send(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    # Four messages in the window: /start, /zglos, the location and the description; the
    # language choice and the report's seven taps count against the presses' allowance.
    runtime = await start(start_bot, reports={"flood_messages": 4})
    zofia = local_api.user(9401, "Zofia")
    await choose_language(local_api, zofia, "pl")
    sent = await report_threat(local_api, zofia)
    assert "KN-2026-000001" in text_of(sent)
    counters = gate_of(runtime.services).counters
    assert (counters.flood_warnings, counters.flood_dropped) == (0, 0)


async def test_edited_messages_count_towards_the_flood_limit(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start(start_bot, reports={"flood_messages": 3})
    anna = local_api.user(9402)
    original = anna.send_text("pierwsza wersja")
    for n in range(6):
        anna.edit_text(original, f"wersja {n}")
    await eventually(lambda: handled_updates(runtime), 7)
    counters = gate_of(runtime.services).counters
    # The message and two edits are answered; the third edit is told to slow down, once.
    assert (counters.edits_answered, counters.flood_warnings, counters.flood_dropped) == (2, 1, 3)
    texts = [text_of(m) for m in await local_api.await_sent(9402, count=4)]
    assert sum("zwolnij" in t for t in texts) == 1


async def test_group_updates_count_and_a_group_is_never_told_to_slow_down(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start(
        start_bot, reports={"flood_messages": 3}, officers={"max_invite_failures": 100}
    )
    group = local_api.group(-100_9403, "Grupa")
    mallory = local_api.user(9403)
    for n in range(8):
        mallory.send_command("start", f"grp_guess{n}", chat=group)
    await eventually(lambda: handled_updates(runtime), 8)
    async with runtime.services.uow() as uow:
        checked = await uow.session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "invite_failed")
        )
    # Three reached the invite check; five were dropped without a word in the group.
    assert checked == 3
    answers = await local_api.await_sent(group.id, count=3)
    assert all("zwolnij" not in text_of(m) for m in answers)
    assert gate_of(runtime.services).counters.flood_dropped == 5


@pytest.mark.parametrize("in_group", [False, True])
async def test_a_locked_out_invite_guesser_is_answered_once(
    local_api: LocalBotApi, start_bot: StartBot, in_group: bool
) -> None:
    runtime = await start(start_bot, officers={"max_invite_failures": 2})
    group = local_api.group(-100_9404, "Grupa") if in_group else None
    chat_id = group.id if group else 9404
    guesser = local_api.user(9404)
    prefix = "grp" if in_group else "inv"
    for n in range(6):
        guesser.send_command("start", f"{prefix}_guess{n}", chat=group)
    await eventually(lambda: handled_updates(runtime), 6)
    await local_api.await_sent(chat_id, count=3)
    texts = [text_of(m) for m in local_api.sent(chat_id)]
    # Two refusals, then "locked" once; the three attempts after it get no answer at all.
    assert len(texts) == 3
    assert [t.startswith("Zbyt wiele nieudanych prób") for t in texts] == [False, False, True]


async def test_answers_to_a_flooding_person_wait_behind_officers_alerts(
    local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start(start_bot, reports={"flood_messages": 4})
    calm, flooder = local_api.user(9405), local_api.user(9406)
    calm.send_text("dzień dobry")
    for n in range(5):
        flooder.send_text(f"spam {n}")
    await eventually(lambda: handled_updates(runtime), 6)

    async def priorities(chat_id: int) -> list[int]:
        async with runtime.services.uow() as uow:
            rows = await uow.session.scalars(
                select(OutboxMessage.priority)
                .where(OutboxMessage.chat_id == chat_id)
                .order_by(OutboxMessage.id)
            )
            return list(rows)

    assert all(p < PRIORITY_NOTICE for p in await priorities(9405))
    # Two answers as usual; past half the allowance, and the "slow down", behind alerts.
    flooded = await priorities(9406)
    assert len(flooded) == 5
    assert all(p < PRIORITY_NOTICE for p in flooded[:2])
    assert all(p > PRIORITY_NOTICE for p in flooded[2:])
