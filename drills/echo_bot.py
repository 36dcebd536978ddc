"""A bot process for the drills: the real pipeline, a handler that echoes each text.

    python -m drills.echo_bot --db URL --token T --base-url U --file-url U --state DIR
        [--mode polling|webhook --port P --secret S --public-url URL] [--go FILE]

Every text gets one answer, "odpowiedź na <text>", queued in the update's own transaction
(the outbox) and sent by the delivery worker within Telegram's default limits (30 messages/s,
1 per chat per second), so a drill counts answers per update. The process touches DIR/ready
once it receives, and stops on SIGTERM (SIGKILL is what the drills send).
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

from bot.config import Config, DeliverySection, TelegramSection, WebhookSection
from bot.logs import setup_logging
from bot.pipeline import Pipeline, record_failure
from db import migrate
from db.engine import create_engine, session_factory
from db.models.pipeline import OutboxMessage
from db.uow import UnitOfWorkFactory

ANSWER_PREFIX = "odpowiedź na "


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m drills.echo_bot")
    parser.add_argument("--db", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--file-url", required=True)
    parser.add_argument("--state", type=Path, required=True)
    parser.add_argument("--mode", choices=["polling", "webhook"], default="polling")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--secret", default="")
    parser.add_argument("--public-url", default="")
    parser.add_argument("--go", type=Path, help="import everything, then wait for this file")
    parser.add_argument("--delivery", default="{}", help="[delivery] settings as JSON")
    return parser.parse_args(argv)


def wait_for_go(go: Path | None) -> None:
    """Sit imported and idle until the drill says go (a restart then takes no import time)."""
    while go is not None and not go.exists():
        time.sleep(0.01)


def config_of(args: argparse.Namespace) -> Config:
    """The bot's settings: Telegram's default limits unless the drill says otherwise."""
    import json

    return Config(
        telegram=TelegramSection(poll_timeout=1, request_timeout=5),
        webhook=WebhookSection(
            listen="127.0.0.1", port=args.port, path="/telegram", public_url=args.public_url
        ),
        delivery=DeliverySection(poll_interval=0.2, **json.loads(args.delivery)),
    )


async def main(args: argparse.Namespace) -> None:
    """Run the bot until SIGTERM (or SIGKILL)."""
    state: Path = args.state
    engine = create_engine(args.db)
    await migrate.upgrade(engine)
    sessions = session_factory(engine)
    uow = UnitOfWorkFactory(sessions)
    app: Any = (
        ApplicationBuilder()
        .token(args.token)
        .base_url(args.base_url)
        .base_file_url(args.file_url)
        .updater(None)
        .read_timeout(5)
        .connect_timeout(5)
        .build()
    )
    app.add_error_handler(record_failure)

    async def answer(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        async with uow() as unit:
            unit.add_outbox(
                OutboxMessage(
                    chat_id=message.chat_id,
                    kind="text",
                    payload={"text": ANSWER_PREFIX + (message.text or "")},
                    priority=0,
                )
            )
            await unit.commit()

    async def send_text(bot: Bot, row: OutboxMessage) -> int | None:
        sent = await bot.send_message(row.chat_id, row.payload["text"])
        return sent.message_id

    app.add_handler(MessageHandler(filters.TEXT, answer))
    pipeline = Pipeline(
        config=config_of(args),
        application=app,
        sessions=sessions,
        senders={"text": send_text},
        webhook_secret=args.secret or None,
    )
    uow.on_outbox = pipeline.wake
    uow.direct = pipeline.delivery
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with app:
        await pipeline.start(args.mode)
        port = str(pipeline.webhook_port or 0)
        await asyncio.to_thread((state / "port").write_text, port)
        await asyncio.to_thread((state / "ready").touch)
        await stop.wait()
        await pipeline.stop()
    await engine.dispose()


if __name__ == "__main__":
    arguments = parse_args()
    wait_for_go(arguments.go)
    setup_logging()
    asyncio.run(main(arguments))
