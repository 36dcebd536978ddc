"""Shared fixtures: real databases (a SQLite file; PostgreSQL from TEST_DATABASE_URL) and the
whole bot running against the project's local Bot API server.

Tests never read DATABASE_URL. With TEST_DATABASE_URL set they create a database of their own on
that server and drop it afterwards; without it PostgreSQL tests skip, unless REQUIRE_POSTGRES=1
(CI), where a missing server is an error.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.config import Config
from db import migrate
from db.engine import create_engine

TOKEN = "123456:TEST-token-for-the-local-bot-api-server"


def _postgres_admin_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(f"REQUIRE_POSTGRES=1 but {reason}")
    pytest.skip(reason)


@asynccontextmanager
async def temporary_postgres_database() -> AsyncIterator[str]:
    """Create a uniquely named PostgreSQL database and drop it afterwards."""
    admin = _postgres_admin_url()
    if admin is None:
        _skip_or_fail(
            "TEST_DATABASE_URL is not set (e.g. postgresql+asyncpg://postgres@127.0.0.1/postgres)"
        )
    assert admin is not None
    name = f"rdb_test_{uuid.uuid4().hex[:12]}"
    admin_engine = create_async_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        async with admin_engine.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OSError as exc:
        await admin_engine.dispose()
        _skip_or_fail(f"PostgreSQL at TEST_DATABASE_URL is not reachable: {exc}")
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin_engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin_engine.dispose()


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    """A PostgreSQL database of this test's own."""
    async with temporary_postgres_database() as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite file in the test's temporary folder."""
    return f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Each test using this runs twice: on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"
        return
    async with temporary_postgres_database() as url:
        yield url


@asynccontextmanager
async def migrated_engine(url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a database brought to the newest schema; disposed afterwards."""
    eng = create_engine(url)
    await migrate.upgrade(eng)
    try:
        yield eng
    finally:
        await eng.dispose()


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated engine on SQLite and on PostgreSQL."""
    async with migrated_engine(database_url) as eng:
        yield eng


@pytest.fixture
async def sqlite_engine(sqlite_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated engine on a SQLite file (for tests that need only one backend)."""
    async with migrated_engine(sqlite_url) as eng:
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
        "delivery": {"poll_interval": 0.05},
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

    async def _start(
        database_url: str | None = None,
        mode: str = "polling",
        clock: Any = None,
        **sections: dict[str, Any],
    ) -> BotRuntime:
        config = make_config(local_api, tmp_path, **sections)
        secrets = Secrets(bot_token=TOKEN, database_url=database_url, webhook_secret="s3cret")
        kwargs: dict[str, Any] = {"mode": mode}
        if clock is not None:
            kwargs["clock"] = clock
        runtime = BotRuntime(config, secrets, **kwargs)
        await runtime.start()
        started.append(runtime)
        return runtime

    yield _start
    for runtime in reversed(started):
        await runtime.stop()


@pytest.fixture
async def services(sqlite_engine: AsyncEngine) -> AsyncIterator[Any]:
    """Services as the runtime builds them (app.assembly.prepare run) on a SQLite file."""
    from app.assembly import prepare
    from bot.i18n import Catalog
    from bot.services import Services
    from db.engine import session_factory
    from db.uow import UnitOfWorkFactory
    from tests.support import Clock

    config = Config()
    built = Services(
        config=config,
        catalog=Catalog(config.bot.languages),
        uow=UnitOfWorkFactory(session_factory(sqlite_engine)),
        clock=Clock(datetime(2026, 11, 27, 12, 0, tzinfo=UTC)),
    )
    await prepare(built)
    yield built
