"""The one error handler: log without personal data, tell the person once, tell the ops chat.

The pipeline's `record_failure` runs first (app/assembly.py) and makes the dispatcher retry the
update; its `stop_failed_update` runs last, so no later handler group sees a failed update.
This handler only speaks, once per update, on its first failure, and not at all when the
database failed for a moment (the update is retried and answered as if nothing happened).
"""

from __future__ import annotations

import logging
import traceback

from telegram import Update
from telegram.constants import ChatType

from bot.conversation import Answer
from bot.outbox import PRIORITY_NOTICE, queue_answer
from bot.pipeline import AnyApplication
from bot.services import Services
from db.errors import is_transient
from db.models.pipeline import InboxUpdate, OutboxMessage
from db.repositories.users import get_user
from db.uow import AlreadyHandled, InboxClaim, UnitOfWork, current_inbox
from handlers.context import BotContext
from handlers.turn_runner import CHANNEL

log = logging.getLogger(__name__)


def _frames(error: BaseException) -> str:
    # Where it failed, without the exception's message: messages can quote user input
    # (e.g. SQL parameters), frames only show our source lines.
    return "".join(traceback.format_tb(error.__traceback__)).rstrip()


async def on_error(update: object, context: BotContext) -> None:
    """Log the failure, then tell the person and the ops chat (first failure only)."""
    error = context.error
    if error is None:
        return
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, AlreadyHandled):
        # Its effects are there once already (see the dispatcher); nothing failed.
        return
    if is_transient(error):
        # The database failed for a moment: the dispatcher tries again without counting a try,
        # and the person, who will get the real answer, must not read that something failed.
        log.warning("update %s: database busy (%s); it is retried", update_id, type(error).__name__)
        return
    log.error("update %s failed: %s\n%s", update_id, type(error).__name__, _frames(error))
    claim = current_inbox.get()
    # Our commit must not mark the failed update done: the dispatcher is to retry it.
    token = current_inbox.set(None)
    try:
        async with context.services.uow() as uow:
            if not await _first_failure(uow, claim, context.services):
                return
            rows: list[OutboxMessage] = []
            if isinstance(update, Update) and not (claim is not None and claim.done):
                # When the turn had committed, its answers are on their way: nothing to redo.
                rows.extend(await _tell_person(uow, update, context.services))
            rows.extend(_tell_ops(uow, update_id, error, context.services))
            for row in rows:
                row.inbox_id = claim.inbox_id if claim is not None else None
            await uow.commit()
    except Exception as exc:
        # Probably the database itself; the dispatcher records the failure and retries.
        log.warning(
            "update %s: could not queue the error notices: %s", update_id, type(exc).__name__
        )
    finally:
        current_inbox.reset(token)


async def _first_failure(uow: UnitOfWork, claim: InboxClaim | None, services: Services) -> bool:
    """Tell whether this is the update's first failure (always true outside the dispatcher)."""
    if claim is None:
        return True
    if not claim.done and services.config.pipeline.max_attempts <= 1:
        # Failed for good at once: the dispatcher's own notice ("update-failed") says it all.
        return False
    row = await uow.session.get(InboxUpdate, claim.inbox_id)
    # The dispatcher counts a failure after the error handlers ran: 0 means the first.
    return row is None or row.attempts == 0


async def _tell_person(uow: UnitOfWork, update: Update, services: Services) -> list[OutboxMessage]:
    tg_user, chat = update.effective_user, update.effective_chat
    if tg_user is None or chat is None or chat.type != ChatType.PRIVATE:
        return []
    user = await get_user(uow.session, CHANNEL, str(tg_user.id))
    if user is not None and user.blocked:
        return []
    hint = (tg_user.language_code or "").split("-", 1)[0] or None
    lang = services.catalog.language((user.language if user else None) or hint)
    user_id = user.id if user is not None else None
    return [queue_answer(uow, chat.id, Answer("error-try-again"), lang, user_id=user_id)]


def _tell_ops(
    uow: UnitOfWork, update_id: int | None, error: BaseException, services: Services
) -> list[OutboxMessage]:
    ops_chat = services.config.telegram.ops_chat_id
    if not ops_chat:
        return []
    # No personal data: the update's number and the error's class only.
    answer = Answer(
        "ops-handler-error",
        {"update_id": "-" if update_id is None else str(update_id), "error": type(error).__name__},
    )
    return [queue_answer(uow, ops_chat, answer, services.catalog.default, priority=PRIORITY_NOTICE)]


def register(application: AnyApplication) -> None:
    application.add_error_handler(on_error)
