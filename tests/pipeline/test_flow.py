"""Residents write; updates are stored, handled once each, in order per chat, and answered."""

from __future__ import annotations

import asyncio

from sqlalchemy import select
from telegram import Update

from bot.pipeline.inbox import chat_of
from bot.pipeline.polling import Poller
from db.models.pipeline import InboxStatus, OutboxMessage, OutboxStatus
from devtools.localapi import FakeUser, LocalBotApi
from tests.pipeline.conftest import ANNA, BOGDAN, Harness
from tests.support import eventually


async def test_resident_message_is_stored_handled_and_answered(
    harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    await harness.start("polling")
    anna.send_text("Dzień dobry")

    [reply] = await api.await_sent(ANNA)

    assert reply.text == "echo: text=Dzień dobry"
    [row] = await harness.inbox()
    assert row.status is InboxStatus.DONE and row.chat_id == ANNA

    async def statuses() -> list[OutboxStatus]:
        return [out.status for out in await harness.outbox()]

    await eventually(statuses, [OutboxStatus.SENT])  # recorded just after Telegram answered
    [out] = await harness.outbox()
    assert out.status is OutboxStatus.SENT and out.message_id == reply.message_id
    assert out.inbox_id == row.id  # the reply was written in the update's own transaction


async def test_batch_is_acknowledged_only_after_commit(
    sqlite_harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    h = sqlite_harness
    pipeline = await h.start("none")
    seen_at_commit: list[int] = []

    async def store(payloads: list[dict[str, object]]) -> int:
        added = await pipeline.store_updates(payloads)
        # Committed now, but Telegram still holds the batch: nothing is acknowledged yet.
        seen_at_commit.append(api.pending_updates())
        return added

    async def no_outage(minutes: float, error: str) -> None:
        raise AssertionError("no outage expected")

    assert h.app is not None
    poller = Poller(
        bot=h.app.bot, store=store, poll_timeout=0, alert_after_minutes=5, on_outage=no_outage
    )
    for text in ("jeden", "dwa", "trzy"):
        anna.send_text(text)

    assert await poller.poll_once() == 3
    assert seen_at_commit == [3]
    assert len(await h.inbox()) == 3
    await poller.poll_once()  # the next call's offset is the acknowledgement
    assert api.pending_updates() == 0
    assert [s.text for s in await api.await_sent(ANNA, 3)] == [
        "echo: text=jeden",
        "echo: text=dwa",
        "echo: text=trzy",
    ]


async def test_repeated_update_id_has_no_second_effect(
    harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    await harness.start("none")
    update = anna.send_text("raz")

    assert await harness.send(update) == 1
    await api.await_sent(ANNA)
    assert await harness.send(update) == 0
    assert await harness.send(update, update) == 0

    await harness.settled()  # a wrongly accepted duplicate would have been answered by now
    assert len(api.sent(ANNA)) == 1
    assert await harness.outbox_count() == 1
    assert len(await harness.inbox()) == 1


async def test_duplicate_detection_is_membership_not_max_id(
    harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    await harness.start("none")
    late = anna.send_text("po przerwie")
    early = dict(anna.send_text("wcześniej"), update_id=late["update_id"] - 50_000)

    assert await harness.send(late) == 1
    # A smaller id after a larger one is new (Telegram's ids restart after long pauses).
    assert await harness.send(early) == 1
    await api.await_sent(ANNA, 2)


async def test_one_slow_chat_does_not_stall_others_and_each_chat_keeps_its_order(
    harness: Harness, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    events: list[str] = []
    anna_may_finish = asyncio.Event()

    async def on_text(update: Update) -> None:
        message = update.effective_message
        assert message is not None
        events.append(f"start {message.text}")
        if message.text == "anna-1":
            await anna_may_finish.wait()
        events.append(f"end {message.text}")

    await harness.start("none", on_text=on_text)
    await harness.send(anna.send_text("anna-1"), anna.send_text("anna-2"))
    await harness.send(bogdan.send_text("bogdan-1"))

    await api.await_sent(BOGDAN)  # answered while Anna's first update is still being handled
    assert "end anna-1" not in events and "start anna-2" not in events
    anna_may_finish.set()
    replies = await api.await_sent(ANNA, 2)

    assert [r.text for r in replies] == ["echo: text=anna-1", "echo: text=anna-2"]
    assert events.index("end anna-1") < events.index("start anna-2")


async def test_a_held_chat_does_not_delay_other_chats_replies(
    harness: Harness, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    await harness.start("none")
    api.hold(ANNA)
    await harness.send(anna.send_text("a1"), anna.send_text("a2"), bogdan.send_text("b1"))

    await api.await_sent(BOGDAN)

    async def anna_statuses() -> list[OutboxStatus]:
        async with harness.sessions() as session:
            query = select(OutboxMessage.status).where(OutboxMessage.chat_id == ANNA)
            return sorted((await session.scalars(query)).all())

    # The second reply waits behind the first: never overtakes it, never sent at the same time.
    await eventually(lambda: anna_statuses(), [OutboxStatus.PENDING, OutboxStatus.SENDING])
    assert api.sent(ANNA) == []
    api.release(ANNA)
    assert [r.text for r in await api.await_sent(ANNA, 2)] == ["echo: text=a1", "echo: text=a2"]


def test_chat_of_finds_the_chat_or_the_sender() -> None:
    message = {"update_id": 1, "message": {"chat": {"id": -5}, "from": {"id": 7}}}
    callback = {
        "update_id": 2,
        "callback_query": {"from": {"id": 7}, "message": {"chat": {"id": 8}}},
    }
    inline = {"update_id": 3, "inline_query": {"from": {"id": 9}, "query": ""}}
    assert [chat_of(u) for u in (message, callback, inline)] == [-5, 8, 9]
    assert chat_of({"update_id": 4, "poll": {"id": "x"}}) is None
