"""The officers' statements about reports: lists, the audit trail, live views, photos, followers.

Who the officers are, their districts, chats and invites are in `staff_queries.py`. Every function
takes the session and never commits: the turn, sender or command that calls it owns the
transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.directory import District
from db.models.people import User
from db.models.reports import (
    OPEN_STATUSES,
    AlertMessage,
    AuditEvent,
    Report,
    ReportFollower,
    ReportPhoto,
)

# ---- reports in the officers' lists --------------------------------------------------------


async def find_report(session: AsyncSession, reference: str) -> Report | None:
    """Return a report by reference ("kn-2026-000001" works too)."""
    cleaned = reference.strip().upper()
    if not cleaned or len(cleaned) > 32:
        return None
    return await session.scalar(select(Report).where(Report.reference == cleaned))


async def station_district_ids(session: AsyncSession, station_id: int) -> set[int]:
    """Return the ids of a station's districts."""
    rows = await session.scalars(select(District.id).where(District.station_id == station_id))
    return set(rows.all())


def _open_in(districts: Collection[int], unassigned: bool) -> list[ColumnElement[bool]]:
    in_districts: ColumnElement[bool] = Report.district_id.in_(districts)
    if unassigned:
        in_districts = or_(in_districts, Report.district_id.is_(None))
    return [Report.status.in_(list(OPEN_STATUSES)), in_districts]


async def count_open_reports(
    session: AsyncSession, districts: Collection[int], *, unassigned: bool
) -> int:
    """Count the open reports of some districts (and, with `unassigned`, of none)."""
    where = _open_in(districts, unassigned)
    return int(await session.scalar(select(func.count()).select_from(Report).where(*where)) or 0)


async def open_reports_page(
    session: AsyncSession, districts: Collection[int], *, unassigned: bool, offset: int, limit: int
) -> list[Report]:
    """Return a page of the open reports of some districts (and of none), oldest first."""
    reports = await session.scalars(
        select(Report)
        .where(*_open_in(districts, unassigned))
        .order_by(Report.created_at, Report.id)
        .offset(offset)
        .limit(limit)
    )
    return list(reports.all())


def _unseen_in(districts: Collection[int], chat_id: int) -> list[ColumnElement[bool]]:
    seen = select(AlertMessage.report_id).where(AlertMessage.chat_id == chat_id)
    return [
        Report.status.in_(list(OPEN_STATUSES)),
        Report.district_id.in_(districts),
        Report.id.not_in(seen),
    ]


async def count_unseen_reports(
    session: AsyncSession, districts: Collection[int], chat_id: int
) -> int:
    """Count the open reports of some districts never shown in a chat."""
    where = _unseen_in(districts, chat_id)
    return int(await session.scalar(select(func.count()).select_from(Report).where(*where)) or 0)


async def unseen_reports(
    session: AsyncSession, districts: Collection[int], chat_id: int, limit: int
) -> list[Report]:
    """Return the oldest open reports of some districts never shown in a chat."""
    reports = await session.scalars(
        select(Report)
        .where(*_unseen_in(districts, chat_id))
        .order_by(Report.created_at, Report.id)
        .limit(limit)
    )
    return list(reports.all())


# ---- the audit trail -------------------------------------------------------------------------


async def history_events(
    session: AsyncSession, report_id: int, hidden: Sequence[str]
) -> list[AuditEvent]:
    """Return a report's audit rows in order, without the `hidden` actions."""
    events = await session.scalars(
        select(AuditEvent)
        .where(AuditEvent.report_id == report_id, AuditEvent.action.not_in(hidden))
        .order_by(AuditEvent.id)
    )
    return list(events.all())


async def last_status_event(session: AsyncSession, report_id: int) -> AuditEvent | None:
    """Return the newest audit row that set the report's status."""
    return await session.scalar(
        select(AuditEvent)
        .where(AuditEvent.report_id == report_id, AuditEvent.to_status.is_not(None))
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )


async def latest_event(session: AsyncSession, report_id: int, action: str) -> AuditEvent | None:
    """Return the report's newest audit row of an action (e.g. the last hand-over)."""
    return await session.scalar(
        select(AuditEvent)
        .where(AuditEvent.report_id == report_id, AuditEvent.action == action)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )


async def latest_actor_officer(session: AsyncSession, report_id: int, action: str) -> int | None:
    """Return the officer of the report's newest audit row of an action (who asked last)."""
    return await session.scalar(
        select(AuditEvent.actor_officer_id)
        .where(AuditEvent.report_id == report_id, AuditEvent.action == action)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )


async def count_events_among(session: AsyncSession, report_id: int, actions: Sequence[str]) -> int:
    """Count the report's audit rows of some actions (e.g. the reporter's messages)."""
    where = (AuditEvent.report_id == report_id, AuditEvent.action.in_(actions))
    return int(
        await session.scalar(select(func.count()).select_from(AuditEvent).where(*where)) or 0
    )


async def latest_event_among(
    session: AsyncSession, report_id: int, actions: Sequence[str]
) -> AuditEvent | None:
    """Return the report's newest audit row of some actions."""
    where = (AuditEvent.report_id == report_id, AuditEvent.action.in_(actions))
    return await session.scalar(
        select(AuditEvent).where(*where).order_by(AuditEvent.id.desc()).limit(1)
    )


async def count_report_events(session: AsyncSession, report_id: int, action: str) -> int | None:
    """Count the report's audit rows of an action (e.g. how often it was reopened)."""
    return await session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.report_id == report_id, AuditEvent.action == action)
    )


