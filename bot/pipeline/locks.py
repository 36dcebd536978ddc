"""Share chats between bot processes on PostgreSQL: one process owns a chat at a time.

A chat's inbox rows cannot stay row-locked while its update is handled: the use case's
UnitOfWork marks the row done from another connection and would wait for our own lock. So a
process owns a chat through a session-level advisory lock held on one dedicated connection
(PostgreSQL drops it if the process dies), and re-reads the chat's rows with
`FOR UPDATE SKIP LOCKED` once it owns it, skipping any another process has just handled.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from db.models.pipeline import InboxStatus, InboxUpdate

log = logging.getLogger(__name__)

# ("chat", chat id) for updates of a chat; ("row", inbox id) for the rare chat-less update.
ChatKey = tuple[str, int]

# Advisory lock namespaces (the first int4 of the two-key form); any constants shared by all
# processes of this bot work.
_NAMESPACES = {"chat": 730_650_521, "row": 730_650_522}


def _int4(value: int) -> int:
    # Fold a 64-bit chat id into int4: a collision only makes two chats share one owner.
    return ((value + 2**31) % 2**32) - 2**31


class ChatLocks(Protocol):
    """Who owns a chat right now, across processes."""

    async def acquire(self, key: ChatKey) -> bool: ...

    async def release(self, key: ChatKey) -> None: ...

    async def still_pending(self, ids: Sequence[int]) -> list[int]: ...

    async def close(self) -> None: ...


class PgChatLocks:
    """Advisory locks on one dedicated PostgreSQL connection (serialised: calls are short)."""

    def __init__(self, engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._engine = engine
        self._sessions = sessions
        self._conn: AsyncConnection | None = None
        self._mutex = asyncio.Lock()

    async def _connection(self) -> AsyncConnection:
        if self._conn is None:
            self._conn = await self._engine.connect()
        return self._conn

    async def _call(self, function: str, key: ChatKey) -> bool:
        async with self._mutex:
            conn = await self._connection()
            try:
                result = await conn.scalar(
                    text(f"SELECT {function}(:ns, :obj)"),
                    {"ns": _NAMESPACES[key[0]], "obj": _int4(key[1])},
                )
                await conn.commit()
            except Exception:
                # The connection is gone, and with it every lock it held: start afresh.
                self._conn = None
                with contextlib.suppress(Exception):
                    await conn.close()
                raise
            return bool(result)

    async def acquire(self, key: ChatKey) -> bool:
        """Take the chat if no other process has it."""
        return await self._call("pg_try_advisory_lock", key)

    async def release(self, key: ChatKey) -> None:
        """Let other processes take the chat."""
        if not await self._call("pg_advisory_unlock", key):
            log.warning("inbox: chat lock %s was not held (connection lost?)", key[1])

    async def still_pending(self, ids: Sequence[int]) -> list[int]:
        """Return which of these rows are still pending and not being marked done right now."""
        if not ids:
            return []
        async with self._sessions() as session:
            found = await session.scalars(
                select(InboxUpdate.id)
                .where(InboxUpdate.id.in_(list(ids)), InboxUpdate.status == InboxStatus.PENDING)
                .with_for_update(skip_locked=True)
            )
            pending = list(found)
            await session.commit()
        return pending

    async def close(self) -> None:
        """Close the connection (PostgreSQL releases every lock it held)."""
        if self._conn is not None:
            await self._conn.close()
            self._conn = None
