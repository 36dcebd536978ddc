"""Partner institutions' statements: linked partners, partners by code, unanswered hand-overs.

Every function takes the session and never commits: the turn or job that calls it owns the
transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.partners import Handover, HandoverState, Partner


async def linked_partners(session: AsyncSession) -> list[Partner]:
    """Return the active partners whose chat is linked, by code."""
    where = [Partner.active.is_(True), Partner.chat_id.is_not(None)]
    rows = await session.scalars(select(Partner).where(*where).order_by(Partner.code))
    return list(rows.all())


async def partner_with_code(session: AsyncSession, code: str) -> Partner | None:
    """Return the partner with exactly this code, if any."""
    return await session.scalar(select(Partner).where(Partner.code == code))


async def silent_handovers(session: AsyncSession, cutoff: datetime, limit: int) -> list[int]:
    """Return hand-overs nobody answered since before `cutoff`, not escalated yet."""
    rows = await session.scalars(
        select(Handover.id)
        .where(
            Handover.state == HandoverState.SENT,
            Handover.escalated_at.is_(None),
            Handover.sent_at <= cutoff,
        )
        .order_by(Handover.id)
        .limit(limit)
    )
    return list(rows.all())


async def claim_silent_escalation(session: AsyncSession, handover_id: int, now: datetime) -> bool:
    """Mark a sent, unescalated hand-over escalated now; True for the one process that did."""
    claimed = await session.execute(
        update(Handover)
        .where(
            Handover.id == handover_id,
            Handover.state == HandoverState.SENT,
            Handover.escalated_at.is_(None),
        )
        .values(escalated_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(claimed, "rowcount", 0) or 0) == 1
