"""Tell a database that failed for a moment from a query that is wrong.

A transient failure (a lost or refused connection, a server shutting down, SQLite's busy
lock, a serialisation conflict) is nobody's fault: the work is retried unchanged and nobody is
told it failed. Anything else is a real error.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

# PostgreSQL SQLSTATE classes that pass: connection exception, transaction rollback
# (serialisation failure, deadlock), insufficient resources, operator intervention
# (admin shutdown, cannot connect now); and "lock not available".
_TRANSIENT_CLASSES = ("08", "40", "53", "57")
_TRANSIENT_STATES = ("55P03",)
# SQLite says it in words.
_SQLITE_WORDS = ("database is locked", "database table is locked", "busy")


class Contention(Exception):
    """Other transactions kept winning a race for the same value (e.g. the next reference
    number): nothing is wrong, the unit of work is simply run again (transient)."""


def _sqlstate(exc: BaseException) -> str | None:
    for candidate in (exc, getattr(exc, "orig", None), exc.__cause__):
        state = getattr(candidate, "sqlstate", None) or getattr(candidate, "pgcode", None)
        if isinstance(state, str):
            return state
    return None


def is_transient(exc: BaseException) -> bool:
    """Tell whether the database itself failed for a moment (retry; do not blame the update)."""
    if isinstance(exc, PoolTimeoutError | ConnectionError | Contention):
        # No connection free in time, or the server refused or reset one.
        return True
    state = _sqlstate(exc)
    if state is not None and (state[:2] in _TRANSIENT_CLASSES or state in _TRANSIENT_STATES):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    reason = str(exc.orig).lower()
    return any(word in reason for word in _SQLITE_WORDS)
