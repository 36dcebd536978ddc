"""The community's statements: subscriptions, announcements' audiences, meetings, statistics.

Only models are imported here (`reports stats` on the command line reads through it). Every
function takes the session and never commits: the turn or job that calls it owns the
transaction. A claim (`claim_*`) is a conditional UPDATE that returns True for the one process
whose statement changed the row.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.community import (
    Announcement,
    AnnouncementKind,
    Audience,
    DistrictSubscription,
    MeetingAttendee,
)
from db.models.directory import District, Officer, Station
from db.models.people import User
from db.models.pipeline import OutboxMessage, OutboxStatus
from db.models.reports import Report, ReportStatus
from lookup.directory import OfficerRole

# A subscriber as read: user id, chat id, language (picked, else subscribed in), district code.
SubscriberRow = tuple[int, int | None, str | None, str]
# A resident who will come, as read: user id, chat id, the language they said it in.
AttendeeRow = tuple[int, int | None, str]
# A report as the statistics read it: category, status, created, taken, closed, then its
# district's code, name and gmina and its station's code and name (None outside every district).
StatsRow = tuple[
    str,
    ReportStatus,
    datetime,
    datetime | None,
    datetime | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
]

# ---- districts and subscriptions -------------------------------------------------------------


async def active_district_by_code(session: AsyncSession, code: str) -> District | None:
    """Return the active district with this code, if any."""
    return await session.scalar(
        select(District).where(District.code == code, District.active.is_(True))
    )


async def district_by_code(session: AsyncSession, code: str) -> District | None:
    """Return the district with this code, active or not."""
    return await session.scalar(select(District).where(District.code == code))


async def active_districts_among(session: AsyncSession, ids: Collection[int]) -> list[District]:
    """Return the active ones of these districts, by name."""
    districts = await session.scalars(
        select(District)
        .where(District.id.in_(ids), District.active.is_(True))
        .order_by(District.name)
    )
    return list(districts)


async def subscribed_districts(session: AsyncSession, user_id: int) -> list[District]:
    """Return the districts a person is subscribed to, by name."""
    rows = await session.scalars(
        select(District)
        .join(DistrictSubscription, DistrictSubscription.district_id == District.id)
        .where(DistrictSubscription.user_id == user_id)
        .order_by(District.name)
    )
    return list(rows)


async def is_subscribed(session: AsyncSession, user_id: int, district_code: str) -> bool:
    """Tell whether a person gets a district's news."""
    found = await session.scalar(
        select(func.count())
        .select_from(DistrictSubscription)
        .join(District, District.id == DistrictSubscription.district_id)
        .where(DistrictSubscription.user_id == user_id, District.code == district_code)
    )
    return bool(found)


async def subscriber_count(session: AsyncSession, district_ids: Sequence[int]) -> int:
    """Return how many people get the news of any of these districts (each counted once)."""
    if not district_ids:
        return 0
    count = await session.scalar(
        select(func.count(func.distinct(DistrictSubscription.user_id)))
        .join(User, User.id == DistrictSubscription.user_id)
        .where(
            DistrictSubscription.district_id.in_(list(district_ids)),
            User.blocked.is_(False),
            User.undeliverable.is_(False),
        )
    )
    return int(count or 0)


async def delete_subscription(session: AsyncSession, user_id: int, district_id: int) -> None:
    """End a person's subscription to a district (nothing happens when there is none)."""
    await session.execute(
        delete(DistrictSubscription).where(
            DistrictSubscription.user_id == user_id,
            DistrictSubscription.district_id == district_id,
        )
    )


# ---- who an announcement reaches -------------------------------------------------------------


async def audience_district_ids(
    session: AsyncSession, audience: Audience, district_id: int | None, station_id: int | None
) -> list[int]:
    """Return the active districts an audience covers ("all": every station's)."""
    query = select(District.id).where(District.active.is_(True))
    if audience is Audience.DISTRICT:
        query = query.where(District.id == district_id)
    elif audience is Audience.STATION:
        query = query.where(District.station_id == station_id)
    return list(await session.scalars(query.order_by(District.id)))


async def subscriber_rows(
    session: AsyncSession,
    district_ids: Sequence[int],
    *,
    subscribed_by: datetime | None = None,
    user_ids: Sequence[int] | None = None,
) -> list[SubscriberRow]:
    """Return the writable subscribers of these districts, by person and district (a person
    subscribed to two districts comes twice)."""
    query = (
        # The language the person picked, else the one they subscribed in.
        select(
            User.id,
            User.chat_id,
            func.coalesce(User.language, DistrictSubscription.lang),
            District.code,
        )
        .join(DistrictSubscription, DistrictSubscription.user_id == User.id)
        .join(District, District.id == DistrictSubscription.district_id)
        .where(
            DistrictSubscription.district_id.in_(list(district_ids)),
            User.chat_id.is_not(None),
            User.blocked.is_(False),
            User.undeliverable.is_(False),
        )
        .order_by(User.id, District.id)
    )
    if subscribed_by is not None:
        query = query.where(DistrictSubscription.created_at <= subscribed_by)
    if user_ids is not None:
        query = query.where(User.id.in_(list(user_ids)))
    rows = await session.execute(query)
    return [(user_id, chat_id, language, code) for user_id, chat_id, language, code in rows]


async def first_district_code(session: AsyncSession, district_ids: Sequence[int]) -> str | None:
    """Return the code of the first of these districts (the unsubscribe button of a message to
    someone no longer subscribed to any of them: pressing it changes nothing, and says so)."""
    if not district_ids:
        return None
    found = await session.scalar(
        select(District.code).where(District.id.in_(list(district_ids))).order_by(District.id)
    )
    return str(found) if found is not None else None


# ---- meetings --------------------------------------------------------------------------------


