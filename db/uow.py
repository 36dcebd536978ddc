"""Unit of work: one transaction per use case, committed once (repositories never commit)."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Protocol

from sqlalchemy import update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from db.base import utcnow
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus
from db.repositories.outbox import Handover, claim_handover, claim_handover_sqlite
from db.sqlite_trips import NO_BEGIN, execute_in_one_trip, execute_two_in_one_trip

# Execution options of UnitOfWorkFactory.read(): PostgreSQL's driver begins no transaction in
# autocommit; on SQLite the engine's "begin" hook sends none (db/engine.py), as sqlite3 is in
# autocommit already (the engine took transaction control from it).
READ_ALONE: dict[str, Any] = {"isolation_level": "AUTOCOMMIT"}
READ_ALONE_SQLITE: dict[str, Any] = {NO_BEGIN: True}


@dataclass
class InboxClaim:
    """The inbox row being handled in this task; the first commit marks it done."""

    inbox_id: int
    done: bool = False


# Set by the dispatcher around Application.process_update, read by UnitOfWork.commit, so the
# update is marked done in the same transaction as its effects (exactly one effect per update).
current_inbox: ContextVar[InboxClaim | None] = ContextVar("current_inbox", default=None)


@dataclass
class CommitResult:
    """What a commit produced that the caller acts on afterwards."""

    outbox_ids: list[int] = field(default_factory=list)


class DirectSend(Protocol):
    """The delivery worker, as a turn's commit hands it the replies the turn queued.

    `offer` (before the commit) names the new rows it will send and holds them, so no sweep
    takes them back; the commit claims them in its own transaction (`sending`, durable: a
    crash before they are sent puts them back in line at the next start); then `taken` gets
    the rows claimed and starts sending them, or `withdraw` (the commit failed) lets go.
    """

    def offer(self, rows: Sequence[OutboxMessage]) -> Handover | None:
        """Choose which of a turn's new rows to send at once (None: none)."""

    def taken(self, handover: Handover, rows: Sequence[OutboxMessage]) -> None:
        """Send these claimed rows (committed `sending`)."""

    def withdraw(self, handover: Handover) -> None:
        """The commit failed: the offered rows are not ours to send."""


class AlreadyHandled(Exception):
    """The update was handled meanwhile (another process, or a commit whose answer was lost).

    Raised by the unit of work's commit before anything is committed, so this turn's effects are
    rolled back: an update has its effects once, however often it is run.
    """

    def __init__(self, inbox_id: int) -> None:
        super().__init__(f"inbox row {inbox_id} is no longer pending")
        self.inbox_id = inbox_id


_INBOX = InboxUpdate.__table__
_SQLITE_MARK_DONE = (
    "UPDATE inbox SET status = ?, processed_at = ? WHERE id = ? AND status = ? RETURNING id"
)


async def mark_inbox_done(
    session: AsyncSession,
    inbox_id: int,
    *,
    last: bool = False,
    handover: Handover | None = None,
) -> set[int]:
    """Mark a pending inbox row done inside the session's open transaction.

    Raises AlreadyHandled when the row is no longer pending. On PostgreSQL the UPDATE waits for
    another transaction marking the same row and then sees its outcome, so of two processes
    running one update at the same moment only one commits.

    `last`: nothing else is written in this transaction; on SQLite it is then committed (or,
    when the row was not pending, rolled back) in the same trip as the mark, and the session's
    commit that follows makes no trip.

    On SQLite each statement through SQLAlchemy's aiosqlite adapter costs three hops to the
    driver's thread (cursor, execute, close), and those hops are most of an update's CPU: the
    one-trip path of db/sqlite_trips.py runs this one in a single hop (with the transaction's
    BEGIN when it is the first statement), on the same connection and in the same transaction.

    `handover`: new outbox rows of this transaction that the delivery worker offered to send at
    once; they are claimed just before the mark (on SQLite in the same trip) and the ids
    claimed are returned (empty without a handover).
    """
    taken: set[int] = set()
    conn = await session.connection()  # begins the transaction (BEGIN IMMEDIATE) if needed
    now = utcnow()
    if conn.dialect.name == "sqlite" and conn.dialect.driver == "aiosqlite":
        raw = await conn.get_raw_connection()
        processed_at: Any = now
        bind = _INBOX.c.processed_at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        if bind is not None:
            processed_at = bind(processed_at)
        params = (InboxStatus.DONE.value, processed_at, inbox_id, InboxStatus.PENDING.value)
        try:
            if handover is None:
                found = await execute_in_one_trip(
                    raw.dbapi_connection, _SQLITE_MARK_DONE, params, end_on_rows=last
                )
            else:
                claimed, found = await execute_two_in_one_trip(
                    raw.dbapi_connection,
                    claim_handover_sqlite(handover, conn.dialect),
                    _SQLITE_MARK_DONE,
                    params,
                    end_on_rows=last,
                )
                taken = {int(row[0]) for row in claimed}
            marked = len(found)
        except sqlite3.Error as exc:
            # As SQLAlchemy would raise it, so the dispatcher tells a busy database from a bug.
            raise OperationalError(_SQLITE_MARK_DONE, params, exc) from exc
    else:
        if handover is not None:
            taken = await claim_handover(session, handover)
        result = await session.execute(
            update(InboxUpdate)
            .where(InboxUpdate.id == inbox_id, InboxUpdate.status == InboxStatus.PENDING)
            .values(status=InboxStatus.DONE, processed_at=now)
            .execution_options(synchronize_session=False)
        )
        marked = int(getattr(result, "rowcount", 0) or 0)
    if marked != 1:
        raise AlreadyHandled(inbox_id)
    # What the ORM's "evaluate" synchronisation did: a copy of the row in this session agrees.
    loaded = session.identity_map.get(session.identity_key(InboxUpdate, inbox_id))
    if isinstance(loaded, InboxUpdate):
        set_committed_value(loaded, "status", InboxStatus.DONE)
        set_committed_value(loaded, "processed_at", now)
    return taken


