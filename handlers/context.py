"""The typed callback context: handlers reach the process's services through it."""

from __future__ import annotations

from typing import Any, cast

from telegram.ext import CallbackContext, ExtBot

from bot.services import Services


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """CallbackContext with `services` (PTB examples/contexttypesbot.py)."""

    @property
    def services(self) -> Services:
        """Return the services the application was built with."""
        return cast(Services, self.application.bot_data["services"])
