"""Drill 1: two webhook processes on one PostgreSQL behind a balancer that duplicates 30 % of
the deliveries; one process is SIGKILLed midway and restarted a second later.

Residents write in turn, a few texts a second in all; every text must get its answer, once,
in the order written (a duplicate is only possible for a message being sent at the instant of
the kill: counted, not hidden).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from devtools.localapi import LocalBotApi
from drills.balancer import Balancer
from drills.databases import postgres_database
from drills.figures import Conversation, Figures
from drills.processes import RESTART_DELAY_SECONDS, TOKEN, BotProcess

SECRET = "drill-webhook-secret-0123456789abcdef"
FIRST_CHAT = 6_100_000


async def run(
    chats: int = 12, per_chat: int = 30, per_second: float = 10.0, duplicate_share: float = 0.3
) -> Figures:
    """Run the drill and return its figures."""
    with tempfile.TemporaryDirectory(prefix="drill-two-webhooks-") as folder:
        async with postgres_database() as url:
            with LocalBotApi() as api:
                api.register_bot(TOKEN)
                return await _drill(
                    api, url, Path(folder), chats, per_chat, per_second, duplicate_share
                )


async def _drill(
    api: LocalBotApi,
    url: str,
    folder: Path,
    chats: int,
    per_chat: int,
    per_second: float,
    duplicate_share: float,
) -> Figures:
    balancer = Balancer(duplicate_share)
    await balancer.start()
    bots = [
        BotProcess(
            name,
            api,
            url,
            folder,
            mode="webhook",
            secret=SECRET,
            # The first registers the webhook with "Telegram": the balancer's address.
            public_url=balancer.url if name == "a" else "",
        )
        for name in ("a", "b")
    ]
    conversation = Conversation(api)
    try:
        await asyncio.gather(*(bot.start() for bot in bots))
        balancer.backends = [f"http://127.0.0.1:{bot.port}" for bot in bots]
        await bots[0].prepare()  # its restart, imported ahead
        users = [api.user(FIRST_CHAT + i, first_name=f"Mieszkaniec {i}") for i in range(chats)]
        total = chats * per_chat
        killed_at = 0.0
        restart: asyncio.Task[float] | None = None
        for n in range(total):
            user = users[n % chats]
            conversation.write(user, f"c{n % chats}-{n // chats}")
            if n == total // 2:
                await bots[0].kill()
                killed_at = time.monotonic()
                restart = asyncio.create_task(_restart(bots[0]))
            conversation.look()
            await asyncio.sleep(1 / per_second)
        complete = await conversation.wait(within=60)
        await conversation.settle(2.0)
        restarted_in = await restart if restart is not None else 0.0
    finally:
        for bot in bots:
            await bot.close()
        await balancer.stop()
    silence = conversation.longest_silence()
    slowest = conversation.slowest(written_after=killed_at - 5)
    return Figures(
        drill="two webhooks, one killed",
        what=(
            f"2 `webhook` processes on PostgreSQL behind a balancer duplicating "
            f"{duplicate_share:.0%} of deliveries ({balancer.stats.duplicated} of "
            f"{balancer.stats.requests}); {chats} residents write {per_chat} texts each, "
            f"{per_second:g}/s in all; one process SIGKILLed halfway, restarted after "
            f"{RESTART_DELAY_SECONDS:g} s"
        ),
        updates=conversation.updates,
        lost=conversation.lost(),
        duplicated=conversation.duplicated(),
        out_of_order=conversation.out_of_order(),
        recover_seconds=silence,
        command="make drill DRILL=two-webhooks",
        notes=(
            ("" if complete else "INCOMPLETE after 60 s; ")
            + f"slowest answer {slowest:.1f} s (pacing: 1 message/s per chat); "
            + f"restart took {restarted_in:.1f} s"
        ),
    )


async def _restart(bot: BotProcess) -> float:
    await asyncio.sleep(RESTART_DELAY_SECONDS)
    return RESTART_DELAY_SECONDS + await bot.start()
