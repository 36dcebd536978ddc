"""`python -m bot run|webhook`: start the bot (long polling or webhook)."""

from __future__ import annotations

import argparse

from bot.commands import Subparsers, add_parser
from bot.config import Config, Secrets


def register(subparsers: Subparsers) -> None:
    """Add `run` and `webhook`."""
    run = add_parser(subparsers, "run", "start the bot with long polling")
    run.set_defaults(handler=_run, secrets_mode="run")
    webhook = add_parser(subparsers, "webhook", "start the bot's webhook server ([webhook] config)")
    webhook.set_defaults(handler=_webhook, secrets_mode="webhook")


def _run(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    # Imported here: the other commands start without loading Telegram and the handlers.
    from app.runtime import serve

    return serve(config, secrets, mode="polling")


def _webhook(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    from app.runtime import serve

    return serve(config, secrets, mode="webhook")
