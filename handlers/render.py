"""Render transport-neutral Answers as Telegram messages (the outbox's "answer" sender)."""

from __future__ import annotations

import logging

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.callback_data import CallbackData
from bot.conversation import Answer, Option
from bot.i18n import Catalog
from db.models.pipeline import OutboxMessage
from db.repositories.outbox import sent_message_id
from db.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)
# Telegram's answer to an edit that changes nothing (e.g. the row was sent again after a crash).
NOT_MODIFIED = "message is not modified"

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None


def render_text(catalog: Catalog, lang: str, answer: Answer) -> str:
    """Render the answer's text: its message, then any extra paragraphs."""
    parts = [catalog.render(lang, answer.key, answer.args)]
    parts.extend(catalog.render(lang, key, args) for key, args in answer.also)
    return "\n\n".join(parts)


def render_markup(catalog: Catalog, lang: str, answer: Answer) -> Markup:
    """Render the options as an inline keyboard, a reply keyboard, or a keyboard removal."""
    if answer.keyboard == "remove":
        return ReplyKeyboardRemove()
    if not answer.options:
        return None
    if answer.keyboard == "reply":
        return ReplyKeyboardMarkup(
            [[_reply_button(catalog, lang, o) for o in row] for row in answer.options],
            resize_keyboard=True,
            one_time_keyboard=True,
        )
    return InlineKeyboardMarkup(
        [[_inline_button(catalog, lang, answer, o) for o in row] for row in answer.options]
    )


def _label(catalog: Catalog, lang: str, option: Option) -> str:
    # Button labels are plain text for Telegram, so undo the HTML escaping of arguments.
    return catalog.plain(lang, option.label, option.args)


def _reply_button(catalog: Catalog, lang: str, option: Option) -> KeyboardButton:
    return KeyboardButton(
        _label(catalog, lang, option),
        request_location=option.kind == "location" or None,
        request_contact=option.kind == "contact" or None,
    )


def _inline_button(
    catalog: Catalog, lang: str, answer: Answer, option: Option
) -> InlineKeyboardButton:
    if option.kind == "url" and option.url:
        return InlineKeyboardButton(_label(catalog, lang, option), url=option.url)
    data = CallbackData(answer.scope, answer.version, option.value).encode()
    return InlineKeyboardButton(_label(catalog, lang, option), callback_data=data)


class AnswerSender:
    """Send an outbox row of kind "answer" (or edit the message it replaces); returns its id."""

    def __init__(self, catalog: Catalog, uow: UnitOfWorkFactory | None = None) -> None:
        self.catalog = catalog
        self.uow = uow

    async def __call__(self, bot: Bot, row: OutboxMessage) -> int | None:
        answer = Answer.from_json(row.payload["answer"])
        lang = self.catalog.language(row.payload.get("lang"))
        text = render_text(self.catalog, lang, answer)
        markup = render_markup(self.catalog, lang, answer)
        target = await self._target(answer, row.chat_id)
        # Only a message with inline buttons (or none) can be edited into this one.
        if target is not None and (markup is None or isinstance(markup, InlineKeyboardMarkup)):
            try:
                await bot.edit_message_text(
                    chat_id=row.chat_id,
                    message_id=target,
                    text=text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    link_preview_options=None,
                )
                return target
            except BadRequest as exc:
                # Sent again after a crash: the message already says this.
                if NOT_MODIFIED in str(exc).lower():
                    return target
                # Deleted, too old, or not ours: the resident still gets the answer, anew.
                log.info("answer row %s: edit refused (%s); sending anew", row.id, exc)
        message = await bot.send_message(
            chat_id=row.chat_id,
            text=text,
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
            disable_notification=bool(row.payload.get("silent")),
            link_preview_options=None,
        )
        return message.message_id

    async def _target(self, answer: Answer, chat_id: int) -> int | None:
        """Return the id of the message to edit, if the answer replaces one that was sent."""
        kind, _, value = (answer.replaces or "").partition(":")
        if not value.isdigit():
            return None
        if kind == "message":
            return int(value)
        if kind == "row" and self.uow is not None:
            async with self.uow() as uow:
                return await sent_message_id(uow.session, int(value), chat_id)
        return None
