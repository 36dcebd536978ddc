"""Test databases, fast: the schema is migrated once per test process and copied for each test.

Running the migrations costs about 0.3 s on a SQLite file and several seconds on PostgreSQL;
copying a migrated SQLite file costs under a millisecond and `CREATE DATABASE … TEMPLATE` a
fraction of a second. Likewise the Konin sample directory, which every bot imports into an empty
database when it starts (about 0.2 s of CPU), is imported once per process into a second SQLite
template for the tests that start the bot or its services on the default configuration.

The migrations themselves stay covered by tests/db/test_migrations.py (the stairway up and
down on both backends) and by every bot started in the tests, which checks the schema's revision
as in production; the import, by tests/db/test_directory_import.py and by the tests that start a
bot on an empty database.

Tests never read DATABASE_URL. With TEST_DATABASE_URL set they create databases of their own on
that server and drop them afterwards; without it PostgreSQL tests skip, unless
REQUIRE_POSTGRES=1 (CI), where a missing server is an error.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.config import Config
from db import migrate
from db.engine import create_engine, session_factory
from db.repositories.directory_import import import_folder

# Every database a test creates starts with this prefix (and the templates with their own), so
# a database left behind by a killed run is recognisably ours.
TEST_PREFIX = "rdb_test_"
TEMPLATE_PREFIX = "rdb_template_"


def postgres_admin_url() -> str | None:
    """The server the tests may create databases on, or None."""
    return os.environ.get("TEST_DATABASE_URL") or None


def skip_or_fail(reason: str) -> None:
    """Skip a PostgreSQL test, or fail it where CI requires PostgreSQL."""
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(f"REQUIRE_POSTGRES=1 but {reason}")
    pytest.skip(reason)


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await migrate.upgrade(engine)
    finally:
        await engine.dispose()


# ---- SQLite ---------------------------------------------------------------------------------

_sqlite_template: Path | None = None


async def _sqlite_schema() -> Path:
    """The migrated SQLite file of this process, made on first use."""
    global _sqlite_template
    if _sqlite_template is None:
        folder = Path(tempfile.mkdtemp(prefix="rdb-schema-"))
        atexit.register(shutil.rmtree, folder, True)
        path = folder / "schema.sqlite3"
        await _migrate(f"sqlite+aiosqlite:///{path}")
        _sqlite_template = path
    return _sqlite_template


def copy_sqlite_file(source: Path, target: Path) -> None:
    """Copy a SQLite database with its write-ahead log, if any (the engine closed)."""
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{source}{suffix}")
        if part.exists():
            shutil.copyfile(part, f"{target}{suffix}")


async def migrated_sqlite_url(path: Path) -> str:
    """A SQLite file at `path` with the newest schema (a copy of the process's template)."""
    copy_sqlite_file(await _sqlite_schema(), path)
    return f"sqlite+aiosqlite:///{path}"


_sqlite_directory: Path | None = None


async def _sqlite_with_directory() -> Path:
    """The migrated SQLite file with the default directory imported, made on first use.

    The import is `python -m bot data import`'s own (import_folder), the one a starting bot runs
    on an empty database; a bot started on a copy finds districts and only reads them.
    """
    global _sqlite_directory
    if _sqlite_directory is None:
        schema = await _sqlite_schema()
        path = schema.with_name("directory.sqlite3")
        copy_sqlite_file(schema, path)
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        try:
            async with session_factory(engine)() as session:
                await import_folder(session, Config().bot.directory_dir)
                await session.commit()
        finally:
            await engine.dispose()
        _sqlite_directory = path
    return _sqlite_directory


async def prepared_sqlite_url(path: Path) -> str:
    """A SQLite file at `path` as a bot with the default configuration leaves it after its first
    start: the newest schema and the Konin sample directory."""
    copy_sqlite_file(await _sqlite_with_directory(), path)
    return f"sqlite+aiosqlite:///{path}"


# ---- PostgreSQL -----------------------------------------------------------------------------

_postgres_template: str | None = None


def _admin_engine(admin: str) -> AsyncEngine:
    return create_async_engine(admin, isolation_level="AUTOCOMMIT")


async def _postgres_schema(admin: str) -> str:
    """The name of this process's migrated template database, made on first use."""
    global _postgres_template
    if _postgres_template is None:
        name = f"{TEMPLATE_PREFIX}{uuid.uuid4().hex[:12]}"
        engine = _admin_engine(admin)
        try:
            async with engine.connect() as conn:
                await conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            await engine.dispose()
        # Dropped when the test process ends (a template in use cannot be dropped earlier).
        atexit.register(_drop_at_exit, admin, name)
        await _migrate(make_url(admin).set(database=name).render_as_string(hide_password=False))
        _postgres_template = name
    return _postgres_template


def _drop_at_exit(admin: str, name: str) -> None:
    async def drop() -> None:
        engine = _admin_engine(admin)
        try:
            async with engine.connect() as conn:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            await engine.dispose()

    # The server may be gone at exit; the prefix marks what is left behind.
    with suppress(Exception):
        asyncio.run(drop())


@asynccontextmanager
async def temporary_postgres_database(*, migrated: bool = False) -> AsyncIterator[str]:
    """Create a uniquely named PostgreSQL database (empty, or with the newest schema); drop it."""
    admin = postgres_admin_url()
    if admin is None:
        skip_or_fail(
            "TEST_DATABASE_URL is not set (e.g. postgresql+asyncpg://postgres@127.0.0.1/postgres)"
        )
    assert admin is not None
    name = f"{TEST_PREFIX}{uuid.uuid4().hex[:12]}"
    try:
        template = await _postgres_schema(admin) if migrated else None
    except OSError as exc:
        skip_or_fail(f"PostgreSQL at TEST_DATABASE_URL is not reachable: {exc}")
    create = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
    engine = _admin_engine(admin)
    try:
        async with engine.connect() as conn:
            await conn.execute(text(create))
    except OSError as exc:
        await engine.dispose()
        skip_or_fail(f"PostgreSQL at TEST_DATABASE_URL is not reachable: {exc}")
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await engine.dispose()


# ---- either backend -------------------------------------------------------------------------


@asynccontextmanager
async def migrated_database(backend: str, folder: Path) -> AsyncIterator[str]:
    """A database with the newest schema: a SQLite file in `folder`, or PostgreSQL."""
    if backend == "sqlite":
        yield await migrated_sqlite_url(folder / "test.sqlite3")
        return
    async with temporary_postgres_database(migrated=True) as url:
        yield url
