"""Logs of a whole conversation: no bot token, phone number or message text at INFO and above.

The bot logs with production settings (bot.logs.setup_logging, DEBUG on), the conversation runs
end to end against the local Bot API server, and every record at INFO or above is checked.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.logs import RedactingFormatter, setup_logging
from db.models.pipeline import InboxStatus, InboxUpdate
from devtools.localapi import LocalBotApi
from tests.conftest import TOKEN

pytestmark = pytest.mark.e2e

StartBot = Callable[..., Awaitable[Any]]

PHONE = "+48 600 123 456"
ADDRESS = "Kolejowa 5"
TEXTS = ("Widziałem podejrzany samochód", "Kolejowa 7 zamiast 5", ADDRESS)
SECRETS = (
    TOKEN,
    TOKEN.split(":", 1)[1],
    PHONE,
    PHONE.replace(" ", ""),
    "600 123 456",
    "600123456",
    *TEXTS,
)
# The local Bot API server plays Telegram in this test; its own log lines are not the bot's.
NOT_THE_BOT = ("devtools.localapi",)
FAST = {"private_chat_per_second": 100}


@pytest.fixture
def production_logging(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Configure logging as `python -m bot -v` does, and capture every record."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    quieted = ("httpx", "httpcore", "aiosqlite")
    saved_levels = {name: logging.getLogger(name).level for name in quieted}
    setup_logging(verbose=True)
    root.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.DEBUG)
    try:
        yield caplog
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)


def _lines(records: list[logging.LogRecord]) -> list[str]:
    """Render records as the production formatter would, and also raw (before redaction)."""
    formatter = RedactingFormatter("%(levelname)s %(name)s: %(message)s")
    lines = []
    for record in records:
        lines.append(formatter.format(record))
        raw = record.getMessage()
        if record.exc_info:
            raw += "\n" + formatter.formatException(record.exc_info)
        lines.append(raw)
    return lines


async def test_a_whole_conversation_leaves_no_token_phone_or_text_in_the_logs(
    production_logging: pytest.LogCaptureFixture, local_api: LocalBotApi, start_bot: StartBot
) -> None:
    runtime = await start_bot(delivery=FAST)
    anna = local_api.user(301, language_code="uk")

    async def handled(count: int) -> None:
        """Wait until the bot has finished with `count` updates (a state, not a timing)."""
        while True:
            async with runtime.services.uow() as uow:
                done = await uow.session.scalar(
                    select(func.count())
                    .select_from(InboxUpdate)
                    .where(InboxUpdate.status != InboxStatus.PENDING)
                )
            if done == count:
                return
            await asyncio.sleep(0.02)

    anna.send_command("start")
    [question] = await local_api.await_sent(301)
    anna.press(question, "Polski")
    anna.send_command("jezyk")
    [question] = await local_api.await_sent(301, predicate=lambda s: ["English"] in s.buttons())
    anna.press(question, "English")
    anna.send_command("dzielnicowy")
    sent = anna.send_text(ADDRESS)
    await handled(6)
    anna.edit_text(sent, TEXTS[1])
    anna.send_command("start")
    anna.send_text(TEXTS[0])
    anna.send_contact(PHONE)
    [answer] = await local_api.await_sent(
        301, predicate=lambda s: "phone number" in (s.plain_text or "")
    )

    assert "phone number" in (answer.plain_text or "")  # the conversation really ran
    records = [
        r
        for r in production_logging.records
        if r.levelno >= logging.INFO and not r.name.startswith(NOT_THE_BOT)
    ]
    assert any(r.name.startswith("bot.") for r in records)  # the bot did log at INFO
    leaks = [(secret, line) for line in _lines(records) for secret in SECRETS if secret in line]
    assert leaks == []
    # Message text may appear at DEBUG only: the capture did see it there.
    debug_only = [r for r in production_logging.records if r.levelno < logging.INFO]
    assert debug_only