class UnitOfWork:
    """`async with uow:` opens a session; `commit()` writes everything at once."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        on_outbox: Callable[[list[int]], None] | None = None,
        direct: DirectSend | None = None,
    ) -> None:
        self._sessions = sessions
        self._on_outbox = on_outbox
        self._direct = direct
        self._session: AsyncSession | None = None
        self._outbox: list[OutboxMessage] = []

    @property
    def session(self) -> AsyncSession:
        """Return the open session (only inside `async with`)."""
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside `async with`")
        return self._session

    async def __aenter__(self) -> UnitOfWork:
        self._session = self._sessions()
        self._outbox = []
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        self._session = None
        try:
            await session.rollback()
        finally:
            await session.close()

    def add_outbox(self, message: OutboxMessage) -> OutboxMessage:
        """Queue a message to send once this transaction commits."""
        claim = current_inbox.get()
        if claim is not None and message.inbox_id is None:
            message.inbox_id = claim.inbox_id
        self.session.add(message)
        self._outbox.append(message)
        return message

    async def commit(self) -> CommitResult:
        """Mark the current update done, commit, and hand new outbox ids to the sender.

        The replies of an update's turn are claimed for sending in the same transaction when
        the delivery worker takes them (DirectSend), and it sends them right after the commit;
        the others (and all rows of a commit that marks no update) it is told about and claims.
        """
        session = self.session
        claim = current_inbox.get()
        await session.flush()
        ids = [m.id for m in self._outbox]
        taken: set[int] = set()
        handover = None
        direct = self._direct
        if claim is not None and not claim.done:
            handover = direct.offer(self._outbox) if ids and direct is not None else None
            try:
                # After the flush, as the transaction's last statement: on SQLite the claim,
                # the mark and the COMMIT are one trip. Not pending any more: everything is
                # rolled back.
                taken = await mark_inbox_done(session, claim.inbox_id, last=True, handover=handover)
                await session.commit()
            except BaseException:
                if handover is not None and direct is not None:
                    direct.withdraw(handover)
                raise
        else:
            await session.commit()
        if claim is not None:
            claim.done = True
        outbox, self._outbox = self._outbox, []
        if handover is not None and direct is not None:
            rows = [m for m in outbox if m.id in taken]
            for row in rows:
                set_committed_value(row, "status", OutboxStatus.SENDING)
                set_committed_value(row, "claimed_by", handover.claimed_by)
                set_committed_value(row, "not_before", handover.lease_until)
            direct.taken(handover, rows)
        left = [i for i in ids if i not in taken]
        if left and self._on_outbox is not None:
            self._on_outbox(left)
        return CommitResult(outbox_ids=ids)


class UnitOfWorkFactory:
    """Make units of work that share a session factory and the outbox wake-up hook."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        on_outbox: Callable[[list[int]], None] | None = None,
        direct: DirectSend | None = None,
    ) -> None:
        self.sessions = sessions
        self.on_outbox = on_outbox
        # Set by the pipeline's owner: the delivery worker, which sends a turn's replies at once.
        self.direct = direct

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.on_outbox, self.direct)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """A session for one read that needs no transaction of its own: nothing is written.

        Its statement runs on its own (autocommit): no BEGIN and no ROLLBACK around it, which on
        SQLite are trips to the driver's thread (BEGIN IMMEDIATE also takes the write lock) and
        on PostgreSQL round trips. A write after such a read opens a unit of work of its own.
        """
        async with self.sessions() as session:
            bind = session.get_bind()
            alone = READ_ALONE_SQLITE if bind.dialect.name == "sqlite" else READ_ALONE
            await session.connection(execution_options=alone)
            yield session
