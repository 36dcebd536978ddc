"""What the reporter writes reaches the officers: answers, additions, a withdrawal.

The officer who asked (the latest note's author) hears of an answer; otherwise the officer who
took the report; otherwise every chat whose view of the report may act (the district's officers,
a duty group, a coordinator). The message says "the reporter", never who: an anonymous report
stays anonymous. Every live view is redrawn, so the card and the history show it too. The
reporter is told where her message went as the officers' own messages name them (`told_as`): her
dzielnicowy when a district officer hears of it, else the police (a coordinator, a duty group).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer
from bot.outbox import PRIORITY_NOTICE, queue_answer, queue_kind
from bot.services import Services
from bot.usecases.alerts import KIND_PHOTOS, queue_alert_edits
from bot.usecases.officers import queries
from bot.usecases.officers.permissions import chat_may_act, may_act
from bot.usecases.officers.reachability import DEFAULT_LANGUAGE, reachable
from bot.usecases.officers.staff_queries import officer_of_user
from bot.usecases.officers.views import HISTORY
from bot.usecases.officers.workflow import told_as
from bot.usecases.operations.local_time import local_day
from db.models.directory import Officer
from db.models.people import User
from db.models.reports import AuditEvent, Report
from db.uow import UnitOfWork

# Outbox kind sent by handlers/officers.py: {"audit_id", "lang", "private"}.
KIND_RESIDENT_MESSAGE = "resident_message"
# Audit actions of the thread: an officer's question (written by officers/notes.py), the
# reporter's answers and additions (written by report/follow_up.py, read by the officers' views).
NOTE_ACTION = "note"
REPLY_ACTION = "resident_reply"
INFO_ACTION = "resident_info"
RESIDENT_ACTIONS = (REPLY_ACTION, INFO_ACTION)


@dataclass(frozen=True)
class OfficerChat:
    """A chat told about the reporter's message."""

    chat_id: int
    lang: str
    user_id: int | None
    # A private chat gets "Show the report" (the officers' list scope works only there).
    private: bool
    # Who reads it, as the reporter is told: "district" (a district officer) or "police".
    by: str


async def _officer_chat(
    session: AsyncSession, services: Services, officer_id: int | None, report: Report
) -> OfficerChat | None:
    """Return an officer's private chat when they can be reached and may act on the report."""
    officer = await session.get(Officer, officer_id) if officer_id else None
    user = await session.get(User, officer.user_id) if officer and officer.user_id else None
    if officer is None or user is None or not reachable(officer, user) or user.chat_id is None:
        return None
    if not await may_act(session, officer, report, local_day(services.config, services.clock())):
        return None
    return OfficerChat(
        user.chat_id, user.language or DEFAULT_LANGUAGE, user.id, True, told_as(officer)
    )


async def officer_chats(
    session: AsyncSession, services: Services, report: Report, *, answer: bool
) -> list[OfficerChat]:
    """Decide who hears of the reporter's message (see the module's docstring)."""
    if answer:
        asked = await queries.latest_actor_officer(session, report.id, NOTE_ACTION)
        chat = await _officer_chat(session, services, asked, report)
        if chat is not None:
            return [chat]
    chat = await _officer_chat(session, services, report.taken_by_officer_id, report)
    if chat is not None:
        return [chat]
    views = await queries.live_views_but(session, report.id, HISTORY)
    today = local_day(services.config, services.clock())
    ops = services.config.telegram.ops_chat_id
    found: dict[int, OfficerChat] = {}
    for view in views:
        if view.chat_id in found:
            continue
        if await chat_may_act(session, report, view.chat_id, today, ops):
            user = await queries.user_of_chat(session, view.chat_id)
            officer = await officer_of_user(session, user.id) if user else None
            found[view.chat_id] = OfficerChat(
                view.chat_id,
                view.lang or DEFAULT_LANGUAGE,
                user.id if user else None,
                user is not None,
                told_as(officer),
            )
    return list(found.values())


def heard_by(chats: list[OfficerChat]) -> str:
    """Where the reporter's message goes, as she is told: "district" when a district officer
    is among those who hear of it, else "police" (also when no one can be reached now: the
    message stays at the report, where the officers' card shows it)."""
    return "district" if any(chat.by == "district" for chat in chats) else "police"


async def who_hears(
    session: AsyncSession, services: Services, report: Report, *, answer: bool
) -> str:
    """`heard_by` the chats a message of the reporter would reach now (before she writes it)."""
    return heard_by(await officer_chats(session, services, report, answer=answer))


async def announce_resident_message(
    uow: UnitOfWork, services: Services, report: Report, event: AuditEvent
) -> str:
    """Tell the officers of the reporter's message (with its photos); redraw every view.

    Returns who heard of it, as the reporter is told (`heard_by`)."""
    await queue_alert_edits(uow, report.id)
    chats = await officer_chats(
        uow.session, services, report, answer=event.action == "resident_reply"
    )
    photo_ids = list(event.data.get("photo_ids") or [])
    for chat in chats:
        queue_kind(
            uow,
            chat.chat_id,
            KIND_RESIDENT_MESSAGE,
            {"audit_id": event.id, "lang": chat.lang, "private": chat.private},
            user_id=chat.user_id,
            priority=PRIORITY_NOTICE,
        )
        if photo_ids:
            queue_kind(
                uow,
                chat.chat_id,
                KIND_PHOTOS,
                {"report_id": report.id, "lang": chat.lang, "upload": True, "photo_ids": photo_ids},
                user_id=chat.user_id,
                priority=PRIORITY_NOTICE,
            )
    return heard_by(chats)


async def tell_officer_withdrawn(uow: UnitOfWork, services: Services, report: Report) -> int:
    """The reporter withdrew the report: redraw every view and tell whoever works on it."""
    await queue_alert_edits(uow, report.id)
    chats = await officer_chats(uow.session, services, report, answer=False)
    for chat in chats:
        told = Answer(key="desk-officer-withdrawn", args={"reference": report.reference})
        queue_answer(
            uow, chat.chat_id, told, chat.lang, user_id=chat.user_id, priority=PRIORITY_NOTICE
        )
    return len(chats)


@dataclass(frozen=True)
class ResidentMessage:
    """The reporter's message as an officer reads it (nothing about who wrote it)."""

    report_id: int
    reference: str
    action: str
    text: str
    photos: int


async def resident_message_to_send(uow: UnitOfWork, audit_id: int) -> ResidentMessage | None:
    """Return the reporter's message recorded in the audit trail (None: gone meanwhile)."""
    event = await uow.session.get(AuditEvent, audit_id)
    if event is None or event.report_id is None:
        return None
    report = await uow.session.get(Report, event.report_id)
    if report is None:
        return None
    photos = len(event.data.get("photo_ids") or [])
    return ResidentMessage(report.id, report.reference, event.action, event.note or "", photos)
