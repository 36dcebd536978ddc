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

from sqlalchemy.ext.asyncio import AsyncSession

from bot.usecases.officers.notes import COMMENT_ACTION
from bot.usecases.officers.reporter_messages import NOTE_ACTION, RESIDENT_ACTIONS
from bot.usecases.operations.banning import BLOCKED_ACTION, UNBLOCKED_ACTION
from bot.usecases.rights import queries
from db.models.people import User
from db.models.reports import AuditEvent

# The thread between officers and the reporter: its text goes with the person.
THREAD_ACTIONS = (NOTE_ACTION, COMMENT_ACTION, *RESIDENT_ACTIONS)

ERASED_ACTION = "privacy_erased"


@dataclass(frozen=True)
class Erased:
    """What an erasure removed (counts only: no one is named)."""

    reports_unlinked: int
    identities: int
    followed: int
    messages: int


async def erase_person(
    session: AsyncSession, user: User, now: datetime, *, actor: str, keep_inbox_id: int | None
) -> Erased:
    """Erase a person in the caller's transaction (committed by the caller, once)."""
    unlinked = await queries.count_reports_of(session, user.id)
    followed = await queries.count_followed(session, user.id)
    # Officers' notes and comments to this person, their own answers (bot/usecases/report/
    # follow_up.py) and coordinators' reasons about them can name them.
    await queries.drop_notes_about(
        session, user.id, THREAD_ACTIONS, [BLOCKED_ACTION, UNBLOCKED_ACTION]
    )
    await queries.unlink_reports(session, user.id)
    identities = await queries.delete_identities(session, user.id)
    messages = 0
    if user.chat_id is not None:
        # Handled updates hold what they wrote; pending ones are still to be handled (and go
        # with the inbox retention) and this update's own row is marked done by our commit.
        messages += await queries.delete_handled_inbox(session, user.chat_id, keep_inbox_id)
    # Rows being sent right now finish; the retention deletes them later.
    messages += await queries.delete_outbox_of(session, user.id, user.chat_id)
    await queries.delete_conversation(session, user.id)
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
