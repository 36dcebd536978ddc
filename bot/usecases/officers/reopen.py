"""A resident's "Still happening": reopening an eliminated or not-confirmed report.

The reporter or a subscriber presses the button of a status message (scope "ro", put there by
`officers/status_changes.py`); the report goes back to the officer who had it, or to its
district as new. Limits per report and per person keep the button from being used to pester.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer, Choice
from bot.services import Services
from bot.turn import Turn
from bot.usecases.alerts import queue_alert_edits, queue_alerts
from bot.usecases.officers import queries, workflow
from bot.usecases.officers.buttons import PressOutcome
from bot.usecases.officers.permissions import may_act
from bot.usecases.officers.presses import ReopenPress
from bot.usecases.officers.reachability import AlertTarget, plan_alert, reachable
from bot.usecases.officers.status_changes import (
    STATUS_ACTION,
    audit_event,
    notify_residents,
    restart_deadlines,
)
from bot.usecases.operations.absences import is_away
from bot.usecases.operations.local_time import local_day
from db.models.directory import Officer
from db.models.people import User
from db.models.reports import Report, ReportStatus
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

REOPENED_ACTION = "reopened"


async def press_reopen(uow: UnitOfWork, services: Services, turn: Turn) -> PressOutcome:
    """Reopen an eliminated or not-confirmed report at the reporter's or a subscriber's word."""
    choice = turn.step
    press = ReopenPress.parse(choice.value) if isinstance(choice, Choice) else None
    session = uow.session
    report = await session.get(Report, press.report_id, with_for_update=True) if press else None
    if report is None or not await _is_resident_of(session, report, turn.user):
        log.info("reopen refused: user %s, value is not theirs", turn.user.id)
        return PressOutcome(answers=[Answer(key="officers-reopen-invalid")])
    if report.status in workflow.REOPENABLE:
        refused = await _reopen_refused(session, services, report, turn.user, turn.now)
        if refused is not None:
            return PressOutcome(answers=[refused])
    if report.status not in workflow.REOPENABLE:
        status = services.catalog.render(
            turn.lang, f"officers-resident-state-{report.status.value}"
        )
        return PressOutcome(
            answers=[
                Answer(
                    key="officers-reopen-not-now",
                    args={"reference": report.reference, "status": status},
                )
            ]
        )
    await reopen(uow, services, report, turn.user, turn.now)
    return PressOutcome(
        answers=[Answer(key="officers-reopen-done", args={"reference": report.reference})]
    )


async def _reopen_refused(
    session: AsyncSession, services: Services, report: Report, user: User, now: datetime
) -> Answer | None:
    """Say why "Still happening" is refused now (too often for the report or the person)."""
    settings = services.config.reports
    per_report = await queries.count_report_events(session, report.id, REOPENED_ACTION)
    if int(per_report or 0) >= settings.max_reopens_per_report:
        log.info("reopen refused: report %s reopened %s times", report.id, per_report)
        return Answer(
            key="privacy-reopen-limit-report",
            args={"reference": report.reference, "count": int(per_report or 0)},
        )
    per_user = await queries.count_user_events_since(
        session, user.id, REOPENED_ACTION, now - timedelta(hours=24)
    )
    if int(per_user or 0) >= settings.max_reopens_per_day:
        log.info("reopen refused: user %s reopened %s reports today", user.id, per_user)
        return Answer(key="privacy-reopen-limit-user", args={"max": settings.max_reopens_per_day})
    return None


async def _is_resident_of(session: AsyncSession, report: Report, user: User) -> bool:
    if report.user_id == user.id:
        return True
    return await queries.follower_id(session, report.id, user.id) is not None


async def reopen(
    uow: UnitOfWork, services: Services, report: Report, user: User, now: datetime
) -> None:
    """REOPENED, then back to the officer who had it as TAKEN (or to the district as new)."""
    session = uow.session
    previous = report.status
    report.status = ReportStatus.REOPENED
    report.closed_at = None
    report.updated_at = now
    restart_deadlines(report, now)
    today = local_day(services.config, now)
    session.add(
        audit_event(
            report,
            REOPENED_ACTION,
            now,
            user_id=user.id,
            from_status=previous,
            to_status=ReportStatus.REOPENED,
        )
    )
    officer = (
        await session.get(Officer, report.taken_by_officer_id)
        if report.taken_by_officer_id
        else None
    )
    officer_user = await session.get(User, officer.user_id) if officer and officer.user_id else None
    if (
        officer is not None
        and officer_user is not None
        and reachable(officer, officer_user)
        and await may_act(session, officer, report, today)
        and officer_user.chat_id is not None
        # On leave: the district's substitute gets it instead (plan_alert below).
        and not await is_away(session, officer.id, today)
    ):
        report.status = ReportStatus.TAKEN
        report.taken_at = now
        session.add(
            audit_event(
                report,
                STATUS_ACTION,
                now,
                from_status=ReportStatus.REOPENED,
                to_status=ReportStatus.TAKEN,
                data={"back_to_officer": officer.id},
            )
        )
        await session.flush()
        lang = officer_user.language or "pl"
        target = AlertTarget(officer_user.chat_id, "officer", officer.id, lang)
        # Every view already out shows it reopened; the officer also gets a fresh alert.
        await queue_alert_edits(uow, report.id)
        await queue_alerts(uow, report, [target], "reopened")
    else:
        report.taken_by_officer_id = None
        report.taken_at = None
        await session.flush()
        await queue_alert_edits(uow, report.id)
        plan = await plan_alert(
            session, report.district_id, services.config.telegram.ops_chat_id, today
        )
        await queue_alerts(uow, report, plan.targets, plan.reason or "reopened")
    # Only the reporter hears it (followers hear only how a report was closed).
    await notify_residents(
        uow, services, report, "officers-resident-reopened", skip_user_id=user.id
    )
