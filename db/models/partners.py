"""Partner institutions of the programme (Straż Miejska, road authorities, gmina offices, housing
cooperatives) and the reports officers hand to them.

A partner is directory data (partners.csv, per gmina); its chat is linked only by redeeming a
one-time invite (`python -m bot partners invite CODE`), like an officer's account.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, BigIntId, utcnow


class Partner(Base):
    """An institution that acts on reports officers forward to it, in one gmina."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # What it is, as staff write it: "Straż Miejska", "zarząd dróg", "urząd gminy"...
    kind: Mapped[str] = mapped_column(String(100))
    # The gmina it serves, as districts.csv names it; "*" serves the whole area.
    gmina: Mapped[str] = mapped_column(String(100))
    # How staff reach it outside the bot (phone, e-mail); never shown to residents.
    contact: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    # Set only by redeeming an invite in the partner's chat (a group or a private chat).
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    chat_title: Mapped[str | None] = mapped_column(String(200))
    linked_at: Mapped[datetime | None]


class HandoverState:
    """Where a hand-over stands (partner_handovers.state)."""

    SENT = "sent"
    ACCEPTED = "accepted"
    DONE = "done"
    NOT_OURS = "not_ours"


class Handover(Base):
    """One report handed to one partner: what it answered, and whether its silence escalated."""

    __tablename__ = "partner_handovers"
    __table_args__ = (Index("ix_partner_handovers_state_sent_at", "state", "sent_at"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"))
    # The officer who handed it over (the report goes back to them on "Not ours").
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    state: Mapped[str] = mapped_column(String(16), default=HandoverState.SENT)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]
    # Set when the partner's silence was escalated to the coordinators (once).
    escalated_at: Mapped[datetime | None]
