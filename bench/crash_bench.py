"""Kill a bot in the middle of a burst and count the messages that never get an answer.

    .venv/bin/python bench/crash_bench.py [-n 100] [--kill-after 0.15] [--handler-ms 50]

A burst of N text messages waits on the project's local Bot API server. A bot is started, sent
SIGKILL `--kill-after` seconds after its first getUpdates call, and started again; the script
waits until every message is answered or nothing has been sent for `--settle` seconds, then
prints how many were answered before the kill, after the restart, twice, and never. Two bots
with the same handler (sleep `--handler-ms`, then answer "answer to <message id>"):

- `stock`: python-telegram-bot as its documentation shows it, `Application.run_polling()` with
  PTB's own Updater;
- `ours`: the project's pipeline (inbox, dispatcher, outbox, delivery worker) on a SQLite file.

Why the project does not use PTB's Updater: docs/decisions/0001-durable-inbox-and-outbox.md.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOKEN = "777001:crash-bench-token"
FIRST_CHAT = 6_000_000


def stock_bot(args: argparse.Namespace) -> None:
    """Run python-telegram-bot's own polling (PTB's Updater) until killed or SIGTERM."""
    from telegram import Update
    from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

    async def answer(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        await asyncio.sleep(args.handler_ms / 1000)
        await message.reply_text(f"answer to {message.message_id}")

    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(args.base_url)
        .base_file_url(args.file_url)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, answer))
    app.run_polling(timeout=1)


async def our_bot(args: argparse.Namespace) -> None:
    """Run the project's pipeline with the same handler until killed or SIGTERM."""
    from telegram import Bot, Update
    from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

    from bot.config import Config, DeliverySection, TelegramSection
    from bot.pipeline import Pipeline, record_failure
    from db import migrate
    from db.engine import create_engine, session_factory
    from db.models.pipeline import OutboxMessage
    from db.uow import UnitOfWorkFactory

    engine = create_engine(args.db)
    await migrate.upgrade(engine)
    sessions = session_factory(engine)
    uow = UnitOfWorkFactory(sessions)
    app: Any = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(args.base_url)
        .base_file_url(args.file_url)
        .updater(None)
        .build()
    )
    app.add_error_handler(record_failure)

    async def answer(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        await asyncio.sleep(args.handler_ms / 1000)
        async with uow() as unit:
            text = f"answer to {message.message_id}"
            unit.add_outbox(
                OutboxMessage(chat_id=message.chat_id, kind="text", payload={"text": text})
            )
            await unit.commit()

    async def send_text(bot: Bot, row: OutboxMessage) -> int | None:
        return (await bot.send_message(row.chat_id, row.payload["text"])).message_id

    app.add_handler(MessageHandler(filters.TEXT, answer))
    config = Config(
        telegram=TelegramSection(poll_timeout=1),
        # Loss is measured here, not pacing: Telegram's per-chat budget would only slow it down.
        delivery=DeliverySection(global_per_second=1000, private_chat_per_second=1000),
    )
    pipeline = Pipeline(
        config=config, application=app, sessions=sessions, senders={"text": send_text}
    )
    uow.on_outbox = pipeline.wake
    uow.direct = pipeline.delivery
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with app:
        await pipeline.start("polling")
        await stop.wait()
        await pipeline.stop()
    await engine.dispose()


def spawn(
    args: argparse.Namespace, base_url: str, file_url: str, db: str
) -> subprocess.Popen[bytes]:
    """Start a bot process of the chosen kind."""
    return subprocess.Popen(
        [
            sys.executable,
            __file__,
            *("--child", args.bot, "--handler-ms", str(args.handler_ms)),
            *("--base-url", base_url, "--file-url", file_url, "--db", db),
        ],
        cwd=ROOT,
    )


def answered(api: Any) -> Counter[tuple[int, int]]:
    """Count the answers sent so far, per (chat, message id) they answer."""
    return Counter(
        (sent.chat_id, int(sent.text.rsplit(" ", 1)[1]))
        for sent in api.sent(method="sendMessage")
        if sent.text and sent.text.startswith("answer to ")
    )


def trial(args: argparse.Namespace) -> dict[str, int]:
    """Run one burst, kill, restart; return the counts."""
    from devtools.localapi import LocalBotApi

    with LocalBotApi() as api, tempfile.TemporaryDirectory() as folder:
        api.register_bot(TOKEN)
        users = [api.user(FIRST_CHAT + i) for i in range(args.chats)]
        updates = [users[i % args.chats].send_text(f"message {i}") for i in range(args.n)]
        ids = {(u["message"]["chat"]["id"], u["message"]["message_id"]) for u in updates}
        db = f"sqlite+aiosqlite:///{Path(folder) / 'crash.sqlite3'}"

        first = spawn(args, api.base_url, api.file_base_url, db)
        deadline = time.monotonic() + 60
        while not api.calls("getUpdates"):
            if time.monotonic() > deadline or first.poll() is not None:
                raise SystemExit("the bot never called getUpdates")
            time.sleep(0.002)
        time.sleep(args.kill_after)
        first.kill()
        first.wait()
        before = answered(api)

        second = spawn(args, api.base_url, api.file_base_url, db)
        try:
            last_change, seen = time.monotonic(), sum(before.values())
            while time.monotonic() - last_change < args.settle:
                counts = answered(api)
                if set(counts) >= ids:
                    break
                if sum(counts.values()) != seen:
                    last_change, seen = time.monotonic(), sum(counts.values())
                time.sleep(0.05)
            time.sleep(0.5)  # a duplicate sent right after the last first answer counts too
            after = answered(api)
        finally:
            second.terminate()
            second.wait(timeout=30)
    return {
        "before the kill": len(set(before) & ids),
        "after the restart": len((set(after) - set(before)) & ids),
        "answered twice": sum(1 for count in after.values() if count > 1),
        "never answered": len(ids - set(after)),
    }


def main() -> None:
    """Run the chosen bot (or, with --child, be it) and print the counts of each trial."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bot", choices=["stock", "ours", "both"], default="both")
    parser.add_argument("-n", type=int, default=100, help="messages in the burst")
    parser.add_argument("--chats", type=int, default=1, help="private chats they come from")
    parser.add_argument("--kill-after", type=float, default=0.15, help="seconds after getUpdates")
    parser.add_argument("--handler-ms", type=float, default=50.0)
    parser.add_argument("--settle", type=float, default=5.0, help="quiet seconds that end a run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["stock", "ours"], help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--file-url", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "stock":
        stock_bot(args)
        return
    if args.child == "ours":
        asyncio.run(our_bot(args))
        return
    print(
        f"burst of {args.n} messages from {args.chats} chat(s), handler {args.handler_ms:.0f} ms, "
        f"SIGKILL {args.kill_after} s after the first getUpdates, then a restart"
    )
    for bot in ("stock", "ours") if args.bot == "both" else (args.bot,):
        args.bot = bot
        for run in range(1, args.runs + 1):
            counts = trial(args)
            print(f"{bot:>5} run {run}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
