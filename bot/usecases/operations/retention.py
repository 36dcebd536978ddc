"""Data retention, as the privacy notice promises it (docs/privacy.md has the table).

- unfinished drafts are discarded once Conversation.expires_at ([reports] draft_ttl_days) passed,
  even if the person never writes again;
- raw updates that failed are deleted after [pipeline] inbox_retention_hours like handled ones
  (the pipeline purges those; pending ones are never deleted: they are still to be handled);
- sent, failed and undeliverable outgoing messages are deleted after [privacy]
  outbox_retention_days, except the rows officers' alerts are still edited through;
- reports closed more than [privacy] report_retention_days ago, and every report (open or not)
  created more than [privacy] report_max_age_days ago, are anonymised: photos, the reporter's
  identity (name, phone), the link to the resident, followers, the description and residents'
  traces in the audit trail go; the place is cut down to its public form (the centre of its grid
  cell, the street without the house number); category, status and dates stay for statistics;
- residents who have no report, follow none, subscribe to no district's news and have no role
  are forgotten (their `users` row,
  and with it their conversation and rate marks) [privacy] user_retention_days after they last
  wrote;
- rate marks (what limits count per day) are deleted after RATE_MARK_DAYS.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, exists, func, or_, select, update

from bot.services import Services
from bot.usecases.officers.workflow import CLOSED
from db.models.community import DistrictSubscription
from db.models.conversation import Conversation
from db.models.directory import Officer
from db.models.people import RateMark, Reporter, Role, User
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus
from db.models.reports import AlertMessage, AuditEvent, Report, ReportFollower, ReportPhoto

log = logging.getLogger(__name__)

ANONYMISED = "report_anonymised"
# Reports anonymised per run (one short transaction each); the next run takes the rest.
BATCH = 500
# Outgoing messages that are finished with.
FINISHED_OUTBOX = (
    OutboxStatus.SENT,
    OutboxStatus.FAILED,
    OutboxStatus.UNDELIVERABLE,
    OutboxStatus.DISMISSED,
)


# Rate marks count per 24 hours; two days keep a margin for clocks and slow runs.
RATE_MARK_DAYS = 2


@dataclass(frozen=True)
class RetentionRun:
    """What one run of the retention job removed."""

    drafts: int
    inbox: int
    outbox: int
    reports: int
    users: int = 0
    rate_marks: int = 0


async def run_retention(services: Services, now: datetime) -> RetentionRun:
    """Apply every retention period once."""
    run = RetentionRun(
        drafts=await discard_expired_drafts(services, now),
        inbox=await purge_failed_inbox(services, now),
        outbox=await purge_outbox(services, now),
        reports=await anonymise_closed_reports(services, now),
        users=await forget_idle_residents(services, now),
        rate_marks=await purge_rate_marks(services, now),
    )
    if any((run.drafts, run.inbox, run.outbox, run.reports, run.users)):
        log.info(
            "retention: %d draft(s) discarded, %d inbox and %d outbox row(s) deleted, "
            "%d report(s) anonymised, %d idle resident(s) forgotten",
            run.drafts,
            run.inbox,
            run.outbox,
            run.reports,
            run.users,
        )
    return run


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


async def discard_expired_drafts(services: Services, now: datetime) -> int:
    """Reset conversations whose draft expired: back to the main menu, draft gone."""
    async with services.uow() as uow:
        result = await uow.session.execute(
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
        await uow.commit()
    return _count(result)


async def purge_failed_inbox(services: Services, now: datetime) -> int:
    """Delete updates that failed for good once the inbox retention passed (they hold text)."""
    cutoff = now - timedelta(hours=services.config.pipeline.inbox_retention_hours)
    async with services.uow() as uow:
        result = await uow.session.execute(
            delete(InboxUpdate).where(
                InboxUpdate.status == InboxStatus.FAILED, InboxUpdate.received_at < cutoff
            )
        )
        await uow.commit()
    return _count(result)


async def purge_outbox(services: Services, now: datetime) -> int:
    """Delete finished outgoing messages older than [privacy] outbox_retention_days."""
    cutoff = now - timedelta(days=services.config.privacy.outbox_retention_days)
    # An alert's row holds only ids, its reason and language; edits of the alert read them.
    alert_rows = select(AlertMessage.outbox_id).where(AlertMessage.outbox_id.is_not(None))
    async with services.uow() as uow:
        result = await uow.session.execute(
            delete(OutboxMessage).where(
                OutboxMessage.status.in_(FINISHED_OUTBOX),
                OutboxMessage.created_at < cutoff,
                OutboxMessage.id.not_in(alert_rows),
            )
        )
        await uow.commit()
    return _count(result)


async def anonymise_closed_reports(services: Services, now: datetime) -> int:
    """Anonymise reports closed longer than the retention period, and every report older than
    the maximum age whatever its status; audit each one."""
    privacy = services.config.privacy
    cutoff = now - timedelta(days=privacy.report_retention_days)
    too_old = now - timedelta(days=privacy.report_max_age_days)
    due = [
        Report.anonymised_at.is_(None),
        or_(
            and_(
                Report.status.in_(list(CLOSED)),
                Report.closed_at.is_not(None),
                Report.closed_at < cutoff,
            ),
            # An open report forgotten by everyone must not keep a person's data for ever.
            Report.created_at < too_old,
        ),
    ]
    async with services.uow() as uow:
        ids = list(
            (
                await uow.session.scalars(
                    select(Report.id).where(*due).order_by(Report.id).limit(BATCH)
                )
            ).all()
        )
    done = 0
    for report_id in ids:
        async with services.uow() as uow:
            session = uow.session
            reporter_id = await session.scalar(
                select(Report.reporter_id).where(Report.id == report_id)
            )
            # Claimed in SQL: a second process (or a reopen meanwhile) makes this a no-op.
            claimed = await session.execute(
                update(Report)
                .where(Report.id == report_id, *due)
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
            if _count(claimed) != 1:
                continue
            photos = _count(
                await session.execute(delete(ReportPhoto).where(ReportPhoto.report_id == report_id))
            )
            followers = _count(
                await session.execute(
                    delete(ReportFollower).where(ReportFollower.report_id == report_id)
                )
            )
            reporter = 0
            if reporter_id is not None:
                still_used = await session.scalar(
                    select(func.count())
                    .select_from(Report)
                    .where(Report.reporter_id == reporter_id)
                )
                if not still_used:
                    reporter = _count(
                        await session.execute(delete(Reporter).where(Reporter.id == reporter_id))
                    )
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
            session.add(
                AuditEvent(
                    at=now,
                    action=ANONYMISED,
                    report_id=report_id,
                    data={"photos": photos, "followers": followers, "reporter": bool(reporter)},
                )
            )
            await uow.commit()
            done += 1
    return done


async def forget_idle_residents(services: Services, now: datetime) -> int:
    """Delete residents with no report, followed report, subscription or role, silent long enough.

    Deleting the `users` row takes their conversation and rate marks with it (CASCADE) and
    unlinks outbox and audit rows (SET NULL); someone who writes again later is a new person.
    """
    cutoff = now - timedelta(days=services.config.privacy.user_retention_days)
    async with services.uow() as uow:
        result = await uow.session.execute(
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
        await uow.commit()
    return _count(result)


async def purge_rate_marks(services: Services, now: datetime) -> int:
    """Delete rate marks no limit counts any more."""
    async with services.uow() as uow:
        result = await uow.session.execute(
            delete(RateMark).where(RateMark.at < now - timedelta(days=RATE_MARK_DAYS))
        )
        await uow.commit()
    return _count(result)
