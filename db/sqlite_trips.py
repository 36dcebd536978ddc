"""One trip to aiosqlite's thread per SQL statement, where SQLAlchemy's adapter makes four.

aiosqlite runs every call on its own thread; each call is a trip: a queue put, a thread wake-up
and a future resolved back on the event loop. SQLAlchemy's adapter makes four trips for each
statement (open a cursor, execute, fetch, close), and those trips were the largest part of the
bot's CPU per update (docs/benchmarks.md). Here the four steps run in one function on the
driver's thread, so each statement costs one trip; results, errors and transactions are as
before (the same sqlite3 connection, the same cursor calls in the same order).

A transaction's BEGIN travels with its first statement rather than alone (`defer_begin`), and a
commit or rollback with no transaction open on the sqlite3 connection makes no trip: that is
two trips fewer for every unit of work, and one more for a read that ends in a rollback.

This leans on two internals, both pinned in pyproject.toml: SQLAlchemy 2.1's adapted cursor
(`_execute_async`, `_executemany_async`, `_rows`) and aiosqlite's `Connection._execute`.
`tests/db/test_sqlite_trips.py` checks the behaviour an upgrade must keep.
"""

from __future__ import annotations

import collections
import sqlite3
from typing import Any

from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
)

# (description, rows, rowcount, lastrowid) of one statement, read on the driver's thread.
_Outcome = tuple[Any, list[Any], int, int | None]


def _run(
    connection: sqlite3.Connection,
    operation: str,
    parameters: Any,
    many: bool,
    begin: str | None,
    end_on_rows: bool = False,
    commit: bool = False,
) -> _Outcome:
    cursor = connection.cursor()
    try:
        if begin is not None:
            # The deferred BEGIN: it waits for the lock (busy_timeout) exactly as it did alone.
            cursor.execute(begin)
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        if end_on_rows and connection.in_transaction:
            # The transaction's last statement: commit when it found rows, else roll back.
            cursor.execute("COMMIT" if rows else "ROLLBACK")
        elif commit and connection.in_transaction:
            cursor.execute("COMMIT")
        return description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """An adapted cursor that executes, fetches and closes in a single trip."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: Any) -> None:
        # No aiosqlite cursor is opened: each statement opens and closes its own in _run.
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized: Any = {}
        self._rows: collections.deque[Any] = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        """The last statement's column description (None for statements without rows)."""
        return self._description

    @property
    def rowcount(self) -> int:
        """Rows the last statement changed."""
        return self._rowcount

    @property
    def lastrowid(self) -> Any:
        """The row id of the last INSERT."""
        return self._lastrowid

    @property
    def arraysize(self) -> int:
        """Rows fetchmany() returns by default."""
        return 1

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        pass

    async def _async_soft_close(self) -> None:
        # Already closed on the driver's thread; the description stays readable.
        return None

    def close(self) -> None:
        """Drop rows not fetched (the sqlite3 cursor is closed already)."""
        self._rows.clear()

    def setinputsizes(self, *inputsizes: Any) -> None:
        """sqlite3 ignores input sizes."""
        return None

    async def _execute_async(self, operation: Any, parameters: Any) -> Any:
        async with self._adapt_connection._execute_mutex:
            await self._trip(operation, parameters, many=False)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> Any:
        async with self._adapt_connection._execute_mutex:
            await self._trip(operation, seq_of_parameters, many=True)

    async def _trip(self, operation: Any, parameters: Any, *, many: bool) -> None:
        outcome = await _one_trip(self._connection, operation, parameters, many=many)
        self._description, rows, self._rowcount, self._lastrowid = outcome
        self._rows = collections.deque(rows)


async def _one_trip(
    driver: Any,
    operation: str,
    parameters: Any,
    *,
    many: bool,
    end_on_rows: bool = False,
    commit: bool = False,
) -> _Outcome:
    # A BEGIN waiting for this connection's next statement goes with it (taken off first: if
    # the trip fails, the transaction is in doubt and SQLAlchemy rolls back, which is safe).
    begin = getattr(driver, _PENDING_BEGIN, None)
    if begin is not None:
        setattr(driver, _PENDING_BEGIN, None)
    outcome: _Outcome = await driver._execute(
        _run, driver._conn, operation, parameters, many, begin, end_on_rows, commit
    )
    return outcome


