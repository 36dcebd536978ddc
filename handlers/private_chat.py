"""Residents' private-chat messages and button presses, all routed through one use case."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.conversation import Answer
from bot.pipeline import AnyApplication
from bot.turn import Turn
from bot.usecases.router import router_of
from db.uow import UnitOfWork
from handlers.context import BotContext
from handlers.turn_runner import run_turn


async def on_update(update: Update, context: BotContext) -> None:
    """Run the router for a private message or a button press."""
    services = context.services
    router = router_of(services)

    async def use_case(uow: UnitOfWork, turn: Turn) -> list[Answer]:
        return list(await router.handle(uow, turn, services))

    await run_turn(update, context, use_case)


def register(application: AnyApplication) -> None:
    # Group 0, after features with their own handlers: everything else a resident sends.
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGES, on_update)
    )
    application.add_handler(CallbackQueryHandler(on_update))
