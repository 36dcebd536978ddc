"""The officer's card of a sent meeting: who it went to, how many will come, and its buttons.

The confirmation of the sending and every /spotkania entry are this card. The latest one shown
is the live one (`Announcement.view_row_id`, its outbox row): a resident's "I'll come" or its
withdrawal, and a change or cancellation, queue one row of kind KIND_MEETING_VIEW that renders
the card when it is sent and edits that message — so the officer sees the count of the moment.
Every press queues its row (so the last one always renders after the last change committed);
a row with a later one still pending for the same meeting is passed over, so a burst of presses
costs few edits.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.callback_data import KindPress
from bot.conversation import Answer, Option
from bot.i18n import Dated
from bot.outbox import PRIORITY_BACKGROUND, queue_kind, reply
from bot.services import Services
from bot.usecases.community import queries
from bot.usecases.community.audience import audience_name
from bot.usecases.operations.local_time import local
from db.models.community import Announcement, Audience
from db.models.people import User
from db.models.pipeline import OutboxMessage
from db.uow import UnitOfWork

KIND_MEETING_VIEW = "meeting_view"
# The card's buttons (scope "mt", version 0: checked against the database on every press), and
# the versioned answers of the conversation they start (bot/usecases/community/meeting_changes.py).
CARD_SCOPE = "mt"
CANCEL_MEETING = "x"
CHANGE_MEETING = "e"


class MeetingPress(KindPress):
    """The value of a button of scope "mt": built and parsed only as this.

    `kind`: "x" (cancel meeting `number`), "e" (change meeting `number`) on the officer's card;
    "yes"/"no" (the cancellation's question), "keep" (date or place unchanged), "save" (the
    change's confirmation). An unknown kind or a missing number is refused by the flow.
    """


def when_text(services: Services, moment: datetime) -> Dated:
    """Return a meeting's time in the unit's time zone, written as 12.12.2026, 18:00."""
    return Dated.day_time(local(services.config, moment))


def typed_when(services: Services, moment: datetime) -> Dated:
    """Return a meeting's time as an officer types it (an example): 12.12.2026 18:00."""
    return Dated.moment(local(services.config, moment))


async def area_of(services: Services, session: AsyncSession, announcement: Announcement) -> str:
    """Return the name of the audience (empty for "all": the catalog says "every station")."""
    return (
        await audience_name(
            session, announcement.audience, announcement.district_id, announcement.station_id
        )
        or ""
    )


def meeting_state(meeting: Announcement, now: datetime) -> str:
    """Return "cancelled", "over" or "open" (only an open meeting can be changed)."""
    if meeting.cancelled_at is not None:
        return "cancelled"
    if meeting.starts_at is None or meeting.starts_at <= now:
        return "over"
    return "open"


async def meeting_card(
    session: AsyncSession, services: Services, meeting: Announcement, now: datetime
) -> Answer:
    """Build the officer's card of a meeting as it is now."""
    state = meeting_state(meeting, now)
    args: dict[str, Any] = {
        "number": meeting.id,
        "meeting": meeting.meeting_kind or "debate",
        "area": await area_of(services, session, meeting),
        "whole": "all" if meeting.audience is Audience.ALL else "one",
        "when": when_text(services, meeting.starts_at) if meeting.starts_at else "",
        "place": meeting.place or "",
        "recipients": meeting.recipients,
        "coming": await queries.attendee_count(session, meeting.id),
        "state": state,
    }
    rows: tuple[tuple[Option, ...], ...] = ()
    if state == "open":
        rows = (
            (
                Option(
                    "community-meeting-change-button",
                    MeetingPress(CHANGE_MEETING, meeting.id).encode(),
                ),
            ),
            (
                Option(
                    "community-meeting-cancel-button",
                    MeetingPress(CANCEL_MEETING, meeting.id).encode(),
                ),
            ),
        )
    return Answer(key="community-meeting-card", args=args, options=rows, scope=CARD_SCOPE)


async def show_card(
    uow: UnitOfWork,
    services: Services,
    user: User,
    lang: str,
    meeting: Announcement,
    now: datetime,
    *,
    live: bool,
) -> None:
    """Send a card of the meeting; a live one (the meeting's own officer's) becomes the one kept
    up to date. A coordinator looking at a colleague's meeting gets the count of the moment and
    leaves the colleague's card live."""
    answer = await meeting_card(uow.session, services, meeting, now)
    row = reply(uow, user, answer, lang)
    if row is not None and live:
        await uow.session.flush()
        meeting.view_row_id = row.id


async def queue_card_edit(
    uow: UnitOfWork, meeting: Announcement, *, priority: int = PRIORITY_BACKGROUND
) -> None:
    """Queue an edit of the officer's live card, rendered when it is sent."""
    if meeting.view_row_id is None:
        return
    view = await uow.session.get(OutboxMessage, meeting.view_row_id)
    if view is None:
        return
    queue_kind(
        uow,
        view.chat_id,
        KIND_MEETING_VIEW,
        {"announcement_id": meeting.id, "lang": view.payload.get("lang")},
        user_id=view.user_id,
        priority=priority,
    )


async def card_to_edit(
    session: AsyncSession, services: Services, row: OutboxMessage, now: datetime
) -> tuple[int, Answer] | None:
    """Return the message id of a meeting's live card in the row's chat and the card as it is
    now (None when the card was never sent, the meeting is gone, or a later edit is pending)."""
    number = int(row.payload.get("announcement_id", 0))
    later = await queries.pending_payloads_after(session, row.chat_id, KIND_MEETING_VIEW, row.id)
    if any(payload.get("announcement_id") == number for payload in later):
        return None
    meeting = await session.get(Announcement, number)
    if meeting is None or meeting.view_row_id is None:
        return None
    view = await session.get(OutboxMessage, meeting.view_row_id)
    if view is None or view.chat_id != row.chat_id or view.message_id is None:
        return None
    return int(view.message_id), await meeting_card(session, services, meeting, now)
