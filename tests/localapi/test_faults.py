"""Inject failures and check each surfaces in PTB as the exception Telegram's would."""

import asyncio

import pytest
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from devtools.localapi import FakeUser, LocalBotApi
from tests.localapi.conftest import ANNA_ID, BOGDAN_ID, local_bot


# PTB itself warns about RetryAfter's future type when it builds the exception.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_retry_after_is_a_429_with_parameters(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    fault = api.inject("sendMessage", kind="retry_after", retry_after=7)
    with pytest.raises(RetryAfter, match="Retry in 7"):
        await bot.send_message(ANNA_ID, "Raz")
    assert (await bot.send_message(ANNA_ID, "Dwa")).text == "Dwa"
    assert fault.fired == 1 and fault.remaining == 0
    assert [c.status for c in api.calls("sendMessage")] == [429, 200]
    assert [s.text for s in api.sent(ANNA_ID)] == ["Dwa"]


async def test_server_error_is_a_network_error(bot: Bot, api: LocalBotApi, anna: FakeUser) -> None:
    api.inject(kind="server_error", times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_message(ANNA_ID, "x")
    await bot.send_message(ANNA_ID, "ok")
    assert api.fault_counts()["server_error"] == 2


async def test_dropped_connection_is_a_network_error(
    bot: Bot, api: LocalBotApi, anna: FakeUser
) -> None:
    api.inject("sendMessage", kind="drop")
    with pytest.raises(NetworkError) as raised:
        await bot.send_message(ANNA_ID, "x")
    assert not isinstance(raised.value, BadRequest)
    assert (await bot.send_message(ANNA_ID, "po zerwaniu")).text == "po zerwaniu"
    assert api.fault_counts()["drop"] == 1


async def test_slow_answer_times_out_without_stalling_other_chats(
    bot: Bot, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    api.inject("sendMessage", chat_id=ANNA_ID, kind="slow", delay=1.0)
    async with local_bot(api) as other:
        slow = asyncio.create_task(bot.send_message(ANNA_ID, "wolno", read_timeout=0.3))
        await asyncio.sleep(0.05)
        fast = await other.send_message(BOGDAN_ID, "szybko")
        assert fast.text == "szybko"
        assert not slow.done()
        with pytest.raises(TimedOut):
            await slow
    assert api.fault_counts()["slow"] == 1


async def test_blocked_fault_and_blocked_chat_are_forbidden(
    bot: Bot, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    api.inject(chat_id=ANNA_ID, kind="blocked")
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(ANNA_ID, "x")
    await bot.send_message(ANNA_ID, "tylko raz")

    api.block_chat(BOGDAN_ID)
    for _ in range(2):
        with pytest.raises(Forbidden):
            await bot.send_photo(BOGDAN_ID, b"irrelevant")
    api.unblock_chat(BOGDAN_ID)
    await bot.send_message(BOGDAN_ID, "znowu")
    assert [s.text for s in api.sent()] == ["tylko raz", "znowu"]


async def test_fault_for_another_method_or_chat_does_not_fire(
    bot: Bot, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    fault = api.inject("sendPhoto", chat_id=BOGDAN_ID, kind="server_error")
    await bot.send_message(BOGDAN_ID, "tekst")
    await bot.send_message(ANNA_ID, "tekst")
    assert fault.fired == 0


async def test_held_chat_waits_while_other_chats_are_answered(
    bot: Bot, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    api.hold(ANNA_ID)
    async with local_bot(api) as other:
        held = asyncio.create_task(bot.send_message(ANNA_ID, "czekam"))
        await asyncio.sleep(0.1)
        await other.send_message(BOGDAN_ID, "/start odpowiedź")
        assert not held.done()
        assert [s.chat_id for s in api.sent()] == [BOGDAN_ID]

        api.release(ANNA_ID)
        assert (await asyncio.wait_for(held, 2)).text == "czekam"
    assert [s.chat_id for s in api.sent()] == [BOGDAN_ID, ANNA_ID]


def test_unknown_fault_kind_is_refused(api: LocalBotApi) -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        api.inject(kind="explode")  # type: ignore[arg-type]
