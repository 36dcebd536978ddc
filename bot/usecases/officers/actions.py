"""Officers' actions on a report (status changes, hand-overs, notes, phone) and residents' reopen.

Every press is checked against the database at press time: the report exists, the action is
valid for its current status, and the presser is an allowed officer or coordinator. Anything
else is refused politely, logged at INFO without personal data, and audited.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer, Choice, Option
from bot.outbox import PRIORITY_NOTICE, queue_answer, queue_kind
from bot.services import Services
from bot.turn import Turn
from bot.usecases.alerts import queue_alert_edits, queue_alerts
from bot.usecases.flow import FlowContext
from bot.usecases.officers import workflow
from bot.usecases.officers.alert_view import (
    REASSIGN_PAGE,
    REASSIGNED,
    reassign_menu,
)
from bot.usecases.officers.permissions import (
    allowed_officer,
    may_act,
    refusal,
    reporter_phone,
)
from bot.usecases.officers.reachability import AlertTarget, plan_alert, reachable
from bot.usecases.officers.views import queue_view_edit, view_at
from bot.usecases.operations.absences import is_away
from bot.usecases.operations.local_time import local_day
from bot.usecases.partners import handover as partners
from db.models.directory import District, Officer
from db.models.people import User
from db.models.reports import OPEN_STATUSES, AuditEvent, Report, ReportFollower, ReportStatus
from db.repositories.conversations import load_conversation
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

# Callback scope of residents' "Still happening" buttons on status messages.
REOPEN_SCOPE = "ro"
# The flow and step an officer is in while typing a note for the reporter.
FLOW_NAME = "officers"
NOTE_STEP = "note"
COMMENT_STEP = "comment"
# Outbox kinds sent by handlers/officers.py.
KIND_CONTACT = "contact"
KIND_NOTE = "officer_note"

STATUS_ACTION = "status"
NOTE_ACTION = "note"
COMMENT_ACTION = "comment"
REFUSED_ACTION = "refused"
REOPENED_ACTION = "reopened"


@dataclass
class PressOutcome:
    """What a press produced: messages for the chat it came from, for the presser, a popup."""

    # Shown in the chat where the button was pressed (a menu, a prompt).
    answers: list[Answer] = field(default_factory=list)
    # Sent to the presser's private chat (the note prompt, when pressed in a group).
    private: list[Answer] = field(default_factory=list)
    # A short popup on the pressed button (catalog key and arguments).
    notice: str | None = None
    notice_args: dict[str, Any] = field(default_factory=dict)
    # A refusal: worth a popup the presser must dismiss, even in a busy group.
    refused: bool = False
    # Shown in place of the pressed view's buttons (an institution, another district, Back).
    menu: Answer | None = None


@dataclass(frozen=True)
class Press:
    """A decoded officer button: report id, action, optional argument."""

    report_id: int
    action: str
    arg: str | None = None


def parse_press(value: str) -> Press | None:
    """Decode "<report id>.<action>[.<argument>]"; None for anything else."""
    parts = value.split(".")
    if not 2 <= len(parts) <= 3 or not parts[0].isdigit() or not parts[1]:
        return None
    return Press(int(parts[0]), parts[1], parts[2] if len(parts) == 3 else None)


# ---- residents are told --------------------------------------------------------------------


async def residents_of(
    session: AsyncSession, report: Report, *, followers: bool = True
) -> list[User]:
    """Return the reporter and (with `followers`) every "I see it too" subscriber reachable."""
    ids = [report.user_id] if report.user_id is not None else []
    if followers:
        rows = await session.scalars(
            select(ReportFollower.user_id)
            # Followers who left the report in My reports are told nothing more.
            .where(ReportFollower.report_id == report.id, ReportFollower.left_at.is_(None))
            .order_by(ReportFollower.id)
        )
        ids += [uid for uid in rows.all() if uid not in ids]
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
        options = ((Option("officers-btn-reopen", str(report.id)),),)
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


def _audit(
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
    event = _audit(
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
        # A code: each resident's catalog names the body in their own language.
        {"body": body or "other"},
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
    _restart_deadlines(report, now)
    session.add(
        _audit(
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


def _restart_deadlines(report: Report, now: datetime) -> None:
    report.deadline_from = now
    report.escalated_at = None
    report.reminded_at = None


# ---- presses ---------------------------------------------------------------------------------


async def _refuse(
    uow: UnitOfWork,
    turn: Turn,
    press: Press | None,
    report: Report | None,
    reason: str,
    notice: str,
    **notice_args: Any,
) -> PressOutcome:
    # Ids and codes only: never names, phones or texts in the log.
    log.info(
        "officer button refused: user %s, report %s, action %s: %s",
        turn.user.id,
        press.report_id if press else None,
        press.action if press else None,
        reason,
    )
    uow.session.add(
        AuditEvent(
            at=turn.now,
            action=REFUSED_ACTION,
            actor_user_id=turn.user.id,
            report_id=report.id if report else None,
            from_status=report.status.value if report else None,
            data={"action": press.action if press else None, "reason": reason},
        )
    )
    return PressOutcome(notice=notice, notice_args=notice_args, refused=True)


async def press_officer_button(
    uow: UnitOfWork,
    services: Services,
    turn: Turn,
    *,
    in_group: bool,
    pressed: tuple[int, int] | None = None,
) -> PressOutcome:
    """Handle a press of an officer button (scope "o"), in a private chat or a duty group.

    `pressed` is the (chat id, message id) of the message whose button it was: Back redraws it.
    """
    choice = turn.step
    press = parse_press(choice.value) if isinstance(choice, Choice) else None
    if press is None:
        return await _refuse(uow, turn, None, None, "malformed", "officers-refused-invalid")
    session = uow.session
    # Locked (PostgreSQL) so that two officers pressing at once act one after the other.
    report = await session.get(Report, press.report_id, with_for_update=True)
    if report is None:
        return await _refuse(uow, turn, press, None, "no_report", "officers-refused-invalid")
    day = local_day(services.config, turn.now)
    officer = await allowed_officer(session, turn.user, report, day)
    if officer is None:
        key, args = await refusal(session, turn.user, report)
        return await _refuse(uow, turn, press, report, "not_allowed", key, **args)
    lang = turn.lang
    status = services.catalog.render(lang, f"officers-status-{report.status.value}")
    action = press.action
    if action == workflow.BACK:
        await _redraw(uow, report, pressed)
        return PressOutcome()
    if action == workflow.PHONE:
        return await _reveal_phone(uow, services, turn, press, report, officer, in_group=in_group)
    if action == workflow.NOTE:
        if report.status not in OPEN_STATUSES:
            return await _stale(uow, turn, press, report, status)
        return await _ask_text(uow, services, turn, press, report, NOTE_STEP, in_group=in_group)
    if action == workflow.COMMENT:
        return await _ask_text(uow, services, turn, press, report, COMMENT_STEP, in_group=in_group)
    if action == workflow.FORWARD and press.arg is None:
        if workflow.target_of(workflow.FORWARD, report.status) is None:
            return await _stale(uow, turn, press, report, status)
        # The gmina's linked partner institutions first (bot/usecases/partners).
        return PressOutcome(
            menu=partners.forward_menu(report, await partners.partners_for(session, report))
        )
    if action == workflow.FORWARD and partners.partner_id_of(press.arg) is not None:
        return await _forward_to_partner(uow, services, turn, press, report, officer, status)
    if action == workflow.FORWARD:
        if press.arg not in workflow.FORWARD_BODIES:
            return await _refuse(uow, turn, press, report, "bad_body", "officers-refused-invalid")
        if workflow.target_of(action, report.status) is None:
            return await _stale(uow, turn, press, report, status)
        await change_status(
            uow, services, report, ReportStatus.FORWARDED, officer, turn.now, body=press.arg
        )
        return _done(services, report, lang)
    if action in (workflow.REASSIGN, workflow.REASSIGN_TO):
        return await _reassign_press(uow, services, turn, press, report, officer, status)
    target = workflow.target_of(action, report.status)
    if target is None:
        if action in workflow.BY_ACTION:
            return await _stale(uow, turn, press, report, status)
        return await _refuse(uow, turn, press, report, "unknown_action", "officers-refused-invalid")
    await change_status(uow, services, report, target, officer, turn.now)
    return _done(services, report, lang)


async def _forward_to_partner(
    uow: UnitOfWork,
    services: Services,
    turn: Turn,
    press: Press,
    report: Report,
    officer: Officer,
    status: str,
) -> PressOutcome:
    """Hand the report to a partner institution of its gmina (checked again at press time)."""
    if workflow.target_of(workflow.FORWARD, report.status) is None:
        return await _stale(uow, turn, press, report, status)
    wanted = partners.partner_id_of(press.arg)
    offered = await partners.partners_for(uow.session, report)
    partner = next((p for p in offered if p.id == wanted), None)
    if partner is None:
        # Forged, or the partner was unlinked or serves another gmina.
        return await _refuse(uow, turn, press, report, "bad_partner", "officers-refused-invalid")
    await partners.forward_to_partner(uow, services, report, partner, officer, turn.now)
    return _done(services, report, turn.lang)


def _done(services: Services, report: Report, lang: str) -> PressOutcome:
    label = services.catalog.render(lang, f"officers-status-{report.status.value}")
    return PressOutcome(
        notice="officers-done", notice_args={"reference": report.reference, "status": label}
    )


async def _stale(
    uow: UnitOfWork, turn: Turn, press: Press, report: Report, status: str
) -> PressOutcome:
    # Someone else acted first, or the buttons are old: refresh them everywhere.
    await queue_alert_edits(uow, report.id)
    return await _refuse(
        uow, turn, press, report, "status", "officers-refused-status", status=status
    )


async def _reassign_press(
    uow: UnitOfWork,
    services: Services,
    turn: Turn,
    press: Press,
    report: Report,
    officer: Officer,
    status: str,
) -> PressOutcome:
    if not workflow.can_reassign(report.status):
        return await _stale(uow, turn, press, report, status)
    session = uow.session
    districts = list(
        await session.scalars(
            select(District)
            .where(District.active.is_(True), District.id != (report.district_id or 0))
            .order_by(District.code)
        )
    )
    if press.action == workflow.REASSIGN:
        page = int(press.arg) if press.arg and press.arg.isdigit() else 0
        if page * REASSIGN_PAGE >= max(len(districts), 1):
            return await _refuse(uow, turn, press, report, "bad_page", "officers-refused-invalid")
        return PressOutcome(menu=reassign_menu(report, districts, page))
    target = next((d for d in districts if str(d.id) == press.arg), None)
    if target is None:
        return await _refuse(uow, turn, press, report, "bad_district", "officers-refused-invalid")
    await reassign(uow, services, report, target, officer, turn.now)
    return PressOutcome(
        notice="officers-reassigned",
        notice_args={"reference": report.reference, "name": target.name},
    )


async def _reveal_phone(
    uow: UnitOfWork,
    services: Services,
    turn: Turn,
    press: Press,
    report: Report,
    officer: Officer,
    *,
    in_group: bool,
) -> PressOutcome:
    if await reporter_phone(uow.session, report) is None:
        return await _refuse(uow, turn, press, report, "no_consent", "officers-phone-unavailable")
    if turn.user.chat_id is None:
        return await _refuse(uow, turn, press, report, "no_private_chat", "officers-write-first")
    uow.session.add(
        _audit(report, "phone_revealed", turn.now, officer=officer, data={"in_group": in_group})
    )
    # Rendered when sent, in the officer's private chat only: never in a group, never in the outbox.
    queue_kind(
        uow,
        turn.user.chat_id,
        KIND_CONTACT,
        {"report_id": report.id, "lang": turn.lang},
        user_id=turn.user.id,
        priority=PRIORITY_NOTICE,
    )
    return PressOutcome(notice="officers-phone-sent" if in_group else None)


async def _ask_text(
    uow: UnitOfWork,
    services: Services,
    turn: Turn,
    press: Press,
    report: Report,
    step: str,
    *,
    in_group: bool,
) -> PressOutcome:
    """Ask the officer, in their private chat, for a note (a question) or a closing comment."""
    if step == NOTE_STEP and report.user_id is None:
        return await _refuse(uow, turn, press, report, "no_reporter", "officers-note-nobody")
    if turn.user.chat_id is None:
        return await _refuse(uow, turn, press, report, "no_private_chat", "officers-write-first")
    conversation = await load_conversation(uow.session, turn.user.id)
    ctx = FlowContext(uow, turn, conversation, services)
    ctx.goto(FLOW_NAME, step, {"report_id": report.id})
    prompt = note_prompt(report) if step == NOTE_STEP else comment_prompt(report)
    if in_group:
        return PressOutcome(private=[prompt], notice="officers-note-private")
    return PressOutcome(answers=[prompt])


async def _redraw(uow: UnitOfWork, report: Report, pressed: tuple[int, int] | None) -> None:
    """Back from a menu: draw the pressed view again with its own buttons."""
    view = await view_at(uow, *pressed) if pressed is not None else None
    if view is not None and view.report_id == report.id:
        queue_view_edit(uow, view)
    else:
        await queue_alert_edits(uow, report.id)


def note_prompt(report: Report) -> Answer:
    """Ask the officer for the note to the reporter."""
    return Answer(key="officers-note-ask", args={"reference": report.reference})


def comment_prompt(report: Report) -> Answer:
    """Ask the officer for a comment on a closed report."""
    return Answer(key="desk-comment-ask", args={"reference": report.reference})


async def record_note(
    uow: UnitOfWork, services: Services, turn: Turn, report_id: int, text: str
) -> Answer:
    """Send an officer's note to the reporter only (checked again: the role may have changed)."""
    session = uow.session
    report = await session.get(Report, report_id)
    today = local_day(services.config, turn.now)
    officer = await allowed_officer(session, turn.user, report, today) if report else None
    if report is None or officer is None:
        log.info("officer note refused: user %s, report %s", turn.user.id, report_id)
        return await _refused_answer(session, turn, report)
    event = _audit(
        report, NOTE_ACTION, turn.now, officer=officer, from_status=report.status, note=text
    )
    session.add(event)
    await session.flush()
    # The card's history shows the note.
    await queue_alert_edits(uow, report.id)
    if not await _tell_reporter(uow, services, report, event, question=True):
        return Answer(key="officers-note-nobody")
    return Answer(key="officers-note-sent", args={"reference": report.reference})


