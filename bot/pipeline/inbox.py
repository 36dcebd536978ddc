"""Store received updates in the inbox, once each, before they are acknowledged."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

from sqlalchemy import Table, delete
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.base import utcnow
from db.models.pipeline import InboxStatus, InboxUpdate

# Stores a batch of raw updates in the inbox; returns how many were new (poller and webhook).
StoreUpdates = Callable[[list[dict[str, Any]]], Awaitable[int]]

log = logging.getLogger(__name__)

CHANNEL = "telegram"
# The inbox's id columns are signed 64-bit integers.
ID_RANGE = range(-(2**63), 2**63)
# Telegram's updates nest a few levels (a message, its reply, a user); far deeper is not one of
# them, and serialising it again could exhaust Python's recursion limit.
MAX_DEPTH = 64


class MalformedUpdate(ValueError):
    """A body that cannot be an update (the webhook answers 400; polling skips it)."""


def parse_update(body: bytes) -> dict[str, Any]:
    """Parse a webhook body into an update fit to store, or raise MalformedUpdate."""
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        # ValueError includes UnicodeDecodeError and integers too long to convert.
        raise MalformedUpdate("not JSON") from None
    return checked_update(payload)


def checked_update(payload: object) -> dict[str, Any]:
    """Return the update as it can be stored, or raise MalformedUpdate saying why not.

    Strings keep their text except what no database column can hold: NUL characters
    (PostgreSQL's jsonb refuses them) are dropped, as every control character is dropped from a
    person's text later (bot/conversation.py), and unpaired surrogates (not UTF-8) become U+FFFD.
    """
    if not isinstance(payload, dict):
        raise MalformedUpdate("not a JSON object")
    update_id = payload.get("update_id")
    if type(update_id) is not int or update_id not in ID_RANGE:
        raise MalformedUpdate("no update_id that fits 64 bits")
    if _needs_cleaning(payload):
        cleaned = _cleaned(payload)
        assert isinstance(cleaned, dict)
        return cleaned
    return payload


def _needs_cleaning(payload: dict[str, Any]) -> bool:
    """Walk the document without recursion: too deep or NaN raises; odd strings say True."""
    dirty = False
    stack: list[tuple[object, int]] = [(payload, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise MalformedUpdate(f"nested deeper than {MAX_DEPTH}")
            if isinstance(value, dict):
                dirty = dirty or any(not _storable(key) for key in value)
                stack.extend((item, depth + 1) for item in value.values())
            else:
                stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, float) and not math.isfinite(value):
            raise MalformedUpdate("NaN or infinity")
        elif isinstance(value, str) and not _storable(value):
            dirty = True
    return dirty


def _storable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _clean_text(text: str) -> str:
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.replace("\x00", "")


def _cleaned(value: object) -> object:
    # Depth is at most MAX_DEPTH here (checked before).
    if isinstance(value, dict):
        return {_clean_text(key): _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, str) and not _storable(value):
        return _clean_text(value)
    return value


def chat_of(payload: dict[str, Any]) -> int | None:
    """Return the chat an update belongs to (its sender for chat-less updates, e.g. inline)."""
    for key, value in payload.items():
        if key == "update_id" or not isinstance(value, dict):
            continue
        # Raw JSON from Telegram is trusted for shape only as far as it is checked here: a
        # malformed update must still be stored (and fail alone later), never stop receiving.
        for holder in (value, value.get("message")):
            chat = holder.get("chat") if isinstance(holder, dict) else None
            if isinstance(chat, dict) and _an_id(chat.get("id")):
                return int(chat["id"])
        for user_key in ("from", "user", "voter_chat"):
            who = value.get(user_key)
            if isinstance(who, dict) and _an_id(who.get("id")):
                return int(who["id"])
    return None


def _an_id(value: object) -> bool:
    return type(value) is int and value in ID_RANGE


def _unique(payloads: Sequence[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    batch: dict[int, dict[str, Any]] = {}
    for payload in payloads:
        try:
            update = checked_update(payload)
        except MalformedUpdate as exc:
            log.warning("inbox: ignored a malformed update (%s)", exc)
            continue
        batch.setdefault(update["update_id"], update)
    return batch


@dataclass(frozen=True)
class StoredUpdate:
    """An update this process has just stored (the dispatcher takes it without a query)."""

    id: int
    update_id: int
    chat_id: int | None
    payload: dict[str, Any]


_INBOX = cast(Table, InboxUpdate.__table__)


async def _insert_new(
    session: AsyncSession, batch: dict[int, dict[str, Any]]
) -> list[StoredUpdate]:
    # One statement: ids stored already (by us before a crash, or by another process at this
    # very moment) are skipped by the unique (channel, update_id) and not returned. Membership,
    # not "greater than the last id": Telegram's ids restart after long pauses.
    dialect = session.get_bind().dialect.name
    insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
    statement = (
        insert(_INBOX)
        .on_conflict_do_nothing(index_elements=[_INBOX.c.channel, _INBOX.c.update_id])
        .returning(_INBOX.c.id, _INBOX.c.update_id)
    )
    chats = {uid: chat_of(payload) for uid, payload in batch.items()}
    values = [
        {"channel": CHANNEL, "update_id": uid, "chat_id": chats[uid], "payload": payload}
        for uid, payload in batch.items()
    ]
    stored = (await session.execute(statement, values)).all()
    # RETURNING keeps no order: in the order Telegram numbered them.
    return [
        StoredUpdate(row_id, uid, chats[uid], batch[uid])
        for row_id, uid in sorted(stored, key=lambda row: row[1])
    ]


async def store_batch(
    sessions: async_sessionmaker[AsyncSession], payloads: Sequence[dict[str, Any]]
) -> list[StoredUpdate]:
    """Store a batch in one transaction, skipping update ids already stored; return the new."""
    batch = _unique(payloads)
    if not batch:
        return []
    async with sessions() as session:
        stored = await _insert_new(session, batch)
        await session.commit()
    return stored


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
