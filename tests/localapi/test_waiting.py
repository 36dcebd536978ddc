"""Wait for what the bot sends, from synchronous and asynchronous tests."""

import asyncio
import threading

import pytest
from telegram import Bot
from telegram.error import NetworkError

from devtools.localapi import FakeUser, LocalBotApi
from tests.localapi.conftest import ANNA_ID, BOGDAN_ID, local_bot


async def test_await_sent_keeps_a_read_cursor_per_chat(
    bot: Bot, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    first_read = asyncio.Event()

    async def send_later() -> None:
        await asyncio.sleep(0.1)
        await bot.send_message(ANNA_ID, "pierwsza")
        # The second message follows only once the first was read, so a slow poll on a busy
        # machine cannot take both in one call.
        await first_read.wait()
        await bot.send_message(BOGDAN_ID, "dla Bogdana")
        await bot.send_message(ANNA_ID, "druga")

    sender = asyncio.create_task(send_later())
    first = await api.await_sent(ANNA_ID, timeout=2)
    first_read.set()
    await sender
    rest = await api.await_sent(ANNA_ID, timeout=2)

    assert [s.text for s in first] + [s.text for s in rest] == ["pierwsza", "druga"]
    assert [s.text for s in await api.await_sent(BOGDAN_ID)] == ["dla Bogdana"]
    with pytest.raises(AssertionError, match="expected 1 new message"):
        await api.await_sent(ANNA_ID, timeout=0.1)


async def test_await_sent_with_a_predicate_skips_other_records(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    sent = await bot.send_message(ANNA_ID, "Przyjęto")
    await bot.edit_message_text("Przyjęto ✓", ANNA_ID, sent.message_id)
    [edit] = await api.await_sent(ANNA_ID, predicate=lambda s: s.method == "editMessageText")
    assert edit.text == "Przyjęto ✓"
    assert api.current(ANNA_ID, sent.message_id).text == "Przyjęto ✓"


async def test_timeout_message_lists_what_was_sent(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    await bot.send_message(ANNA_ID, "jedyna")
    api.inject("sendMessage", kind="server_error")
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(ANNA_ID, "nieudana")
    with pytest.raises(AssertionError) as raised:
        await api.await_sent(ANNA_ID, count=2, timeout=0.1)
    summary = str(raised.value)
    assert "'jedyna'" in summary
    assert "sendMessage: 500 Internal Server Error" in summary


def test_wait_sent_blocks_until_another_thread_sends(api: LocalBotApi, anna: FakeUser) -> None:
    def bot_thread() -> None:
        async def send() -> None:
            async with local_bot(api) as bot:
                await bot.send_message(ANNA_ID, "z innego wątku")
                await bot.send_message(ANNA_ID, "i jeszcze")

        asyncio.run(send())

    worker = threading.Thread(target=bot_thread)
    worker.start()
    try:
        sent = api.wait_sent(ANNA_ID, count=2, timeout=5)
    finally:
        worker.join()
    assert [s.text for s in sent] == ["z innego wątku", "i jeszcze"]


async def test_clear_forgets_records_but_keeps_chats(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    await bot.send_message(ANNA_ID, "przed")
    api.clear()
    assert api.sent() == [] and api.calls() == []
    after = await bot.send_message(ANNA_ID, "po")
    assert after.message_id == 2
    assert [s.text for s in await api.await_sent(ANNA_ID)] == ["po"]
