"""The data-protection rights' statements: what is stored about a person, and erasing it.

Every function takes the session and never commits: the turn or command that calls it owns the
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.community import Announcement, DistrictSubscription, MeetingAttendee
from db.models.conversation import Conversation
from db.models.directory import District, Officer
from db.models.people import RateMark, Reporter
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus
from db.models.reports import AuditEvent, Report, ReportFollower, ReportPhoto, ReportStatus


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


# ---- access: everything stored about a person ------------------------------------------------


async def reports_of(session: AsyncSession, user_id: int) -> list[Report]:
    """Return the person's own reports, oldest first."""
    return list(
        await session.scalars(select(Report).where(Report.user_id == user_id).order_by(Report.id))
    )


async def officer_of(session: AsyncSession, user_id: int) -> Officer | None:
    """Return the officer linked to the person's account, if any."""
    return await session.scalar(select(Officer).where(Officer.user_id == user_id))


async def subscribed_districts(
    session: AsyncSession, user_id: int
) -> Sequence[tuple[str, str, datetime, str | None]]:
    """Return (code, name, since, language) of each district whose news the person subscribes
    to (the language they subscribed in)."""
    rows = await session.execute(
        select(
            District.code, District.name, DistrictSubscription.created_at, DistrictSubscription.lang
        )
        .join(DistrictSubscription, DistrictSubscription.district_id == District.id)
        .where(DistrictSubscription.user_id == user_id)
        .order_by(DistrictSubscription.id)
    )
    return rows.all()


async def meetings_attending(
    session: AsyncSession, user_id: int
) -> Sequence[tuple[int, datetime | None, str | None, datetime]]:
    """Return (number, starts, place, since) of each meeting the person said they would come to."""
    rows = await session.execute(
        select(
            Announcement.id,
            Announcement.starts_at,
            Announcement.place,
            MeetingAttendee.created_at,
        )
        .join(MeetingAttendee, MeetingAttendee.announcement_id == Announcement.id)
        .where(MeetingAttendee.user_id == user_id)
        .order_by(MeetingAttendee.id)
    )
    return rows.all()


async def rate_marks_of(session: AsyncSession, user_id: int) -> Sequence[tuple[str, datetime]]:
    """Return (kind, at) of the person's rate marks, oldest first."""
    rows = await session.execute(
        select(RateMark.kind, RateMark.at).where(RateMark.user_id == user_id).order_by(RateMark.id)
    )
    return rows.all()


async def report_photos(session: AsyncSession, report_id: int) -> list[ReportPhoto]:
    """Return a report's photos in their order."""
    return list(
        await session.scalars(
            select(ReportPhoto)
            .where(ReportPhoto.report_id == report_id)
            .order_by(ReportPhoto.position)
        )
    )


async def report_story(
    session: AsyncSession, report_id: int, thread_actions: Sequence[str]
) -> list[AuditEvent]:
    """Return a report's status changes and thread entries, in order."""
    events = await session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.report_id == report_id,
            or_(AuditEvent.to_status.is_not(None), AuditEvent.action.in_(thread_actions)),
        )
        .order_by(AuditEvent.id)
    )
    return list(events)


async def followed_reports(
    session: AsyncSession, user_id: int
) -> Sequence[tuple[str, str, ReportStatus, datetime]]:
    """Return (reference, category, status, since) of each report the person follows."""
    rows = await session.execute(
        select(Report.reference, Report.category, Report.status, ReportFollower.created_at)
        .join(ReportFollower, ReportFollower.report_id == Report.id)
        .where(ReportFollower.user_id == user_id)
        .order_by(ReportFollower.id)
    )
    return rows.all()


async def inbox_of_chat(session: AsyncSession, chat_id: int) -> list[InboxUpdate]:
    """Return the stored incoming updates of a chat, in order."""
    rows = await session.scalars(
        select(InboxUpdate).where(InboxUpdate.chat_id == chat_id).order_by(InboxUpdate.id)
    )
    return list(rows)


