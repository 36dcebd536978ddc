"""Operations' statements: retention, deadlines, leave, the digest and the periodic jobs' runs.

Every function takes the session and never commits: the job or turn that calls it owns the
transaction. Claims (`claim_*`) are conditional UPDATEs that return True for the one process
whose statement changed the row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.community import DistrictSubscription
from db.models.conversation import Conversation
from db.models.directory import District, Officer, Station, officer_districts
from db.models.operations import JobRun, OfficerAbsence
from db.models.people import RateMark, Reporter, Role, User
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus
from db.models.reports import (
    OPEN_STATUSES,
    AlertMessage,
    AuditEvent,
    Report,
    ReportFollower,
    ReportPhoto,
    ReportStatus,
)

# The WHERE of a claim: what makes a report still due (see `claim_report`).
Conditions = Sequence[ColumnElement[bool]]


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


# ---- retention -------------------------------------------------------------------------------


async def reset_expired_drafts(session: AsyncSession, now: datetime) -> int:
    """Send conversations whose draft expired back to the main menu; return how many."""
    result = await session.execute(
        update(Conversation)
        .where(Conversation.flow.is_not(None), Conversation.expires_at <= now)
        .values(
            flow=None,
            step=None,
            draft={},
            parked=None,
            # Buttons of the old step stop working, as after any change of state.
            version=Conversation.version + 1,
            updated_at=now,
            expires_at=None,
        )
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result)


async def delete_failed_inbox(session: AsyncSession, cutoff: datetime) -> int:
    """Delete updates that failed for good and arrived before the cutoff; return how many."""
    result = await session.execute(
        delete(InboxUpdate).where(
            InboxUpdate.status == InboxStatus.FAILED, InboxUpdate.received_at < cutoff
        )
    )
    return _rowcount(result)


async def delete_finished_outbox(
    session: AsyncSession, statuses: Sequence[OutboxStatus], cutoff: datetime
) -> int:
    """Delete finished outgoing messages created before the cutoff, except alerts' rows."""
    # An alert's row holds only ids, its reason and language; edits of the alert read them.
    alert_rows = select(AlertMessage.outbox_id).where(AlertMessage.outbox_id.is_not(None))
    result = await session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.status.in_(statuses),
            OutboxMessage.created_at < cutoff,
            OutboxMessage.id.not_in(alert_rows),
        )
    )
    return _rowcount(result)


def _anonymisable(
    closed: Iterable[ReportStatus], cutoff: datetime, too_old: datetime
) -> list[ColumnElement[bool]]:
    return [
        Report.anonymised_at.is_(None),
        or_(
            and_(
                Report.status.in_(list(closed)),
                Report.closed_at.is_not(None),
                Report.closed_at < cutoff,
            ),
            # An open report forgotten by everyone must not keep a person's data for ever.
            Report.created_at < too_old,
        ),
    ]


async def reports_due_for_anonymising(
    session: AsyncSession,
    closed: Iterable[ReportStatus],
    cutoff: datetime,
    too_old: datetime,
    limit: int,
) -> list[int]:
    """Return the ids of reports due for anonymising (closed long ago, or too old), by id."""
    due = _anonymisable(closed, cutoff, too_old)
    rows = await session.scalars(select(Report.id).where(*due).order_by(Report.id).limit(limit))
    return list(rows.all())


async def reporter_of(session: AsyncSession, report_id: int) -> int | None:
    """Return the id of the report's reporter (name and phone), if it has one."""
    return await session.scalar(select(Report.reporter_id).where(Report.id == report_id))


async def claim_anonymisation(
    session: AsyncSession,
    report_id: int,
    closed: Iterable[ReportStatus],
    cutoff: datetime,
    too_old: datetime,
    now: datetime,
) -> bool:
    """Strip a report still due of everything that can name a person; True if this call did."""
    claimed = await session.execute(
        update(Report)
        .where(Report.id == report_id, *_anonymisable(closed, cutoff, too_old))
        .values(
            anonymised_at=now,
            user_id=None,
            reporter_id=None,
            # Free text ("Inne: ...") can name people as well as the description can.
            description=None,
            category_other=None,
            # A point and a house number can name a home: only the public place stays.
            lat=Report.public_lat,
            lon=Report.public_lon,
            address=Report.public_address,
            house_number=None,
        )
        .execution_options(synchronize_session=False)
    )
    return _rowcount(claimed) == 1


