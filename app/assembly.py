"""The one place that wires the bot: the PTB Application with its handlers in order, and what
the handlers and use cases need before the start, once connected, and at the stop.

app/runtime.py calls these in this order: `prepare`, `build_application`, `senders`, then (the
Application started) `connected`, and at the stop `shutdown` before the database closes.
"""

from __future__ import annotations

import functools
import ssl

import httpx
from telegram import Bot
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, ContextTypes, Defaults
from telegram.request import HTTPXRequest

from bot.config import Config
from bot.pipeline import AnyApplication, record_failure
from bot.pipeline.senders import Sender
from bot.services import Services
from bot.usecases.gatekeeper import Gate
from bot.usecases.registry import build_router
from handlers import (
    answers,
    bot_commands,
    community,
    errors,
    follow_up,
    gatekeeper,
    lookup,
    officers,
    operations,
    partners,
    private_chat,
    report,
    rights,
)
from handlers.context import BotContext


async def prepare(services: Services) -> None:
    """Load and build what the handlers need, before the Application starts."""
    services.gate = Gate(services)
    # Find my dzielnicowy: imports the directory into an empty database, builds the gazetteer
    # (the bot does not start with an invalid directory).
    await lookup.prepare(services)
    officers.prepare(services)
    report.prepare(services)
    services.router = build_router()


def build_application(config: Config, token: str, services: Services) -> AnyApplication:
    """Build the Application without PTB's Updater: bot/pipeline receives and stores updates.

    Handler order matters: the gatekeeper (group -1) sees every update first; officer buttons
    and the report's edits come before the private chat's handler, which catches the rest.
    """
    timeout = config.telegram.request_timeout
    # The two connections PTB's builder would make (a pool of 256 for calls, one for getUpdates),
    # made here only to share one TLS context (see _tls_context).
    tls = {"verify": _tls_context()}
    request = HTTPXRequest(
        connection_pool_size=256,
        connect_timeout=timeout,
        read_timeout=timeout,
        write_timeout=timeout,
        httpx_kwargs=tls,
    )
    get_updates_request = HTTPXRequest(
        connection_pool_size=1,
        connect_timeout=timeout,
        read_timeout=config.telegram.poll_timeout + timeout,
        write_timeout=timeout,
        httpx_kwargs=tls,
    )
    application: AnyApplication = (
        ApplicationBuilder()
        .token(token)
        .base_url(config.telegram.api_base_url)
        .base_file_url(config.telegram.file_base_url)
        .updater(None)
        .context_types(ContextTypes(context=BotContext))
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .request(request)
        .get_updates_request(get_updates_request)
        .build()
    )
    application.bot_data["services"] = services
    # First error handler: tells the dispatcher that this update failed (it retries it).
    application.add_error_handler(record_failure)
    # Group -1: every update first (private chats only, floods, blocked users).
    gatekeeper.register(application)
    # After record_failure: logs, tells the person and the ops chat once.
    errors.register(application)
    # Officer buttons (also in duty groups), "Still happening", duty-group sign-up.
    officers.register(application)
    # Partner institutions: their chat's invite and their answers' buttons.
    partners.register(application)
    # Deadlines, the coordinators' digest and data retention, on the JobQueue.
    operations.register(application)
    # Edited messages during a report (before the private chat's handler, which would take them).
    report.register(application)
    # Last: every private message and button press nothing earlier claimed.
    private_chat.register(application)
    return application


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """The certificate authorities for Telegram's TLS, loaded once per process.

    httpx loads its CA bundle for every client it makes (about 50 ms of CPU); a context is safe
    to share, and a process that restarts its Application (the tests do, hundreds of times)
    need not load it again.
    """
    return httpx.create_ssl_context()


def senders(services: Services) -> dict[str, Sender]:
    """Return the sender of every outbox kind (bot/pipeline delivers rows with them)."""
    found: dict[str, Sender] = {}
    for kinds in (
        bot_commands.senders(services),
        answers.senders(services),
        lookup.senders(services),
        officers.senders(services),
        # The reports forwarded to partners' chats.
        partners.senders(services),
        report.senders(services),
        rights.senders(services),
        # Coordinators' statistics charts (/statystyki), drawn when sent.
        community.senders(services),
    ):
        for kind, sender in kinds.items():
            # Two modules sending one kind would silently replace each other.
            if kind in found:
                raise RuntimeError(f"outbox kind {kind!r} has two senders")
            found[kind] = sender
    return found


async def connected(services: Services, bot: Bot) -> None:
    """Once the bot is connected: command menus, the photo downloader, photos fetched ahead."""
    await bot_commands.register_command_lists(services, bot)
    report.connected(services, bot)
    # "Send" of a report, and a photo in the reply window: photos are downloaded and re-encoded
    # before the turn's transaction opens, so slow work never holds the database.
    services.pre_turn_hooks.extend(
        [report.prefetch_report_photos, follow_up.prefetch_follow_up_photos]
    )


async def shutdown(services: Services) -> None:
    """When the bot stops, after updates stopped and before the database closes."""
    # Addresses being looked up online get their answer (an outbox row) first.
    await lookup.shutdown(services)