async def record_comment(
    uow: UnitOfWork, services: Services, turn: Turn, report_id: int, text: str
) -> Answer:
    """Keep an officer's comment on a report in its history and tell the reporter."""
    session = uow.session
    report = await session.get(Report, report_id)
    today = local_day(services.config, turn.now)
    officer = await allowed_officer(session, turn.user, report, today) if report else None
    if report is None or officer is None:
        log.info("officer comment refused: user %s, report %s", turn.user.id, report_id)
        return await _refused_answer(session, turn, report)
    event = _audit(
        report, COMMENT_ACTION, turn.now, officer=officer, from_status=report.status, note=text
    )
    session.add(event)
    await session.flush()
    await queue_alert_edits(uow, report.id)
    told = await _tell_reporter(uow, services, report, event)
    key = "desk-comment-sent" if told else "desk-comment-kept"
    return Answer(key=key, args={"reference": report.reference})


async def _refused_answer(session: AsyncSession, turn: Turn, report: Report | None) -> Answer:
    """Say why the officer may no longer write about this report (the role may have changed)."""
    if report is None:
        return Answer(key="officers-refused-invalid")
    key, args = await refusal(session, turn.user, report)
    return Answer(key=key, args=args)


async def _tell_reporter(
    uow: UnitOfWork,
    services: Services,
    report: Report,
    event: AuditEvent,
    *,
    question: bool = False,
) -> bool:
    """Queue a note or comment for the reporter only (rendered from the audit row when sent).

    A question opens the reporter's reply window when they are not busy with something else.
    """
    from bot.usecases.report.follow_up import open_reply_window

    reporter = await uow.session.get(User, report.user_id) if report.user_id else None
    if reporter is None or reporter.chat_id is None or reporter.undeliverable:
        return False
    window = question and await open_reply_window(
        uow.session, services, reporter.id, report.id, event.at
    )
    queue_kind(
        uow,
        reporter.chat_id,
        KIND_NOTE,
        {
            "audit_id": event.id,
            "lang": resident_language(services, reporter, report),
            "window": window,
        },
        user_id=reporter.id,
        priority=PRIORITY_NOTICE,
    )
    return True


