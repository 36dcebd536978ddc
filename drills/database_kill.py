"""Drill 4: PostgreSQL connections are killed (pg_terminate_backend) again and again while
residents report threats through the real bot (every feature, the real conversation).

Every report must be stored once, every step answered, and no resident may read that
something went wrong: a lost connection is retried, not shown.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from app.runtime import BotRuntime
from bot.config import Config, Secrets
from bot.i18n import Catalog
from db.engine import create_engine
from db.models.reports import Report
from devtools.localapi import LocalBotApi
from drills.databases import postgres_database
from drills.figures import Figures
from drills.processes import TOKEN
from drills.resident import Resident

FIRST_CHAT = 6_400_000
# What a resident reads when something failed (every language).
ERROR_KEYS = ("error-try-again", "update-failed")


async def run(residents: int = 8, kill_every: float = 1.0) -> Figures:
    """Run the drill and return its figures."""
    with tempfile.TemporaryDirectory(prefix="drill-db-kill-") as folder:
        async with postgres_database() as url:
            with LocalBotApi() as api:
                api.register_bot(TOKEN)
                return await _drill(api, url, Path(folder), residents, kill_every)


async def _drill(
    api: LocalBotApi, url: str, folder: Path, residents: int, kill_every: float
) -> Figures:
    config = Config(
        telegram={
            "api_base_url": api.base_url,
            "file_base_url": api.file_base_url,
            "poll_timeout": 1,
            "request_timeout": 5,
        },
        database={"sqlite_path": str(folder / "unused.sqlite3")},
    )
    runtime = BotRuntime(config, Secrets(bot_token=TOKEN, database_url=url, webhook_secret=None))
    await runtime.start()
    people = [
        Resident(api, api.user(FIRST_CHAT + i, first_name=f"Mieszkaniec {i}"))
        for i in range(residents)
    ]
    killed: list[int] = []
    stop = asyncio.Event()
    killer = asyncio.create_task(_kill_connections(url, kill_every, stop, killed))
    began = time.monotonic()
    try:
        await asyncio.gather(*(person.choose_polish() for person in people))
        references = await asyncio.gather(
            *(
                person.report_dumping(f"Gruz za garażami, zgłoszenie {n}")
                for n, person in enumerate(people)
            ),
            return_exceptions=True,
        )
    finally:
        stop.set()
        await killer
        await runtime.stop()
    took = time.monotonic() - began
    stored = await _reports_by_chat(url)
    catalog = Catalog(config.bot.languages)
    errors = {catalog.text(lang, key) for lang in config.bot.languages for key in ERROR_KEYS}
    read = [sent.text or "" for sent in api.sent() if sent.chat_id >= FIRST_CHAT]
    shown_errors = sum(1 for message in read if message in errors)
    finished = [ref for ref in references if isinstance(ref, str)]
    lost = residents - len(finished) + sum(1 for p in people if stored.get(p.user.id, 0) == 0)
    return Figures(
        drill="PostgreSQL connections killed",
        what=(
            f"{residents} residents report a threat through the real bot (12 steps each) while "
            f"every {kill_every:g} s all the bot's database connections are terminated "
            f"({len(killed)} kills, {sum(killed)} connections)"
        ),
        updates=sum(len(p.waits) for p in people),
        lost=lost,
        duplicated=sum(max(stored.get(p.user.id, 0) - 1, 0) for p in people),
        out_of_order=0,
        recover_seconds=max((w for p in people for w in p.waits), default=0.0),
        command="make drill DRILL=database-kill",
        notes=(
            f"errors shown to residents: {shown_errors}; reports stored "
            f"{sum(stored.values())} of {residents}; took {took:.0f} s; "
            "time to recover: the slowest answer to one step"
        ),
        checks={"errors shown": shown_errors, "kills": len(killed)},
    )


async def _kill_connections(url: str, every: float, stop: asyncio.Event, killed: list[int]) -> None:
    """Terminate every other session of the database, every `every` seconds."""
    engine = create_engine(url)
    name = make_url(url).database
    try:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
            if stop.is_set():
                return
            async with engine.connect() as conn:
                count = await conn.scalar(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = :db AND pid <> pg_backend_pid()"
                    ),
                    {"db": name},
                )
                await conn.commit()
            killed.append(int(count or 0))
    finally:
        await engine.dispose()


async def _reports_by_chat(url: str) -> dict[int, int]:
    """How many reports each resident has (by their Telegram id)."""
    from db.models.people import User

    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                select(User.chat_id, func.count(Report.id))
                .join(Report, Report.user_id == User.id)
                .group_by(User.chat_id)
            )
            return {int(chat): int(count) for chat, count in rows if chat is not None}
    finally:
        await engine.dispose()