async def outbox_of(
    session: AsyncSession, user_id: int, chat_id: int | None
) -> list[OutboxMessage]:
    """Return the outgoing messages for the person or their chat, in order."""
    conditions = [OutboxMessage.user_id == user_id]
    if chat_id is not None:
        conditions.append(OutboxMessage.chat_id == chat_id)
    rows = await session.scalars(
        select(OutboxMessage).where(or_(*conditions)).order_by(OutboxMessage.id)
    )
    return list(rows)


async def audit_about(
    session: AsyncSession, user_id: int
) -> Sequence[tuple[datetime, str, str | None]]:
    """Return (at, action, report reference) of audit entries the person did or was subject of."""
    rows = await session.execute(
        select(AuditEvent.at, AuditEvent.action, Report.reference)
        .outerjoin(Report, Report.id == AuditEvent.report_id)
        .where(or_(AuditEvent.actor_user_id == user_id, AuditEvent.subject_user_id == user_id))
        .order_by(AuditEvent.id)
    )
    return rows.all()


# ---- erasure ---------------------------------------------------------------------------------


async def count_reports_of(session: AsyncSession, user_id: int) -> int:
    """Count the person's own reports."""
    count = await session.scalar(
        select(func.count()).select_from(Report).where(Report.user_id == user_id)
    )
    return int(count or 0)


async def count_followed(session: AsyncSession, user_id: int) -> int:
    """Count the reports the person follows."""
    count = await session.scalar(
        select(func.count()).select_from(ReportFollower).where(ReportFollower.user_id == user_id)
    )
    return int(count or 0)


async def drop_notes_about(
    session: AsyncSession,
    user_id: int,
    thread_actions: Sequence[str],
    blocking_actions: Sequence[str],
) -> None:
    """Empty the notes of the threads on the person's reports and of blocking them."""
    reports = select(Report.id).where(Report.user_id == user_id)
    await session.execute(
        update(AuditEvent)
        .where(
            or_(
                (AuditEvent.report_id.in_(reports)) & AuditEvent.action.in_(thread_actions),
                (AuditEvent.subject_user_id == user_id) & AuditEvent.action.in_(blocking_actions),
            )
        )
        .values(note=None)
        .execution_options(synchronize_session=False)
    )


async def unlink_reports(session: AsyncSession, user_id: int) -> None:
    """Take the person and their reporter identity off their reports."""
    await session.execute(
        update(Report)
        .where(Report.user_id == user_id)
        .values(user_id=None, reporter_id=None)
        .execution_options(synchronize_session=False)
    )


async def delete_identities(session: AsyncSession, user_id: int) -> int:
    """Delete the person's reporter identities (name, phone); return how many."""
    return _rowcount(await session.execute(delete(Reporter).where(Reporter.user_id == user_id)))


async def delete_handled_inbox(session: AsyncSession, chat_id: int, keep_id: int | None) -> int:
    """Delete a chat's incoming updates that are not pending (except `keep_id`); return how many."""
    inbox = delete(InboxUpdate).where(
        InboxUpdate.chat_id == chat_id, InboxUpdate.status != InboxStatus.PENDING
    )
    if keep_id is not None:
        inbox = inbox.where(InboxUpdate.id != keep_id)
    return _rowcount(await session.execute(inbox))


async def delete_outbox_of(session: AsyncSession, user_id: int, chat_id: int | None) -> int:
    """Delete outgoing messages for the person or their chat not being sent; return how many."""
    chat = [OutboxMessage.user_id == user_id]
    if chat_id is not None:
        chat.append(OutboxMessage.chat_id == chat_id)
    return _rowcount(
        await session.execute(
            delete(OutboxMessage).where(or_(*chat), OutboxMessage.status != OutboxStatus.SENDING)
        )
    )


async def delete_conversation(session: AsyncSession, user_id: int) -> None:
    """Delete the person's conversation and its draft."""
    await session.execute(delete(Conversation).where(Conversation.user_id == user_id))
