"""Several bot processes on one PostgreSQL database (two pipelines in this process, each with its
own Application, connections and locks, stand for two processes); and one chat's order."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool
from telegram import Update

from bot.pipeline.locks import OWNER_NAMESPACE
from db.models.pipeline import OutboxMessage, OutboxStatus
from devtools.localapi import FakeUser, LocalBotApi
from tests.pipeline.conftest import ANNA, BOGDAN, Harness
from tests.support import eventually


def texts(api: LocalBotApi, chat_id: int) -> list[str]:
    """What the bot sent to a chat, in order."""
    return [sent.text or "" for sent in api.sent(chat_id)]


@pytest.mark.postgres
async def test_two_processes_given_the_same_updates_answer_each_once_in_order(
    pg_harness: Harness, second_harness: Harness, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    first, second = pg_harness, second_harness
    await first.start("none")
    await second.start("none")
    updates = [user.send_text(f"{user.id}-{n}") for n in range(8) for user in (anna, bogdan)]

    # Each update reaches one process, every third both (a retrying balancer), in turn.
    for n, update in enumerate(updates):
        targets = (first, second) if n % 3 == 0 else ((first,) if n % 2 else (second,))
        await asyncio.gather(*(target.send(update) for target in targets))

    for user in (anna, bogdan):
        await api.await_sent(user.id, 8)
    # Both share the database: once it holds no unfinished work, no repeated answer can follow.
    await first.settled()
    for user in (anna, bogdan):
        assert texts(api, user.id) == [f"echo: text={user.id}-{n}" for n in range(8)]
    handled = first.handled + second.handled
    assert sorted(handled) == sorted(
        (u["message"]["chat"]["id"], u["message"]["text"]) for u in updates
    )
    # Both did part of the work: the test is about sharing, not about one doing it all.
    assert first.handled and second.handled


@pytest.mark.postgres
async def test_an_update_another_process_stored_while_the_owner_handles_the_chat_keeps_its_place(
    pg_harness: Harness, second_harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    """The owner must not take a row it stored itself for the chat's next: another process may
    have stored an earlier one since the owner read the chat (it is refused the chat meanwhile).
    """
    first, second = pg_harness, second_harness
    started, go_on = asyncio.Event(), asyncio.Event()

    async def on_text(update: Update) -> None:
        message = update.effective_message
        assert message is not None
        if message.text == "jeden":
            started.set()
            await go_on.wait()

    await first.start("none")
    await second.start("none", on_text=on_text)
    one, two, three = (anna.send_text(t) for t in ("jeden", "dwa", "trzy"))
    await second.send(one)
    await started.wait()
    # The second process owns the chat and is handling "jeden": it read the chat before "dwa"
    # was stored by the first process, which is refused the chat; then "trzy" reaches the
    # second process itself.
    await first.send(two)
    await second.send(three)
    go_on.set()

    replies = await api.await_sent(ANNA, 3)
    await first.settled()
    assert [r.text for r in replies] == [f"echo: text={t}" for t in ("jeden", "dwa", "trzy")]
    assert len(api.sent(ANNA)) == 3
    assert sorted(text for _, text in first.handled + second.handled) == ["dwa", "jeden", "trzy"]


async def test_a_chat_is_handled_in_update_id_order_and_nothing_is_lost_or_repeated(
    harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    started = asyncio.Event()
    go_on = asyncio.Event()

    async def on_text(update: Update) -> None:
        message = update.effective_message
        assert message is not None
        if message.text == "trzecia":
            started.set()
            await go_on.wait()

    await harness.start("none", on_text=on_text)
    first, second, third, fourth = (
        anna.send_text(t) for t in ("pierwsza", "druga", "trzecia", "czwarta")
    )
    await harness.send(third)
    await started.wait()
    # While the third is being handled, the fourth and then the first two arrive (a webhook
    # delivers concurrently); they queue before and after it by update_id.
    await harness.send(fourth)
    await harness.send(first, second)
    go_on.set()

    replies = await api.await_sent(ANNA, 4)
    await harness.settled()
    assert [r.text for r in replies] == [
        f"echo: text={t}" for t in ("trzecia", "pierwsza", "druga", "czwarta")
    ]
    assert len(api.sent(ANNA)) == 4
    assert [text for _, text in harness.handled] == ["trzecia", "pierwsza", "druga", "czwarta"]


async def _hold_owner(url: str, owner: int) -> tuple[AsyncEngine, AsyncConnection]:
    """Play another live process: hold its owner lock on a connection of its own."""
    engine = create_async_engine(url, poolclass=NullPool)
    conn = await engine.connect()
    await conn.execute(
        text("SELECT pg_advisory_lock(:ns, :id)"), {"ns": OWNER_NAMESPACE, "id": owner}
    )
    await conn.commit()
    return engine, conn


@pytest.mark.postgres
async def test_messages_of_a_dead_process_go_back_at_once_and_a_live_ones_stay(
    pg_harness: Harness, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    h = pg_harness
    dead, alive = 1111, 2222
    engine, conn = await _hold_owner(h.url, alive)
    async with h.sessions() as session:
        for chat, owner in ((ANNA, dead), (BOGDAN, alive)):
            session.add(
                OutboxMessage(
                    chat_id=chat,
                    kind="answer",
                    payload={"answer": {"key": "w-locie", "args": {}}, "lang": "pl"},
                    status=OutboxStatus.SENDING,
                    claimed_by=owner,
                )
            )
        await session.commit()
    try:
        pipeline = await h.start("none")

        # The dead process's message is sent at start; the live one's is left to it.
        await api.await_sent(ANNA)
        await eventually(lambda: _processes(pipeline), 2)
        assert api.sent(BOGDAN) == []

        await conn.close()  # that process dies: its lock goes with its connection
        await api.await_sent(BOGDAN)
        # ... and this process now has Telegram's whole budget.
        await eventually(lambda: _processes(pipeline), 1)
    finally:
        await engine.dispose()

    async def statuses() -> list[OutboxStatus]:
        return [row.status for row in await h.outbox()]

    await eventually(statuses, [OutboxStatus.SENT] * 2)
    assert len(api.sent(ANNA)) == len(api.sent(BOGDAN)) == 1


async def _processes(pipeline: object) -> int:
    return int(pipeline.delivery.processes)  # type: ignore[attr-defined]


@pytest.mark.postgres
async def test_an_update_stored_while_the_owner_reads_its_chat_keeps_its_place(
    pg_harness: Harness, api: LocalBotApi, anna: FakeUser
) -> None:
    h = pg_harness
    pipeline = await h.start("none")
    real = pipeline.dispatcher._sessions
    read_done, go_on = asyncio.Event(), asyncio.Event()

    def sessions() -> Any:
        session = real()
        execute = session.execute

        async def paused(statement: Any, *args: Any, **kwargs: Any) -> Any:
            result = await execute(statement, *args, **kwargs)
            if "ORDER BY inbox.update_id" in str(statement) and not read_done.is_set():
                # The owner has read the chat: the next update is stored only now.
                read_done.set()
                await go_on.wait()
            return result

        session.execute = paused  # type: ignore[method-assign]
        return session

    pipeline.dispatcher._sessions = sessions  # type: ignore[assignment]
    first, second, third = (anna.send_text(t) for t in ("jeden", "dwa", "trzy"))
    await h.send(first)
    await read_done.wait()
    await h.send(second)  # committed after the owner's read, queued while it waits
    go_on.set()
    await h.send(third)

    replies = await api.await_sent(ANNA, 3)
    assert [r.text for r in replies] == [f"echo: text={t}" for t in ("jeden", "dwa", "trzy")]
    assert [text for _, text in h.handled] == ["jeden", "dwa", "trzy"]
