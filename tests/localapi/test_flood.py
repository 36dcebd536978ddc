"""Telegram's flood limits on the local server: a short burst per chat, then 429 with retry_after.

The limits' clock is a counter the test moves: each case is an order of calls, not a timing.
"""

import pytest
from telegram import Bot
from telegram.error import RetryAfter

from devtools.localapi import FakeUser, LocalBotApi
from devtools.localapi.flood import FloodLimits
from tests.localapi.conftest import ANNA_ID, BOGDAN_ID


class Clock:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_a_chat_takes_a_burst_then_gets_429_until_a_second_passed(
    bot: Bot, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    clock = Clock()
    flood = api.enforce_limits(FloodLimits(private_burst=3, slack_seconds=0), clock)
    for text in ("1", "2", "3"):
        await bot.send_message(ANNA_ID, text)
    with pytest.raises(RetryAfter):
        await bot.send_message(ANNA_ID, "4")
    # Another chat has its own budget; answering a button costs none.
    await bot.send_message(BOGDAN_ID, "a")
    clock.now += 1.0
    await bot.send_message(ANNA_ID, "4")
    assert flood.refused == 1
    assert [c.status for c in api.calls("sendMessage")] == [200, 200, 200, 429, 200, 200]
    assert [s.text for s in api.sent(ANNA_ID)] == ["1", "2", "3", "4"]


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_the_bot_wide_limit_refuses_beyond_its_rate(
    bot: Bot, api: LocalBotApi, anna: FakeUser, bogdan: FakeUser
) -> None:
    clock = Clock()
    api.enforce_limits(FloodLimits(global_per_second=2, private_burst=5, slack_seconds=0), clock)
    await bot.send_message(ANNA_ID, "1")
    await bot.send_message(BOGDAN_ID, "2")
    with pytest.raises(RetryAfter):
        await bot.send_message(ANNA_ID, "3")
    clock.now += 0.5
    await bot.send_message(ANNA_ID, "3")
    # The refused call did not use Anna's budget: she had 5, and 2 were sent.
    assert len(api.sent(ANNA_ID)) == 2


async def test_limits_are_off_unless_turned_on(bot: Bot, api: LocalBotApi, anna: FakeUser) -> None:
    for text in ("1", "2", "3", "4", "5"):
        await bot.send_message(ANNA_ID, text)
    assert len(api.sent(ANNA_ID)) == 5
