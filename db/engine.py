"""Engine and session factory: SQLite (WAL, foreign keys, BEGIN IMMEDIATE) or PostgreSQL."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO, Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import AsyncAdaptedQueuePool, ConnectionPoolEntry, PoolResetState
from sqlalchemy.util.concurrency import await_

from db.private_files import private_dir, private_file, tighten
from db.sqlite_trips import NO_BEGIN, OneTripConnection, defer_begin, use_one_trip_cursors

# Files SQLite keeps beside the database; it creates them with the database file's mode.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def database_url(explicit: str | None, sqlite_path: Path) -> str:
    """Return DATABASE_URL, or the SQLite file URL (its folder created) when none is set."""
    if explicit:
        return explicit
    private_dir(sqlite_path.parent)
    return f"sqlite+aiosqlite:///{sqlite_path}"


def is_sqlite(url: str) -> bool:
    """Tell whether a URL points to SQLite."""
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_file(url: str) -> Path | None:
    """Return the SQLite database file of a URL (None for in-memory or other backends)."""
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def create_engine(
    url: str, *, echo: bool = False, pool_size: int = 5, busy_timeout: float = 10
) -> AsyncEngine:
    """Create the async engine with the per-backend settings the design relies on."""
    if is_sqlite(url):
        db_file = sqlite_file(url)
        if db_file is not None:
            # Created 0600 before SQLite opens it (SQLite gives -wal and -shm the same mode).
            private_file(db_file)
            for suffix in SQLITE_COMPANIONS:
                tighten(db_file.with_name(db_file.name + suffix))
        # One connection per process: SQLite has one writer anyway, and its busy handler is not
        # fair (a writer can starve past busy_timeout under a burst), whereas the pool's queue
        # serves waiting transactions in order. busy_timeout still covers other processes
        # (the CLI's backup, an operator's sqlite3 shell).
        engine = create_async_engine(
            url,
            echo=echo,
            connect_args={"timeout": busy_timeout},
            # Errors then name the statement, never its parameters (residents' text, phones).
            hide_parameters=True,
            poolclass=AsyncAdaptedQueuePool,
            pool_size=1,
            max_overflow=0,
            pool_timeout=60,
            # The pool rolls back every connection it takes back, even after a commit: on
            # aiosqlite a trip to the driver's thread each time. _on_reset below rolls back only
            # what is still open.
            pool_reset_on_return=None,
        )
        _configure_sqlite(engine)
        return engine
    if make_url(url).get_driver_name() != "asyncpg":
        return create_async_engine(
            url, echo=echo, pool_size=pool_size, pool_pre_ping=True, hide_parameters=True
        )
    engine = create_async_engine(url, echo=echo, pool_size=pool_size, hide_parameters=True)
    _ping_on_checkout(engine)
    return engine


def _ping_on_checkout(engine: AsyncEngine) -> None:
    """Test every connection as it leaves the pool, as pool_pre_ping does, in one round trip.

    SQLAlchemy's asyncpg ping wraps its query in BEGIN and ROLLBACK (for pgbouncer's
    transaction mode, which the bot does not use): three round trips at every checkout, which
    were half of a /pomoc's round trips on PostgreSQL. A connection that fails the ping is
    thrown away and another one taken (the pool's own DisconnectionError handling), so a
    database restart or a killed backend costs no update an error.
    """

    @event.listens_for(engine.sync_engine, "checkout")
    def _ping(_dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        driver: Any = record.driver_connection
        try:
            await_(driver.fetchrow(";"))
        except Exception as exc:
            raise DisconnectionError("the connection failed its ping") from exc


def _configure_sqlite(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # One trip to the driver's thread per statement instead of four (db/sqlite_trips.py).
        use_one_trip_cursors(dbapi_connection)
        # Take transaction control from the driver so that "begin" below decides how to begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(sync_engine, "reset")
    def _on_reset(dbapi_connection: Any, _record: Any, state: PoolResetState) -> None:
        if state.terminate_only or not state.asyncio_safe:
            return  # being thrown away, or outside the event loop: nothing to keep clean
        if isinstance(dbapi_connection, OneTripConnection):
            # Rolls back only what is open, and forgets a BEGIN not sent (no trip otherwise).
            dbapi_connection.rollback()
            return
        driver = getattr(dbapi_connection, "_connection", None)
        # sqlite3 knows whether a transaction is open; when unsure, roll back as the pool would.
        if getattr(driver, "in_transaction", True):
            dbapi_connection.rollback()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the lock at BEGIN: a deferred transaction that later writes can fail
        # with SQLITE_BUSY without waiting, whereas IMMEDIATE waits for busy_timeout. It is
        # sent with the transaction's first statement, in the same trip (db/sqlite_trips.py).
        if connection.get_execution_options().get(NO_BEGIN):
            return  # a read on its own (UnitOfWorkFactory.read): sqlite3 is in autocommit
        if not defer_begin(connection.connection.dbapi_connection, "BEGIN IMMEDIATE"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Return the session factory used by units of work."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


class ProcessLockError(RuntimeError):
    """Another bot process already uses this SQLite database."""


class SQLiteProcessLock:
    """Hold an exclusive lock beside a SQLite file: a second bot process refuses to start."""

    def __init__(self, db_file: Path) -> None:
        self.path = db_file.with_name(db_file.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise ProcessLockError naming the holder's pid."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")  # noqa: SIM115 - held for the life of the process
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise ProcessLockError(
                f"another bot process (pid {holder}) is using {self.path.with_suffix('')}; "
                "SQLite serves one process: stop it, or use PostgreSQL to run several"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Release the lock (also released by the OS when the process dies)."""
        if self._handle is not None:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
