"""Reports handed to partner institutions, and what the partners answer.

An officer's "Forward to an institution" offers the linked partners of the report's gmina
(partners.csv). The partner's chat gets the report WITHOUT the reporter's identity (never a name,
phone or account: see partner_report) and three buttons: Accepted, Done, Not ours. Every answer
is checked against the database at press time (the hand-over, its state, the chat it came from),
audited, shown in the officers' live views and told to the residents in their languages:

- Accepted: the report stays forwarded; the hand-over is accepted (no escalation any more);
- Done: the report is eliminated (the resident may still say "Still happening");
- Not ours: the report goes back to the officer who forwarded it (taken), or to its district.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer, Choice, Option
from bot.outbox import PRIORITY_NOTICE, queue_kind
from bot.services import Services
from bot.turn import Turn
from bot.usecases.alerts import queue_alert_edits, queue_alerts
from bot.usecases.officers import workflow
from bot.usecases.officers.alert_view import back_option, category_name, place_text, when_text
from bot.usecases.officers.presses import OFFICER_SCOPE, OfficerPress
from bot.usecases.officers.reachability import AlertTarget, plan_alert, reachable
from bot.usecases.officers.status_changes import notify_residents
from bot.usecases.operations.local_time import local_day
from bot.usecases.partners import queries
from db.models.directory import District, Officer
from db.models.partners import Handover, HandoverState, Partner
from db.models.people import User
from db.models.reports import AuditEvent, Report, ReportStatus
from db.uow import UnitOfWork
from lookup.directory import PartnerRecord

log = logging.getLogger(__name__)

# Callback scope of the partners' buttons (the gatekeeper lets it through in groups).
PARTNER_SCOPE = "pa"
# Outbox kind: the report as the partner reads it, rendered when sent (handlers/partners.py).
KIND_PARTNER_REPORT = "partner_report"
# Partner answers (`HandoverPress`, the button values "<hand-over id>.<answer>").
ACCEPT, DONE, NOT_OURS = "acc", "done", "no"
ANSWERS = {
    ACCEPT: HandoverState.ACCEPTED,
    DONE: HandoverState.DONE,
    NOT_OURS: HandoverState.NOT_OURS,
}
# Which answers each state still allows.
ALLOWED = {
    HandoverState.SENT: (ACCEPT, DONE, NOT_OURS),
    HandoverState.ACCEPTED: (DONE, NOT_OURS),
}
# Alert reasons (their paragraphs: partners-reason-<code>, see alert_view.PARTNER_REASONS).
PARTNER_SILENT, PARTNER_DECLINED = "partner_silent", "partner_declined"
# Languages of partner chats: Polish institutions.
PARTNER_LANGUAGE = "pl"


async def partners_for(session: AsyncSession, report: Report) -> list[Partner]:
    """Return the linked, active partners serving the gmina of the report's district."""
    district = await session.get(District, report.district_id) if report.district_id else None
    gmina = (district.gmina or "") if district is not None else ""
    linked = await queries.linked_partners(session)
    return [p for p in linked if PartnerRecord(p.code, p.name, p.kind, p.gmina).serves(gmina)]


def forward_menu(report: Report, partners: list[Partner]) -> Answer:
    """Ask where the report goes: the gmina's partners first, then the bodies without a chat."""
    rows: list[tuple[Option, ...]] = [
        (
            Option(
                "partners-forward-to",
                OfficerPress.for_partner(report.id, workflow.FORWARD, p.id).encode(),
                {"name": p.name, "kind": p.kind},
            ),
        )
        for p in partners
    ]
    rows += [
        (Option(f"officers-body-{body}", OfficerPress(report.id, workflow.FORWARD, body).encode()),)
        for body in workflow.FORWARD_BODIES
    ]
    rows.append((back_option(report),))
    key = "partners-forward-choose" if partners else "officers-forward-choose"
    return Answer(
        key=key, args={"reference": report.reference}, options=tuple(rows), scope=OFFICER_SCOPE
    )


