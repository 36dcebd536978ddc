"""Rate marks: count what a person did lately, for limits that must survive a restart."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.people import RateMark


async def count_marks(session: AsyncSession, user_id: int, kind: str, since: datetime) -> int:
    """Count a person's marks of a kind since a moment."""
    found = await session.scalar(
        select(func.count())
        .select_from(RateMark)
        .where(RateMark.user_id == user_id, RateMark.kind == kind, RateMark.at > since)
    )
    return int(found or 0)


def add_mark(session: AsyncSession, user_id: int, kind: str, at: datetime) -> None:
    """Note one more action of a kind (committed with the turn)."""
    session.add(RateMark(user_id=user_id, kind=kind, at=at))
