"""Conversation state, stored with every step so a restart or a day away loses nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, utcnow


class Conversation(Base):
    """Where one user is in a flow (report, lookup, ...), with the draft entered so far."""

    __tablename__ = "conversations"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # None = no flow in progress (main menu).
    flow: Mapped[str | None] = mapped_column(String(32))
    step: Mapped[str | None] = mapped_column(String(32))
    draft: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Increases with every step; callback data carries it so stale buttons are recognised.
    version: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime | None]
    # An unfinished flow put aside while another runs (a report during /dzielnicowy):
    # {"flow", "step", "draft"}; it expires with the conversation.
    parked: Mapped[dict[str, Any] | None]
