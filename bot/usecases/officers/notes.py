"""Officers' notes and comments on a report: the prompts, the audit rows, the reporter told.

A note is a question to the reporter (it opens the reporter's reply window); a comment is kept in
the report's history, also after it was closed, and shown to the reporter. The officer types
either in the private chat, in the officers' flow (`FLOW_NAME`, step `NOTE_STEP` or
`COMMENT_STEP`, started by the report's Note/Comment buttons in `officers/buttons.py`); the role
is checked again when the text arrives.
"""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer
from bot.outbox import PRIORITY_NOTICE, queue_kind
from bot.services import Services
from bot.turn import Turn
from bot.usecases.alerts import queue_alert_edits
from bot.usecases.officers.permissions import allowed_officer, refusal
from bot.usecases.officers.reporter_messages import NOTE_ACTION
from bot.usecases.officers.status_changes import audit_event, resident_language
from bot.usecases.operations.local_time import local_day
from db.models.people import User
from db.models.reports import AuditEvent, Report
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

# The flow and step an officer is in while typing a note for the reporter.
FLOW_NAME = "officers"
NOTE_STEP = "note"
COMMENT_STEP = "comment"
# Outbox kind sent by handlers/officers.py.
KIND_NOTE = "officer_note"

COMMENT_ACTION = "comment"


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
    recorded = await _record(uow, services, turn, report_id, text, NOTE_ACTION, question=True)
    if isinstance(recorded, Answer):
        return recorded
    report, told = recorded
    if not told:
        return Answer(key="officers-note-nobody")
    return Answer(key="officers-note-sent", args={"reference": report.reference})


async def record_comment(
    uow: UnitOfWork, services: Services, turn: Turn, report_id: int, text: str
) -> Answer:
    """Keep an officer's comment on a report in its history and tell the reporter."""
    recorded = await _record(uow, services, turn, report_id, text, COMMENT_ACTION, question=False)
    if isinstance(recorded, Answer):
        return recorded
    report, told = recorded
    key = "desk-comment-sent" if told else "desk-comment-kept"
    return Answer(key=key, args={"reference": report.reference})


async def _record(
    uow: UnitOfWork,
    services: Services,
    turn: Turn,
    report_id: int,
    text: str,
    action: str,
    *,
    question: bool,
) -> tuple[Report, bool] | Answer:
    """Add a note or comment to the report's history (the card shows it) and tell the reporter.

    Return the report and whether the reporter was told, or the refusal when the officer may no
    longer act on it (checked again: the role may have changed since the button was shown).
    """
    session = uow.session
    report = await session.get(Report, report_id)
    today = local_day(services.config, turn.now)
    officer = await allowed_officer(session, turn.user, report, today) if report else None
    if report is None or officer is None:
        log.info("officer %s refused: user %s, report %s", action, turn.user.id, report_id)
        return await _refused_answer(session, turn, report)
    event = audit_event(
        report, action, turn.now, officer=officer, from_status=report.status, note=text
    )
    session.add(event)
    await session.flush()
    await queue_alert_edits(uow, report.id)
    return report, await _tell_reporter(uow, services, report, event, question=question)


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
