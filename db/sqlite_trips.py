"""One trip to aiosqlite's thread per SQL statement, where SQLAlchemy's adapter makes four.

aiosqlite runs every call on its own thread; each call is a trip: a queue put, a thread wake-up
and a future resolved back on the event loop. SQLAlchemy's adapter makes four trips for each
statement (open a cursor, execute, fetch, close), and those trips were the largest part of the
bot's CPU per update (docs/benchmarks.md). Here the four steps run in one function on the
driver's thread, so each statement costs one trip; results, errors and transactions are as
before (the same sqlite3 connection, the same cursor calls in the same order).

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


def _run(connection: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> _Outcome:
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
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
        driver = self._connection
        outcome: _Outcome = await driver._execute(_run, driver._conn, operation, parameters, many)
        self._description, rows, self._rowcount, self._lastrowid = outcome
        self._rows = collections.deque(rows)


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """SQLAlchemy's adapted aiosqlite connection, handing out one-trip cursors."""

    __slots__ = ()
    _cursor_cls = OneTripCursor


def use_one_trip_cursors(dbapi_connection: Any) -> None:
    """Make a freshly opened adapted aiosqlite connection use one-trip cursors."""
    if type(dbapi_connection) is AsyncAdapt_aiosqlite_connection:
        dbapi_connection.__class__ = OneTripConnection
