"""A report's status workflow and telling its residents: status changes, hand-overs, audit rows.

`change_status` and `reassign` move a report and write its audit row; `notify_residents` queues
the status message for the reporter (and, when a report is closed, its "I see it too"
subscribers), with the "Still happening" button (scope "ro", answered by `officers/reopen.py`)
where a report may be reopened. Which status follows which is `officers/workflow.py`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer, Option
from bot.outbox import PRIORITY_NOTICE, queue_answer
from bot.services import Services
from bot.usecases.alerts import queue_alert_edits, queue_alerts
from bot.usecases.officers import queries, workflow
from bot.usecases.officers.alert_view import REASSIGNED
from bot.usecases.officers.presses import REOPEN_SCOPE, ReopenPress
from bot.usecases.officers.reachability import plan_alert
from bot.usecases.operations.local_time import local_day
from db.models.directory import District, Officer
from db.models.people import User
from db.models.reports import AuditEvent, Report, ReportStatus
from db.uow import UnitOfWork

# The audit action of a status change.
STATUS_ACTION = "status"


# ---- residents are told --------------------------------------------------------------------


async def residents_of(
    session: AsyncSession, report: Report, *, followers: bool = True
) -> list[User]:
    """Return the reporter and (with `followers`) every "I see it too" subscriber reachable."""
    ids = [report.user_id] if report.user_id is not None else []
    if followers:
        # Followers who left the report in My reports are told nothing more.
        rows = await queries.current_follower_ids(session, report.id)
        ids += [uid for uid in rows if uid not in ids]
    users = []
    for user_id in ids:
        user = await session.get(User, user_id)
        if user is not None and user.chat_id is not None and not user.undeliverable:
            users.append(user)
    return users


def resident_language(services: Services, user: User, report: Report) -> str:
    """Answer residents in their chosen language, else the report's."""
    return services.catalog.language(user.language or report.language)


async def notify_residents(
    uow: UnitOfWork,
    services: Services,
    report: Report,
    key: str,
    args: dict[str, Any] | None = None,
    *,
    reopen_button: bool = False,
    skip_user_id: int | None = None,
    followers: bool = False,
) -> int:
    """Queue a status message for the reporter (and subscribers), each in their language.

    Subscribers ("I see it too") hear only that a report was closed and how: telling them
    "the officer is checking on site" would tip off whoever the report is about.
    """
    options: tuple[tuple[Option, ...], ...] = ()
    if reopen_button:
        options = ((Option("officers-btn-reopen", ReopenPress(report.id).encode()),),)
    answer = Answer(
        key=key,
        args={"reference": report.reference, **(args or {})},
        options=options,
        scope=REOPEN_SCOPE,
    )
    count = 0
    for user in await residents_of(uow.session, report, followers=followers):
        if user.id == skip_user_id or user.chat_id is None:
            continue
        lang = resident_language(services, user, report)
        queue_answer(uow, user.chat_id, answer, lang, user_id=user.id, priority=PRIORITY_NOTICE)
        count += 1
    return count


# ---- status changes ------------------------------------------------------------------------


def audit_event(
    report: Report,
    action: str,
    now: datetime,
    *,
    officer: Officer | None = None,
    user_id: int | None = None,
    from_status: ReportStatus | None = None,
    to_status: ReportStatus | None = None,
    note: str | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Build the audit row of an action on a report (by an officer, or a resident's `user_id`)."""
    return AuditEvent(
        at=now,
        action=action,
        actor_user_id=user_id if user_id is not None else (officer.user_id if officer else None),
        actor_officer_id=officer.id if officer else None,
        report_id=report.id,
        from_status=from_status.value if from_status else None,
        to_status=to_status.value if to_status else None,
        note=note,
        data=data or {},
    )


async def change_status(
    uow: UnitOfWork,
    services: Services,
    report: Report,
    target: ReportStatus,
    officer: Officer | None,
    now: datetime,
    *,
    body: str | None = None,
) -> AuditEvent:
    """Move a report to a status: audit it, edit its alerts, tell the residents."""
    previous = report.status
    report.status = target
    report.updated_at = now
    if target is ReportStatus.TAKEN and officer is not None:
        report.taken_by_officer_id = officer.id
        report.taken_at = now
    if target in workflow.CLOSED:
        report.closed_at = now
    if target is ReportStatus.FORWARDED:
        report.forwarded_to = body
    event = audit_event(
        report,
        STATUS_ACTION,
        now,
        officer=officer,
        from_status=previous,
        to_status=target,
        data={"body": body} if body else None,
    )
    uow.session.add(event)
    await uow.session.flush()
    await queue_alert_edits(uow, report.id)
    await notify_residents(
        uow,
        services,
        report,
        f"officers-resident-{target.value}",
        # Codes: each resident's catalog names the body in their own language, and says "the
        # district officer" only when one acted (a coordinator or a duty group is "the police").
        {"body": body or "other", "by": workflow.told_as(officer)},
        reopen_button=target in workflow.REOPENABLE,
        followers=target in workflow.CLOSED,
    )
    return event


async def reassign(
    uow: UnitOfWork,
    services: Services,
    report: Report,
    district: District,
    officer: Officer,
    now: datetime,
) -> None:
    """Hand a report to another district: its officers get the alert, as if it were new."""
    session = uow.session
    old = await session.get(District, report.district_id) if report.district_id else None
    previous = report.status
    report.district_id = district.id
    report.status = ReportStatus.NEW
    report.taken_by_officer_id = None
    report.taken_at = None
    report.updated_at = now
    # The new district's officers get their own deadlines (bot/usecases/operations/deadlines.py).
    restart_deadlines(report, now)
    session.add(
        audit_event(
            report,
            REASSIGNED,
            now,
            officer=officer,
            from_status=previous,
            to_status=ReportStatus.NEW,
            data={
                "from_district": old.code if old else None,
                "from_name": old.name if old else None,
                "to_district": district.code,
            },
        )
    )
    await session.flush()
    # Alerts already out (old district) now show the hand-over, without buttons.
    await queue_alert_edits(uow, report.id)
    plan = await plan_alert(
        session, district.id, services.config.telegram.ops_chat_id, local_day(services.config, now)
    )
    await queue_alerts(uow, report, plan.targets, plan.reason)
    await notify_residents(uow, services, report, "officers-resident-reassigned")


def restart_deadlines(report: Report, now: datetime) -> None:
    """Start the report's deadlines again from now (a new district, a reopened report)."""
    report.deadline_from = now
    report.escalated_at = None
    report.reminded_at = None
