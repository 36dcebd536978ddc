"""The outbox sender registry: one coroutine per outbox `kind` that sends a row to Telegram."""

from __future__ import annotations

import warnings
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta

from telegram import Bot
from telegram.error import RetryAfter
from telegram.warnings import PTBDeprecationWarning

from db.models.pipeline import OutboxMessage

# Sends one outbox row and returns Telegram's message id (None when the call creates none).
# It raises telegram.error exceptions unchanged: the delivery worker decides what they mean.
Sender = Callable[[Bot, OutboxMessage], Awaitable[int | None]]

# Outbox kind -> sender; "answer" comes from handlers/render.py.
Senders = Mapping[str, Sender]


def retry_seconds(exc: RetryAfter) -> float:
    """Return how long Telegram asked to wait (PTB is moving this from int to timedelta)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        delay = exc.retry_after
    return delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