async def count_user_events_since(
    session: AsyncSession, user_id: int, action: str, since: datetime
) -> int | None:
    """Count a person's audit rows of an action after a moment (e.g. their reopenings today)."""
    return await session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.actor_user_id == user_id,
            AuditEvent.action == action,
            AuditEvent.at > since,
        )
    )


# ---- residents of a report -------------------------------------------------------------------


async def count_confirmations(session: AsyncSession, report: Report) -> int:
    """Count the residents who said "I see it too" (the reporter does not count)."""
    query = (
        select(func.count())
        .select_from(ReportFollower)
        .where(ReportFollower.report_id == report.id)
    )
    if report.user_id is not None:
        query = query.where(ReportFollower.user_id != report.user_id)
    return int(await session.scalar(query) or 0)


async def follower_id(session: AsyncSession, report_id: int, user_id: int) -> int | None:
    """Return the id of the resident's "I see it too" on a report (also one they left)."""
    return await session.scalar(
        select(ReportFollower.id).where(
            ReportFollower.report_id == report_id, ReportFollower.user_id == user_id
        )
    )


async def current_follower_ids(session: AsyncSession, report_id: int) -> list[int]:
    """Return the users still following a report ("I see it too"), in the order they joined."""
    rows = await session.scalars(
        select(ReportFollower.user_id)
        # Followers who left the report in My reports are told nothing more.
        .where(ReportFollower.report_id == report_id, ReportFollower.left_at.is_(None))
        .order_by(ReportFollower.id)
    )
    return list(rows.all())


async def user_of_chat(session: AsyncSession, chat_id: int) -> User | None:
    """Return the person whose private chat this is, if any."""
    return await session.scalar(select(User).where(User.chat_id == chat_id))


# ---- photos ----------------------------------------------------------------------------------


async def report_photos(
    session: AsyncSession, report_id: int, only: list[int] | None, limit: int
) -> list[ReportPhoto]:
    """Return a report's first photos in order (`only` these ids, if given)."""
    query = select(ReportPhoto).where(ReportPhoto.report_id == report_id)
    if only is not None:
        query = query.where(ReportPhoto.id.in_(only))
    rows = await session.scalars(query.order_by(ReportPhoto.position).limit(limit))
    return list(rows.all())


async def remember_file_id(session: AsyncSession, photo_id: int, file_id: str) -> None:
    """Keep Telegram's file id of an uploaded photo, unless it has one already."""
    await session.execute(
        update(ReportPhoto)
        .where(ReportPhoto.id == photo_id, ReportPhoto.telegram_file_id.is_(None))
        .values(telegram_file_id=file_id)
    )


# ---- live views (alert_messages) -------------------------------------------------------------


async def live_views(session: AsyncSession, report_id: int) -> list[AlertMessage]:
    """Return every live view of a report, oldest first."""
    views = await session.scalars(
        select(AlertMessage)
        .where(AlertMessage.report_id == report_id, AlertMessage.retired_at.is_(None))
        .order_by(AlertMessage.id)
    )
    return list(views.all())


async def live_views_but(session: AsyncSession, report_id: int, kind: str) -> list[AlertMessage]:
    """Return the live views of a report except those of one kind, oldest first."""
    views = await session.scalars(
        select(AlertMessage)
        .where(
            AlertMessage.report_id == report_id,
            AlertMessage.retired_at.is_(None),
            AlertMessage.kind != kind,
        )
        .order_by(AlertMessage.id)
    )
    return list(views.all())


async def live_views_in_chat(
    session: AsyncSession, report_id: int, chat_id: int
) -> list[AlertMessage]:
    """Return the live views of a report in a chat."""
    found = await session.scalars(
        select(AlertMessage).where(
            AlertMessage.report_id == report_id,
            AlertMessage.chat_id == chat_id,
            AlertMessage.retired_at.is_(None),
        )
    )
    return list(found.all())


async def live_views_in_chat_newest_first(
    session: AsyncSession, report_id: int, chat_id: int
) -> list[AlertMessage]:
    """Return the live views of a report in a chat, newest first."""
    return list(
        await session.scalars(
            select(AlertMessage)
            .where(
                AlertMessage.report_id == report_id,
                AlertMessage.chat_id == chat_id,
                AlertMessage.retired_at.is_(None),
            )
            .order_by(AlertMessage.id.desc())
        )
    )


async def newest_chat_views_but(
    session: AsyncSession, chat_id: int, kind: str, limit: int
) -> list[AlertMessage]:
    """Return a chat's newest live views of any report, except those of one kind."""
    views = await session.scalars(
        select(AlertMessage)
        .where(
            AlertMessage.chat_id == chat_id,
            AlertMessage.retired_at.is_(None),
            AlertMessage.kind != kind,
        )
        .order_by(AlertMessage.id.desc())
        .limit(limit)
    )
    return list(views.all())


async def view_at(session: AsyncSession, chat_id: int, message_id: int) -> AlertMessage | None:
    """Return the view shown by a message (a pressed button's message), if it is one."""
    return await session.scalar(
        select(AlertMessage)
        .where(AlertMessage.chat_id == chat_id, AlertMessage.message_id == message_id)
        .order_by(AlertMessage.id.desc())
        .limit(1)
    )


async def view_by_outbox(session: AsyncSession, outbox_id: int) -> AlertMessage | None:
    """Return the view an outbox row sends (the row's id is kept on the view)."""
    return await session.scalar(
        select(AlertMessage).where(AlertMessage.outbox_id == outbox_id).limit(1)
    )
