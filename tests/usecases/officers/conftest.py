"""Services on a real SQLite file with the officers' world; a controllable clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from bot.i18n import Catalog
from bot.services import Services
from bot.usecases.registry import build_router
from bot.usecases.report.categories import Categories, load_categories
from bot.usecases.router import Router
from db.engine import session_factory
from db.uow import UnitOfWorkFactory
from tests.databases import migrated_sqlite_engine
from tests.support import Clock
from tests.usecases.officers.world import OPS_CHAT, World, build_world

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.fixture
async def officer_engine() -> AsyncIterator[AsyncEngine]:
    """A migrated SQLite database of this test's own."""
    async with migrated_sqlite_engine() as engine:
        yield engine


@dataclass(frozen=True)
class Shared:
    """Parts that never change during a test run, built once (parsing catalogs takes time)."""

    config: Config
    catalog: Catalog
    router: Router
    categories: Categories


@pytest.fixture(scope="session")
def shared() -> Shared:
    """The config with an ops chat, the catalogs, the router and the categories."""
    config = Config(telegram={"ops_chat_id": OPS_CHAT})
    return Shared(
        config,
        Catalog(config.bot.languages),
        build_router(),
        load_categories(config.bot.categories_file),
    )


@pytest.fixture
async def officer_services(officer_engine: AsyncEngine, shared: Shared) -> AsyncIterator[Services]:
    """Services with an ops chat configured (no Telegram) on this test's database."""
    services = Services(
        config=shared.config,
        catalog=shared.catalog,
        uow=UnitOfWorkFactory(session_factory(officer_engine)),
        clock=Clock(NOW),
    )
    services.router = shared.router
    services.categories = shared.categories
    yield services


@pytest.fixture
async def world(officer_services: Services) -> World:
    """The station, its districts and officers, committed."""
    async with officer_services.uow() as uow:
        built = await build_world(uow.session)
        await uow.commit()
    return built
