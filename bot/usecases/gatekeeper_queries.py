"""The gatekeeper's statements: the sender's row, the blocked notice, a chat's deliverability.

Every function takes the session and never commits: the gatekeeper's one unit of work does
(`handlers/gatekeeper.py`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.usecases.gatekeeper import Person
from bot.usecases.operations.banning import BLOCKED_ACTION
from db.models.conversation import Conversation
from db.models.people import User
from db.models.reports import AuditEvent

# Audit action that remembers a blocked user was told once (no column needed for it).
BLOCKED_NOTICE = "blocked_notice_sent"


async def read_person(session: AsyncSession, channel: str, external_id: str) -> Person | None:
    """Read the sender's blocked flag, language and current flow (None: never wrote to us)."""
    row = (
        await session.execute(
            select(
                User.id,
                User.blocked,
                User.language,
                Conversation.flow,
                Conversation.expires_at,
            )
            .outerjoin(Conversation, Conversation.user_id == User.id)
            .where(User.channel == channel, User.external_id == external_id)
        )
    ).first()
    return None if row is None else Person(*row)


async def blocked_notice_due(session: AsyncSession, person: Person) -> bool:
    """Tell whether a blocked person has not been told since they were last blocked."""
    # Audit ids grow with time, so "after the latest block" needs no clock.
    latest_block = (
        select(func.max(AuditEvent.id))
        .where(AuditEvent.action == BLOCKED_ACTION, AuditEvent.subject_user_id == person.user_id)
        .scalar_subquery()
    )
    sent = await session.scalar(
        select(AuditEvent.id)
        .where(
            AuditEvent.action == BLOCKED_NOTICE,
            AuditEvent.subject_user_id == person.user_id,
            AuditEvent.id > func.coalesce(latest_block, 0),
        )
        .limit(1)
    )
    return sent is None


def note_blocked_notice(session: AsyncSession, person: Person, now: datetime) -> None:
    """Remember that the blocked person was told (committed with the notice itself)."""
    session.add(AuditEvent(action=BLOCKED_NOTICE, subject_user_id=person.user_id, at=now))


async def set_deliverable(
    session: AsyncSession, channel: str, external_id: str, deliverable: bool
) -> bool:
    """Note whether the person's chat accepts messages; return whether anything changed."""
    result = await session.execute(
        update(User)
        .where(
            User.channel == channel,
            User.external_id == external_id,
            User.undeliverable == deliverable,
        )
        .values(undeliverable=not deliverable)
    )
    return bool(getattr(result, "rowcount", 0))
