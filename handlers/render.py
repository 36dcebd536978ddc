"""Render transport-neutral Answers as Telegram messages (the outbox's "answer" sender)."""

from __future__ import annotations

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import ParseMode

from bot.callback_data import CallbackData
from bot.conversation import Answer, Option
from bot.i18n import Catalog
from db.models.pipeline import OutboxMessage

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
    return _unescape(catalog.render(lang, option.label, option.args))


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


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class AnswerSender:
    """Send an outbox row of kind "answer"; returns Telegram's message id."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    async def __call__(self, bot: Bot, row: OutboxMessage) -> int | None:
        answer = Answer.from_json(row.payload["answer"])
        lang = self.catalog.language(row.payload.get("lang"))
        message = await bot.send_message(
            chat_id=row.chat_id,
            text=render_text(self.catalog, lang, answer),
            parse_mode=ParseMode.HTML,
            reply_markup=render_markup(self.catalog, lang, answer),
            disable_notification=bool(row.payload.get("silent")),
            link_preview_options=None,
        )
        return message.message_id
