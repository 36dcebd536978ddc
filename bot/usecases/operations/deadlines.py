"""Deadlines: escalate reports nobody took, remind about reports nobody verified.

KMZB promises about 2 days to read a report and about 5 to verify it. The periodic job reads the
deadlines from the database ([deadlines] take_within_hours, verify_within_days), so they survive
restarts; each escalation and reminder is claimed with a conditional UPDATE in the same
transaction as the messages it queues, so with several bot processes it happens exactly once.
Deadlines count from the report's submission, or from its last reopening or hand-over
(Report.deadline_from).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import DeadlinesSection
from bot.conversation import Answer, Option
from bot.outbox import PRIORITY_NOTICE, queue_kind
from bot.services import Services
from bot.usecases.alerts import queue_alerts
from bot.usecases.officers.alert_view import category_name, place_text
from bot.usecases.officers.presses import QUERY_SCOPE, QueryPress
from bot.usecases.officers.reachability import (
    DEFAULT_LANGUAGE,
    fallback_targets,
    present_coordinators,
    reachable,
)
from bot.usecases.officers.staff_queries import duty_groups
from bot.usecases.operations import queries
from bot.usecases.operations.absences import acting_officers
from bot.usecases.operations.local_time import local_day
from bot.usecases.operations.quiet_hours import ESCALATION, officer_is_quiet
from bot.usecases.partners import queries as partner_queries
from db.models.directory import District, Officer
from db.models.people import User
from db.models.reports import AuditEvent, Report, ReportStatus
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

S = ReportStatus
# Waiting to be taken: the 48-hour deadline.
TAKE_STATUSES = frozenset({S.NEW, S.REOPENED})
# Not verified yet (confirmed or not): the 5-day deadline.
VERIFY_STATUSES = frozenset({S.NEW, S.TAKEN, S.VERIFYING, S.REOPENED})
# The reason an escalated alert shows (catalog: operations-reason-overdue); never silent.
OVERDUE_REASON = ESCALATION
ESCALATED = "escalated"
REMINDED = "reminded"
# Reports handled per run and kind; the next run takes the rest.
BATCH = 200

Overdue = Literal["take", "verify"]


def deadline_start(report: Report) -> datetime:
    """Return when the report's deadlines started counting."""
    return report.deadline_from or report.created_at


def overdue_kind(report: Report, now: datetime, settings: DeadlinesSection) -> Overdue | None:
    """Say which deadline an open report has missed ("verify" weighs more), if any."""
    waited = now - deadline_start(report)
    if report.status in VERIFY_STATUSES and waited >= timedelta(days=settings.verify_within_days):
        return "verify"
    if report.status in TAKE_STATUSES and waited >= timedelta(hours=settings.take_within_hours):
        return "take"
    return None


@dataclass(frozen=True)
class DeadlineRun:
    """What one run of the deadline job did."""

    escalated: int
    reminded: int
    # Hand-overs a partner institution did not answer in time ([deadlines] partner_answer_hours).
    partners_escalated: int = 0


async def run_deadlines(services: Services, now: datetime) -> DeadlineRun:
    """Escalate what waits too long to be taken, remind about what waits to be verified, and
    escalate reports partner institutions left unanswered."""
    return DeadlineRun(
        await escalate_overdue(services, now),
        await remind_overdue(services, now),
        await escalate_silent_partners(services, now),
    )


async def _due_ids(services: Services, where: queries.Conditions) -> list[int]:
    async with services.uow() as uow:
        return await queries.due_report_ids(uow.session, where, BATCH)


async def _for_each_due(
    services: Services,
    now: datetime,
    where: queries.Conditions,
    claim: dict[str, Any],
    action: str,
    act: Callable[[UnitOfWork, Report], Awaitable[dict[str, Any]]],
) -> int:
    """Claim each due report in SQL and act on it in the same transaction; return how many.

    Only the process whose UPDATE changed the row (rowcount 1) acts, so the messages `act`
    queues, the claim and the audit event (`action`, with the data `act` returns) commit together.
    """
    done = 0
    for report_id in await _due_ids(services, where):
        async with services.uow() as uow:
            if not await queries.claim_report(uow.session, report_id, where, claim):
                continue
            report = await uow.session.get(Report, report_id)
            assert report is not None
            data = await act(uow, report)
            uow.session.add(
                AuditEvent(
                    at=now,
                    action=action,
                    report_id=report.id,
                    from_status=report.status.value,
                    data=data,
                )
            )
            await uow.commit()
            done += 1
    return done


# ---- escalation ------------------------------------------------------------------------------


async def escalate_overdue(services: Services, now: datetime) -> int:
    """Send reports nobody took in time to the station's duty groups and coordinators."""
    settings = services.config.deadlines
    cutoff = now - timedelta(hours=settings.take_within_hours)
    where = queries.waiting_to_be_taken(TAKE_STATUSES, cutoff)

    async def escalate(uow: UnitOfWork, report: Report) -> dict[str, Any]:
        day = local_day(services.config, now)
        stations = await _stations_of(uow.session, report.district_id)
        ops = services.config.telegram.ops_chat_id
        targets = await fallback_targets(uow.session, stations, ops, present_on=day)
        if targets:
            await queue_alerts(uow, report, targets, OVERDUE_REASON)
        else:
            log.warning("report %s: overdue, but nobody can receive its escalation", report.id)
        return {"chats": len(targets), "hours": settings.take_within_hours}

    done = await _for_each_due(services, now, where, {"escalated_at": now}, ESCALATED, escalate)
    if done:
        log.info("deadlines: escalated %d report(s)", done)
    return done


