"""Services with the Konin sample imported, the gazetteer and a shelf of photos (no Telegram)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import features
from bot.config import Config
from bot.i18n import Catalog
from bot.lookup import Gazetteer
from bot.lookup.files import read_directory
from bot.services import Services
from bot.usecases.places import GAZETTEER
from bot.usecases.report.media import MEDIA_FETCHER
from db.engine import session_factory
from db.repositories.directory import import_folder
from db.uow import UnitOfWorkFactory
from tests.support import Clock
from tests.usecases.report.story import OPS_CHAT, PhotoShelf

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


async def build_services(
    engine: AsyncEngine, clock: Clock, **sections: dict[str, object]
) -> Services:
    """Build Services as the runtime does (every feature's start-up), on an existing database."""
    config = Config(telegram={"ops_chat_id": OPS_CHAT}, **sections)  # type: ignore[arg-type]
    services = Services(
        config=config,
        catalog=Catalog(config.bot.languages),
        uow=UnitOfWorkFactory(session_factory(engine)),
        clock=clock,
    )
    for feature in features():
        if feature.startup is not None:
            await feature.startup(services)
    # The lookup feature builds it from the database; until then, from the sample files.
    if GAZETTEER not in services.extras:
        services.extras[GAZETTEER] = Gazetteer.from_directory(read_directory("data/konin"))
    services.extras[MEDIA_FETCHER] = PhotoShelf(config.reports.max_photo_bytes)
    return services


@pytest.fixture
def clock() -> Clock:
    """The test's clock, 27 November 2026, noon UTC."""
    return Clock(NOW)


@pytest.fixture
async def report_services(sqlite_engine: AsyncEngine, clock: Clock) -> AsyncIterator[Services]:
    """Services on a SQLite file holding the Konin sample directory."""
    async with UnitOfWorkFactory(session_factory(sqlite_engine))() as uow:
        await import_folder(uow.session, "data/konin")
        await uow.commit()
    yield await build_services(sqlite_engine, clock)