async def delete_report_photos(session: AsyncSession, report_id: int) -> int:
    """Delete a report's photos; return how many."""
    return _rowcount(
        await session.execute(delete(ReportPhoto).where(ReportPhoto.report_id == report_id))
    )


async def delete_report_followers(session: AsyncSession, report_id: int) -> int:
    """Delete the residents who follow a report; return how many."""
    return _rowcount(
        await session.execute(delete(ReportFollower).where(ReportFollower.report_id == report_id))
    )


async def reports_of_reporter(session: AsyncSession, reporter_id: int) -> int:
    """Count the reports that still name a reporter."""
    count = await session.scalar(
        select(func.count()).select_from(Report).where(Report.reporter_id == reporter_id)
    )
    return int(count or 0)


async def delete_reporter(session: AsyncSession, reporter_id: int) -> int:
    """Delete a reporter's name and phone; return how many rows went (0 or 1)."""
    return _rowcount(await session.execute(delete(Reporter).where(Reporter.id == reporter_id)))


async def strip_residents_from_audit(session: AsyncSession, report_id: int) -> None:
    """Unlink residents from a report's audit trail and drop its notes' text."""
    # Residents' own steps (reopened, confirmed) lose the link to the person; officers'
    # notes to the reporter may name them, so their text goes too.
    await session.execute(
        update(AuditEvent)
        .where(AuditEvent.report_id == report_id, AuditEvent.actor_officer_id.is_(None))
        .values(actor_user_id=None, subject_user_id=None)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(AuditEvent)
        .where(AuditEvent.report_id == report_id, AuditEvent.note.is_not(None))
        .values(note=None)
        .execution_options(synchronize_session=False)
    )


async def delete_idle_residents(session: AsyncSession, cutoff: datetime) -> int:
    """Delete residents silent since the cutoff who hold nothing we keep; return how many."""
    result = await session.execute(
        delete(User)
        .where(
            User.role == Role.RESIDENT,
            User.last_seen_at < cutoff,
            ~exists().where(Report.user_id == User.id),
            ~exists().where(ReportFollower.user_id == User.id),
            # A subscriber waits for their district's news without writing: kept.
            ~exists().where(DistrictSubscription.user_id == User.id),
            ~exists().where(Reporter.user_id == User.id),
            ~exists().where(Officer.user_id == User.id),
        )
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result)


async def delete_rate_marks_before(session: AsyncSession, cutoff: datetime) -> int:
    """Delete rate marks older than the cutoff; return how many."""
    result = await session.execute(delete(RateMark).where(RateMark.at < cutoff))
    return _rowcount(result)


# ---- deadlines -------------------------------------------------------------------------------


def _started() -> ColumnElement[datetime]:
    return func.coalesce(Report.deadline_from, Report.created_at)


def waiting_to_be_taken(statuses: Iterable[ReportStatus], cutoff: datetime) -> Conditions:
    """Conditions of a report in one of the statuses, not escalated, counting since the cutoff."""
    return [Report.status.in_(list(statuses)), Report.escalated_at.is_(None), _started() <= cutoff]


def waiting_to_be_verified(statuses: Iterable[ReportStatus], cutoff: datetime) -> Conditions:
    """Conditions of a report in one of the statuses, not reminded, counting since the cutoff."""
    return [Report.status.in_(list(statuses)), Report.reminded_at.is_(None), _started() <= cutoff]


async def due_report_ids(session: AsyncSession, where: Conditions, limit: int) -> list[int]:
    """Return the ids of reports meeting the conditions, oldest first."""
    rows = await session.scalars(select(Report.id).where(*where).order_by(Report.id).limit(limit))
    return list(rows.all())


