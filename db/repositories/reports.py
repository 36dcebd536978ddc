"""Reports, their photos and their alerts' messages: plain reads and deletes several features share.

Never commits: the caller's unit of work does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.directory import District
from db.models.people import Reporter
from db.models.reports import AlertMessage, Report, ReportFollower, ReportPhoto

# A report for an export: the report, its district's code and name, its reporter, its followers.
ExportRow = tuple[Report, str | None, str | None, Reporter | None, int | None]


async def count_photos(session: AsyncSession, report_id: int) -> int | None:
    """Count a report's photos."""
    return await session.scalar(
        select(func.count()).select_from(ReportPhoto).where(ReportPhoto.report_id == report_id)
    )


async def alerted_chats(session: AsyncSession, report_id: int) -> set[int]:
    """Return the chats that hold an alert of the report."""
    rows = await session.scalars(
        select(AlertMessage.chat_id).where(AlertMessage.report_id == report_id)
    )
    return set(rows.all())


async def forget_alert_in_chat(session: AsyncSession, report_id: int, chat_id: int) -> None:
    """Delete the record of the report's alerts in one chat."""
    await session.execute(
        delete(AlertMessage).where(
            AlertMessage.report_id == report_id, AlertMessage.chat_id == chat_id
        )
    )


async def reports_for_export(session: AsyncSession, since: datetime) -> Sequence[ExportRow]:
    """Return the reports created since a moment, oldest first, with district, reporter and
    the number of residents who said "I see it too"."""
    confirmations = (
        select(func.count(ReportFollower.id))
        .where(ReportFollower.report_id == Report.id)
        .scalar_subquery()
    )
    query = (
        select(Report, District.code, District.name, Reporter, confirmations)
        .outerjoin(District, District.id == Report.district_id)
        .outerjoin(Reporter, Reporter.id == Report.reporter_id)
        .where(Report.created_at >= since)
        .order_by(Report.created_at, Report.id)
    )
    return (await session.execute(query)).all()
