"""Store received updates in the inbox, once each, before they are acknowledged."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.base import utcnow
from db.models.pipeline import InboxStatus, InboxUpdate

log = logging.getLogger(__name__)

CHANNEL = "telegram"


def chat_of(payload: dict[str, Any]) -> int | None:
    """Return the chat an update belongs to (its sender for chat-less updates, e.g. inline)."""
    for key, value in payload.items():
        if key == "update_id" or not isinstance(value, dict):
            continue
        # Raw JSON from Telegram is trusted for shape only as far as it is checked here: a
        # malformed update must still be stored (and fail alone later), never stop receiving.
        for holder in (value, value.get("message")):
            chat = holder.get("chat") if isinstance(holder, dict) else None
            if isinstance(chat, dict) and isinstance(chat.get("id"), int):
                return int(chat["id"])
        for user_key in ("from", "user", "voter_chat"):
            who = value.get(user_key)
            if isinstance(who, dict) and isinstance(who.get("id"), int):
                return int(who["id"])
    return None


def _unique(payloads: Sequence[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    batch: dict[int, dict[str, Any]] = {}
    for payload in payloads:
        update_id = payload.get("update_id")
        if isinstance(update_id, int):
            batch.setdefault(update_id, payload)
        else:
            log.warning("inbox: ignored an update without an update_id")
    return batch


async def _insert_new(session: AsyncSession, batch: dict[int, dict[str, Any]]) -> int:
    # Membership, not "greater than the last id": Telegram's ids restart after long pauses.
    known = set(
        (
            await session.scalars(
                select(InboxUpdate.update_id).where(
                    InboxUpdate.channel == CHANNEL, InboxUpdate.update_id.in_(list(batch))
                )
            )
        ).all()
    )
    fresh = [(uid, payload) for uid, payload in batch.items() if uid not in known]
    session.add_all(
        InboxUpdate(channel=CHANNEL, update_id=uid, chat_id=chat_of(payload), payload=payload)
        for uid, payload in fresh
    )
    return len(fresh)


async def store_batch(
    sessions: async_sessionmaker[AsyncSession], payloads: Sequence[dict[str, Any]]
) -> int:
    """Store a batch in one transaction, skipping update ids already stored; return how many."""
    batch = _unique(payloads)
    if not batch:
        return 0
    for attempt in (1, 2):
        async with sessions() as session:
            try:
                added = await _insert_new(session, batch)
                await session.commit()
                return added
            except IntegrityError:
                # Another process stored one of these ids between our check and our insert.
                await session.rollback()
                if attempt == 2:
                    raise
    raise AssertionError("unreachable")


async def purge_done(sessions: async_sessionmaker[AsyncSession], retention_hours: float) -> int:
    """Delete handled updates older than the retention period (they hold message text)."""
    cutoff = utcnow() - timedelta(hours=retention_hours)
    async with sessions() as session:
        result = await session.execute(
            delete(InboxUpdate).where(
                InboxUpdate.status == InboxStatus.DONE, InboxUpdate.received_at < cutoff
            )
        )
        await session.commit()
    removed = int(getattr(result, "rowcount", 0) or 0)
    if removed:
        log.info("inbox: purged %d handled updates older than %s h", removed, retention_hours)
    return removed
