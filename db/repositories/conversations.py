"""Conversation state rows."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from db.models.conversation import Conversation


async def load_conversation(session: AsyncSession, user_id: int) -> Conversation:
    """Return the user's conversation row, creating an idle one on first use."""
    conversation = await session.get(Conversation, user_id)
    if conversation is None:
        conversation = Conversation(user_id=user_id, flow=None, step=None, draft={}, version=0)
        session.add(conversation)
        await session.flush()
    return conversation