async def escalate_silent_partners(services: Services, now: datetime) -> int:
    """Send reports a partner did not answer in time to the station's coordinators, once.

    Like an untaken report: the duty groups, coordinators and duty officers of the report's
    station get its live view with the reason; the claim on the hand-over row makes it once.
    """
    from bot.usecases.partners.handover import PARTNER_SILENT
    from db.models.partners import Handover, Partner

    hours = services.config.deadlines.partner_answer_hours
    cutoff = now - timedelta(hours=hours)
    async with services.uow() as uow:
        due = await partner_queries.silent_handovers(uow.session, cutoff, BATCH)
    done = 0
    for handover_id in due:
        async with services.uow() as uow:
            if not await partner_queries.claim_silent_escalation(uow.session, handover_id, now):
                continue
            handover = await uow.session.get(Handover, handover_id)
            assert handover is not None
            report = await uow.session.get(Report, handover.report_id)
            partner = await uow.session.get(Partner, handover.partner_id)
            assert report is not None and partner is not None
            stations = await _stations_of(uow.session, report.district_id)
            ops = services.config.telegram.ops_chat_id
            day = local_day(services.config, now)
            targets = await fallback_targets(uow.session, stations, ops, present_on=day)
            if targets:
                await queue_alerts(uow, report, targets, PARTNER_SILENT)
            else:
                log.warning("report %s: partner silent, but nobody can be told", report.id)
            uow.session.add(
                AuditEvent(
                    at=now,
                    action="partner_escalated",
                    report_id=report.id,
                    from_status=report.status.value,
                    data={"partner": partner.code, "name": partner.name, "hours": hours},
                )
            )
            await uow.commit()
            done += 1
    if done:
        log.info("deadlines: escalated %d unanswered hand-over(s)", done)
    return done


async def _stations_of(session: AsyncSession, district_id: int | None) -> list[int] | None:
    district = await session.get(District, district_id) if district_id else None
    # A report outside every district concerns every station's coordinators.
    return [district.station_id] if district is not None else None


# ---- reminders -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """A chat that gets a reminder, and whether it may come silently (quiet hours)."""

    chat_id: int
    lang: str
    user_id: int | None
    silent: bool
    private: bool


async def remind_overdue(services: Services, now: datetime) -> int:
    """Remind the officer who took a report, and the coordinators, that it is not verified."""
    settings = services.config.deadlines
    cutoff = now - timedelta(days=settings.verify_within_days)
    where = queries.waiting_to_be_verified(VERIFY_STATUSES, cutoff)

    async def remind(uow: UnitOfWork, report: Report) -> dict[str, Any]:
        recipients = await reminder_recipients(uow.session, services, report, now)
        for recipient in recipients:
            _queue_reminder(uow, services, report, recipient, now)
        if not recipients:
            log.warning("report %s: not verified, but nobody can receive a reminder", report.id)
        return {"chats": len(recipients), "days": settings.verify_within_days}

    done = await _for_each_due(services, now, where, {"reminded_at": now}, REMINDED, remind)
    if done:
        log.info("deadlines: reminded about %d report(s)", done)
    return done


async def reminder_recipients(
    session: AsyncSession, services: Services, report: Report, now: datetime
) -> list[Recipient]:
    """Return the officer who took it (or their substitute) and the present coordinators.

    When none of them can be reached, the station's duty groups get the reminder instead.
    """
    config = services.config
    day = local_day(config, now)
    people: list[tuple[Officer, User]] = []
    if report.taken_by_officer_id is not None:
        taker = await session.get(Officer, report.taken_by_officer_id)
        if taker is not None:
            user = await session.get(User, taker.user_id) if taker.user_id else None
            for officer, acting_user in await acting_officers(session, [(taker, user)], day):
                if acting_user is not None and reachable(officer, acting_user):
                    people.append((officer, acting_user))
    stations = await _stations_of(session, report.district_id)
    people += await present_coordinators(session, stations, day)
    recipients: list[Recipient] = []
    for officer, user in people:
        assert user.chat_id is not None
        recipients.append(
            Recipient(
                user.chat_id,
                user.language or DEFAULT_LANGUAGE,
                user.id,
                silent=officer_is_quiet(config, officer, now),
                private=True,
            )
        )
    if not recipients:
        recipients = [
            Recipient(g.chat_id, DEFAULT_LANGUAGE, None, silent=False, private=False)
            for g in await duty_groups(session, stations)
        ]
    unique: dict[int, Recipient] = {}
    for recipient in recipients:
        unique.setdefault(recipient.chat_id, recipient)
    return list(unique.values())


def _queue_reminder(
    uow: UnitOfWork, services: Services, report: Report, recipient: Recipient, now: datetime
) -> None:
    lang = services.catalog.language(recipient.lang)
    options: tuple[tuple[Option, ...], ...] = ()
    if recipient.private:
        # Opens the report with its current buttons (the officers' list handles the press).
        details = QueryPress(QueryPress.DETAILS, report.id)
        options = ((Option("operations-btn-details", details.encode()),),)
    answer = Answer(
        key="operations-reminder",
        args={
            "reference": report.reference,
            "category": category_name(services, report, lang),
            "status": services.catalog.render(lang, f"officers-status-{report.status.value}"),
            "days": (now - deadline_start(report)).days,
            "place": place_text(services, report, lang),
        },
        options=options,
        scope=QUERY_SCOPE,
    )
    queue_kind(
        uow,
        recipient.chat_id,
        "answer",
        {"answer": answer.to_json(), "lang": lang, "silent": recipient.silent},
        user_id=recipient.user_id,
        priority=PRIORITY_NOTICE,
    )
