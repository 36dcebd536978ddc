"""Services with the Konin sample imported, the gazetteer and a shelf of photos (no Telegram)."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.assembly import prepare
from bot.config import Config
from bot.i18n import Catalog
from bot.services import Services
from db.engine import session_factory
from db.uow import UnitOfWorkFactory
from lookup.files import read_directory
from lookup.gazetteer import Gazetteer
from tests.databases import prepared_sqlite_engine
from tests.support import Clock
from tests.usecases.report.story import OPS_CHAT, PhotoShelf

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@functools.cache
def shared_catalog(languages: tuple[str, ...]) -> Catalog:
    """Parse the catalogs once per test session (over a second each time otherwise)."""
    return Catalog(languages)


async def build_services(
    engine: AsyncEngine, clock: Clock, **sections: dict[str, object]
) -> Services:
    """Build Services as the runtime does (app.assembly.prepare), on an existing database."""
    config = Config(telegram={"ops_chat_id": OPS_CHAT}, **sections)  # type: ignore[arg-type]
    services = Services(
        config=config,
        catalog=shared_catalog(config.bot.languages),
        uow=UnitOfWorkFactory(session_factory(engine)),
        clock=clock,
    )
    await prepare(services)
    # prepare builds it from the database; until the directory is imported, from the files.
    if services.gazetteer is None:
        services.gazetteer = Gazetteer.from_directory(read_directory("data/konin"))
    services.media_fetcher = PhotoShelf(config.reports.max_photo_bytes)
    return services


@pytest.fixture
def clock() -> Clock:
    """The test's clock, 27 November 2026, noon UTC."""
    return Clock(NOW)


@pytest.fixture
async def report_engine() -> AsyncIterator[AsyncEngine]:
    """A SQLite file of this test's own, holding the Konin sample directory."""
    async with prepared_sqlite_engine() as engine:
        yield engine


@pytest.fixture
async def report_services(report_engine: AsyncEngine, clock: Clock) -> Services:
    """Services on a SQLite file holding the Konin sample directory."""
    return await build_services(report_engine, clock)
