"""Test databases, fast: the schema is migrated once and copied for each test.

Running the migrations costs about 0.3 s on a SQLite file and several seconds on PostgreSQL;
copying a migrated SQLite file costs under a millisecond and `CREATE DATABASE … TEMPLATE` a
fraction of a second. SQLite: a migrated file per test process. PostgreSQL: one template per
run, shared by its worker processes, and a database a test gave back is emptied for the next
test of the process (cheaper than a new copy). Likewise the Konin sample directory, which every
bot imports into an empty database when it starts (about 0.2 s of CPU), is imported once per
process into a second SQLite template for the tests that start the bot or its services on the
default configuration. Tests that need only an engine on such a copy get the process's own
engine for that template, reused from test to test on a new copy (`engine_on_copy`): a new
engine per test compiled every SQL statement again.

The migrations themselves stay covered by tests/db/test_migrations.py (the stairway up and
down on both backends) and by every bot started in the tests, which checks the schema's revision
as in production; the import, by tests/db/test_directory_import.py and by the tests that start a
bot on an empty database.

Tests never read DATABASE_URL. With TEST_DATABASE_URL set they create databases of their own on
that server, which the run drops when it ends; without it PostgreSQL tests skip, unless
REQUIRE_POSTGRES=1 (CI), where a missing server is an error.
"""

from __future__ import annotations

import asyncio
import atexit
import itertools
import os
import shutil
import tempfile
import uuid
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.config import Config
from db import migrate
from db.engine import create_engine, session_factory
from db.private_files import tighten
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
    """Copy a SQLite database with its write-ahead log, if any (the engine closed).

    What was at `target` is removed first, not overwritten: a connection still open on it keeps
    the old file and never sees this copy change under it. The copy is the owner's only (0600),
    as the bot makes its own database file.
    """
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
        part = Path(f"{source}{suffix}")
        if part.exists():
            shutil.copyfile(part, f"{target}{suffix}")
            tighten(Path(f"{target}{suffix}"))


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


# The process's engines per template, each on its own working file; `_in_use` holds those a
# test has now (a test with two databases of one template gets two).
_engines: dict[tuple[Path, int], tuple[Path, AsyncEngine]] = {}
_in_use: set[tuple[Path, int]] = set()


@asynccontextmanager
async def engine_on_copy(template: Path) -> AsyncIterator[AsyncEngine]:
    """An engine on a new copy of the SQLite file `template`, for one test.

    The copy is new for every test; the engine object is not: each process keeps one per
    template and empties its pool when the test ends. SQLAlchemy compiles a statement once per
    engine (its cache is keyed by the engine's dialect object), so with a new engine per test
    every statement a test ran was compiled again: about 15 % of the use-case tests' CPU.
    """
    key = next((template, n) for n in itertools.count() if (template, n) not in _in_use)
    if key not in _engines:
        folder = Path(tempfile.mkdtemp(prefix="rdb-work-"))
        atexit.register(shutil.rmtree, folder, True)
        work = folder / template.name
        _engines[key] = (work, create_engine(f"sqlite+aiosqlite:///{work}"))
    work, engine = _engines[key]
    copy_sqlite_file(template, work)
    _in_use.add(key)
    try:
        yield engine
    finally:
        _in_use.discard(key)
        await engine.dispose()


@asynccontextmanager
async def migrated_sqlite_engine() -> AsyncIterator[AsyncEngine]:
    """An engine on a new copy of the migrated schema (see engine_on_copy)."""
    async with engine_on_copy(await _sqlite_schema()) as engine:
        yield engine


@asynccontextmanager
async def prepared_sqlite_engine() -> AsyncIterator[AsyncEngine]:
    """An engine on a new copy of the schema with the default directory imported,
    as a bot with the default configuration leaves the database after its first start."""
    async with engine_on_copy(await _sqlite_with_directory()) as engine:
        yield engine


