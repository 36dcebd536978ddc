"""Outbox rows as later turns need them (e.g. which message an earlier reply became)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.pipeline import OutboxMessage


async def sent_message_id(session: AsyncSession, outbox_id: int, chat_id: int) -> int | None:
    """Return Telegram's id of the message an outbox row sent to a chat (None if not sent)."""
    found = await session.scalar(
        select(OutboxMessage.message_id).where(
            OutboxMessage.id == outbox_id, OutboxMessage.chat_id == chat_id
        )
    )
    return int(found) if found is not None else None
