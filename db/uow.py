"""Unit of work: one transaction per use case, committed once (repositories never commit)."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import TracebackType

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.base import utcnow
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage


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


class UnitOfWork:
    """`async with uow:` opens a session; `commit()` writes everything at once."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        on_outbox: Callable[[list[int]], None] | None = None,
    ) -> None:
        self._sessions = sessions
        self._on_outbox = on_outbox
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
        """Mark the current update done, commit, and hand new outbox ids to the sender."""
        session = self.session
        claim = current_inbox.get()
        if claim is not None and not claim.done:
            await session.execute(
                update(InboxUpdate)
                .where(InboxUpdate.id == claim.inbox_id)
                .values(status=InboxStatus.DONE, processed_at=utcnow())
            )
        await session.flush()
        ids = [m.id for m in self._outbox]
        await session.commit()
        if claim is not None:
            claim.done = True
        self._outbox = []
        if ids and self._on_outbox is not None:
            self._on_outbox(ids)
        return CommitResult(outbox_ids=ids)


class UnitOfWorkFactory:
    """Make units of work that share a session factory and the outbox wake-up hook."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        on_outbox: Callable[[list[int]], None] | None = None,
    ) -> None:
        self.sessions = sessions
        self.on_outbox = on_outbox

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.on_outbox)