# ---- PostgreSQL -----------------------------------------------------------------------------

_postgres_template: str | None = None

# The id of one pytest run, shared by its worker processes: tests/conftest.py sets it in the
# process that starts them, which drops the run's template when the run ends.
RUN_ENV = "RDB_TEST_RUN"


def run_id() -> str:
    """This pytest run's id (made here in a process that runs tests without workers)."""
    return os.environ.setdefault(RUN_ENV, uuid.uuid4().hex[:12])


def run_template_name() -> str:
    """The name of this run's migrated template database."""
    return f"{TEMPLATE_PREFIX}{run_id()}"


def _admin_engine(admin: str) -> AsyncEngine:
    return create_async_engine(admin, isolation_level="AUTOCOMMIT")


async def _postgres_schema(admin: str) -> str:
    """The name of this run's migrated template database, made by the first process to need it.

    The other worker processes wait for it (an advisory lock per run) instead of migrating a
    template each; it appears under its name only once migrated (made under another, renamed).
    Nothing may stay connected to it: CREATE DATABASE … TEMPLATE refuses a template in use.
    """
    global _postgres_template
    if _postgres_template is None:
        name = run_template_name()
        engine = _admin_engine(admin)
        try:
            async with engine.connect() as conn:
                lock = {"key": zlib.crc32(name.encode())}
                await conn.execute(text("SELECT pg_advisory_lock(:key)"), lock)
                try:
                    made = await conn.scalar(
                        text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
                    )
                    if not made:
                        building = f"{name}_building"
                        await conn.execute(text(f'DROP DATABASE IF EXISTS "{building}"'))
                        await conn.execute(text(f'CREATE DATABASE "{building}"'))
                        await _migrate(_url_of(admin, building))
                        await conn.execute(text(f'ALTER DATABASE "{building}" RENAME TO "{name}"'))
                finally:
                    await conn.execute(text("SELECT pg_advisory_unlock(:key)"), lock)
        finally:
            await engine.dispose()
        _postgres_template = name
    return _postgres_template


def drop_run_databases() -> None:
    """Drop every database of this run: its template and what its processes kept for reuse
    (by the process that started the workers, when they have ended)."""
    admin = postgres_admin_url()
    if admin is None or not os.environ.get(RUN_ENV):
        return

    async def drop_all() -> None:
        engine = _admin_engine(admin)
        try:
            async with engine.connect() as conn:
                names = await conn.scalars(
                    text(
                        "SELECT datname FROM pg_database"
                        " WHERE datname = :template OR starts_with(datname, :tests)"
                    ),
                    {"template": run_template_name(), "tests": f"{TEST_PREFIX}{run_id()}_"},
                )
                for name in names.all():
                    await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            await engine.dispose()

    # The server may be gone by now; the prefix marks what is left behind.
    with suppress(Exception):
        asyncio.run(drop_all())


async def _drop(admin: str, name: str) -> None:
    engine = _admin_engine(admin)
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await engine.dispose()


def _drop_at_exit(admin: str, name: str) -> None:
    # The server may be gone at exit; the prefix marks what is left behind.
    with suppress(Exception):
        asyncio.run(_drop(admin, name))


# Migrated databases a test of this process gave back emptied, for the next one. Creating a
# database from the template and dropping it costs the server about 0.45 s of CPU (it copies
# and removes every file, WAL-logged); emptying the tables of a used one about 0.07 s.
_emptied: list[str] = []
_template_shape: str | None = None

# What makes a database the template's: every column, index and constraint of the schema and
# the migration revision. A test that changed any of these gets its database dropped instead.
_SHAPE = text(
    """
    SELECT md5(
      (SELECT string_agg(table_name || '.' || column_name || ' ' || data_type || ' '
                         || is_nullable || ' ' || coalesce(column_default, ''), ','
                         ORDER BY table_name, column_name)
         FROM information_schema.columns WHERE table_schema = 'public')
      || (SELECT string_agg(indexdef, ',' ORDER BY indexdef)
            FROM pg_indexes WHERE schemaname = 'public')
      || (SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ','
                            ORDER BY conname, pg_get_constraintdef(oid))
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace)
      || (SELECT string_agg(version_num, ',') FROM alembic_version)
    )
    """
)