async def forward_to_partner(
    uow: UnitOfWork,
    services: Services,
    report: Report,
    partner: Partner,
    officer: Officer,
    now: datetime,
) -> Handover:
    """Hand the report to a partner: FORWARDED, a hand-over row, the partner's message."""
    session = uow.session
    previous = report.status
    report.status = ReportStatus.FORWARDED
    report.forwarded_to = partner.name[:64]
    report.updated_at = now
    report.closed_at = now
    handover = Handover(
        report_id=report.id, partner_id=partner.id, officer_id=officer.id, sent_at=now
    )
    session.add(handover)
    session.add(
        AuditEvent(
            at=now,
            action="status",
            actor_user_id=officer.user_id,
            actor_officer_id=officer.id,
            report_id=report.id,
            from_status=previous.value,
            to_status=ReportStatus.FORWARDED.value,
            data={"body": "partner", "partner": partner.code, "name": partner.name},
        )
    )
    await session.flush()
    assert partner.chat_id is not None
    queue_kind(
        uow,
        partner.chat_id,
        KIND_PARTNER_REPORT,
        {"handover_id": handover.id, "lang": PARTNER_LANGUAGE},
        priority=PRIORITY_NOTICE,
    )
    await queue_alert_edits(uow, report.id)
    await notify_residents(
        uow, services, report, "partners-resident-forwarded", {"name": partner.name}
    )
    return handover


async def partner_report(uow: UnitOfWork, services: Services, handover_id: int) -> Answer | None:
    """The report as the partner reads it: what, where, when, the description; never who.

    The reporter's name, phone and account are not arguments of this message at all, so no
    catalog text can show them.
    """
    session = uow.session
    handover = await session.get(Handover, handover_id)
    report = await session.get(Report, handover.report_id) if handover else None
    if handover is None or report is None:
        return None
    district = await session.get(District, report.district_id) if report.district_id else None
    lang = PARTNER_LANGUAGE
    also: list[tuple[str, dict[str, Any]]] = []
    if report.description:
        also.append(("partners-report-description", {"description": report.description}))
    return Answer(
        key="partners-report",
        args={
            "reference": report.reference,
            "category": category_name(services, report, lang),
            "place": place_text(services, report, lang),
            "when": when_text(services, report, lang),
            "gmina": (district.gmina if district and district.gmina else "—"),
        },
        options=answer_buttons(handover),
        scope=PARTNER_SCOPE,
        also=tuple(also),
    )


def answer_buttons(handover: Handover) -> tuple[tuple[Option, ...], ...]:
    """The answers the partner may still give."""
    allowed = ALLOWED.get(handover.state, ())
    return tuple(
        (Option(f"partners-btn-{answer}", HandoverPress(handover.id, answer).encode()),)
        for answer in allowed
    )


@dataclass(frozen=True)
class HandoverPress:
    """A partner's answer button (scope "pa"): the hand-over's id and the answer (`ANSWERS`)."""

    handover_id: int
    answer: str

    def encode(self) -> str:
        """Return the button's value: "<hand-over id>.<answer>"."""
        return f"{self.handover_id}.{self.answer}"

    @classmethod
    def parse(cls, value: str) -> HandoverPress | None:
        """Decode a button's value; None without a hand-over id (the answer is checked later)."""
        handover_id, _, answer = value.partition(".")
        return cls(int(handover_id), answer) if handover_id.isdigit() else None


@dataclass
class PartnerPress:
    """What a partner's press produced: a popup, and the message's new buttons (if any)."""

    notice: str
    notice_args: dict[str, Any]
    refused: bool = False
    # The pressed message's buttons from now on (None: leave them as they are).
    menu: Answer | None = None


async def press_partner_button(
    uow: UnitOfWork, services: Services, turn: Turn, chat_id: int
) -> PartnerPress:
    """Handle Accepted / Done / Not ours from a partner's chat (checked, audited, told)."""
    choice = turn.step
    press = HandoverPress.parse(choice.value) if isinstance(choice, Choice) else None
    session = uow.session
    handover = (
        await session.get(Handover, press.handover_id, with_for_update=True) if press else None
    )
    answer = press.answer if press else ""
    partner = await session.get(Partner, handover.partner_id) if handover else None
    if (
        handover is None
        or partner is None
        or answer not in ANSWERS
        or not partner.active
        or partner.chat_id != chat_id
    ):
        # Forged or foreign data: ids only in the log and the audit, never the text.
        log.info("partner button refused: user %s, chat %s", turn.user.id, chat_id)
        session.add(
            AuditEvent(
                at=turn.now,
                action="partner_refused",
                actor_user_id=turn.user.id,
                data={"chat_id": chat_id, "reason": "not this chat's hand-over"},
            )
        )
        return PartnerPress("partners-refused", {}, refused=True)
    report = await session.get(Report, handover.report_id, with_for_update=True)
    assert report is not None
    if answer not in ALLOWED.get(handover.state, ()):
        state = services.catalog.render(PARTNER_LANGUAGE, f"partners-state-{handover.state}")
        return PartnerPress(
            "partners-refused-state",
            {"reference": report.reference, "state": state},
            refused=True,
            menu=_menu(handover),
        )
    handover.state = ANSWERS[answer]
    handover.answered_at = turn.now
    if answer == ACCEPT:
        await _accepted(uow, services, report, partner, turn.now, turn.user.id)
    elif answer == DONE:
        await _done(uow, services, report, partner, turn.now, turn.user.id)
    else:
        await _not_ours(uow, services, report, handover, partner, turn.now, turn.user.id)
    return PartnerPress(
        f"partners-thanks-{answer}", {"reference": report.reference}, menu=_menu(handover)
    )


