"""A feature plugs into the bot in up to five places: handlers, senders, start-up, post-start,
shutdown."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.services import Services

if TYPE_CHECKING:
    from telegram import Bot
    from telegram.ext import Application

    from db.models.pipeline import OutboxMessage

# Sends one outbox row of a kind; returns Telegram's message id (None when there is none).
Sender = Callable[["Bot", "OutboxMessage"], Awaitable[int | None]]


@dataclass(frozen=True)
class Feature:
    """What one domain feature adds; the app builder applies features in a fixed order."""

    name: str
    # Adds the feature's handlers (with their groups) to the application.
    register: Callable[[Application[Any, Any, Any, Any, Any, Any]], None] | None = None
    # Outbox kinds this feature sends, by kind.
    senders: Callable[[Services], Mapping[str, Sender]] | None = None
    # Runs before the application starts (e.g. loads data into services.extras).
    startup: Callable[[Services], Awaitable[None]] | None = None
    # Runs once the bot is connected (e.g. registers command lists with Telegram).
    post_start: Callable[[Services, Bot], Awaitable[None]] | None = None
    # Runs when the bot stops, after updates stopped coming and before the database closes
    # (e.g. waits for background jobs that still write their answers).
    shutdown: Callable[[Services], Awaitable[None]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
