"""Provide a running local Bot API server and a PTB Bot pointed at it."""

from collections.abc import AsyncIterator, Iterator

import pytest
from telegram import Bot

from bot.localapi import FakeUser, LocalBotApi

TOKEN = "123456:TEST-token_for-localapi"
BOT_ID = 123456
ANNA_ID = 1001
BOGDAN_ID = 1002


@pytest.fixture
def api() -> Iterator[LocalBotApi]:
    """Run a fresh server with the test bot registered."""
    with LocalBotApi() as server:
        server.register_bot(TOKEN)
        yield server


@pytest.fixture
async def bot(api: LocalBotApi) -> AsyncIterator[Bot]:
    """Return an initialised PTB Bot talking to the local server."""
    async with Bot(TOKEN, base_url=api.base_url, base_file_url=api.file_base_url) as ptb_bot:
        yield ptb_bot


@pytest.fixture
def anna(api: LocalBotApi) -> FakeUser:
    """Return a resident who writes to the bot in Polish."""
    return api.user(ANNA_ID, first_name="Anna", last_name="Nowak", username="anna_n")


@pytest.fixture
def bogdan(api: LocalBotApi) -> FakeUser:
    """Return a second resident, for tests about several chats."""
    return api.user(BOGDAN_ID, first_name="Bogdan", language_code="uk")
