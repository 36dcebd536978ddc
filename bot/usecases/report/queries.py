"""Residents' reports' statements: sending, "I see it too", "My reports", answers and additions.

Every function takes the session and never commits: the turn that calls it owns the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.directory import District
from db.models.reports import OPEN_STATUSES, AuditEvent, Report, ReportFollower, ReportPhoto

# A box of public points: (lowest lat, highest lat, lowest lon, highest lon).
Box = tuple[float, float, float, float]

# ---- sending ---------------------------------------------------------------------------------


async def sent_since(session: AsyncSession, user_id: int, since: datetime) -> list[datetime]:
    """Return when the resident sent each report after `since`, oldest first."""
    return list(
        await session.scalars(
            select(Report.created_at)
            .where(Report.user_id == user_id, Report.created_at > since)
            .order_by(Report.created_at)
        )
    )


async def highest_reference(session: AsyncSession, stem: str) -> str | None:
    """Return the highest reference starting with `stem` (KN-2026-), if any."""
    # Longest first: past 999999 the numbers grow a digit and would sort wrong as text.
    return await session.scalar(
        select(Report.reference)
        .where(Report.reference.like(f"{stem}%"))
        .order_by(func.length(Report.reference).desc(), Report.reference.desc())
        .limit(1)
    )


async def district_id_by_code(session: AsyncSession, code: str) -> int | None:
    """Return the id of the district with that code, if any."""
    return await session.scalar(select(District.id).where(District.code == code))


# ---- "I see it too" --------------------------------------------------------------------------


async def open_reports_near(
    session: AsyncSession,
    category: str,
    since: datetime,
    user_id: int,
    box: Box | None,
    street_key: str | None,
) -> list[Report]:
    """Return open reports of a category since a moment, not the resident's own, whose public
    point is in the box or whose street is the given one."""
    near = []
    if box is not None:
        # A bounding box in SQL (portable, index-friendly); the caller checks the distance.
        near.append(
            and_(
                Report.public_lat.between(box[0], box[1]),
                Report.public_lon.between(box[2], box[3]),
            )
        )
    if street_key:
        near.append(Report.street_key == street_key)
    rows = await session.scalars(
        select(Report).where(
            Report.category == category,
            Report.status.in_(OPEN_STATUSES),
            Report.created_at >= since,
            # Your own report is in "My reports"; confirming it would count you twice.
            or_(Report.user_id.is_(None), Report.user_id != user_id),
            or_(*near),
        )
    )
    return list(rows)


async def follower_row(
    session: AsyncSession, report_id: int, user_id: int
) -> ReportFollower | None:
    """Return the resident's "I see it too" on a report, also one they left."""
    return await session.scalar(
        select(ReportFollower).where(
            ReportFollower.report_id == report_id, ReportFollower.user_id == user_id
        )
    )


async def follower_user_ids(session: AsyncSession, report_id: int) -> list[int]:
    """Return the ids of a report's followers in the order they confirmed it."""
    rows = await session.scalars(
        select(ReportFollower.user_id)
        .where(ReportFollower.report_id == report_id)
        .order_by(ReportFollower.id)
    )
    return list(rows.all())


def _still_following(report_id: int, user_id: int) -> list[ColumnElement[bool]]:
    return [
        ReportFollower.report_id == report_id,
        ReportFollower.user_id == user_id,
        ReportFollower.left_at.is_(None),
    ]


async def current_follow(
    session: AsyncSession, report_id: int, user_id: int
) -> ReportFollower | None:
    """Return the resident's "I see it too" on a report, unless they left it."""
    return await session.scalar(select(ReportFollower).where(*_still_following(report_id, user_id)))


async def followed_report_id(session: AsyncSession, report_id: int, user_id: int) -> int | None:
    """Return the report's id if the resident follows it (and did not leave it)."""
    return await session.scalar(
        select(ReportFollower.report_id).where(*_still_following(report_id, user_id))
    )


async def count_followers(session: AsyncSession, report_id: int) -> int | None:
    """Count the residents who said "I see it too" about a report (also those who left)."""
    return await session.scalar(
        select(func.count())
        .select_from(ReportFollower)
        .where(ReportFollower.report_id == report_id)
    )


# ---- "My reports" ----------------------------------------------------------------------------


def _mine(user_id: int) -> ColumnElement[bool]:
    followed = select(ReportFollower.report_id).where(
        ReportFollower.user_id == user_id, ReportFollower.left_at.is_(None)
    )
    # The resident's own reports, and those they joined with "I see it too".
    return or_(Report.user_id == user_id, Report.id.in_(followed))


async def count_mine(session: AsyncSession, user_id: int) -> int:
    """Count the resident's own and followed reports."""
    return await session.scalar(select(func.count()).select_from(Report).where(_mine(user_id))) or 0


async def mine_page(session: AsyncSession, user_id: int, offset: int, limit: int) -> list[Report]:
    """Return a page of the resident's own and followed reports, newest first."""
    reports = await session.scalars(
        select(Report)
        .where(_mine(user_id))
        .order_by(Report.created_at.desc(), Report.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(reports)


async def latest_report_of(session: AsyncSession, user_id: int) -> Report | None:
    """Return the resident's most recent report, if any."""
    return await session.scalar(
        select(Report)
        .where(Report.user_id == user_id)
        .order_by(Report.created_at.desc(), Report.id.desc())
        .limit(1)
    )


async def report_events(session: AsyncSession, report_id: int) -> list[AuditEvent]:
    """Return a report's audit trail, in order."""
    return list(
        await session.scalars(
            select(AuditEvent).where(AuditEvent.report_id == report_id).order_by(AuditEvent.id)
        )
    )


# ---- the resident's answers and additions ----------------------------------------------------


async def added_photo_count(session: AsyncSession, report_id: int, actions: Sequence[str]) -> int:
    """Count the photos named by the report's audit rows of some actions (the resident's)."""
    events = await session.scalars(
        select(AuditEvent.data).where(
            AuditEvent.report_id == report_id, AuditEvent.action.in_(actions)
        )
    )
    return sum(len(data.get("photo_ids") or []) for data in events.all())


async def last_photo_position(session: AsyncSession, report_id: int) -> int | None:
    """Return the position of the report's last photo (None: it has none)."""
    return await session.scalar(
        select(func.max(ReportPhoto.position)).where(ReportPhoto.report_id == report_id)
    )