async def claim_report(
    session: AsyncSession, report_id: int, where: Conditions, values: dict[str, Any]
) -> bool:
    """Mark a report in SQL only if it still meets the conditions; True for the one that did."""
    result = await session.execute(
        update(Report)
        .where(Report.id == report_id, *where)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(result) == 1


# ---- leave and substitutes -------------------------------------------------------------------


def _covering(day: date) -> list[Any]:
    return [
        OfficerAbsence.starts_on <= day,
        OfficerAbsence.ends_on >= day,
        OfficerAbsence.cancelled_at.is_(None),
    ]


async def absences_covering(
    session: AsyncSession, day: date, officer_ids: Iterable[int] | None = None
) -> list[OfficerAbsence]:
    """Return the absences covering a day (of some officers only, when given)."""
    query = select(OfficerAbsence).where(*_covering(day)).order_by(OfficerAbsence.id)
    if officer_ids is not None:
        query = query.where(OfficerAbsence.officer_id.in_(list(officer_ids)))
    return list((await session.scalars(query)).all())


async def districts_substituted_by(session: AsyncSession, officer_id: int, day: date) -> set[int]:
    """Return the districts of the officers this officer substitutes on a day."""
    rows = await session.scalars(
        select(officer_districts.c.district_id)
        .join(OfficerAbsence, OfficerAbsence.officer_id == officer_districts.c.officer_id)
        .where(OfficerAbsence.substitute_officer_id == officer_id, *_covering(day))
    )
    return set(rows.all())


async def standing_in_for(
    session: AsyncSession, officer_id: int, district_id: int, day: date
) -> list[Officer]:
    """Return the district's officers this officer substitutes on a day (for the alert's note)."""
    rows = await session.scalars(
        select(Officer)
        .join(OfficerAbsence, OfficerAbsence.officer_id == Officer.id)
        .join(officer_districts, officer_districts.c.officer_id == Officer.id)
        .where(
            OfficerAbsence.substitute_officer_id == officer_id,
            officer_districts.c.district_id == district_id,
            *_covering(day),
        )
        .order_by(Officer.id)
    )
    return list(rows.unique().all())


async def away_in_district(
    session: AsyncSession, district_id: int, day: date
) -> list[tuple[Officer, OfficerAbsence]]:
    """Return the district's officers away on a day, with their absences."""
    rows = await session.execute(
        select(Officer, OfficerAbsence)
        .join(OfficerAbsence, OfficerAbsence.officer_id == Officer.id)
        .join(officer_districts, officer_districts.c.officer_id == Officer.id)
        .where(officer_districts.c.district_id == district_id, *_covering(day))
        .order_by(Officer.id)
    )
    return [(officer, absence) for officer, absence in rows.all()]


async def officer_of_chat(session: AsyncSession, chat_id: int) -> Officer | None:
    """Return the officer whose private chat this is, if any."""
    return await session.scalar(
        select(Officer).join(User, User.id == Officer.user_id).where(User.chat_id == chat_id)
    )


async def upcoming_absences(
    session: AsyncSession, officer_ids: Iterable[int], today: date
) -> list[OfficerAbsence]:
    """Return the current and future absences of some officers, soonest first."""
    rows = await session.scalars(
        select(OfficerAbsence)
        .where(
            OfficerAbsence.officer_id.in_(list(officer_ids)),
            OfficerAbsence.ends_on >= today,
            OfficerAbsence.cancelled_at.is_(None),
        )
        .order_by(OfficerAbsence.starts_on, OfficerAbsence.id)
    )
    return list(rows.all())


async def overlapping_absence(
    session: AsyncSession, officer_id: int, starts_on: date, ends_on: date
) -> OfficerAbsence | None:
    """Return an absence of the officer sharing a day with the given span."""
    return await session.scalar(
        select(OfficerAbsence)
        .where(
            OfficerAbsence.officer_id == officer_id,
            OfficerAbsence.starts_on <= ends_on,
            OfficerAbsence.ends_on >= starts_on,
            OfficerAbsence.cancelled_at.is_(None),
        )
        .limit(1)
    )


async def linked_colleagues(session: AsyncSession, officer: Officer) -> list[Officer]:
    """Return the other active officers of the officer's station who linked their chat, by name."""
    rows = await session.scalars(
        select(Officer)
        .where(
            Officer.station_id == officer.station_id,
            Officer.active.is_(True),
            Officer.user_id.is_not(None),
            Officer.id != officer.id,
        )
        .order_by(Officer.last_name, Officer.first_name, Officer.id)
    )
    return list(rows.all())


async def active_station_officers(session: AsyncSession, station_id: int) -> list[Officer]:
    """Return a station's active officers, by name."""
    rows = await session.scalars(
        select(Officer)
        .where(Officer.station_id == station_id, Officer.active.is_(True))
        .order_by(Officer.last_name, Officer.first_name, Officer.id)
    )
    return list(rows.all())


async def station_officer_ids(session: AsyncSession, station_id: int) -> list[int]:
    """Return the ids of all a station's officers, active or not."""
    ids = await session.scalars(select(Officer.id).where(Officer.station_id == station_id))
    return list(ids.all())


async def officer_district_names(session: AsyncSession, officer_id: int) -> list[str]:
    """Return the names of an officer's districts, by district code."""
    names = await session.scalars(
        select(District.name)
        .join(officer_districts, officer_districts.c.district_id == District.id)
        .where(officer_districts.c.officer_id == officer_id)
        .order_by(District.code)
    )
    return list(names.all())


# ---- the coordinators' digest ----------------------------------------------------------------


def _in_station(station_id: int) -> ColumnElement[bool]:
    districts = select(District.id).where(District.station_id == station_id)
    # Reports outside every district are every coordinator's to sort out (as in /zgloszenia).
    return or_(Report.district_id.in_(districts), Report.district_id.is_(None))


async def reports_created_between(
    session: AsyncSession, station_id: int, since: datetime, until: datetime
) -> int:
    """Count the station's reports created in [since, until)."""
    count = await session.scalar(
        select(func.count())
        .select_from(Report)
        .where(_in_station(station_id), Report.created_at >= since, Report.created_at < until)
    )
    return int(count or 0)


async def reports_reaching_status(
    session: AsyncSession,
    station_id: int,
    action: str,
    statuses: Sequence[str],
    since: datetime,
    until: datetime,
) -> dict[str | None, int]:
    """Count the station's reports that reached each of the statuses in [since, until)."""
    changes = await session.execute(
        select(AuditEvent.to_status, func.count(func.distinct(AuditEvent.report_id)))
        .join(Report, Report.id == AuditEvent.report_id)
        .where(
            _in_station(station_id),
            AuditEvent.action == action,
            AuditEvent.to_status.in_(statuses),
            AuditEvent.at >= since,
            AuditEvent.at < until,
        )
        .group_by(AuditEvent.to_status)
    )
    return {status: int(count) for status, count in changes.all()}


async def open_station_reports(session: AsyncSession, station_id: int) -> list[Report]:
    """Return the station's open reports, oldest first."""
    rows = await session.scalars(
        select(Report)
        .where(_in_station(station_id), Report.status.in_(list(OPEN_STATUSES)))
        .order_by(Report.created_at, Report.id)
    )
    return list(rows.all())


async def active_stations(session: AsyncSession) -> list[Station]:
    """Return the active stations, by code."""
    rows = await session.scalars(
        select(Station).where(Station.active.is_(True)).order_by(Station.code)
    )
    return list(rows.all())


# ---- periodic jobs' runs ---------------------------------------------------------------------


async def job_ran(session: AsyncSession, name: str, period: str) -> bool:
    """Tell whether a job has a run recorded for a period."""
    found = await session.scalar(
        select(JobRun.id).where(JobRun.name == name, JobRun.period == period)
    )
    return found is not None


async def last_job_run(session: AsyncSession, name: str, period: str) -> datetime | None:
    """Return when a job's run for a period was recorded, if it was."""
    return await session.scalar(
        select(JobRun.ran_at).where(JobRun.name == name, JobRun.period == period)
    )


async def claim_job_run(
    session: AsyncSession,
    name: str,
    period: str,
    previous: datetime,
    recent: datetime,
    now: datetime,
) -> bool:
    """Move a job's last run from `previous` to now unless it ran after `recent`; True if done."""
    claimed = await session.execute(
        update(JobRun)
        .where(
            JobRun.name == name,
            JobRun.period == period,
            JobRun.ran_at == previous,
            JobRun.ran_at < recent,
        )
        .values(ran_at=now)
    )
    return _rowcount(claimed) == 1


async def restore_job_run(
    session: AsyncSession, name: str, period: str, previous: datetime | None
) -> None:
    """Put a job's last run back to `previous`, or forget it when there was none."""
    statement = delete(JobRun) if previous is None else update(JobRun).values(ran_at=previous)
    await session.execute(statement.where(JobRun.name == name, JobRun.period == period))
