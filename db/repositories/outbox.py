"""Outbox rows as later turns need them, and a turn's claim on the rows it sends itself."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Dialect, exists, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from db.models.pipeline import OutboxMessage, OutboxStatus
from db.sqlite_trips import execute_in_one_trip


async def sent_message_id(session: AsyncSession, outbox_id: int, chat_id: int) -> int | None:
    """Return Telegram's id of the message an outbox row sent to a chat (None if not sent)."""
    found = await session.scalar(
        select(OutboxMessage.message_id).where(
            OutboxMessage.id == outbox_id, OutboxMessage.chat_id == chat_id
        )
    )
    return int(found) if found is not None else None


@dataclass(frozen=True)
class Handover:
    """New rows a turn claims for sending in its own transaction (db/uow.py, UnitOfWork.commit).

    `ids`: for each chat, the first of the turn's rows in that chat's order (never a row after
    one that is not offered). `claimed_by` and `lease_until` are written as a delivery worker's
    claim writes them.
    """

    ids: tuple[int, ...]
    claimed_by: int | None
    lease_until: datetime


_EARLIER = aliased(OutboxMessage, name="earlier")
_UNSENT = (OutboxStatus.PENDING, OutboxStatus.SENDING)


async def claim_handover(session: AsyncSession, handover: Handover) -> set[int]:
    """Mark the offered rows `sending` unless an earlier unsent row of their chat exists.

    Returns the ids marked. A chat's line is kept as the delivery worker's claim keeps it: a
    row goes only when no row queued before it in its chat (other than the offered ones) is
    still pending or being sent.
    """
    offered = list(handover.ids)
    earlier = exists().where(
        _EARLIER.chat_id == OutboxMessage.chat_id,
        _EARLIER.status.in_(_UNSENT),
        _EARLIER.id < OutboxMessage.id,
        _EARLIER.id.not_in(offered),
    )
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id.in_(offered),
            OutboxMessage.status == OutboxStatus.PENDING,
            ~earlier,
        )
        .values(
            status=OutboxStatus.SENDING,
            claimed_by=handover.claimed_by,
            not_before=handover.lease_until,
        )
        .returning(OutboxMessage.id)
        .execution_options(synchronize_session=False)
    )
    return {int(found) for found in result.scalars()}


def claim_handover_sqlite(handover: Handover, dialect: Dialect) -> tuple[str, tuple[Any, ...]]:
    """Return claim_handover's statement for SQLite's driver (SQL with `?`, its parameters).

    For the one-trip path of db/uow.py, which runs it on the driver's thread beside the
    inbox mark and the COMMIT; the same condition as claim_handover.
    """
    marks = ", ".join("?" * len(handover.ids))
    sql = (
        "UPDATE outbox SET status = ?, claimed_by = ?, not_before = ? "
        f"WHERE id IN ({marks}) AND status = ? AND NOT EXISTS ("
        "SELECT 1 FROM outbox AS earlier WHERE earlier.chat_id = outbox.chat_id "
        "AND earlier.status IN (?, ?) AND earlier.id < outbox.id "
        f"AND earlier.id NOT IN ({marks})) RETURNING id"
    )
    bind = OutboxMessage.__table__.c.not_before.type.dialect_impl(dialect).bind_processor(dialect)
    lease: Any = bind(handover.lease_until) if bind is not None else handover.lease_until
    params = (
        OutboxStatus.SENDING.value,
        handover.claimed_by,
        lease,
        *handover.ids,
        OutboxStatus.PENDING.value,
        *(status.value for status in _UNSENT),
        *handover.ids,
    )
    return sql, params


def first_in_line(rows: Sequence[OutboxMessage], eligible: Any) -> list[int]:
    """Return the ids of `rows` that `eligible` accepts and that no refused row precedes in
    their chat (rows in the order they were queued)."""
    refused: set[int] = set()
    ids: list[int] = []
    for row in sorted(rows, key=lambda row: row.id):
        if row.chat_id in refused:
            continue
        if eligible(row):
            ids.append(row.id)
        else:
            refused.add(row.chat_id)
    return ids


_SQLITE_MARK_SENT = (
    "UPDATE outbox SET status = ?, message_id = ?, sent_at = ?, attempts = ? WHERE id = ?"
)


async def mark_sent_and_commit(session: AsyncSession, sent: Sequence[dict[str, Any]]) -> None:
    """Record sent rows (`id`, `message_id`, `sent_at`, `attempts`) and commit.

    On SQLite the UPDATE of every row and the COMMIT go to the driver's thread in one trip
    (db/sqlite_trips.py); the ORM's bulk update by primary key took two (and its Python).
    """
    conn = await session.connection()  # begins the transaction (BEGIN IMMEDIATE) if needed
    if conn.dialect.name == "sqlite" and conn.dialect.driver == "aiosqlite":
        column = OutboxMessage.__table__.c.sent_at
        bind = column.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        params = [
            (
                OutboxStatus.SENT.value,
                values["message_id"],
                bind(values["sent_at"]) if bind is not None else values["sent_at"],
                values["attempts"],
                values["id"],
            )
            for values in sent
        ]
        raw = await conn.get_raw_connection()
        try:
            await execute_in_one_trip(
                raw.dbapi_connection, _SQLITE_MARK_SENT, params, many=True, commit=True
            )
        except sqlite3.Error as exc:
            # As SQLAlchemy would raise it, so the caller tells a busy database from a bug.
            raise OperationalError(_SQLITE_MARK_SENT, None, exc) from exc
    else:
        await session.execute(
            update(OutboxMessage), [values | {"status": OutboxStatus.SENT} for values in sent]
        )
    await session.commit()
