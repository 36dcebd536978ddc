"""A bot process for crash tests: `python -m tests.pipeline.killable_bot --db URL --state DIR ...`.

It long-polls the local Bot API server through the real pipeline. Its handler answers every
text with an outbox row; for the text "pause" it stops at a chosen point and touches
`DIR/paused`, so that a test can SIGKILL it there:

- `--pause before-commit`: the answer is added but not committed;
- `--pause after-commit`: committed, but every send waits (the row is `sending` when killed).

It touches `DIR/ready` once receiving, and writes how many `sending` rows it reset at start
to `DIR/reset`. With `--go FILE` it imports everything, then waits for FILE to exist.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import time
from pathlib import Path
from typing import Any

from telegram import Bot, Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.config import Config, DeliverySection, TelegramSection
from bot.pipeline import Pipeline, record_failure
from db.engine import create_engine, session_factory
from db.models.pipeline import OutboxMessage
from db.uow import UnitOfWorkFactory


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--file-url", required=True)
    parser.add_argument("--state", type=Path, required=True)
    parser.add_argument("--pause", choices=["none", "before-commit", "after-commit"])
    parser.add_argument("--go", type=Path, help="wait for this file before starting")
    return parser.parse_args()


def wait_for_go(go: Path | None) -> None:
    """Sit imported and idle until the test says go (a restart then takes no import time)."""
    while go is not None and not go.exists():
        time.sleep(0.01)


async def wait_forever(marker: Path) -> None:
    """Tell the test where we are, then wait to be killed."""
    marker.touch()  # noqa: ASYNC240 - one tiny file; the process is about to be killed
    await asyncio.Event().wait()


async def main(args: argparse.Namespace) -> None:
    """Run the bot until SIGTERM (or SIGKILL)."""
    state: Path = args.state
    engine = create_engine(args.db)
    sessions = session_factory(engine)
    uow = UnitOfWorkFactory(sessions)
    app: Any = (
        ApplicationBuilder()
        .token(args.token)
        .base_url(args.base_url)
        .base_file_url(args.file_url)
        .updater(None)
        .build()
    )
    app.add_error_handler(record_failure)

    async def answer(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        pausing = message.text == "pause"
        async with uow() as unit:
            unit.add_outbox(
                OutboxMessage(
                    chat_id=message.chat_id,
                    kind="text",
                    payload={"text": f"odpowiedź na {message.message_id}"},
                    priority=0,
                )
            )
            if pausing and args.pause == "before-commit":
                await wait_forever(state / "paused")
            await unit.commit()

    async def send_text(bot: Bot, row: OutboxMessage) -> int | None:
        if args.pause == "after-commit":
            await wait_forever(state / "paused")
        sent = await bot.send_message(row.chat_id, row.payload["text"])
        return sent.message_id

    app.add_handler(MessageHandler(filters.TEXT, answer))
    config = Config(
        telegram=TelegramSection(poll_timeout=1),
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
        reset = str(pipeline.delivery.stats.reset_at_start)
        await asyncio.to_thread((state / "reset").write_text, reset)
        await asyncio.to_thread((state / "ready").touch)
        await stop.wait()
        await pipeline.stop()
    await engine.dispose()


if __name__ == "__main__":
    arguments = parse_args()
    wait_for_go(arguments.go)
    asyncio.run(main(arguments))
