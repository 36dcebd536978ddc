"""The outbox sender registry: one coroutine per outbox `kind` that sends a row to Telegram."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from telegram import Bot

from db.models.pipeline import OutboxMessage

# Sends one outbox row and returns Telegram's message id (None when the call creates none).
# It raises telegram.error exceptions unchanged: the delivery worker decides what they mean.
Sender = Callable[[Bot, OutboxMessage], Awaitable[int | None]]

# Outbox kind -> sender; "answer" comes from handlers/render.py.
Senders = Mapping[str, Sender]
