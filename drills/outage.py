"""Drill 2: the Bot API cannot be reached for 90 s (every call's connection is dropped), while
residents go on writing through the webhook; then it is back.

Every text must get its answer, in order, once; the drill measures how long after the outage
the last answer is out (the bot probes Telegram every few seconds while it is unreachable, then
sends the backlog within Telegram's limits).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from devtools.localapi import LocalBotApi
from drills.databases import sqlite_database
from drills.figures import Conversation, Figures
from drills.processes import TOKEN, BotProcess

SECRET = "drill-webhook-secret-0123456789abcdef"
FIRST_CHAT = 6_200_000


async def run(residents: int = 10, outage_seconds: float = 90.0, during: int = 3) -> Figures:
    """Run the drill and return its figures."""
    with tempfile.TemporaryDirectory(prefix="drill-outage-") as folder:
        async with sqlite_database(Path(folder)) as url:
            with LocalBotApi() as api:
                api.register_bot(TOKEN)
                return await _drill(api, url, Path(folder), residents, outage_seconds, during)


async def _drill(
    api: LocalBotApi, url: str, folder: Path, residents: int, outage_seconds: float, during: int
) -> Figures:
    bot = BotProcess("bot", api, url, folder, mode="webhook", secret=SECRET)
    conversation = Conversation(api)
    users = [api.user(FIRST_CHAT + i, first_name=f"Mieszkaniec {i}") for i in range(residents)]
    try:
        await bot.start()
        # Telegram posts to the bot itself here (one process, no balancer).
        bot.public_url = f"http://127.0.0.1:{bot.port}"
        await _register_webhook(api, bot.public_url)
        for user in users:
            conversation.write(user, f"{user.id}-przed")
        if not await conversation.wait(within=30):
            raise RuntimeError("the bot did not answer before the outage")
        outage = api.inject(kind="drop", times=10**9)
        began = time.monotonic()
        gap = outage_seconds / (during + 1)
        for n in range(during):
            await asyncio.sleep(gap)
            for user in users:
                conversation.write(user, f"{user.id}-{n}")
        await asyncio.sleep(max(began + outage_seconds - time.monotonic(), 0))
        api.end(outage)
        ended = time.monotonic()
        complete = await conversation.wait(within=120)
        drained = conversation.last_answer_at() - ended
        await conversation.settle(2.0)
    finally:
        await bot.close()
    return Figures(
        drill=f"Bot API unreachable {outage_seconds:g} s",
        what=(
            f"one `webhook` process (SQLite); every call to the Bot API dropped for "
            f"{outage_seconds:g} s while {residents} residents each write {during} texts "
            "(the webhook still delivers them); then the API is back"
        ),
        updates=conversation.updates,
        lost=conversation.lost(),
        duplicated=conversation.duplicated(),
        out_of_order=conversation.out_of_order(),
        recover_seconds=drained,
        command="make drill DRILL=outage",
        notes=("" if complete else "INCOMPLETE after 120 s; ")
        + "time to recover: from the end of the outage to the last answer",
    )


async def _register_webhook(api: LocalBotApi, url: str) -> None:
    """Set the webhook as the bot's setWebhook would (the bot started before its port was known)."""
    import httpx

    async with httpx.AsyncClient() as client:
        response = await client.post(
            f"{api.base_url}{TOKEN}/setWebhook",
            json={"url": f"{url}/telegram", "secret_token": SECRET},
        )
        response.raise_for_status()
