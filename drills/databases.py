"""Databases for the drills: a SQLite file, or a PostgreSQL database created and dropped."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from db import migrate
from db.engine import create_engine

# A server the drills may create databases on (tests use TEST_DATABASE_URL the same way).
URL_VARIABLES = ("DRILL_DATABASE_URL", "TEST_DATABASE_URL")


class NoPostgres(RuntimeError):
    """No PostgreSQL server was given."""


def postgres_server() -> str:
    """Return the server URL the drills may use, or raise NoPostgres."""
    for name in URL_VARIABLES:
        if os.environ.get(name):
            return os.environ[name]
    raise NoPostgres(
        "set DRILL_DATABASE_URL or TEST_DATABASE_URL, e.g. "
        "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    )


@asynccontextmanager
async def postgres_database() -> AsyncIterator[str]:
    """Create a migrated database of the drill's own; drop it afterwards."""
    server = postgres_server()
    name = f"rdb_drill_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server).execution_options(isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(server).set(database=name).render_as_string(hide_password=False)
        engine = create_engine(url)
        await migrate.upgrade(engine)
        await engine.dispose()
        yield url
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


@asynccontextmanager
async def sqlite_database(folder: Path) -> AsyncIterator[str]:
    """A migrated SQLite file in `folder`."""
    url = f"sqlite+aiosqlite:///{folder / 'drill.sqlite3'}"
    engine = create_engine(url)
    await migrate.upgrade(engine)
    await engine.dispose()
    yield url
