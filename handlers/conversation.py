"""Residents' private-chat messages and button presses, all routed through one use case."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, MessageHandler, filters

from bot.conversation import Answer
from bot.feature import Feature
from bot.services import Services
from bot.turn import Turn
from bot.usecases.registry import build_router
from bot.usecases.router import Router
from db.uow import UnitOfWork
from handlers.context import BotContext
from handlers.turn import run_turn

ROUTER = "router"


async def on_update(update: Update, context: BotContext) -> None:
    """Run the router for a private message or a button press."""
    services = context.services
    router: Router = services.extras[ROUTER]

    async def use_case(uow: UnitOfWork, turn: Turn) -> list[Answer]:
        return list(await router.handle(uow, turn, services))

    await run_turn(update, context, use_case)


def _register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    # Group 0, after features with their own handlers: everything else a resident sends.
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGES, on_update)
    )
    application.add_handler(CallbackQueryHandler(on_update))


async def _startup(services: Services) -> None:
    services.extras[ROUTER] = build_router()


FEATURE = Feature(name="conversation", register=_register, startup=_startup)
