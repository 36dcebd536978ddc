"""Reports of threats, their photos, followers ("I see it too") and the audit trail."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, BigIntId, str_enum, utcnow


class ReportStatus(enum.StrEnum):
    """KMZB's statuses, plus the steps our officers record on the way."""

    NEW = "new"
    TAKEN = "taken"
    VERIFYING = "verifying"
    CONFIRMED = "confirmed"
    NOT_CONFIRMED = "not_confirmed"
    ELIMINATED = "eliminated"
    FORWARDED = "forwarded"
    REOPENED = "reopened"
    # The reporter withdrew it (closed; only a comment can still be added).
    WITHDRAWN = "withdrawn"


OPEN_STATUSES = frozenset(
    {
        ReportStatus.NEW,
        ReportStatus.TAKEN,
        ReportStatus.VERIFYING,
        ReportStatus.CONFIRMED,
        ReportStatus.REOPENED,
    }
)


class Report(Base):
    """A resident's report of a local threat."""

    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_district_status", "district_id", "status"),
        Index("ix_reports_category_created", "category", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    # KN-2026-000123: what residents and officers quote.
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    category: Mapped[str] = mapped_column(String(48))
    # Free text for the category "inne" (other).
    category_other: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[ReportStatus] = mapped_column(str_enum(ReportStatus), default=ReportStatus.NEW)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # "point" (shared location or venue) or "address" (typed, resolved offline).
    location_source: Mapped[str] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(String(300))
    # Normalised street key and house number, for "same street within N numbers" duplicates.
    street_key: Mapped[str | None] = mapped_column(String(200))
    house_number: Mapped[int | None]
    # When: {"kind": "now" | "today" | "other_day" | "recurring", ...details}
    occurred: Mapped[dict[str, Any]] = mapped_column(default=dict)
    description: Mapped[str | None] = mapped_column(Text)
    anonymous: Mapped[bool] = mapped_column(default=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("reporters.id", ondelete="SET NULL"))
    # The resident who reported (for "my reports" and status messages); never shown to officers.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    language: Mapped[str] = mapped_column(String(8), default="pl")
    taken_by_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    forwarded_to: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    taken_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # Deadline bookkeeping (escalation, reminders) so each runs once across processes.
    escalated_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
    # When the deadlines started counting, if not at created_at (a reopen or a hand-over).
    deadline_from: Mapped[datetime | None]
    # When the retention job removed the reporter's data (a closed report kept for statistics).
    anonymised_at: Mapped[datetime | None]
    # What the public side may know of the place (bot/usecases/report/public.py): the centre of
    # the grid cell of the point, and a typed address without its house number. "I see it too"
    # and default exports use only these; an anonymised report keeps only these.
    public_lat: Mapped[float | None] = mapped_column(Float)
    public_lon: Mapped[float | None] = mapped_column(Float)
    public_address: Mapped[str | None] = mapped_column(String(300))


class ReportPhoto(Base):
    """A photo re-encoded without metadata, stored so any bot process can send it."""

    __tablename__ = "report_photos"
    __table_args__ = (UniqueConstraint("report_id", "position"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    position: Mapped[int]
    content: Mapped[bytes] = mapped_column(LargeBinary)
    mime_type: Mapped[str] = mapped_column(String(32), default="image/jpeg")
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int]
    height: Mapped[int]
    # Telegram's file id after the first upload: only a cache, it belongs to one bot.
    telegram_file_id: Mapped[str | None] = mapped_column(String(200))


class ReportFollower(Base):
    """A resident told of a report's changes: "I see it too" confirmations subscribe here."""

    __tablename__ = "report_followers"
    __table_args__ = (UniqueConstraint("report_id", "user_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The resident left the report in My reports: told of nothing more; the confirmation stays.
    left_at: Mapped[datetime | None]


class AuditEvent(Base):
    """Who did what, when: status changes, phone reveals, links, exports, blocks."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_report", "report_id", "id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    action: Mapped[str] = mapped_column(String(48))
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    subject_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str | None] = mapped_column(String(24))
    note: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AlertMessage(Base):
    """A live view: a message that shows a report to an officer, coordinator or duty group.

    Alerts, escalations, the /zgloszenie card and its history are all recorded here, and every
    change of the report edits each live view (bot/usecases/officers/views.py).
    """

    __tablename__ = "alert_messages"
    __table_args__ = (
        Index("ix_alert_messages_report", "report_id", "chat_id"),
        Index("ix_alert_messages_chat", "chat_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    # "alert" (sent because of the report), "card" (/zgloszenie, a list entry), "history".
    kind: Mapped[str] = mapped_column(String(16), default="alert")
    # Why an alert went to this chat (officers-reason-*), and the language it is written in.
    reason: Mapped[str | None] = mapped_column(String(32))
    lang: Mapped[str | None] = mapped_column(String(8))
    # Filled in once Telegram answered.
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    outbox_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A newer view of the report in the same chat replaced it: no longer edited.
    retired_at: Mapped[datetime | None]
