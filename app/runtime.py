"""Start and stop the whole bot: database, Application (app/assembly.py), pipeline."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from app import assembly
from bot.config import Config, Secrets
from bot.i18n import Catalog
from bot.services import Services
from db import migrate
from db.base import utcnow
from db.engine import (
    ProcessLockError,
    SQLiteProcessLock,
    create_engine,
    database_url,
    session_factory,
    sqlite_file,
)
from db.uow import UnitOfWorkFactory

if TYPE_CHECKING:
    from bot.pipeline import AnyApplication, Pipeline
    from bot.pipeline.runner import Mode

log = logging.getLogger(__name__)


class BotRuntime:
    """One bot process: `await start()`, then `await stop()`; tests use it the same way."""

    def __init__(
        self,
        config: Config,
        secrets: Secrets,
        *,
        mode: Mode = "polling",
        clock: Callable[[], datetime] = utcnow,
        engine: AsyncEngine | None = None,
    ) -> None:
        """`engine`: one the caller made on this database (the config's) and keeps from start to
        start; `stop()` still closes its connections. The tests keep one per process: SQLAlchemy
        compiles each statement once per engine, and a new engine per bot compiled them all
        again in every test."""
        if not secrets.bot_token:
            raise ValueError("TELEGRAM_BOT_TOKEN is required")
        self.config = config
        self.secrets = secrets
        self.mode = mode
        self.clock = clock
        self.url = database_url(secrets.database_url, config.database.sqlite_path)
        self._lock: SQLiteProcessLock | None = None
        self._given_engine = engine
        self.engine: AsyncEngine | None = None
        self.services: Services | None = None
        self.application: AnyApplication | None = None
        self.pipeline: Pipeline | None = None

    async def start(self) -> None:
        """Lock, migrate, build everything and start receiving."""
        from bot.pipeline import Pipeline

        db_file = sqlite_file(self.url)
        if db_file is not None:
            self._lock = SQLiteProcessLock(db_file)
            self._lock.acquire()
        database = self.config.database
        self.engine = self._given_engine or create_engine(
            self.url,
            echo=database.echo,
            pool_size=database.pool_size,
            busy_timeout=database.sqlite_busy_timeout,
        )
        if not await migrate.is_current(self.engine):
            await migrate.upgrade(self.engine)
        sessions = session_factory(self.engine)
        uow = UnitOfWorkFactory(sessions)
        services = Services(
            config=self.config,
            catalog=Catalog(self.config.bot.languages),
            uow=uow,
            clock=self.clock,
        )
        self.services = services
        await assembly.prepare(services)
        token = self.secrets.bot_token
        assert token is not None
        application = assembly.build_application(self.config, token, services)
        self.application = application
        self.pipeline = Pipeline(
            config=self.config,
            application=application,
            sessions=sessions,
            senders=assembly.senders(services),
            webhook_secret=self.secrets.webhook_secret,
            on_undeliverable=services.on_undeliverable,
        )
        uow.on_outbox = self.pipeline.wake
        uow.direct = self.pipeline.delivery
        await application.initialize()
        await application.start()
        await assembly.connected(services, application.bot)
        await self.pipeline.start(self.mode)
        log.info("bot started (%s, %s)", self.mode, self.engine.dialect.name)

    async def stop(self) -> None:
        """Stop receiving, finish what is in flight, release everything (idempotent)."""
        pipeline, self.pipeline = self.pipeline, None
        application, self.application = self.application, None
        engine, self.engine = self.engine, None
        if pipeline is not None:
            await pipeline.stop()
        if application is not None:
            if application.running:
                await application.stop()
            await application.shutdown()
        if engine is not None:
            # Once per start (the engine is there only then), while the database is still open.
            if self.services is not None:
                try:
                    await assembly.shutdown(self.services)
                except Exception:
                    # A failure here must not keep the database or the lock open.
                    log.exception("shutdown failed")
            await engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        log.info("bot stopped")


async def _serve(config: Config, secrets: Secrets, mode: Mode) -> None:
    runtime = BotRuntime(config, secrets, mode=mode)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await runtime.start()
    try:
        await stop.wait()
    finally:
        await runtime.stop()


def serve(config: Config, secrets: Secrets, mode: Mode) -> int:
    """Run the bot until SIGINT/SIGTERM; return the process exit code."""
    try:
        asyncio.run(_serve(config, secrets, mode))
    except ProcessLockError as exc:
        log.error("%s", exc)
        return 1
    return 0