def _url_of(admin: str, name: str) -> str:
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


async def _shape(engine: AsyncEngine) -> str | None:
    try:
        async with engine.connect() as conn:
            shape = await conn.scalar(_SHAPE)
    except DBAPIError:
        return None  # e.g. alembic_version dropped by a downgrade
    return None if shape is None else str(shape)


async def _emptied_for_reuse(admin: str, name: str) -> bool:
    """Empty a used migrated database as the template left it (no rows, sequences at their
    start); False when its schema is not the template's any more (it is then dropped)."""
    admin_engine = _admin_engine(admin)
    try:
        async with admin_engine.connect() as conn:
            # Connections a test left open (a killed bot's, a leaked pool's) hold locks.
            await conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
    finally:
        await admin_engine.dispose()
    engine = create_async_engine(_url_of(admin, name))
    try:
        if _template_shape is None or await _shape(engine) != _template_shape:
            return False
        async with engine.begin() as conn:
            # Foreign keys unchecked while every table is emptied (all of them, so none dangles);
            # DELETE rather than TRUNCATE, which makes new files for every table like a copy.
            await conn.execute(text("SET LOCAL session_replication_role = replica"))
            tables = await conn.scalars(
                text(
                    "SELECT quote_ident(tablename) FROM pg_tables"
                    " WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
                )
            )
            for table in tables.all():
                await conn.execute(text(f"DELETE FROM {table}"))
            await conn.execute(
                text(
                    "SELECT setval(format('%I.%I', schemaname, sequencename), start_value, false)"
                    " FROM pg_sequences WHERE schemaname = 'public'"
                )
            )
    finally:
        await engine.dispose()
    return True


@asynccontextmanager
async def temporary_postgres_database(*, migrated: bool = False) -> AsyncIterator[str]:
    """A PostgreSQL database of this test's own, empty or with the newest schema; dropped after.

    A migrated one may be a database an earlier test of this process used, emptied (see
    `_emptied_for_reuse`): to the test it is indistinguishable from a new copy of the template.
    """
    admin = postgres_admin_url()
    if admin is None:
        skip_or_fail(
            "TEST_DATABASE_URL is not set (e.g. postgresql+asyncpg://postgres@127.0.0.1/postgres)"
        )
    assert admin is not None
    if migrated and _emptied:
        name = _emptied.pop()
    else:
        name = f"{TEST_PREFIX}{run_id()}_{uuid.uuid4().hex[:8]}"
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
            skip_or_fail(f"PostgreSQL at TEST_DATABASE_URL is not reachable: {exc}")
        finally:
            await engine.dispose()
        if migrated:
            atexit.register(_drop_at_exit, admin, name)
            global _template_shape
            if _template_shape is None:
                # Read on a new copy: a connection to the template would make other processes'
                # copies fail while it lasts.
                engine = create_async_engine(_url_of(admin, name))
                try:
                    _template_shape = await _shape(engine)
                finally:
                    await engine.dispose()
    try:
        yield _url_of(admin, name)
    finally:
        if migrated and await _emptied_for_reuse(admin, name):
            _emptied.append(name)
        else:
            await _drop(admin, name)


# ---- either backend -------------------------------------------------------------------------


@asynccontextmanager
async def migrated_database(backend: str, folder: Path) -> AsyncIterator[str]:
    """A database with the newest schema: a SQLite file in `folder`, or PostgreSQL."""
    if backend == "sqlite":
        yield await migrated_sqlite_url(folder / "test.sqlite3")
        return
    async with temporary_postgres_database(migrated=True) as url:
        yield url
