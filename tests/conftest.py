"""Shared fixtures: real databases (a SQLite file; PostgreSQL from TEST_DATABASE_URL; see
tests/databases.py) and the whole bot running against the project's local Bot API server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from db import migrate
from db.engine import create_engine
from tests.databases import (
    drop_run_databases,
    migrated_database,
    migrated_sqlite_engine,
    prepared_sqlite_engine,
    run_id,
    temporary_postgres_database,
)
from tests.program import bot_command  # noqa: F401 - a fixture for every test

TOKEN = "123456:TEST-token-for-the-local-bot-api-server"


def pytest_configure(config: pytest.Config) -> None:
    """In the process that runs or starts the tests: one id for the run, which its worker
    processes inherit (they share one PostgreSQL template; tests/databases.py)."""
    if not hasattr(config, "workerinput"):
        run_id()


def pytest_unconfigure(config: pytest.Config) -> None:
    """When the run ends, its starting process drops the run's PostgreSQL databases."""
    if not hasattr(config, "workerinput"):
        drop_run_databases()


@pytest.fixture(autouse=True)
def root_logging() -> Iterator[None]:
    """Give the root logger back as it was: commands run in this process (`main`) set up
    logging for a terminal, with a handler on a stream pytest closes after the test."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    """An empty PostgreSQL database of this test's own."""
    async with temporary_postgres_database() as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """An empty SQLite file in the test's temporary folder (nothing created yet)."""
    return f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A database with the newest schema; each test using this runs on SQLite and PostgreSQL."""
    async with migrated_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database on each backend (for the migrations' own tests)."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    async with temporary_postgres_database() as url:
        yield url


@asynccontextmanager
async def migrated_engine(url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a database brought to the newest schema (if not already); disposed after."""
    eng = create_engine(url)
    if not await migrate.is_current(eng):
        await migrate.upgrade(eng)
    try:
        yield eng
    finally:
        await eng.dispose()


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a migrated database, on SQLite and on PostgreSQL."""
    eng = create_engine(database_url)
    try:
        yield eng
    finally:
        await eng.dispose()


@pytest.fixture
async def sqlite_engine() -> AsyncIterator[AsyncEngine]:
    """An engine on a migrated SQLite file (for tests that need only one backend)."""
    async with migrated_sqlite_engine() as eng:
        yield eng


# ---- the whole bot against the local Bot API server ----------------------------------------


@pytest.fixture
def local_api() -> Iterator[Any]:
    """The project's local Bot API server on loopback, with the test bot registered."""
    from devtools.localapi import LocalBotApi

    api = LocalBotApi()
    api.start()
    api.register_bot(TOKEN)
    try:
        yield api
    finally:
        api.stop()


def make_config(local_api: Any, tmp_path: Path, **sections: dict[str, Any]) -> Config:
    """Config for a test bot: the local server, a SQLite file under tmp_path, fast polling."""
    data: dict[str, Any] = {
        "telegram": {
            "api_base_url": local_api.base_url,
            "file_base_url": local_api.file_base_url,
            "poll_timeout": 1,
            "request_timeout": 5,
        },
        "database": {"sqlite_path": str(tmp_path / "bot.sqlite3")},
    }
    for name, values in sections.items():
        data.setdefault(name, {}).update(values)
    return Config(**data)


StartBot = Callable[..., Awaitable[Any]]


@pytest.fixture
async def start_bot(local_api: Any, tmp_path: Path) -> AsyncIterator[StartBot]:
    """Start the real bot (same code as production) in this process; stopped at the end.

    `await start_bot(database_url=None, mode="polling", clock=None, **config_sections)` returns
    the BotRuntime; call it again after `await runtime.stop()` to simulate a restart on the
    same database.
    """
    from app.runtime import BotRuntime
    from bot.config import Secrets

    started: list[BotRuntime] = []
    copies = AsyncExitStack()
    # This test's SQLite database, copied at the first start (restarts find it as they left it).
    database: list[AsyncEngine] = []

    async def _start(
        database_url: str | None = None,
        mode: str = "polling",
        clock: Any = None,
        **sections: dict[str, Any],
    ) -> BotRuntime:
        engine = None
        if database_url is None:
            if not database:
                # A copy of the migrated schema: the bot then finds its revision current, as on
                # every restart in production (the migrations have tests of their own). With the
                # default directory folder, a copy with it already imported, as the bot leaves the
                # database after its first start (tests/databases.py).
                folder = make_config(local_api, tmp_path, **sections).bot.directory_dir
                copy = (
                    prepared_sqlite_engine()
                    if folder == Config().bot.directory_dir
                    else migrated_sqlite_engine()
                )
                database.append(await copies.enter_async_context(copy))
            engine = database[0]
            sections = {**sections, "database": {"sqlite_path": engine.url.database}}
        config = make_config(local_api, tmp_path, **sections)
        secrets = Secrets(bot_token=TOKEN, database_url=database_url, webhook_secret="s3cret")
        kwargs: dict[str, Any] = {"mode": mode, "engine": engine}
        if clock is not None:
            kwargs["clock"] = clock
        runtime = BotRuntime(config, secrets, **kwargs)
        # Stopped at the end even if it fails to start (stop() releases what start() took).
        started.append(runtime)
        await runtime.start()
        return runtime

    yield _start
    for runtime in reversed(started):
        await runtime.stop()
    await copies.aclose()


@pytest.fixture
async def services() -> AsyncIterator[Any]:
    """Services as the runtime builds them (app.assembly.prepare run) on a SQLite file that
    holds the Konin sample directory, as a started bot leaves it."""
    from app.assembly import prepare
    from bot.i18n import Catalog
    from bot.services import Services
    from db.engine import session_factory
    from db.uow import UnitOfWorkFactory
    from tests.support import Clock

    async with prepared_sqlite_engine() as engine:
        config = Config()
        built = Services(
            config=config,
            catalog=Catalog(config.bot.languages),
            uow=UnitOfWorkFactory(session_factory(engine)),
            clock=Clock(datetime(2026, 11, 27, 12, 0, tzinfo=UTC)),
        )
        await prepare(built)
        yield built
