"""Benchmark the pipeline: a burst of N stored updates through dispatcher and delivery.

    .venv/bin/python bench/pipeline_bench.py [-n 2000] [--chats 200]

The local Bot API server runs in a child process, so the figures are the bot's own: updates/s
(wall) and CPU-ms per update (this process's user+system time, database driver threads
included). The trivial handler writes one outbox reply per update in one UnitOfWork; the
delivery worker sends it with sendMessage. SQLite always; PostgreSQL too when
TEST_DATABASE_URL is set (a database of its own is created and dropped).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import resource
import sys
import tempfile
import time
import uuid
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from telegram import Bot, Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.config import Config, DeliverySection, PipelineSection
from bot.pipeline import Pipeline, record_failure
from bot.pipeline.inbox import store_batch
from db import migrate
from db.engine import create_engine, session_factory
from db.models.pipeline import OutboxMessage, OutboxStatus
from db.uow import UnitOfWorkFactory

TOKEN = "777000:bench-token"
FIRST_CHAT = 5_000_000


def serve_api(chats: int, conn: Connection) -> None:
    """Run the local Bot API server in this child process until told to stop."""
    from devtools.localapi import LocalBotApi

    with LocalBotApi() as api:
        api.register_bot(TOKEN)
        for chat_id in range(FIRST_CHAT, FIRST_CHAT + chats):
            api.user(chat_id)
        conn.send((api.base_url, api.file_base_url))
        while (command := conn.recv()) != "stop":
            if command == "count":
                conn.send(len(api.sent(method="sendMessage")))


def updates(n: int, chats: int) -> list[dict[str, Any]]:
    """Return N text messages spread over the chats."""
    now = int(time.time())
    result = []
    for i in range(n):
        chat = FIRST_CHAT + i % chats
        person = {"id": chat, "is_bot": False, "first_name": "Anna"}
        message = {
            "message_id": i + 1,
            "from": person,
            "chat": {"id": chat, "type": "private", "first_name": "Anna"},
            "date": now,
            "text": f"wiadomość {i}",
        }
        result.append({"update_id": 900_000 + i, "message": message})
    return result


def cpu_seconds() -> float:
    """Return this process's CPU time (all threads: the event loop and the DB driver's)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run(
    url: str, n: int, chats: int, base_url: str, file_url: str, *, send: bool = True
) -> dict[str, float]:
    """Store the burst, then time dispatch and delivery until every reply is sent."""
    engine = create_engine(url, pool_size=20)
    await migrate.upgrade(engine)
    sessions = session_factory(engine)
    uow = UnitOfWorkFactory(sessions)
    app: Any = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(base_url)
        .base_file_url(file_url)
        .updater(None)
        .build()
    )
    app.add_error_handler(record_failure)

    async def reply(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        async with uow() as unit:
            unit.add_outbox(
                OutboxMessage(
                    chat_id=message.chat_id,
                    kind="text",
                    payload={"text": "Dziękujemy, przyjęliśmy zgłoszenie."},
                    priority=0,
                )
            )
            await unit.commit()

    async def send_text(bot: Bot, row: OutboxMessage) -> int | None:
        if not send:  # --no-send: the database side alone
            return None
        return (await bot.send_message(row.chat_id, row.payload["text"])).message_id

    app.add_handler(MessageHandler(filters.TEXT, reply))
    config = Config(
        pipeline=PipelineSection(max_chats_in_flight=16),
        # The benchmark measures the bot, not Telegram's limits.
        delivery=DeliverySection(
            global_per_second=100_000, private_chat_per_second=1000, poll_interval=0.5
        ),
    )
    pipeline = Pipeline(
        config=config, application=app, sessions=sessions, senders={"text": send_text}
    )
    uow.on_outbox = pipeline.wake
    uow.direct = pipeline.delivery
    burst = updates(n, chats)

    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    for start in range(0, n, 100):  # as long polling would: batches of up to 100
        await store_batch(sessions, burst[start : start + 100])
    store_cpu, store_wall = cpu_seconds() - cpu0, time.perf_counter() - wall0

    async with app:
        cpu0, wall0 = cpu_seconds(), time.perf_counter()
        await pipeline.start("none")
        # The worker counts rows once their `sent` mark is committed: watching that costs no
        # database round trips (polling the table here cost about 0.3 CPU-ms per update).
        while pipeline.delivery.stats.sent < n:  # noqa: ASYNC110 - a counter, not an event
            await asyncio.sleep(0.02)
        wall, cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0
        await pipeline.stop()
        async with sessions() as session:
            recorded = await session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.SENT)
            )
        assert recorded == n, f"{recorded} of {n} replies recorded as sent"
    await engine.dispose()
    return {
        "store_per_s": n / store_wall,
        "store_cpu_ms": store_cpu * 1000 / n,
        "updates_per_s": n / wall,
        "cpu_ms": cpu * 1000 / n,
    }


async def postgres_database(base: str) -> tuple[str, str]:
    """Create a database of our own; return its URL and name."""
    name = f"rdb_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base).execution_options(isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False), name


async def drop_database(base: str, name: str) -> None:
    """Drop the benchmark's database."""
    admin = create_engine(base).execution_options(isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


def main() -> None:
    """Run the benchmark on each available backend and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="updates in the burst")
    parser.add_argument("--chats", type=int, default=200, help="distinct private chats")
    parser.add_argument(
        "--no-send", action="store_true", help="mark replies sent without calling Telegram"
    )
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=serve_api, args=(args.chats, theirs), daemon=True)
    server.start()
    base_url, file_url = ours.recv()
    backends: list[tuple[str, str | None]] = [("sqlite", None)]
    if os.environ.get("TEST_DATABASE_URL"):
        backends.append(("postgresql", os.environ["TEST_DATABASE_URL"]))
    print(f"burst of {args.n} stored updates over {args.chats} chats, {os.cpu_count()} CPUs")
    try:
        for backend, base in backends:
            ours.send("count")
            before = ours.recv()
            if base is None:
                with tempfile.TemporaryDirectory() as folder:
                    url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.sqlite3'}"
                    figures = asyncio.run(
                        run(url, args.n, args.chats, base_url, file_url, send=not args.no_send)
                    )
            else:
                url, name = asyncio.run(postgres_database(base))
                try:
                    figures = asyncio.run(
                        run(url, args.n, args.chats, base_url, file_url, send=not args.no_send)
                    )
                finally:
                    asyncio.run(drop_database(base, name))
            ours.send("count")
            delivered = ours.recv() - before
            print(
                f"{backend:>10}: {figures['updates_per_s']:7.0f} updates/s, "
                f"{figures['cpu_ms']:.2f} CPU-ms/update (dispatch + handler + delivery); "
                f"store {figures['store_per_s']:.0f} updates/s, "
                f"{figures['store_cpu_ms']:.2f} CPU-ms/update; "
                f"{delivered} messages received by the server"
            )
    finally:
        ours.send("stop")
        server.join(timeout=10)


if __name__ == "__main__":
    main()
