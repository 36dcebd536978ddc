"""What use cases and handlers share in one process, built once at start and passed down."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from bot.config import Config
from bot.i18n import Catalog
from db.base import utcnow
from db.uow import UnitOfWorkFactory

if TYPE_CHECKING:
    from bot.conversation import Step
    from bot.usecases.gatekeeper import Gate
    from bot.usecases.geocoding import Geocoding
    from bot.usecases.report.categories import Categories
    from bot.usecases.report.media import MediaFetcher
    from bot.usecases.report.photos import CleanPhoto
    from bot.usecases.router import Router
    from db.models.pipeline import OutboxMessage
    from lookup.gazetteer import Gazetteer

# Slow preparation (e.g. downloading photos) run with the person's id and step BEFORE the turn's
# transaction opens, so that no database lock is held while the network is slow.
PreTurnHook = Callable[["Services", str, "Step"], Awaitable[None]]
# Told about an outbox row that can never be delivered (e.g. the officer blocked the bot).
OnUndeliverable = Callable[["OutboxMessage"], Awaitable[None]]


@dataclass
class Services:
    """The process's shared parts; handlers reach them as `context.services`.

    The optional parts are set in one place, app/assembly.py: `prepare` before the bot starts,
    `connected` once it is connected. Tests set the ones they need.
    """

    config: Config
    catalog: Catalog
    uow: UnitOfWorkFactory
    # A clock that tests can control (deadlines, drafts' expiry, rate limits).
    clock: Callable[[], datetime] = utcnow
    # The threat categories (config [bot] categories_file).
    categories: Categories | None = None
    # Routes each private-chat step to its flow (bot/usecases/registry.py builds it).
    router: Router | None = None
    # The directory's gazetteer, built from the database's active records.
    gazetteer: Gazetteer | None = None
    # Online geocoding of addresses the directory does not know; None when it is disabled.
    geocoding: Geocoding | None = None
    # The gatekeeper's memory in this process: flood windows, group hints, counters.
    gate: Gate | None = None
    # What the delivery worker does with an undeliverable row (an officer's lost alert).
    on_undeliverable: OnUndeliverable | None = None
    # Downloads residents' photos (set once the bot is connected).
    media_fetcher: MediaFetcher | None = None
    pre_turn_hooks: list[PreTurnHook] = field(default_factory=list)
    # Photos downloaded and re-encoded ahead of the turn that stores them, by reference.
    prepared_photos: dict[str, CleanPhoto] = field(default_factory=dict)
    # Bounds how many photos are decoded at once (created on first use, in the running loop).
    photo_decoding: asyncio.Semaphore | None = None