def _menu(handover: Handover) -> Answer:
    return Answer(key="partners-report", options=answer_buttons(handover), scope=PARTNER_SCOPE)


def _event(
    report: Report,
    action: str,
    now: datetime,
    user_id: int,
    partner: Partner,
    to_status: ReportStatus | None = None,
    from_status: ReportStatus | None = None,
) -> AuditEvent:
    return AuditEvent(
        at=now,
        action=action,
        actor_user_id=user_id,
        report_id=report.id,
        from_status=from_status.value if from_status else None,
        to_status=to_status.value if to_status else None,
        data={"partner": partner.code, "name": partner.name},
    )


async def _accepted(
    uow: UnitOfWork, services: Services, report: Report, partner: Partner, now: datetime, uid: int
) -> None:
    uow.session.add(_event(report, "partner_accepted", now, uid, partner))
    await uow.session.flush()
    await queue_alert_edits(uow, report.id)
    await notify_residents(
        uow, services, report, "partners-resident-accepted", {"name": partner.name}
    )


async def _done(
    uow: UnitOfWork, services: Services, report: Report, partner: Partner, now: datetime, uid: int
) -> None:
    previous = report.status
    report.status = ReportStatus.ELIMINATED
    report.updated_at = now
    report.closed_at = now
    uow.session.add(
        _event(report, "partner_done", now, uid, partner, ReportStatus.ELIMINATED, previous)
    )
    await uow.session.flush()
    await queue_alert_edits(uow, report.id)
    await notify_residents(
        uow,
        services,
        report,
        "partners-resident-done",
        {"name": partner.name},
        reopen_button=True,
        followers=True,
    )


async def _not_ours(
    uow: UnitOfWork,
    services: Services,
    report: Report,
    handover: Handover,
    partner: Partner,
    now: datetime,
    uid: int,
) -> None:
    """Back to the officer who forwarded it (taken), or to the district as new."""
    session = uow.session
    previous = report.status
    report.forwarded_to = None
    report.closed_at = None
    report.updated_at = now
    report.deadline_from = now
    report.escalated_at = None
    report.reminded_at = None
    officer = await session.get(Officer, handover.officer_id) if handover.officer_id else None
    user = await session.get(User, officer.user_id) if officer and officer.user_id else None
    back = officer is not None and user is not None and officer.active and reachable(officer, user)
    report.status = ReportStatus.TAKEN if back else ReportStatus.NEW
    if back and officer is not None:
        report.taken_by_officer_id = officer.id
        report.taken_at = now
    else:
        report.taken_by_officer_id = None
        report.taken_at = None
    session.add(_event(report, "partner_not_ours", now, uid, partner, report.status, previous))
    await session.flush()
    await queue_alert_edits(uow, report.id)
    if back and officer is not None and user is not None and user.chat_id is not None:
        target = AlertTarget(user.chat_id, "officer", officer.id, user.language or "pl")
        await queue_alerts(uow, report, [target], PARTNER_DECLINED)
    else:
        day = local_day(services.config, now)
        plan = await plan_alert(
            session, report.district_id, services.config.telegram.ops_chat_id, day
        )
        await queue_alerts(uow, report, plan.targets, plan.reason or PARTNER_DECLINED)
    await notify_residents(
        uow, services, report, "partners-resident-not-ours", {"name": partner.name}
    )
