"""Officers' buttons on a report (scope "o"): decode the press, check it, dispatch it.

Every press is checked against the database at press time: the report exists, the action is
valid for its current status, and the presser is an allowed officer or coordinator. Anything
else is refused politely, logged at INFO without personal data, and audited. What a press does
is elsewhere: status changes and hand-overs in `officers/status_changes.py`, notes and comments
in `officers/notes.py`, partner institutions in `partners/handover.py`; here are the menus, the
phone and the refusals.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from bot.conversation import Answer, Choice
from bot.outbox import PRIORITY_NOTICE, queue_kind
from bot.services import Services
from bot.turn import Turn
from bot.usecases.alerts import queue_alert_edits
from bot.usecases.flow import FlowContext
from bot.usecases.officers import staff_queries, workflow
from bot.usecases.officers.alert_view import REASSIGN_PAGE, closing_menu, reassign_menu
from bot.usecases.officers.notes import (
    COMMENT_STEP,
    FLOW_NAME,
    NOTE_STEP,
    comment_prompt,
    note_prompt,
)
from bot.usecases.officers.permissions import allowed_officer, refusal, reporter_phone
from bot.usecases.officers.presses import OfficerPress
from bot.usecases.officers.status_changes import audit_event, change_status, reassign
from bot.usecases.officers.views import queue_view_edit, view_at
from bot.usecases.operations.local_time import local_day
from bot.usecases.partners import handover as partners
from db.models.directory import Officer
from db.models.reports import OPEN_STATUSES, AuditEvent, Report, ReportStatus
from db.repositories.conversations import load_conversation
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

# Outbox kind sent by handlers/officers.py.
KIND_CONTACT = "contact"

REFUSED_ACTION = "refused"


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


async def _refuse(
    uow: UnitOfWork,
    turn: Turn,
    press: OfficerPress | None,
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
    press = OfficerPress.parse(choice.value) if isinstance(choice, Choice) else None
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
    if action == workflow.FORWARD and press.partner_id is not None:
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
    if action in workflow.ASK_FIRST and press.arg != workflow.SURE:
        if press.arg is not None:
            return await _refuse(
                uow, turn, press, report, "bad_argument", "officers-refused-invalid"
            )
        # The menu changes only the buttons of the view; the popup says what the answer does.
        return PressOutcome(
            menu=closing_menu(report, action),
            notice=f"officers-sure-{action}",
            notice_args={"reference": report.reference},
        )
    await change_status(uow, services, report, target, officer, turn.now)
    return _done(services, report, lang)


async def _forward_to_partner(
    uow: UnitOfWork,
    services: Services,
    turn: Turn,
    press: OfficerPress,
    report: Report,
    officer: Officer,
    status: str,
) -> PressOutcome:
    """Hand the report to a partner institution of its gmina (checked again at press time)."""
    if workflow.target_of(workflow.FORWARD, report.status) is None:
        return await _stale(uow, turn, press, report, status)
    wanted = press.partner_id
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
    uow: UnitOfWork, turn: Turn, press: OfficerPress, report: Report, status: str
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
    press: OfficerPress,
    report: Report,
    officer: Officer,
    status: str,
) -> PressOutcome:
    if not workflow.can_reassign(report.status):
        return await _stale(uow, turn, press, report, status)
    districts = await staff_queries.other_active_districts(uow.session, report.district_id or 0)
    if press.action == workflow.REASSIGN:
        page = press.number or 0
        if page * REASSIGN_PAGE >= max(len(districts), 1):
            return await _refuse(uow, turn, press, report, "bad_page", "officers-refused-invalid")
        return PressOutcome(menu=reassign_menu(report, districts, page))
    target = next((d for d in districts if d.id == press.number), None)
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
    press: OfficerPress,
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
        audit_event(
            report, "phone_revealed", turn.now, officer=officer, data={"in_group": in_group}
        )
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
    press: OfficerPress,
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
