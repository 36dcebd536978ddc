"""The report feature: categories at start-up, the photo downloader once connected, edits.

Most of what residents send in a report reaches the report flow through the router
(handlers/conversation.py); only edited messages get a handler of their own here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from telegram import Bot, Update
from telegram.ext import Application, MessageHandler, filters

from bot.conversation import Answer, Choice, Step
from bot.feature import Feature, Sender
from bot.services import Services
from bot.turn import Turn
from bot.usecases.report.categories import CATEGORIES, load_categories
from bot.usecases.report.draft import ReportDraft
from bot.usecases.report.edits import answer_edited
from bot.usecases.report.flow import EMERGENCY_KIND
from bot.usecases.report.form import SCOPE
from bot.usecases.report.media import MEDIA_FETCHER
from bot.usecases.report.submit import prepare_photos
from bot.usecases.router import Router
from db.models.pipeline import OutboxMessage
from db.repositories.conversations import draft_of
from db.uow import UnitOfWork
from handlers.context import BotContext
from handlers.conversation import ROUTER
from handlers.media_fetcher import TelegramMediaFetcher
from handlers.turn import CHANNEL, PRE_TURN_HOOKS, run_turn

# The European emergency number, the same for every language.
EMERGENCY_NUMBER = "112"


async def on_edited(update: Update, context: BotContext) -> None:
    """Answer an edited private message (in a report: "edits change nothing", then the question)."""
    services = context.services
    router: Router = services.extras[ROUTER]

    async def use_case(uow: UnitOfWork, turn: Turn) -> list[Answer]:
        return list(await answer_edited(uow, turn, services, router))

    await run_turn(update, context, use_case)


def _register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    # Group 0, before the conversation feature, which would take an edit for a new answer.
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.EDITED_MESSAGE, on_edited)
    )


async def _startup(services: Services) -> None:
    services.extras[CATEGORIES] = load_categories(services.config.bot.categories_file)


async def _post_start(services: Services, bot: Bot) -> None:
    fetcher = TelegramMediaFetcher(bot, services.config.reports.max_photo_bytes)
    services.extras[MEDIA_FETCHER] = fetcher

    async def prefetch_photos(services: Services, external_id: str, step: Step) -> None:
        # "Send" stores the photos: download and re-encode them before the turn's transaction
        # opens, so slow work never holds the database (on SQLite, every other chat would wait).
        if not (isinstance(step, Choice) and step.scope == SCOPE and step.value == "send"):
            return
        async with services.uow() as uow:
            draft = await draft_of(uow.session, CHANNEL, external_id)
        if draft:
            await prepare_photos(services, [p.ref for p in ReportDraft.from_json(draft).photos])

    services.extras.setdefault(PRE_TURN_HOOKS, []).append(prefetch_photos)


class EmergencyContactSender:
    """Send 112 as a contact card: Telegram offers "Call" on it (buttons cannot dial)."""

    def __init__(self, services: Services) -> None:
        self.catalog = services.catalog

    async def __call__(self, bot: Bot, row: OutboxMessage) -> int | None:
        lang = self.catalog.language(row.payload.get("lang"))
        message = await bot.send_contact(
            chat_id=row.chat_id,
            phone_number=EMERGENCY_NUMBER,
            first_name=self.catalog.render(lang, "report-urgent-contact-name"),
        )
        return message.message_id


def _senders(services: Services) -> Mapping[str, Sender]:
    return {EMERGENCY_KIND: EmergencyContactSender(services)}


FEATURE = Feature(
    name="report",
    register=_register,
    startup=_startup,
    post_start=_post_start,
    senders=_senders,
)
