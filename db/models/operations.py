"""Officer operations: leave with substitutes, and the periodic jobs' bookkeeping."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, BigIntId, utcnow


class OfficerAbsence(Base):
    """An officer away on some days (inclusive), maybe with a substitute who gets the alerts."""

    __tablename__ = "officer_absences"
    __table_args__ = (Index("ix_officer_absences_officer", "officer_id", "ends_on"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"))
    # Local calendar days ([bot] timezone), both inclusive.
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    substitute_officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("officers.id", ondelete="SET NULL")
    )
    created_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Cancelled absences stay for the audit trail; they no longer count.
    cancelled_at: Mapped[datetime | None]


class JobRun(Base):
    """A periodic job's run for one period (e.g. the digest of one day): inserted once, ever.

    The row is written in the same transaction as the job's messages, so a second bot process
    doing the same work meets the unique constraint and rolls back.
    """

    __tablename__ = "job_runs"
    __table_args__ = (UniqueConstraint("name", "period"),)

    id: Mapped[int] = mapped_column(BigIntId, primary_key=True)
    name: Mapped[str] = mapped_column(String(48))
    period: Mapped[str] = mapped_column(String(32))
    ran_at: Mapped[datetime] = mapped_column(default=utcnow)