def _by_officer(officer: Officer) -> ColumnElement[bool]:
    """The announcements an officer answers for: their own; a coordinator's: the station's too."""
    if officer.role is OfficerRole.COORDINATOR:
        colleagues = select(Officer.id).where(Officer.station_id == officer.station_id)
        return or_(Announcement.officer_id.in_(colleagues), Announcement.officer_id == officer.id)
    return Announcement.officer_id == officer.id


async def latest_announcements(
    session: AsyncSession, officer: Officer, limit: int
) -> list[Announcement]:
    """Return the latest announcements an officer answers for, newest first."""
    query = select(Announcement).order_by(Announcement.id.desc()).limit(limit)
    return list(await session.scalars(query.where(_by_officer(officer))))


async def upcoming_meetings(
    session: AsyncSession, officer: Officer, now: datetime, limit: int
) -> list[Announcement]:
    """Return the meetings not cancelled and still to come that an officer answers for, soonest
    first."""
    query = (
        select(Announcement)
        .where(
            Announcement.kind == AnnouncementKind.MEETING,
            Announcement.cancelled_at.is_(None),
            Announcement.starts_at > now,
            _by_officer(officer),
        )
        .order_by(Announcement.starts_at, Announcement.id)
        .limit(limit)
    )
    return list(await session.scalars(query))


async def meeting_of(session: AsyncSession, officer: Officer, number: int) -> Announcement | None:
    """Return the meeting with this id if the officer answers for it."""
    return await session.scalar(
        select(Announcement).where(
            Announcement.id == number,
            Announcement.kind == AnnouncementKind.MEETING,
            _by_officer(officer),
        )
    )


async def meetings_to_remind(
    session: AsyncSession, now: datetime, lead: timedelta
) -> list[tuple[int, datetime, datetime | None]]:
    """Return (id, created, starts) of the meetings starting within `lead` not reminded yet."""
    rows = await session.execute(
        select(Announcement.id, Announcement.created_at, Announcement.starts_at).where(
            Announcement.kind == AnnouncementKind.MEETING,
            Announcement.reminded_at.is_(None),
            Announcement.cancelled_at.is_(None),
            Announcement.starts_at > now,
            Announcement.starts_at <= now + lead,
        )
    )
    return [(number, created, starts) for number, created, starts in rows]


async def claim_reminder(session: AsyncSession, number: int, now: datetime) -> bool:
    """Mark a meeting reminded unless it was (or was cancelled); True for the one that did."""
    claimed = await session.execute(
        update(Announcement)
        .where(
            Announcement.id == number,
            Announcement.reminded_at.is_(None),
            # Cancelled meanwhile: not reminded (the cancellation was the last word).
            Announcement.cancelled_at.is_(None),
        )
        .values(reminded_at=now)
    )
    return int(getattr(claimed, "rowcount", 0) or 0) == 1


async def attendance(
    session: AsyncSession, meeting_id: int, user_id: int
) -> MeetingAttendee | None:
    """Return a person's "I'll come" to a meeting, if they said it."""
    return await session.scalar(
        select(MeetingAttendee).where(
            MeetingAttendee.announcement_id == meeting_id,
            MeetingAttendee.user_id == user_id,
        )
    )


async def attendee_count(session: AsyncSession, announcement_id: int) -> int:
    """Return how many residents said they will come."""
    count = await session.scalar(
        select(func.count())
        .select_from(MeetingAttendee)
        .where(MeetingAttendee.announcement_id == announcement_id)
    )
    return int(count or 0)


async def attendee_ids(session: AsyncSession, meeting_id: int) -> set[int]:
    """Return the ids of the people who said they will come."""
    return set(
        await session.scalars(
            select(MeetingAttendee.user_id).where(MeetingAttendee.announcement_id == meeting_id)
        )
    )


async def writable_attendees(session: AsyncSession, meeting_id: int) -> list[AttendeeRow]:
    """Return the people who will come and can be written to, in the order they said it."""
    rows = await session.execute(
        select(User.id, User.chat_id, MeetingAttendee.lang)
        .join(MeetingAttendee, MeetingAttendee.user_id == User.id)
        .where(
            MeetingAttendee.announcement_id == meeting_id,
            User.chat_id.is_not(None),
            User.blocked.is_(False),
            User.undeliverable.is_(False),
        )
        .order_by(MeetingAttendee.id)
    )
    return [(user_id, chat_id, lang) for user_id, chat_id, lang in rows]


async def pending_payloads_after(
    session: AsyncSession, chat_id: int, kind: str, row_id: int
) -> list[dict[str, Any]]:
    """Return the payloads of a chat's outbox rows of a kind still pending after a row."""
    later = await session.scalars(
        select(OutboxMessage.payload).where(
            OutboxMessage.chat_id == chat_id,
            OutboxMessage.kind == kind,
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.id > row_id,
        )
    )
    return list(later)


# ---- statistics ------------------------------------------------------------------------------


async def report_stats_rows(
    session: AsyncSession, since: datetime, until: datetime, station_id: int | None
) -> list[StatsRow]:
    """Return the reports sent in [since, until) (of one station, or all), oldest first."""
    query = (
        select(
            Report.category,
            Report.status,
            Report.created_at,
            Report.taken_at,
            Report.closed_at,
            District.code,
            District.name,
            District.gmina,
            Station.code,
            Station.name,
        )
        .outerjoin(District, District.id == Report.district_id)
        .outerjoin(Station, Station.id == District.station_id)
        .where(Report.created_at >= since, Report.created_at < until)
        .order_by(Report.id)
    )
    if station_id is not None:
        query = query.where(District.station_id == station_id)
    # Outer joins: the district's and station's columns are None outside every district.
    return [cast(StatsRow, tuple(row)) for row in await session.execute(query)]
