"""Benchmark draining a backlog of alerts under Telegram's limits, enforced by the local server.

    .venv/bin/python bench/drain_bench.py [-n 1000] [--chats 300]

N outbox rows (alerts) to CHATS private chats wait in a SQLite file; the delivery worker, with
the shipped [delivery] settings (30 messages/s per bot, 1/s per chat after a burst of 3), sends
them to the project's local Bot API server in a child process, which answers 429 to anything
over Telegram's limits. Printed: sendMessage calls per second, 429s, and rows lost (not sent).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select
from telegram import Bot

from bot.config import DeliverySection
from bot.pipeline.delivery import DeliveryWorker
from db import migrate
from db.engine import create_engine, session_factory
from db.models.pipeline import OutboxMessage, OutboxStatus

TOKEN = "777002:drain-bench"
FIRST_CHAT = 7_000_000
GOAL_CALLS_PER_SECOND = 28


def serve_api(chats: int, conn: Connection) -> None:
    """Run the local Bot API server, enforcing Telegram's limits, until told to stop."""
    from devtools.localapi import LocalBotApi

    with LocalBotApi() as api:
        api.register_bot(TOKEN)
        for chat_id in range(FIRST_CHAT, FIRST_CHAT + chats):
            api.user(chat_id)
        flood = api.enforce_limits()
        conn.send((api.base_url, api.file_base_url))
        while (command := conn.recv()) != "stop":
            if command == "count":
                calls = api.calls("sendMessage")
                texts = {s.text for s in api.sent(method="sendMessage")}
                conn.send(
                    {
                        "calls": len(calls),
                        "refused": flood.refused,
                        "first": min((c.at for c in calls), default=0.0),
                        "last": max((c.at for c in calls), default=0.0),
                        "distinct": len(texts),
                    }
                )


async def drain(url: str, n: int, chats: int, base_url: str, file_url: str) -> dict[str, float]:
    """Queue the alerts, then deliver them all; return the worker's figures."""
    engine = create_engine(url)
    await migrate.upgrade(engine)
    sessions = session_factory(engine)
    async with sessions() as session:
        session.add_all(
            OutboxMessage(
                chat_id=FIRST_CHAT + i % chats,
                kind="text",
                payload={"text": f"Alert {i}: a new report in your district"},
                priority=1,
            )
            for i in range(n)
        )
        await session.commit()

    async def send_text(bot: Bot, row: OutboxMessage) -> int | None:
        return (await bot.send_message(row.chat_id, row.payload["text"])).message_id

    async with Bot(TOKEN, base_url=base_url, base_file_url=file_url) as bot:
        worker = DeliveryWorker(
            bot=bot, sessions=sessions, senders={"text": send_text}, config=DeliverySection()
        )
        started = time.perf_counter()
        await worker.start()
        deadline = started + n / 10 + 60
        while worker.stats.sent < n and time.perf_counter() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.1)
        seconds = time.perf_counter() - started
        await worker.stop()
        async with sessions() as session:
            sent = await session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.SENT)
            )
    await engine.dispose()
    return {"seconds": seconds, "sent": float(sent or 0), "rescheduled": worker.stats.rescheduled}


def main() -> None:
    """Drain the backlog and print the figures beside the goals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="alerts queued")
    parser.add_argument("--chats", type=int, default=300, help="distinct private chats")
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=serve_api, args=(args.chats, theirs), daemon=True)
    server.start()
    base_url, file_url = ours.recv()
    try:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite+aiosqlite:///{Path(folder) / 'drain.sqlite3'}"
            figures = asyncio.run(drain(url, args.n, args.chats, base_url, file_url))
        ours.send("count")
        server_side = ours.recv()
    finally:
        ours.send("stop")
        server.join(timeout=10)
    span = server_side["last"] - server_side["first"] or 1.0
    per_second = server_side["calls"] / span
    lost = args.n - server_side["distinct"]
    print(
        f"alert drain: {args.n} alerts to {args.chats} chats in {figures['seconds']:.1f} s, "
        f"{server_side['calls']} sendMessage calls, {figures['rescheduled']:.0f} rescheduled"
    )
    fast = "met" if per_second >= GOAL_CALLS_PER_SECOND else "NOT met"
    print(
        f"  {'calls/s (first to last call)':<46} {per_second:<34.1f} "
        f"goal: >= {GOAL_CALLS_PER_SECOND}  {fast}"
    )
    print(
        f"  {'429s':<46} {server_side['refused']:<34} "
        f"goal: 0  {'met' if server_side['refused'] == 0 else 'NOT met'}"
    )
    print(f"  {'lost (never sent)':<46} {lost:<34} goal: 0  {'met' if lost == 0 else 'NOT met'}")


if __name__ == "__main__":
    main()
