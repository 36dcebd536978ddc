"""The one place that builds the PTB Application; handler order is explicit (order matters)."""

from __future__ import annotations

from typing import Any

from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults

from bot.config import Config
from bot.feature import Feature
from bot.services import Services
from handlers.context import BotContext

AppType = Application[Any, Any, Any, Any, Any, Any]


def features() -> list[Feature]:
    """Return the features in the order their handlers must be tried.

    Order matters: the gatekeeper (group -1) sees every update first; officer buttons and the
    report and lookup flows come before the main menu, which catches the rest.
    """
    from handlers import (
        answers,
        bot_commands,
        community,
        conversation,
        errors,
        follow_up,
        gatekeeper,
        lookup,
        officers,
        operations,
        partners,
        report,
        rights,
    )

    return [
        # First: group -1 sees every update (private chats only, floods, blocked users).
        gatekeeper.FEATURE,
        # After the pipeline's record_failure: logs, tells the person and the ops chat once.
        errors.FEATURE,
        bot_commands.FEATURE,
        answers.FEATURE,
        # Find my dzielnicowy: loads the directory and the gazetteer (before its users).
        lookup.FEATURE,
        # Officer buttons (also in duty groups), "Still happening", duty-group sign-up, alerts.
        officers.FEATURE,
        # Partner institutions: their chat's invite, their answers, the reports sent to them.
        partners.FEATURE,
        # Deadlines, the coordinators' digest and data retention, on the JobQueue.
        operations.FEATURE,
        # Report a threat: categories, photo downloads, edited messages (before conversation).
        report.FEATURE,
        # The reporter's answers and additions: photos downloaded before their transaction.
        follow_up.FEATURE,
        # Residents' rights: sends the copy of a person's data (/moje_dane).
        rights.FEATURE,
        # Community: draws and sends coordinators' statistics charts (/statystyki).
        community.FEATURE,
        # Last: every private message and button press no earlier feature claimed.
        conversation.FEATURE,
    ]


def build_application(config: Config, token: str, services: Services) -> AppType:
    """Build the Application without PTB's Updater: bot/pipeline receives and stores updates."""
    timeout = config.telegram.request_timeout
    application: AppType = (
        ApplicationBuilder()
        .token(token)
        .base_url(config.telegram.api_base_url)
        .base_file_url(config.telegram.file_base_url)
        .updater(None)
        .context_types(ContextTypes(context=BotContext))
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .connect_timeout(timeout)
        .read_timeout(timeout)
        .write_timeout(timeout)
        .get_updates_read_timeout(config.telegram.poll_timeout + timeout)
        .build()
    )
    application.bot_data["services"] = services
    from bot.pipeline import record_failure

    # First error handler: tells the dispatcher that this update failed (it retries it).
    application.add_error_handler(record_failure)
    for feature in features():
        if feature.register is not None:
            feature.register(application)
    return application
