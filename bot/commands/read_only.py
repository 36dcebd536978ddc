"""A database session for commands that only read (`lookup`, `officers list`, `partners list`).

They never migrate: one query tells whether the schema is this release's, and when it is not the
command says so (`db upgrade` is the one that changes the schema). Kept apart from the commands
that write, so that a read-only command imports no more than its query needs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config, Secrets
from db import migrate
from db.engine import create_engine, database_url, session_factory

NOT_CURRENT = "the database's schema is not up to date: run `python -m bot db upgrade` first"


class SchemaNotCurrent(Exception):
    """The database's schema is missing or older than this release (`db upgrade` fixes it)."""


@asynccontextmanager
async def read_only_session(config: Config, secrets: Secrets) -> AsyncIterator[AsyncSession]:
    """Open a session for a command that only reads: it never migrates (one query checks)."""
    url = database_url(secrets.database_url, config.database.sqlite_path)
    engine = create_engine(url, busy_timeout=config.database.sqlite_busy_timeout)
    try:
        if not await migrate.is_current(engine):
            raise SchemaNotCurrent
        async with session_factory(engine)() as session:
            yield session
    finally:
        await engine.dispose()