# The execution option of a connection whose statements run without a transaction (each on its
# own): the engine's "begin" hook sends no BEGIN for it (db/uow.py, UnitOfWorkFactory.read).
NO_BEGIN = "rdb_no_begin"

# The attribute of aiosqlite's Connection that holds a BEGIN not sent yet (the adapted
# connection has __slots__; aiosqlite's has a __dict__).
_PENDING_BEGIN = "_rdb_pending_begin"


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """SQLAlchemy's adapted aiosqlite connection, handing out one-trip cursors."""

    __slots__ = ()
    _cursor_cls = OneTripCursor

    def _nothing_open(self) -> bool:
        """Tell (and forget) whether no transaction is open: none begun, or a BEGIN not sent."""
        driver = self._connection
        if getattr(driver, _PENDING_BEGIN, None) is not None:
            setattr(driver, _PENDING_BEGIN, None)
            return True
        # sqlite3 knows; read on the loop's thread while no statement of ours is running.
        return driver._connection is not None and not driver._conn.in_transaction

    def commit(self) -> None:
        """Commit, with no trip when there is nothing to commit."""
        if not self._nothing_open():
            super().commit()

    def rollback(self) -> None:
        """Roll back, with no trip when there is nothing to roll back."""
        if not self._nothing_open():
            super().rollback()


def defer_begin(dbapi_connection: Any, begin: str) -> bool:
    """Send `begin` with the connection's next statement; False: not a one-trip connection."""
    if not isinstance(dbapi_connection, OneTripConnection):
        return False
    setattr(dbapi_connection._connection, _PENDING_BEGIN, begin)
    return True


async def execute_in_one_trip(
    dbapi_connection: Any,
    operation: str,
    parameters: Any,
    *,
    end_on_rows: bool = False,
    many: bool = False,
    commit: bool = False,
) -> list[Any]:
    """Run one statement on an adapted connection outside SQLAlchemy; return its rows.

    For the few statements that bypass SQLAlchemy (db/uow.py, db/repositories/outbox.py): a
    pending BEGIN goes with it. `end_on_rows`: the statement is the transaction's last; in the
    same trip, COMMIT when it returned rows, ROLLBACK when none (SQLAlchemy's own commit or
    rollback then finds nothing open and makes no trip). `commit`: the statement is the
    transaction's last, COMMIT in the same trip. `many`: `parameters` is a sequence of
    parameter sets (executemany). Errors are sqlite3's own.
    """
    driver = dbapi_connection._connection
    _, rows, _, _ = await _one_trip(
        driver, operation, parameters, many=many, end_on_rows=end_on_rows, commit=commit
    )
    return rows


def _run_two(
    connection: sqlite3.Connection,
    first: tuple[str, Any],
    operation: str,
    parameters: Any,
    begin: str | None,
    end_on_rows: bool,
) -> tuple[list[Any], list[Any]]:
    first_rows = _run(connection, first[0], first[1], False, begin)[1]
    rows = _run(connection, operation, parameters, False, None, end_on_rows)[1]
    return first_rows, rows


async def execute_two_in_one_trip(
    dbapi_connection: Any,
    first: tuple[str, Any],
    operation: str,
    parameters: Any,
    *,
    end_on_rows: bool = False,
) -> tuple[list[Any], list[Any]]:
    """Run two statements in one trip, as execute_in_one_trip does one; return both's rows.

    `first` (the SQL and its parameters) runs before `operation`; `end_on_rows` applies to
    `operation`, so when it returns no rows the first one's changes are rolled back with it.
    """
    driver = dbapi_connection._connection
    begin = getattr(driver, _PENDING_BEGIN, None)
    if begin is not None:
        setattr(driver, _PENDING_BEGIN, None)
    outcome: tuple[list[Any], list[Any]] = await driver._execute(
        _run_two, driver._conn, first, operation, parameters, begin, end_on_rows
    )
    return outcome


def use_one_trip_cursors(dbapi_connection: Any) -> None:
    """Make a freshly opened adapted aiosqlite connection use one-trip cursors."""
    if type(dbapi_connection) is AsyncAdapt_aiosqlite_connection:
        dbapi_connection.__class__ = OneTripConnection
