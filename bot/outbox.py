"""Outbox rows: every row the bot sends is built here and queued in the current transaction.

Use cases and handlers queue through a unit of work (`queue_answer`, `reply`, `queue_kind`); the
pipeline, which writes its notices in its own sessions, builds them with `answer_row`.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from bot.conversation import Answer
from db.models.people import User
from db.models.pipeline import OutboxMessage
from db.uow import UnitOfWork

# Replies to someone waiting in the chat go before background messages (the worker claims by
# priority, then age).
PRIORITY_REPLY = 0
PRIORITY_NOTICE = 5
PRIORITY_BACKGROUND = 10

# The priority of the replies to the update being handled. The gatekeeper lowers it for a
# person who is flooding, so their answers never go ahead of officers' alerts (PRIORITY_NOTICE).
reply_priority: ContextVar[int] = ContextVar("reply_priority", default=PRIORITY_REPLY)


def queue_answer(
    uow: UnitOfWork,
    chat_id: int,
    answer: Answer,
    lang: str,
    *,
    user_id: int | None = None,
    priority: int = PRIORITY_REPLY,
) -> OutboxMessage:
    """Queue one catalog message with its options for a chat."""
    return uow.add_outbox(answer_row(chat_id, answer, lang, user_id=user_id, priority=priority))


def answer_row(
    chat_id: int,
    answer: Answer,
    lang: str,
    *,
    user_id: int | None = None,
    priority: int = PRIORITY_REPLY,
    inbox_id: int | None = None,
) -> OutboxMessage:
    """Build the row of one catalog message (kind "answer"), not yet added to any session."""
    return OutboxMessage(
        chat_id=chat_id,
        user_id=user_id,
        kind="answer",
        payload={"answer": answer.to_json(), "lang": lang},
        priority=priority,
        inbox_id=inbox_id,
    )


def reply(
    uow: UnitOfWork, user: User, answer: Answer, lang: str, *, priority: int | None = None
) -> OutboxMessage | None:
    """Queue an answer to a user's private chat (None when the chat is unknown).

    Without an explicit priority, the update's `reply_priority` applies.
    """
    if user.chat_id is None:
        return None
    chosen = reply_priority.get() if priority is None else priority
    return queue_answer(uow, user.chat_id, answer, lang, user_id=user.id, priority=chosen)


def queue_kind(
    uow: UnitOfWork,
    chat_id: int,
    kind: str,
    payload: dict[str, Any],
    *,
    user_id: int | None = None,
    priority: int = PRIORITY_REPLY,
) -> OutboxMessage:
    """Queue a message of another kind (location, contact, photos...) with its sender's payload."""
    return uow.add_outbox(
        OutboxMessage(
            chat_id=chat_id, user_id=user_id, kind=kind, payload=payload, priority=priority
        )
    )
