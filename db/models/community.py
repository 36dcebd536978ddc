"""The dzielnicowi in community life: residents subscribed to a district's news, the officers'
announcements and meetings, and who said they will come."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, BigIntId, JsonDoc, str_enum, utcnow


class DistrictSubscription(Base):
    """A resident who wants the news of a district (from the officer's card or /powiadomienia)."""

    __tablename__ = "district_subscriptions"
    __table_args__ = (
        UniqueConstraint("user_id", "district_id"),
        Index("ix_district_subscriptions_district", "district_id"),
    )

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    # Erasing the person (/usun_dane) deletes their subscriptions with the users row.
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The language the person used when subscribing: their news come in it while they have not
    # picked one (/jezyk; the app's language only suggests one).
    lang: Mapped[str | None] = mapped_column(String(8))


class AnnouncementKind(enum.StrEnum):
    """What an officer posts to the residents of their districts."""

    NEWS = "news"
    # E.g. a wave of scam phone calls: shown with a warning sign.
    WARNING = "warning"
    # A debate, a council session, office hours: a date, a place, "I'll come", a reminder.
    MEETING = "meeting"


class Audience(enum.StrEnum):
    """Who an announcement goes to: the subscribers of one district, a station, or all."""

    DISTRICT = "district"
    STATION = "station"
    # Every station of the directory (the powiat).
    ALL = "all"


class Announcement(Base):
    """A news item, warning or meeting, sent to the subscribers of its audience once confirmed."""

    __tablename__ = "announcements"
    __table_args__ = (Index("ix_announcements_reminder", "kind", "reminded_at", "starts_at"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id", ondelete="SET NULL"))
    kind: Mapped[AnnouncementKind] = mapped_column(str_enum(AnnouncementKind))
    # Meetings only: debate, council, office_hours.
    meeting_kind: Mapped[str | None] = mapped_column(String(24))
    audience: Mapped[Audience] = mapped_column(str_enum(Audience))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id", ondelete="SET NULL"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id", ondelete="SET NULL"))
    # The text by language: "pl" always, "uk" and "en" when the officer gave a translation.
    texts: Mapped[dict[str, Any]] = mapped_column(JsonDoc, default=dict)
    # Meetings: when (UTC), where, and an optional map pin.
    starts_at: Mapped[datetime | None]
    place: Mapped[str | None] = mapped_column(String(300))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # How many residents it was queued for when it was confirmed.
    recipients: Mapped[int] = mapped_column(default=0)
    # Claimed by the reminder job (UPDATE ... WHERE reminded_at IS NULL): reminded once. A
    # meeting moved more than a day ahead is reminded again (set back to NULL).
    reminded_at: Mapped[datetime | None]
    # Meetings: cancelled by its officer or a coordinator (no reminder, "I'll come" says so).
    cancelled_at: Mapped[datetime | None]
    # The outbox row of the officer's latest card of the meeting (the sending's confirmation or
    # a /spotkania entry): edited when someone says they will come, or the meeting changes.
    view_row_id: Mapped[int | None] = mapped_column(BigInteger)


class MeetingAttendee(Base):
    """A resident who pressed "I'll come" under a meeting (pressing again changes nothing)."""

    __tablename__ = "meeting_attendees"
    __table_args__ = (UniqueConstraint("announcement_id", "user_id"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(String(8), default="pl")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
