"""Meetings after they are announced: the reminder the day before, and the officer's list.

The reminder is a periodic job (bot/usecases/operations/jobs.py): each meeting is claimed with
`UPDATE announcements SET reminded_at = now WHERE id = ... AND reminded_at IS NULL` in the
transaction that queues its reminders, so of several processes (or a run repeated after a
restart) exactly one reminds, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.conversation import Answer, Option
from bot.i18n import Raw
from bot.outbox import PRIORITY_BACKGROUND, queue_answer
from bot.services import Services
from bot.usecases.community import queries
from bot.usecases.community.audience import recipients
from bot.usecases.community.meeting_card import area_of, when_text
from bot.usecases.community.subscriptions import SCOPE as RESIDENT_SCOPE
from bot.usecases.community.subscriptions import unsubscribe_value, withdraw_value
from bot.usecases.flow import FlowContext
from bot.usecases.officers.permissions import linked_officer
from db.models.community import Announcement
from db.models.directory import Officer
from db.models.people import User

# Residents who said they will come are reminded this long before the meeting; a meeting
# announced closer to its start than this gets no reminder (the announcement was the reminder).
REMINDER_LEAD = timedelta(hours=24)
# The officer's list shows this many of the latest announcements.
LIST_LIMIT = 10


async def send_meeting_reminders(services: Services, now: datetime) -> int:
    """Remind the residents who will come, and the officer (with the count); return how many
    meetings were reminded."""
    async with services.uow() as uow:
        candidates = await queries.meetings_to_remind(uow.session, now, REMINDER_LEAD)
    reminded = 0
    for number, created_at, starts_at in candidates:
        late = starts_at is not None and starts_at - created_at < REMINDER_LEAD
        if await _remind(services, number, now, late=late):
            reminded += 1
    return reminded


async def _remind(services: Services, number: int, now: datetime, *, late: bool) -> bool:
    async with services.uow() as uow:
        session = uow.session
        if not await queries.claim_reminder(session, number, now):
            # Another process (or an earlier run) reminded it.
            return False
        meeting = await session.get(Announcement, number)
        if meeting is None or meeting.starts_at is None:
            return False
        if late:
            # Announced less than a day ahead: marked, nobody is reminded.
            await uow.commit()
            return False
        when = when_text(services, meeting.starts_at)
        area = await area_of(services, session, meeting)
        also = []
        if meeting.lat is not None and meeting.lon is not None:
            url = services.config.lookup.map_link.format(
                lat=f"{meeting.lat:.6f}", lon=f"{meeting.lon:.6f}"
            )
            also.append(("community-meeting-map", {"url": url}))
        attendees = await queries.writable_attendees(session, number)
        # Each reminder carries the unsubscribe button of the district the person gets the
        # news through (the first of the audience if they unsubscribed since).
        ids = await queries.audience_district_ids(
            session, meeting.audience, meeting.district_id, meeting.station_id
        )
        through = {
            person.user_id: person.district_code
            for person in await recipients(session, ids, user_ids=[row[0] for row in attendees])
        }
        fallback = await queries.first_district_code(session, ids)
        count = 0
        for user_id, chat_id, lang in attendees:
            count += 1
            if chat_id is None:
                continue
            rows: list[tuple[Option, ...]] = [
                (Option("community-withdraw-button", withdraw_value(number)),)
            ]
            code = through.get(user_id, fallback)
            if code is not None:
                rows.append((Option("community-unsubscribe-button", unsubscribe_value(code)),))
            texts = meeting.texts or {}
            answer = Answer(
                key="community-reminder",
                args={
                    "meeting": meeting.meeting_kind or "debate",
                    "when": when,
                    "place": meeting.place or "",
                    "area": area,
                    "text": texts.get(lang) or texts.get("pl") or "",
                },
                options=tuple(rows),
                scope=RESIDENT_SCOPE,
                also=tuple(also),
            )
            queue_answer(uow, chat_id, answer, lang, user_id=user_id, priority=PRIORITY_BACKGROUND)
        officer = await session.get(Officer, meeting.officer_id) if meeting.officer_id else None
        user = await session.get(User, officer.user_id) if officer and officer.user_id else None
        if user is not None and user.chat_id is not None:
            answer = Answer(
                key="community-reminder-officer",
                args={
                    "meeting": meeting.meeting_kind or "debate",
                    "when": when,
                    "count": count,
                    "place": meeting.place or "",
                },
            )
            lang = services.catalog.language(user.language)
            queue_answer(uow, user.chat_id, answer, lang, user_id=user.id)
        await uow.commit()
    return True


class AnnouncementsFlow:
    """/ogloszenia: an officer's latest announcements (a coordinator's: the station's), with
    how many residents each went to and, for meetings, how many said they will come."""

    name = "announcements"
    commands = frozenset({"ogloszenia"})
    scopes: frozenset[str] = frozenset()
    deep_links: frozenset[str] = frozenset()
    resumable = False
    keeps_conversation = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """List the latest announcements."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            return [ctx.answer("community-officers-only")]
        found = await queries.latest_announcements(ctx.session, officer, LIST_LIMIT)
        if not found:
            return [ctx.answer("community-list-empty")]
        lines: list[str] = []
        for item in found:
            fields: dict[str, Any] = {
                "number": item.id,
                "kind": item.kind.value,
                "meeting": item.meeting_kind or "",
                "area": await area_of(ctx.services, ctx.session, item),
                "whole": "all" if item.audience.value == "all" else "one",
                "recipients": item.recipients,
                "coming": await queries.attendee_count(ctx.session, item.id),
                "when": when_text(ctx.services, item.starts_at or item.created_at),
                "cancelled": "yes" if item.cancelled_at is not None else "no",
            }
            lines.append(ctx.text("community-list-line", **fields))
        # Rendered (and escaped) line by line already.
        return [ctx.answer("community-list", lines=Raw("\n".join(lines)))]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Nothing to press: list again."""
        return await self.begin(ctx, "")

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """List again."""
        return await self.begin(ctx, "")
