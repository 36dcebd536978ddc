"""Drill 3: a burst of texts from many residents; the one bot process is SIGKILLed while it
answers them, and restarted a second later (SQLite, and PostgreSQL).

Nothing may be lost. A message whose send had reached Telegram when the process died, but
whose `sent` mark had not been committed, is sent again after the restart: the drill counts
those duplicates (delivery is at least once).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from devtools.localapi import LocalBotApi
from drills.databases import postgres_database, sqlite_database
from drills.figures import Conversation, Figures
from drills.processes import RESTART_DELAY_SECONDS, TOKEN, BotProcess

FIRST_CHAT = 6_300_000


async def run(backend: str, chats: int = 20, per_chat: int = 5) -> Figures:
    """Run the drill on "sqlite" or "postgresql" and return its figures."""
    with tempfile.TemporaryDirectory(prefix="drill-burst-") as folder:
        database: AbstractAsyncContextManager[str] = (
            sqlite_database(Path(folder)) if backend == "sqlite" else postgres_database()
        )
        async with database as url:
            with LocalBotApi() as api:
                api.register_bot(TOKEN)
                return await _drill(api, url, Path(folder), backend, chats, per_chat)


async def _drill(
    api: LocalBotApi, url: str, folder: Path, backend: str, chats: int, per_chat: int
) -> Figures:
    bot = BotProcess("bot", api, url, folder)
    conversation = Conversation(api)
    total = chats * per_chat
    try:
        await bot.start()
        await bot.prepare()
        users = [api.user(FIRST_CHAT + i, first_name=f"Mieszkaniec {i}") for i in range(chats)]
        for n in range(total):
            conversation.write(users[n % chats], f"c{n % chats}-{n // chats}")
        while sum(len(a) for a in conversation.answers.values()) < total // 2:
            conversation.look()
            await asyncio.sleep(0.005)
        await bot.kill()
        answered_at_kill = sum(len(a) for a in conversation.answers.values())
        killed_at = time.monotonic()
        await asyncio.sleep(RESTART_DELAY_SECONDS)
        await bot.start()
        complete = await conversation.wait(within=60)
        done_at = conversation.last_answer_at()
        await conversation.settle(2.0)
    finally:
        await bot.close()
    return Figures(
        drill=f"SIGKILL mid-burst ({'SQLite' if backend == 'sqlite' else 'PostgreSQL'})",
        what=(
            f"{total} texts from {chats} residents at once to one `run` process; SIGKILLed "
            f"after {answered_at_kill} answers, restarted after {RESTART_DELAY_SECONDS:g} s"
        ),
        updates=conversation.updates,
        lost=conversation.lost(),
        duplicated=conversation.duplicated(),
        out_of_order=conversation.out_of_order(),
        recover_seconds=conversation.longest_silence(),
        command=f"make drill DRILL=burst-{backend}",
        notes=("" if complete else "INCOMPLETE after 60 s; ")
        + f"all answered {done_at - killed_at:.1f} s after the kill",
    )
