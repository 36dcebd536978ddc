"""Users by channel id."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import contains_eager

from db.base import utcnow
from db.models.conversation import Conversation
from db.models.people import User

# How stale users.last_seen_at may get before a turn writes it again.
LAST_SEEN_PRECISION = timedelta(hours=1)


async def get_user(session: AsyncSession, channel: str, external_id: str) -> User | None:
    """Return the user known on a channel by that channel's id, if any."""
    result = await session.execute(
        select(User).where(User.channel == channel, User.external_id == external_id)
    )
    return result.scalar_one_or_none()


async def ensure_user(
    session: AsyncSession, channel: str, external_id: str, chat_id: int | None
) -> User:
    """Return the user, creating it on first contact; note the private chat and the visit.

    The user's conversation row comes in the same statement: every turn reads it next
    (`load_conversation` then finds it in the session without a second trip to the database).
    """
    result = await session.execute(
        select(User)
        .outerjoin(Conversation, Conversation.user_id == User.id)
        .options(contains_eager(User.conversation))
        .where(User.channel == channel, User.external_id == external_id)
    )
    user = result.scalar_one_or_none()
    if user is None:
        user = User(channel=channel, external_id=external_id, chat_id=chat_id)
        session.add(user)
        await session.flush()
    else:
        now = utcnow()
        # Kept for retention (a year): an hour's precision is plenty, and not writing it on
        # every turn spares each answer one UPDATE.
        if now - user.last_seen_at >= LAST_SEEN_PRECISION:
            user.last_seen_at = now
        if chat_id is not None and user.chat_id != chat_id:
            user.chat_id = chat_id
        # Writing to us again means the chat works again (they had blocked the bot before).
        user.undeliverable = False
    return user
