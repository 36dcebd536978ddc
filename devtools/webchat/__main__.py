"""`python -m devtools.webchat` (what `make run` starts without a token): the local web chat."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys

from bot.config import ConfigError, load_config
from bot.logs import setup_logging
from db.engine import ProcessLockError
from devtools.webchat.server import Page
from devtools.webchat.sketch import sketch
from devtools.webchat.timeline import Timeline
from devtools.webchat.world import World, chats

log = logging.getLogger(__name__)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m devtools.webchat", description=__doc__)
    parser.add_argument("--port", type=int, help="port on 127.0.0.1 (default: [webchat] port)")
    parser.add_argument("--verbose", action="store_true", help="log at DEBUG")
    return parser.parse_args(argv)


async def serve(port: int | None) -> int:
    """Start everything, print the address, run until SIGINT or SIGTERM."""
    config = load_config()
    page_port = config.webchat.port if port is None else port
    world = World(config)
    timeline = Timeline(world.api, {chat.chat_id for chat in chats()})
    page = Page(
        world,
        timeline,
        {
            **world.describe(),
            "map": sketch(config.bot.directory_dir),
            "languages": list(config.bot.languages),
        },
    )
    try:
        sockets = page.bind(page_port)
    except OSError as exc:
        print(
            f"cannot listen on 127.0.0.1:{page_port}: {exc.strerror}; "
            "choose another port with RDB_WEBCHAT__PORT=...",
            file=sys.stderr,
        )
        return 1
    try:
        await world.start()
    except ProcessLockError as exc:
        await world.stop()
        for bound in sockets:
            bound.close()
        print(
            f"{exc}; or give this one its own file with RDB_WEBCHAT__SQLITE_PATH=...",
            file=sys.stderr,
        )
        return 1
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    for sig in signals:
        loop.add_signal_handler(sig, stop.set)
    try:
        timeline.attach(loop)
        await page.people.link_everyone()
        page.serve(sockets)
        print(f"Web chat: {page.url}  (Ctrl-C stops it)", flush=True)
        await stop.wait()
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)
        timeline.detach()
        await page.stop()
        await world.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Refuse with a token set; otherwise serve the web chat."""
    args = parse_args(argv)
    if os.environ.get("TELEGRAM_BOT_TOKEN"):
        print(
            "TELEGRAM_BOT_TOKEN is set: the web chat runs only without it "
            "(`python -m bot run` serves Telegram).",
            file=sys.stderr,
        )
        return 2
    setup_logging(verbose=args.verbose)
    try:
        return asyncio.run(serve(args.port))
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
