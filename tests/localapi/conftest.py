"""Provide a running local Bot API server and a PTB Bot pointed at it."""

from collections.abc import AsyncIterator, Iterator

import pytest
from telegram import Bot
from telegram.request import HTTPXRequest

from devtools.localapi import FakeUser, LocalBotApi

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


def local_bot(api: LocalBotApi, token: str = TOKEN) -> Bot:
    """Return a PTB Bot configured for the local server (not yet initialised)."""
    # Plain HTTP on loopback: skipping the CA bundle makes each Bot ~0.1 s cheaper to set up.
    return Bot(
        token,
        base_url=api.base_url,
        base_file_url=api.file_base_url,
        request=HTTPXRequest(httpx_kwargs={"verify": False}),
        get_updates_request=HTTPXRequest(httpx_kwargs={"verify": False}),
    )


@pytest.fixture
async def bot(api: LocalBotApi) -> AsyncIterator[Bot]:
    """Return an initialised PTB Bot talking to the local server."""
    async with local_bot(api) as ptb_bot:
        yield ptb_bot


@pytest.fixture
def anna(api: LocalBotApi) -> FakeUser:
    """Return a resident who writes to the bot in Polish."""
    return api.user(ANNA_ID, first_name="Anna", last_name="Nowak", username="anna_n")


@pytest.fixture
def bogdan(api: LocalBotApi) -> FakeUser:
    """Return a second resident, for tests about several chats."""
    return api.user(BOGDAN_ID, first_name="Bogdan", language_code="uk")
