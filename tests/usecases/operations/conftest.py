"""The officers' small police world (tests/usecases/officers/world.py) on a fresh SQLite file.

NOW is Friday 27 November 2026, 12:00 UTC (13:00 in Konin); the clock only moves when a story
moves it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import select

from bot.services import Services
from db.models.reports import AuditEvent, Report
from tests.support import Clock
from tests.usecases.officers import world as w

# The officers' fixtures, shared: officer_services (ops chat -100900), world (station KMP-T,
# KON-01 with Jan, KON-02 with Anna, Katarzyna the coordinator; nobody linked yet).
from tests.usecases.officers.conftest import (  # noqa: F401
    NOW,
    officer_engine,
    officer_services,
    shared,
    world,
)


def clock_of(services: Services) -> Clock:
    """Return the services' controllable clock."""
    clock = services.clock
    assert isinstance(clock, Clock)
    return clock


async def link_everyone(services: Services, town: w.World, *, group: bool = True) -> None:
    """Link Jan, Anna and Katarzyna; register the station's duty group."""
    async with services.uow() as uow:
        await w.link(uow.session, town.jan, w.JAN, NOW)
        await w.link(uow.session, town.anna, w.ANNA, NOW)
        await w.link(uow.session, town.kasia, w.KASIA, NOW)
        if group:
            await w.duty_group(uow.session, town.station)
        await uow.commit()


async def actions(services: Services, report_id: int) -> list[str]:
    """Return the actions of a report's audit trail, oldest first."""
    return [e.action for e in await w.audit(services, report_id)]


async def all_audit(services: Services, action: str) -> list[AuditEvent]:
    """Return every audit row of one action."""
    return [e for e in await w.audit(services) if e.action == action]


async def report_by_reference(services: Services, reference: str) -> Report:
    """Return a report as stored now."""
    async with services.uow() as uow:
        found = await uow.session.scalar(select(Report).where(Report.reference == reference))
        assert found is not None
        uow.session.expunge_all()
        return found


@asynccontextmanager
async def two_processes(database_url: str) -> AsyncIterator[tuple[list[Services], Clock]]:
    """Two bot processes' services, each with an engine of its own, on one migrated database
    (the database_url fixture's)."""
    from bot.config import Config
    from bot.i18n import Catalog
    from db.engine import create_engine, session_factory
    from db.uow import UnitOfWorkFactory

    engines = [create_engine(database_url) for _ in range(2)]
    config = Config(telegram={"ops_chat_id": w.OPS_CHAT})
    catalog = Catalog(config.bot.languages)
    clock = Clock(NOW)
    processes = [
        Services(
            config=config,
            catalog=catalog,
            uow=UnitOfWorkFactory(session_factory(engine)),
            clock=clock,
        )
        for engine in engines
    ]
    try:
        yield processes, clock
    finally:
        for engine in engines:
            await engine.dispose()
