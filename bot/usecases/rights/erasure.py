"""Erase a person: their reports stay for the police, with no link to them; the rest goes.

What goes: the `users` row (and with it, by the database's cascades, the conversation and its
draft, "I see it too" subscriptions, district news subscriptions, "I'll come" to meetings and
rate marks), the reporter's identity (name, phone, consent) behind their reports, officers'
notes written to them and coordinators' reasons for blocking them, the outgoing messages to
their chat and the incoming ones already handled.
What stays: the reports themselves (category, place, description, photos, status, history),
because they are the police's records; `reports.user_id` becomes empty, and audit entries keep
what happened without who. An audit row `privacy_erased` records the erasure, without the id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.usecases.operations.banning import BLOCKED_ACTION, UNBLOCKED_ACTION
from db.models.conversation import Conversation
from db.models.people import Reporter, User
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus
from db.models.reports import AuditEvent, Report, ReportFollower

# The thread between officers and the reporter: its text goes with the person.
THREAD_ACTIONS = ("note", "comment", "resident_reply", "resident_info")

ERASED_ACTION = "privacy_erased"


@dataclass(frozen=True)
class Erased:
    """What an erasure removed (counts only: no one is named)."""

    reports_unlinked: int
    identities: int
    followed: int
    messages: int


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


async def erase_person(
    session: AsyncSession, user: User, now: datetime, *, actor: str, keep_inbox_id: int | None
) -> Erased:
    """Erase a person in the caller's transaction (committed by the caller, once)."""
    reports = select(Report.id).where(Report.user_id == user.id)
    unlinked = int(
        await session.scalar(
            select(func.count()).select_from(Report).where(Report.user_id == user.id)
        )
        or 0
    )
    followed = int(
        await session.scalar(
            select(func.count())
            .select_from(ReportFollower)
            .where(ReportFollower.user_id == user.id)
        )
        or 0
    )
    # Officers' notes and comments to this person, their own answers (bot/usecases/report/
    # follow_up.py) and coordinators' reasons about them can name them.
    await session.execute(
        update(AuditEvent)
        .where(
            or_(
                (AuditEvent.report_id.in_(reports)) & AuditEvent.action.in_(THREAD_ACTIONS),
                (AuditEvent.subject_user_id == user.id)
                & AuditEvent.action.in_([BLOCKED_ACTION, UNBLOCKED_ACTION]),
            )
        )
        .values(note=None)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(Report)
        .where(Report.user_id == user.id)
        .values(user_id=None, reporter_id=None)
        .execution_options(synchronize_session=False)
    )
    identities = _count(await session.execute(delete(Reporter).where(Reporter.user_id == user.id)))
    messages = 0
    chat = [OutboxMessage.user_id == user.id]
    if user.chat_id is not None:
        chat.append(OutboxMessage.chat_id == user.chat_id)
        # Handled updates hold what they wrote; pending ones are still to be handled (and go
        # with the inbox retention) and this update's own row is marked done by our commit.
        inbox = delete(InboxUpdate).where(
            InboxUpdate.chat_id == user.chat_id, InboxUpdate.status != InboxStatus.PENDING
        )
        if keep_inbox_id is not None:
            inbox = inbox.where(InboxUpdate.id != keep_inbox_id)
        messages += _count(await session.execute(inbox))
    # Rows being sent right now finish; the retention deletes them later.
    messages += _count(
        await session.execute(
            delete(OutboxMessage).where(or_(*chat), OutboxMessage.status != OutboxStatus.SENDING)
        )
    )
    await session.execute(delete(Conversation).where(Conversation.user_id == user.id))
    await session.delete(user)
    session.add(
        AuditEvent(
            at=now,
            action=ERASED_ACTION,
            note=actor,
            data={
                "reports_unlinked": unlinked,
                "identities": identities,
                "followed": followed,
                "messages": messages,
            },
        )
    )
    await session.flush()
    return Erased(unlinked, identities, followed, messages)
