"""Telegram's command menus: per language at start, per chat when a resident picks a language."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot.i18n import Catalog
from bot.pipeline.senders import Sender
from bot.services import Services
from bot.usecases.command_menus import command_list
from bot.usecases.language import CHAT_COMMANDS_KIND
from db.models.people import Role
from db.models.pipeline import OutboxMessage

log = logging.getLogger(__name__)


def bot_commands(catalog: Catalog, lang: str, role: Role | str) -> list[BotCommand]:
    """Return a language's command list for a role as Telegram objects."""
    return [BotCommand(name, text) for name, text in command_list(catalog, lang, role)]


async def register_command_lists(services: Services, bot: Bot) -> None:
    """Set the residents' command list for every language, and the default one (Polish)."""
    catalog = services.catalog
    try:
        for lang in catalog.languages:
            await bot.set_my_commands(
                bot_commands(catalog, lang, Role.RESIDENT), language_code=lang
            )
        # Apps in any other language see the default list, in the default language.
        await bot.set_my_commands(bot_commands(catalog, catalog.default, Role.RESIDENT))
    except TelegramError as exc:
        # The bot works without menus; the next start tries again.
        log.warning("could not register the command lists: %s", exc)


class ChatCommandsSender:
    """Send an outbox row of kind "chat_commands": the chat's own list in its chosen language."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    async def __call__(self, bot: Bot, row: OutboxMessage) -> int | None:
        lang = self.catalog.language(row.payload.get("lang"))
        role = row.payload.get("role") or Role.RESIDENT
        await bot.set_my_commands(
            bot_commands(self.catalog, lang, role), scope=BotCommandScopeChat(row.chat_id)
        )
        return None


def senders(services: Services) -> Mapping[str, Sender]:
    return {CHAT_COMMANDS_KIND: ChatCommandsSender(services.catalog)}
