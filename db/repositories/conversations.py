"""Conversation state rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.conversation import Conversation
from db.models.people import User


async def load_conversation(session: AsyncSession, user_id: int) -> Conversation:
    """Return the user's conversation row, creating an idle one on first use."""
    conversation = await session.get(Conversation, user_id)
    if conversation is None:
        conversation = Conversation(user_id=user_id, flow=None, step=None, draft={}, version=0)
        session.add(conversation)
        await session.flush()
    return conversation


async def draft_of(session: AsyncSession, channel: str, external_id: str) -> dict[str, Any] | None:
    """Return the draft of a person's conversation, without creating anything."""
    row = await session.execute(
        select(Conversation.draft)
        .join(User, User.id == Conversation.user_id)
        .where(User.channel == channel, User.external_id == external_id)
    )
    return row.scalar_one_or_none()


async def flow_of(session: AsyncSession, channel: str, external_id: str) -> str | None:
    """Return the flow a person's conversation is in, without creating anything."""
    row = await session.execute(
        select(Conversation.flow)
        .join(User, User.id == Conversation.user_id)
        .where(User.channel == channel, User.external_id == external_id)
    )
    return row.scalar_one_or_none()
