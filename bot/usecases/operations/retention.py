"""Data retention, as the privacy notice promises it (docs/privacy.md has the table).

- unfinished drafts are discarded once Conversation.expires_at ([reports] draft_ttl_days) passed,
  even if the person never writes again;
- raw updates that failed are deleted after [pipeline] inbox_retention_hours like handled ones
  (the pipeline purges those; pending ones are never deleted: they are still to be handled);
- sent, failed and undeliverable outgoing messages are deleted after [privacy]
  outbox_retention_days, except the rows officers' alerts are still edited through;
- reports closed more than [privacy] report_retention_days ago are anonymised: photos, the
  reporter's identity (name, phone), the link to the resident, followers, the description and
  residents' traces in the audit trail go; category, place, status and dates stay for statistics.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update

from bot.services import Services
from bot.usecases.officers.workflow import CLOSED
from db.models.conversation import Conversation
from db.models.people import Reporter
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus
from db.models.reports import AlertMessage, AuditEvent, Report, ReportFollower, ReportPhoto

log = logging.getLogger(__name__)

ANONYMISED = "report_anonymised"
# Reports anonymised per run (one short transaction each); the next run takes the rest.
BATCH = 500
# Outgoing messages that are finished with.
FINISHED_OUTBOX = (OutboxStatus.SENT, OutboxStatus.FAILED, OutboxStatus.UNDELIVERABLE)


@dataclass(frozen=True)
class RetentionRun:
    """What one run of the retention job removed."""

    drafts: int
    inbox: int
    outbox: int
    reports: int


async def run_retention(services: Services, now: datetime) -> RetentionRun:
    """Apply every retention period once."""
    run = RetentionRun(
        drafts=await discard_expired_drafts(services, now),
        inbox=await purge_failed_inbox(services, now),
        outbox=await purge_outbox(services, now),
        reports=await anonymise_closed_reports(services, now),
    )
    if any((run.drafts, run.inbox, run.outbox, run.reports)):
        log.info(
            "retention: %d draft(s) discarded, %d inbox and %d outbox row(s) deleted, "
            "%d report(s) anonymised",
            run.drafts,
            run.inbox,
            run.outbox,
            run.reports,
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
    """Anonymise reports closed longer than the retention period; audit each one."""
    cutoff = now - timedelta(days=services.config.privacy.report_retention_days)
    due = [
        Report.anonymised_at.is_(None),
        Report.status.in_(list(CLOSED)),
        Report.closed_at.is_not(None),
        Report.closed_at < cutoff,
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
