"""A turn's replies are claimed by its own commit and sent at once, keeping each chat's order."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event
from telegram import Update

from bot.conversation import Answer
from bot.pipeline import delivery
from db.base import utcnow
from db.models.pipeline import OutboxMessage, OutboxStatus
from devtools.localapi import FakeUser, LocalBotApi
from tests.pipeline.conftest import ANNA, Harness
from tests.support import eventually


def _row(text: str, **values: Any) -> OutboxMessage:
    answer = Answer("echo", {"text": text}).to_json()
    return OutboxMessage(
        chat_id=ANNA, kind="answer", payload={"answer": answer, "lang": "pl"}, **values
    )


async def _statuses(harness: Harness) -> list[OutboxStatus]:
    return [row.status for row in await harness.outbox()]


async def test_a_reply_is_sent_without_the_delivery_workers_claim(
    sqlite_harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    # One process (SQLite): with several (PostgreSQL) every reply goes through the claim.
    harness = sqlite_harness
    # The worker looks for due rows only when told or once a minute: the reply must not need it.
    delivery = harness.config.delivery.model_copy(update={"poll_interval": 60})
    harness.config = harness.config.model_copy(update={"delivery": delivery})
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    async def claims() -> int:
        # The worker's claim chooses each chat's first unsent row (GROUP BY chat).
        return len([s for s in statements if "GROUP BY outbox.chat_id" in s])

    event.listen(harness.engine.sync_engine, "before_cursor_execute", seen)
    await harness.start("none")
    await eventually(claims, 1)  # the worker's look at start, then nothing for a minute
    await harness.send(anna.send_text("hej"))

    [reply] = await api.await_sent(ANNA)

    assert reply.text == "echo: text=hej"
    await eventually(lambda: _statuses(harness), [OutboxStatus.SENT])
    assert await claims() == 1


async def test_a_reply_waits_behind_an_earlier_message_of_its_chat(
    harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    await harness.start("none")
    async with harness.sessions() as session:
        # Queued earlier and not due yet (as after Telegram's flood control): first in line.
        session.add(_row("earlier", priority=10, not_before=utcnow() + timedelta(seconds=0.5)))
        await session.commit()
    await harness.send(anna.send_text("hej"))

    replies = await api.await_sent(ANNA, 2)

    assert [r.text for r in replies] == ["echo: text=earlier", "echo: text=hej"]
    await harness.settled()


async def test_a_turns_answer_in_several_messages_keeps_its_order_when_telegram_says_wait(
    harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    async def two_first(update: Update) -> None:
        # The turn's own unit of work (it marks the update done) queues two messages.
        assert harness.uow is not None
        async with harness.uow() as unit:
            unit.add_outbox(_row("first", priority=0))
            unit.add_outbox(_row("second", priority=0))
            await unit.commit()

    # The first is refused for a second: the second must not overtake it meanwhile.
    api.inject("sendMessage", ANNA, kind="retry_after", retry_after=1)
    await harness.start("none", on_text=two_first)
    await harness.send(anna.send_text("hej"))

    replies = await api.await_sent(ANNA, 3, timeout=10)

    assert [r.text for r in replies] == ["echo: text=first", "echo: text=second", "echo: text=hej"]
    await harness.settled()
    rows = await harness.outbox()
    assert [row.status for row in rows] == [OutboxStatus.SENT] * 3
    assert rows[0].last_error is not None and "RetryAfter" in rows[0].last_error
    assert len(api.sent(ANNA)) == 3


async def test_the_sweep_leaves_a_reply_claimed_by_a_turn_while_it_looked(
    harness: Harness, api: LocalBotApi, anna: FakeUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sweep reads which rows the worker holds, then waits for the database; a turn that
    # commits its claimed reply meanwhile must not see it put back in line (sent twice).
    monkeypatch.setattr(delivery, "SWEEP_INTERVAL_SECONDS", 0.05)
    monkeypatch.setattr(delivery, "RECLAIM_INTERVAL_SECONDS", 0.05)
    await harness.start("none")
    async with harness.sessions() as session:
        # As that turn leaves it: `sending`, its lease ahead, not (yet) among the held rows.
        fresh = _row("fresh", status=OutboxStatus.SENDING, not_before=utcnow() + timedelta(2))
        # A claim whose commit reported an error yet happened, its lease over: put back.
        stale = _row("stale", status=OutboxStatus.SENDING, not_before=utcnow() - timedelta(1))
        session.add_all([stale, fresh])  # the stale one first: its chat's line starts with it
        await session.commit()

    [sent] = await api.await_sent(ANNA)

    assert sent.text == "echo: text=stale"

    async def statuses() -> dict[str, OutboxStatus]:
        return {row.payload["answer"]["args"]["text"]: row.status for row in await harness.outbox()}

    # Marked sent just after Telegram answered; the fresh one stays the turn's to send.
    await eventually(statuses, {"fresh": OutboxStatus.SENDING, "stale": OutboxStatus.SENT})
    assert len(api.sent(ANNA)) == 1
