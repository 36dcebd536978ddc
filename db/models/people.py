"""People the bot talks to, and reporters' identities kept apart from their reports."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, BigIntId, str_enum, utcnow

if TYPE_CHECKING:
    from db.models.conversation import Conversation


class Role(enum.StrEnum):
    """What a user may do; officers and coordinators only through an invite."""

    RESIDENT = "resident"
    OFFICER = "officer"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class User(Base):
    """A person on one channel (Telegram now, Signal later), known by that channel's id."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), default="telegram")
    # Telegram user id as text, so a Signal UUID fits the same column.
    external_id: Mapped[str] = mapped_column(String(64))
    # The private chat to write to (for Telegram the same number as the user id).
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    # None until the resident picked a language; the app's language_code is only a suggestion.
    language: Mapped[str | None] = mapped_column(String(8))
    role: Mapped[Role] = mapped_column(str_enum(Role), default=Role.RESIDENT)
    blocked: Mapped[bool] = mapped_column(default=False)
    # The user blocked the bot (403 or a "kicked" member update): nothing is sent until they return.
    undeliverable: Mapped[bool] = mapped_column(default=False)
    invite_failures: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Read only with the user in a turn (`ensure_user`), so that the session keeps the row for
    # `load_conversation`; never written through (conversations are written as their own rows).
    conversation: Mapped[Conversation | None] = relationship(lazy="raise", viewonly=True)


class Reporter(Base):
    """Who reported: identity, optional phone and consent; a report can be unlinked from it."""

    __tablename__ = "reporters"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    display_name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    # When the reporter agreed that officers may see the phone; None = no consent.
    phone_consent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RateMark(Base):
    """Something a person did that is limited per day (e.g. looking for similar reports).

    Kept in the database, not in memory, so a restart or a second process does not reset the
    limit; the retention job deletes marks older than a few days.
    """

    __tablename__ = "rate_marks"
    __table_args__ = (Index("ix_rate_marks_user_kind_at", "user_id", "kind", "at"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(default=utcnow)
