"""Count what waits in the inbox and the outbox (for /healthz and `python -m bot health`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.pipeline.health import aware
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus


@dataclass(frozen=True)
class QueueCounts:
    """Rows per state in both tables, and the newest received update's time."""

    inbox: dict[InboxStatus, int]
    outbox: dict[OutboxStatus, int]
    last_received_at: datetime | None
    oldest_pending_outbox: datetime | None

    @property
    def pending_inbox(self) -> int:
        """Return the updates not handled yet."""
        return self.inbox.get(InboxStatus.PENDING, 0)

    @property
    def pending_outbox(self) -> int:
        """Return the messages not sent yet (pending or being sent)."""
        return self.outbox.get(OutboxStatus.PENDING, 0) + self.outbox.get(OutboxStatus.SENDING, 0)


async def read_counts(session: AsyncSession) -> QueueCounts:
    """Count rows by state (sent/done rows included) and read the interesting timestamps."""
    inbox = {
        InboxStatus(status): int(n)
        for status, n in (
            await session.execute(
                select(InboxUpdate.status, func.count()).group_by(InboxUpdate.status)
            )
        ).all()
    }
    outbox = {
        OutboxStatus(status): int(n)
        for status, n in (
            await session.execute(
                select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
            )
        ).all()
    }
    last = await session.scalar(select(func.max(InboxUpdate.received_at)))
    oldest = await session.scalar(
        select(func.min(OutboxMessage.created_at)).where(
            OutboxMessage.status == OutboxStatus.PENDING
        )
    )
    return QueueCounts(inbox, outbox, aware(last), aware(oldest))