# ---- residents: "Still happening" ----------------------------------------------------------


async def press_reopen(uow: UnitOfWork, services: Services, turn: Turn) -> PressOutcome:
    """Reopen an eliminated or not-confirmed report at the reporter's or a subscriber's word."""
    choice = turn.step
    value = choice.value if isinstance(choice, Choice) else ""
    session = uow.session
    report = (
        await session.get(Report, int(value), with_for_update=True) if value.isdigit() else None
    )
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
    per_report = await session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.report_id == report.id, AuditEvent.action == REOPENED_ACTION)
    )
    if int(per_report or 0) >= settings.max_reopens_per_report:
        log.info("reopen refused: report %s reopened %s times", report.id, per_report)
        return Answer(
            key="privacy-reopen-limit-report",
            args={"reference": report.reference, "count": int(per_report or 0)},
        )
    per_user = await session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.actor_user_id == user.id,
            AuditEvent.action == REOPENED_ACTION,
            AuditEvent.at > now - timedelta(hours=24),
        )
    )
    if int(per_user or 0) >= settings.max_reopens_per_day:
        log.info("reopen refused: user %s reopened %s reports today", user.id, per_user)
        return Answer(key="privacy-reopen-limit-user", args={"max": settings.max_reopens_per_day})
    return None


async def _is_resident_of(session: AsyncSession, report: Report, user: User) -> bool:
    if report.user_id == user.id:
        return True
    follower = await session.scalar(
        select(ReportFollower.id).where(
            ReportFollower.report_id == report.id, ReportFollower.user_id == user.id
        )
    )
    return follower is not None


async def reopen(
    uow: UnitOfWork, services: Services, report: Report, user: User, now: datetime
) -> None:
    """REOPENED, then back to the officer who had it as TAKEN (or to the district as new)."""
    session = uow.session
    previous = report.status
    report.status = ReportStatus.REOPENED
    report.closed_at = None
    report.updated_at = now
    _restart_deadlines(report, now)
    today = local_day(services.config, now)
    session.add(
        _audit(
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
            _audit(
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
