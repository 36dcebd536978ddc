"""Partner institutions' Telegram side: linking their chat, their answers, their messages.

`/start prt_<code>` (in a group from the ?startgroup= link, or in a private chat) links the
partner's chat; presses of the partners' buttons (scope "pa") are decided by
bot/usecases/partners/handover.py from the database; the partner's copy of a report is rendered
when it is sent, never from anything a resident's identity is part of.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from telegram import Bot, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.conversation import Command
from bot.outbox import queue_answer, reply_priority
from bot.pipeline import AnyApplication
from bot.pipeline.senders import Sender
from bot.services import Services
from bot.usecases.officers import views
from bot.usecases.partners.handover import (
    KIND_PARTNER_REPORT,
    PARTNER_LANGUAGE,
    PARTNER_SCOPE,
    partner_report,
    press_partner_button,
)
from bot.usecases.partners.linking import PARTNER_PREFIX, link_partner_chat
from db.models.pipeline import OutboxMessage
from db.repositories.users import ensure_user
from handlers.context import BotContext
from handlers.officers import POPUP_LIMIT, _turn
from handlers.render import render_markup, render_text
from handlers.turn_runner import CHANNEL, step_from_message

log = logging.getLogger(__name__)


async def on_partner_start(update: Update, context: BotContext) -> None:
    """Link the chat the partner's invite was opened in."""
    services = context.services
    message, tg_user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or tg_user is None or chat is None:
        return
    step = step_from_message(message)
    if not isinstance(step, Command) or not step.args.startswith(PARTNER_PREFIX + "_"):
        return
    private = chat.type == ChatType.PRIVATE
    async with services.uow() as uow:
        user = await ensure_user(
            uow.session, CHANNEL, str(tg_user.id), chat.id if private else None
        )
        turn = _turn(services, update, user)
        title = chat.title if not private else chat.full_name
        answers = await link_partner_chat(uow, services, turn, chat.id, title, step.args.split()[0])
        for answer in answers:
            queue_answer(
                uow,
                chat.id,
                answer,
                PARTNER_LANGUAGE,
                user_id=user.id if private else None,
                priority=reply_priority.get(),
            )
        await uow.commit()


async def on_partner_press(update: Update, context: BotContext) -> None:
    """Handle Accepted / Done / Not ours, in one unit of work; refusals show as a popup."""
    services = context.services
    query, tg_user, chat = update.callback_query, update.effective_user, update.effective_chat
    if query is None or tg_user is None or chat is None:
        return
    private = chat.type == ChatType.PRIVATE
    async with services.uow() as uow:
        user = await ensure_user(
            uow.session, CHANNEL, str(tg_user.id), chat.id if private else None
        )
        turn = _turn(services, update, user)
        outcome = await press_partner_button(uow, services, turn, chat.id)
        if outcome.menu is not None and isinstance(query.message, Message):
            # The pressed message keeps only the answers still possible.
            views.queue_menu(uow, chat.id, query.message.message_id, outcome.menu, PARTNER_LANGUAGE)
        # Popups are plain text.
        notice = services.catalog.plain(PARTNER_LANGUAGE, outcome.notice, outcome.notice_args)[
            :POPUP_LIMIT
        ]
        await uow.commit()
    try:
        await query.answer(text=notice, show_alert=outcome.refused)
    except TelegramError as exc:
        # The press is committed; a lost popup must not make it run again.
        log.info("answerCallbackQuery failed for update %s: %s", update.update_id, exc)


def register(application: AnyApplication) -> None:
    # Group 0, before the conversation feature (which would take any press or /start).
    application.add_handler(CallbackQueryHandler(on_partner_press, pattern=rf"^{PARTNER_SCOPE}:"))
    application.add_handler(
        MessageHandler(filters.Regex(rf"^/start(@\w+)?\s+{PARTNER_PREFIX}_"), on_partner_start)
    )


class PartnerSenders:
    """Send the partners' outbox kinds, rendered from the database at send time."""

    def __init__(self, services: Services) -> None:
        self.services = services

    async def report(self, bot: Bot, row: OutboxMessage) -> int | None:
        """Send a forwarded report to the partner's chat, with its answer buttons."""
        catalog = self.services.catalog
        async with self.services.uow() as uow:
            answer = await partner_report(uow, self.services, int(row.payload["handover_id"]))
        if answer is None:
            return None
        message = await bot.send_message(
            chat_id=row.chat_id,
            text=render_text(catalog, PARTNER_LANGUAGE, answer),
            parse_mode=ParseMode.HTML,
            reply_markup=render_markup(catalog, PARTNER_LANGUAGE, answer),
        )
        return message.message_id


def senders(services: Services) -> Mapping[str, Sender]:
    return {KIND_PARTNER_REPORT: PartnerSenders(services).report}
