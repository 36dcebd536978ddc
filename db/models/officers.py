"""One-time invites that link an officer's Telegram account (never self-declared)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, BigIntId, utcnow


class Invite(Base):
    """A single-use deep-link code; only its hash is stored."""

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # "officer" links an officer (role from the officer record); "duty_group" registers a group.
    purpose: Mapped[str] = mapped_column(String(16), default="officer")
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    # "partner": links a partner institution's chat (bot/usecases/partners).
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
