"""What use cases and handlers share in one process, built once at start and passed down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.config import Config
from bot.i18n import Catalog
from db.base import utcnow
from db.uow import UnitOfWorkFactory


@dataclass
class Services:
    """The process's shared parts; handlers reach them as `context.services`."""

    config: Config
    catalog: Catalog
    uow: UnitOfWorkFactory
    # A clock that tests can control (deadlines, drafts' expiry, rate limits).
    clock: Callable[[], datetime] = utcnow
    # Parts added by features (directory index, categories, ...), keyed by name.
    extras: dict[str, Any] = field(default_factory=dict)
