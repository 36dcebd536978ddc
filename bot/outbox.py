"""Queue answers as outbox rows in the current transaction (sent after commit)."""

from __future__ import annotations

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
    return uow.add_outbox(
        OutboxMessage(
            chat_id=chat_id,
            user_id=user_id,
            kind="answer",
            payload={"answer": answer.to_json(), "lang": lang},
            priority=priority,
        )
    )


def reply(
    uow: UnitOfWork, user: User, answer: Answer, lang: str, *, priority: int = PRIORITY_REPLY
) -> OutboxMessage | None:
    """Queue an answer to a user's private chat (None when the chat is unknown)."""
    if user.chat_id is None:
        return None
    return queue_answer(uow, user.chat_id, answer, lang, user_id=user.id, priority=priority)


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
