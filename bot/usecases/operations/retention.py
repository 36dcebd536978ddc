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

from bot.services import Services
from bot.usecases.officers.workflow import CLOSED
from bot.usecases.operations import queries
from db.models.pipeline import OutboxStatus
from db.models.reports import AuditEvent

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


async def discard_expired_drafts(services: Services, now: datetime) -> int:
    """Reset conversations whose draft expired: back to the main menu, draft gone."""
    async with services.uow() as uow:
        count = await queries.reset_expired_drafts(uow.session, now)
        await uow.commit()
    return count


async def purge_failed_inbox(services: Services, now: datetime) -> int:
    """Delete updates that failed for good once the inbox retention passed (they hold text)."""
    cutoff = now - timedelta(hours=services.config.pipeline.inbox_retention_hours)
    async with services.uow() as uow:
        count = await queries.delete_failed_inbox(uow.session, cutoff)
        await uow.commit()
    return count


async def purge_outbox(services: Services, now: datetime) -> int:
    """Delete finished outgoing messages older than [privacy] outbox_retention_days."""
    cutoff = now - timedelta(days=services.config.privacy.outbox_retention_days)
    async with services.uow() as uow:
        count = await queries.delete_finished_outbox(uow.session, FINISHED_OUTBOX, cutoff)
        await uow.commit()
    return count


async def anonymise_closed_reports(services: Services, now: datetime) -> int:
    """Anonymise reports closed longer than the retention period, and every report older than
    the maximum age whatever its status; audit each one."""
    privacy = services.config.privacy
    cutoff = now - timedelta(days=privacy.report_retention_days)
    too_old = now - timedelta(days=privacy.report_max_age_days)
    async with services.uow() as uow:
        ids = await queries.reports_due_for_anonymising(uow.session, CLOSED, cutoff, too_old, BATCH)
    done = 0
    for report_id in ids:
        async with services.uow() as uow:
            session = uow.session
            reporter_id = await queries.reporter_of(session, report_id)
            # Claimed in SQL: a second process (or a reopen meanwhile) makes this a no-op.
            claimed = await queries.claim_anonymisation(
                session, report_id, CLOSED, cutoff, too_old, now
            )
            if not claimed:
                continue
            photos = await queries.delete_report_photos(session, report_id)
            followers = await queries.delete_report_followers(session, report_id)
            reporter = 0
            if reporter_id is not None and not await queries.reports_of_reporter(
                session, reporter_id
            ):
                reporter = await queries.delete_reporter(session, reporter_id)
            await queries.strip_residents_from_audit(session, report_id)
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
        count = await queries.delete_idle_residents(uow.session, cutoff)
        await uow.commit()
    return count


async def purge_rate_marks(services: Services, now: datetime) -> int:
    """Delete rate marks no limit counts any more."""
    async with services.uow() as uow:
        count = await queries.delete_rate_marks_before(
            uow.session, now - timedelta(days=RATE_MARK_DAYS)
        )
        await uow.commit()
    return count
