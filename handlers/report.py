"""Reports on Telegram: categories at start-up, the photo downloader once connected, edits.

Most of what residents send in a report reaches the report flow through the router
(handlers/private_chat.py); only edited messages get a handler of their own here.
"""

from __future__ import annotations

from collections.abc import Mapping

from telegram import Bot, Update
from telegram.ext import MessageHandler, filters

from bot.conversation import Answer, Choice, Step
from bot.pipeline import AnyApplication
from bot.pipeline.senders import Sender
from bot.services import Services
from bot.turn import Turn
from bot.usecases.report.categories import load_categories
from bot.usecases.report.draft import ReportDraft
from bot.usecases.report.edits import answer_edited
from bot.usecases.report.form import SCOPE
from bot.usecases.report.report_flow import EMERGENCY_KIND
from bot.usecases.report.submit import prepare_photos
from bot.usecases.router import router_of
from db.models.pipeline import OutboxMessage
from db.repositories.conversations import draft_of
from db.uow import UnitOfWork
from handlers.context import BotContext
from handlers.media_fetcher import TelegramMediaFetcher
from handlers.turn_runner import CHANNEL, run_turn

# The European emergency number, the same for every language.
EMERGENCY_NUMBER = "112"


async def on_edited(update: Update, context: BotContext) -> None:
    """Answer an edited private message (in a report: "edits change nothing", then the question)."""
    services = context.services
    router = router_of(services)

    async def use_case(uow: UnitOfWork, turn: Turn) -> list[Answer]:
        return list(await answer_edited(uow, turn, services, router))

    await run_turn(update, context, use_case)


def register(application: AnyApplication) -> None:
    # Group 0, before the conversation feature, which would take an edit for a new answer.
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.EDITED_MESSAGE, on_edited)
    )


def prepare(services: Services) -> None:
    """Load the threat categories (before the bot starts)."""
    services.categories = load_categories(services.config.bot.categories_file)


def connected(services: Services, bot: Bot) -> None:
    """Download residents' photos through this bot (once it is connected)."""
    services.media_fetcher = TelegramMediaFetcher(bot, services.config.reports.max_photo_bytes)


async def prefetch_report_photos(services: Services, external_id: str, step: Step) -> None:
    """Before "Send": download and re-encode the draft's photos outside the turn's transaction.

    Slow work then never holds the database (on SQLite, every other chat would wait).
    """
    if not (isinstance(step, Choice) and step.scope == SCOPE and step.value == "send"):
        return
    async with services.uow.read() as session:
        draft = await draft_of(session, CHANNEL, external_id)
    if draft:
        await prepare_photos(services, [p.ref for p in ReportDraft.from_json(draft).photos])


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


def senders(services: Services) -> Mapping[str, Sender]:
    return {EMERGENCY_KIND: EmergencyContactSender(services)}
