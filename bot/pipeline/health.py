"""The pipeline's health, as /healthz and `python -m bot health` report it.

Healthy means nothing needs a person: the database answers, receiving works, no message has
failed for good (until `outbox retry` or `outbox dismiss`), and nothing waits longer than
[delivery] late_after_minutes. A Telegram outage of a few minutes is ridden out without
alarm; a longer one makes the oldest message late, and then it is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus

UNSENT = (OutboxStatus.PENDING, OutboxStatus.SENDING)


@dataclass(frozen=True)
class Backlog:
    """What waits and what failed, read through the status indexes (cheap on every request)."""

    pending_inbox: int
    oldest_pending_update: datetime | None
    unsent: int
    oldest_unsent_id: int | None
    oldest_unsent: datetime | None
    failed: int
    first_failed_id: int | None

    def problems(self, now: datetime, late_after: timedelta) -> list[str]:
        """Say what needs a person, in words for a log or a terminal (empty: nothing)."""
        found = []
        if self.failed:
            found.append(
                f"{self.failed} message(s) failed for good "
                "(python -m bot outbox status; outbox retry or outbox dismiss)"
            )
        if self.oldest_unsent is not None and now - self.oldest_unsent > late_after:
            minutes = (now - self.oldest_unsent).total_seconds() / 60
            found.append(f"the oldest of {self.unsent} unsent message(s) waits {minutes:.0f} min")
        if self.oldest_pending_update is not None and now - self.oldest_pending_update > late_after:
            minutes = (now - self.oldest_pending_update).total_seconds() / 60
            found.append(
                f"the oldest of {self.pending_inbox} unhandled update(s) waits {minutes:.0f} min"
            )
        return found


async def read_backlog(session: AsyncSession) -> Backlog:
    """Count what waits and what failed."""
    pending_inbox, oldest_update = (
        await session.execute(
            select(func.count(), func.min(InboxUpdate.received_at)).where(
                InboxUpdate.status == InboxStatus.PENDING
            )
        )
    ).one()
    unsent = await session.scalar(
        select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status.in_(UNSENT))
    )
    # Ids grow with time: the lowest unsent id is the oldest message still to go.
    oldest = (
        await session.execute(
            select(OutboxMessage.id, OutboxMessage.created_at)
            .where(OutboxMessage.status.in_(UNSENT))
            .order_by(OutboxMessage.id)
            .limit(1)
        )
    ).first()
    failed, first_failed = (
        await session.execute(
            select(func.count(), func.min(OutboxMessage.id)).where(
                OutboxMessage.status == OutboxStatus.FAILED
            )
        )
    ).one()
    return Backlog(
        pending_inbox=int(pending_inbox or 0),
        oldest_pending_update=aware(oldest_update),
        unsent=int(unsent or 0),
        oldest_unsent_id=oldest[0] if oldest else None,
        oldest_unsent=oldest[1] if oldest else None,
        failed=int(failed or 0),
        first_failed_id=first_failed,
    )


@dataclass(frozen=True)
class Health:
    """A snapshot of one process: the database, receiving, sending, what waits."""

    ok: bool
    database: bool
    last_update_received_at: datetime | None
    polling_ok: bool
    # False while Telegram cannot be reached for sending (messages wait and are retried).
    telegram_ok: bool
    pending_inbox: int
    pending_outbox: int
    failed_outbox: int
    # Minutes the oldest unsent message has waited (None: nothing waits).
    oldest_unsent_minutes: float | None
    # Bot processes sharing the database (and Telegram's budget), as this one last saw.
    processes: int
    problems: tuple[str, ...]


def aware(value: object) -> datetime | None:
    """Aggregates bypass the UtcDateTime column type: SQLite hands back text or naive values."""
    from datetime import UTC

    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
