"""Which bot processes are alive, and which one owns a chat: PostgreSQL advisory locks.

Several processes may share one PostgreSQL database. Each holds, on one dedicated connection,
a session-level advisory lock on its own id (the `claimed_by` of the outbox rows it is
sending) and, while it handles a chat's updates, one on the chat. PostgreSQL releases a
session's locks the moment the session ends, so a process that dies gives back its chats and
its messages in flight at once: the others see its id missing from `pg_locks`. A SIGKILL or a
crash closes the socket and the server notices at once; for a machine that vanishes without
closing it, this connection asks the server for TCP keepalives every few seconds.

Chats are not owned through row locks: the use case's UnitOfWork marks the inbox row done from
another connection, which would wait for our own lock. The advisory lock only says who may
handle a chat now; the owner then reads the chat's pending rows afresh, and marking a row done
checks that it is still pending (db/uow.py), so even two owners at once commit an update once.
Why locks rather than heartbeats: docs/decisions/0010-dead-processes-by-advisory-locks.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

log = logging.getLogger(__name__)

# ("chat", chat id) for updates of a chat; ("row", inbox id) for the rare chat-less update.
ChatKey = tuple[str, int]

# Advisory lock namespaces (the first int4 of the two-key form); any constants shared by all
# processes of this bot work.
_NAMESPACES = {"chat": 730_650_521, "row": 730_650_522}
OWNER_NAMESPACE = 730_650_523
# How the server checks that the process at the other end of the lock connection is there:
# first probe after 5 s of silence, then every 2 s, given up after 3 (about 11 s in all).
KEEPALIVE_SETTINGS = {
    "tcp_keepalives_idle": 5,
    "tcp_keepalives_interval": 2,
    "tcp_keepalives_count": 3,
}
_LIVE_OWNERS = text(
    "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted"
    " AND objsubid = 2 AND classid::bigint = :ns"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)


def _int4(value: int) -> int:
    # Fold a 64-bit chat id into int4: a collision only makes two chats share one owner.
    return ((value + 2**31) % 2**32) - 2**31


def _new_owner_id() -> int:
    # Positive int4: pg_locks shows it unchanged in objid.
    return random.SystemRandom().randint(1, 2**31 - 1)


class ChatLocks(Protocol):
    """Who owns a chat right now, across processes."""

    async def acquire(self, key: ChatKey) -> bool: ...

    async def release(self, key: ChatKey) -> None: ...


class PgLocks:
    """This process's owner lock and its chat locks, on one dedicated PostgreSQL connection.

    Calls are serialised (they are short). When the connection is lost, every lock on it is
    gone: the next call connects again and takes the same owner id back at once.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        # A connection of its own, outside the pool: closing it must really end the session
        # (a pooled connection would go back to the pool with every lock still held).
        # Autocommit: session-level advisory locks need no transaction, and without one each
        # call is one round trip instead of three (BEGIN, the call, COMMIT).
        self._engine = create_async_engine(
            engine.url, poolclass=NullPool, hide_parameters=True, isolation_level="AUTOCOMMIT"
        )
        self._conn: AsyncConnection | None = None
        self._mutex = asyncio.Lock()
        self.owner = _new_owner_id()

    async def start(self) -> None:
        """Connect and take this process's owner lock."""
        async with self._mutex:
            await self._connection()

    async def _connection(self) -> AsyncConnection:
        if self._conn is not None:
            return self._conn
        conn = await self._engine.connect()
        try:
            for name, value in KEEPALIVE_SETTINGS.items():
                await conn.execute(text(f"SET {name} = {int(value)}"))
            while not await conn.scalar(
                text("SELECT pg_try_advisory_lock(:ns, :id)"),
                {"ns": OWNER_NAMESPACE, "id": self.owner},
            ):
                # Another live process drew the same id (1 in 2**31): draw again.
                self.owner = _new_owner_id()
            await conn.commit()
        except BaseException:
            with contextlib.suppress(Exception):
                await conn.close()
            raise
        self._conn = conn
        return conn

    async def _scalar(self, statement: str, params: dict[str, int]) -> object:
        async with self._mutex:
            conn = await self._connection()
            try:
                result = await conn.scalar(text(statement), params)
                await conn.commit()
            except Exception:
                # The connection is gone, and with it every lock it held: start afresh.
                self._conn = None
                with contextlib.suppress(Exception):
                    await conn.close()
                raise
            return result

    async def _chat_call(self, function: str, key: ChatKey) -> bool:
        params = {"ns": _NAMESPACES[key[0]], "obj": _int4(key[1])}
        return bool(await self._scalar(f"SELECT {function}(:ns, :obj)", params))

    async def acquire(self, key: ChatKey) -> bool:
        """Take the chat if no other process has it."""
        return await self._chat_call("pg_try_advisory_lock", key)

    async def release(self, key: ChatKey) -> None:
        """Let other processes take the chat."""
        if not await self._chat_call("pg_advisory_unlock", key):
            log.warning("inbox: chat lock %s was not held (connection lost?)", key[1])

    async def live_owners(self) -> set[int]:
        """Return the owner ids of every bot process connected to this database, ours too."""
        async with self._mutex:
            conn = await self._connection()
            try:
                found = set((await conn.scalars(_LIVE_OWNERS, {"ns": OWNER_NAMESPACE})).all())
                await conn.commit()
            except Exception:
                self._conn = None
                with contextlib.suppress(Exception):
                    await conn.close()
                raise
        # Ours even while our connection was being replaced.
        return {int(owner) for owner in found} | {self.owner}

    async def close(self) -> None:
        """Close the connection (PostgreSQL releases every lock it held)."""
        async with self._mutex:
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    await self._conn.close()
                self._conn = None
            await self._engine.dispose()
