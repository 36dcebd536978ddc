"""Services on a real SQLite file with the officers' world; a controllable clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from bot.i18n import Catalog
from bot.services import Services
from db.engine import session_factory
from db.uow import UnitOfWorkFactory
from tests.support import Clock
from tests.usecases.officers.world import OPS_CHAT, World, build_world

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.fixture
async def officer_services(sqlite_engine: AsyncEngine) -> AsyncIterator[Services]:
    """Services with an ops chat configured (no Telegram)."""
    config = Config(telegram={"ops_chat_id": OPS_CHAT})
    yield Services(
        config=config,
        catalog=Catalog(config.bot.languages),
        uow=UnitOfWorkFactory(session_factory(sqlite_engine)),
        clock=Clock(NOW),
    )


@pytest.fixture
async def world(officer_services: Services) -> World:
    """The station, its districts and officers, committed."""
    async with officer_services.uow() as uow:
        built = await build_world(uow.session)
        await uow.commit()
    return built
