"""Inbox of received updates and outbox of messages to send (docs/architecture.md)."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, BigIntId, str_enum, utcnow


class InboxStatus(enum.StrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class InboxUpdate(Base):
    """One update as received (raw JSON), stored before it is acknowledged."""

    __tablename__ = "inbox"
    __table_args__ = (
        UniqueConstraint("channel", "update_id"),
        Index("ix_inbox_status_chat", "status", "chat_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), default="telegram")
    update_id: Mapped[int] = mapped_column(BigInteger)
    # Updates of one chat are handled in order; None for updates without a chat (e.g. polls).
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    payload: Mapped[dict[str, Any]]
    status: Mapped[InboxStatus] = mapped_column(str_enum(InboxStatus), default=InboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    # Error class and short reason only: never message text.
    last_error: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[datetime | None]


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNDELIVERABLE = "undeliverable"
    # Failed, looked at and let go by an operator (`python -m bot outbox dismiss`).
    DISMISSED = "dismissed"


class OutboxMessage(Base):
    """A message to send: ids and a catalog key with arguments, rendered only when sent."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_due", "status", "priority", "not_before", "id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), default="telegram")
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # What to send: "answer" (a rendered catalog message), "alert", "status", "photo", ...
    kind: Mapped[str] = mapped_column(String(24))
    payload: Mapped[dict[str, Any]]
    # 0 = a reply to someone waiting in the chat; larger = background (alerts, status updates).
    priority: Mapped[int] = mapped_column(default=10)
    status: Mapped[OutboxStatus] = mapped_column(
        str_enum(OutboxStatus), default=OutboxStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    # When a pending row is due; while `sending`, also a lease for processes of releases that
    # did not know claimed_by (a rolling upgrade).
    not_before: Mapped[datetime] = mapped_column(default=utcnow)
    # While `sending`: the owner id of the process sending it (bot/pipeline/locks.py); the row
    # goes back in line as soon as that process is gone. None on SQLite (one process).
    claimed_by: Mapped[int | None] = mapped_column(BigInteger)
    last_error: Mapped[str | None] = mapped_column(Text)
    # The inbox row this answers, so a test (and an operator) can follow an update to its reply.
    inbox_id: Mapped[int | None] = mapped_column(BigInteger)
    # Telegram's message id once sent (for later edits, e.g. of an officer's alert).
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
