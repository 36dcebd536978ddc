"""/spotkania: an officer's upcoming meetings; cancelling one, or changing its date or place.

The buttons on the officer's card of a meeting (bot/usecases/community/meeting_card.py) carry
version 0 and the meeting's id: each press is checked against the database (the meeting is the
officer's own, or a coordinator's station's, and still open). What follows is a short
conversation with versioned buttons: a confirmation for a cancellation; the new date, the new
place and a confirmation for a change. Once confirmed, the change is stored and audited, and
the residents who received the meeting — those subscribed to its audience when it was sent, and
whoever said they will come — get a notice in their language through the outbox, paced at
background priority like the announcement itself, with the unsubscribe button.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.conversation import Answer, Choice, Option, Text
from bot.i18n import Dated
from bot.outbox import (
    PRIORITY_BACKGROUND,
    PRIORITY_NOTICE,
    PRIORITY_REPLY,
    queue_answer,
    reply,
)
from bot.services import Services
from bot.usecases.community import queries
from bot.usecases.community.announcements import (
    MAX_AHEAD,
    PLACE_MAX,
    officer_name,
    parse_when,
)
from bot.usecases.community.audience import Recipient, recipients
from bot.usecases.community.meeting_card import (
    CANCEL_MEETING,
    CARD_SCOPE,
    CHANGE_MEETING,
    MeetingPress,
    area_of,
    meeting_state,
    queue_card_edit,
    show_card,
    typed_when,
    when_text,
)
from bot.usecases.community.meetings import REMINDER_LEAD
from bot.usecases.community.subscriptions import SCOPE as RESIDENT_SCOPE
from bot.usecases.community.subscriptions import (
    attend_value,
    unsubscribe_value,
    withdraw_value,
)
from bot.usecases.flow import FlowContext
from bot.usecases.officers.permissions import linked_officer
from db.models.community import Announcement, Audience
from db.models.directory import Officer
from db.models.people import User
from db.models.reports import AuditEvent
from db.uow import UnitOfWork

FLOW = "meetings"
# The list shows this many upcoming meetings, the soonest first.
LIST_LIMIT = 10
YES = MeetingPress("yes").encode()
NO = MeetingPress("no").encode()
KEEP = MeetingPress("keep").encode()
SAVE = MeetingPress("save").encode()
MEETING_CANCELLED = "meeting_cancelled"
MEETING_CHANGED = "meeting_changed"


class MeetingsFlow:
    """/spotkania, and the presses on the officer's meeting cards (scope "mt")."""

    name = FLOW
    commands = frozenset({"spotkania"})
    scopes = frozenset({CARD_SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False
    # The list alone leaves an announcement being written where it is.
    keeps_conversation = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Send a card of each upcoming meeting (the officer's; a coordinator's: the station's)."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            return [ctx.answer("community-officers-only")]
        found = await queries.upcoming_meetings(ctx.session, officer, ctx.turn.now, LIST_LIMIT)
        if not found:
            return [ctx.answer("community-meetings-none")]
        reply(ctx.uow, ctx.user, ctx.answer("community-meetings", count=len(found)), ctx.lang)
        for meeting in found:
            live = meeting.officer_id == officer.id
            await show_card(
                ctx.uow, ctx.services, ctx.user, ctx.lang, meeting, ctx.turn.now, live=live
            )
        return []

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Take a card's press, or a step of a cancellation or change."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            if ctx.conversation.flow == FLOW:
                ctx.reset()
            return [ctx.answer("community-officers-only")]
        step = ctx.step
        pressed = MeetingPress.parse(step.value) if isinstance(step, Choice) else None
        if pressed is not None and pressed.kind in (CANCEL_MEETING, CHANGE_MEETING):
            return await _card_pressed(ctx, officer, pressed)
        if ctx.conversation.flow != FLOW:
            return [ctx.answer("community-button-gone")]
        draft = dict(ctx.conversation.draft or {})
        meeting = await _meeting(ctx, officer, int(draft.get("id", 0)))
        if meeting is None:
            ctx.reset()
            return [ctx.answer("community-button-gone")]
        current = ctx.conversation.step or ""
        if isinstance(step, Choice):
            if not ctx.is_current(step):
                return [ctx.answer("button-expired"), *_question(ctx, meeting)]
            return await _pressed(ctx, officer, meeting, current, draft, step.value)
        if isinstance(step, Text) and current in ("when", "place"):
            return _typed(ctx, meeting, current, draft, step.value)
        return [ctx.answer("community-announce-use-buttons"), *_question(ctx, meeting)]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Ask the current question again."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None or ctx.conversation.flow != FLOW:
            return []
        draft = dict(ctx.conversation.draft or {})
        meeting = await _meeting(ctx, officer, int(draft.get("id", 0)))
        if meeting is None:
            ctx.reset()
            return []
        return _question(ctx, meeting)


async def _meeting(ctx: FlowContext, officer: Officer, number: int) -> Announcement | None:
    """Return the meeting if this officer may change it (their own; a coordinator's: the
    station's too)."""
    return await queries.meeting_of(ctx.session, officer, number)


async def _card_pressed(ctx: FlowContext, officer: Officer, pressed: MeetingPress) -> list[Answer]:
    cancel = pressed.kind == CANCEL_MEETING
    number = pressed.number
    meeting = await _meeting(ctx, officer, number) if number is not None else None
    if meeting is None:
        return [ctx.answer("community-button-gone")]
    state = meeting_state(meeting, ctx.turn.now)
    when = when_text(ctx.services, meeting.starts_at) if meeting.starts_at else ""
    if state == "cancelled":
        return [ctx.answer("community-meeting-already-cancelled", number=meeting.id, when=when)]
    if state == "over":
        return [ctx.answer("community-meeting-over", when=when)]
    ctx.goto(FLOW, "cancel" if cancel else "when", {"id": meeting.id})
    return _question(ctx, meeting)


def _question(ctx: FlowContext, meeting: Announcement) -> list[Answer]:
    step = ctx.conversation.step
    draft = dict(ctx.conversation.draft or {})
    when = when_text(ctx.services, meeting.starts_at) if meeting.starts_at else ""
    keep = [[Option("community-meeting-keep", KEEP)]]
    if step == "cancel":
        rows = [
            [Option("community-meeting-cancel-yes", YES)],
            [Option("community-meeting-cancel-no", NO)],
        ]
        return [
            ctx.answer(
                "community-meeting-cancel-confirm",
                rows,
                scope=CARD_SCOPE,
                number=meeting.id,
                when=when,
                place=meeting.place or "",
                recipients=meeting.recipients,
            )
        ]
    if step == "when":
        return [
            ctx.answer(
                "community-meeting-change-when",
                keep,
                scope=CARD_SCOPE,
                when=when,
                number=meeting.id,
                example=typed_when(ctx.services, meeting.starts_at) if meeting.starts_at else "",
            )
        ]
    if step == "place":
        return [
            ctx.answer(
                "community-meeting-change-place", keep, scope=CARD_SCOPE, place=meeting.place or ""
            )
        ]
    new_when = draft.get("starts_at")
    rows = [
        [Option("community-meeting-change-save", SAVE)],
        [Option("community-announce-cancel", NO)],
    ]
    return [
        ctx.answer(
            "community-meeting-change-confirm",
            rows,
            scope=CARD_SCOPE,
            number=meeting.id,
            when=when_text(ctx.services, datetime.fromisoformat(new_when)) if new_when else when,
            place=draft.get("place") or meeting.place or "",
            moved="yes" if new_when else "no",
            replaced="yes" if draft.get("place") else "no",
            recipients=meeting.recipients,
        )
    ]


async def _pressed(
    ctx: FlowContext,
    officer: Officer,
    meeting: Announcement,
    current: str,
    draft: dict[str, Any],
    value: str,
) -> list[Answer]:
    if current == "cancel" and value == YES:
        return await _cancel(ctx, officer, meeting)
    if current == "cancel" and value == NO:
        ctx.reset()
        return [ctx.answer("community-meeting-kept")]
    if current == "when" and value == KEEP:
        ctx.goto(FLOW, "place", draft)
        return _question(ctx, meeting)
    if current == "place" and value == KEEP:
        return _to_confirm(ctx, meeting, draft)
    if current == "confirm" and value == SAVE:
        return await _change(ctx, officer, meeting, draft)
    if current == "confirm" and value == NO:
        ctx.reset()
        return [ctx.answer("community-meeting-kept")]
    return [ctx.answer("button-expired"), *_question(ctx, meeting)]


def _typed(
    ctx: FlowContext, meeting: Announcement, current: str, draft: dict[str, Any], text: str
) -> list[Answer]:
    now = ctx.turn.now
    if current == "when":
        moment = parse_when(text, now, ctx.services.config.bot.timezone)
        if moment is None or moment <= now or moment > now + MAX_AHEAD:
            when = typed_when(ctx.services, meeting.starts_at) if meeting.starts_at else ""
            return [ctx.answer("community-meeting-bad-when", when=when)]
        if moment != meeting.starts_at:
            draft["starts_at"] = moment.isoformat()
        ctx.goto(FLOW, "place", draft)
        return _question(ctx, meeting)
    if len(text) > PLACE_MAX:
        return [ctx.answer("community-announce-too-long", max=PLACE_MAX, length=len(text))]
    if text != meeting.place:
        draft["place"] = text
    return _to_confirm(ctx, meeting, draft)


def _to_confirm(ctx: FlowContext, meeting: Announcement, draft: dict[str, Any]) -> list[Answer]:
    if not draft.get("starts_at") and not draft.get("place"):
        ctx.reset()
        return [ctx.answer("community-meeting-unchanged")]
    ctx.goto(FLOW, "confirm", draft)
    return _question(ctx, meeting)


async def _cancel(ctx: FlowContext, officer: Officer, meeting: Announcement) -> list[Answer]:
    now = ctx.turn.now
    ctx.reset()
    if meeting_state(meeting, now) != "open":
        return [ctx.answer("community-button-gone")]
    meeting.cancelled_at = now
    notified = await queue_meeting_notice(ctx.uow, ctx.services, meeting, "cancelled")
    ctx.session.add(
        AuditEvent(
            at=now,
            action=MEETING_CANCELLED,
            actor_user_id=ctx.user.id,
            actor_officer_id=officer.id,
            data={"announcement": meeting.id, "notified": notified},
        )
    )
    await queue_card_edit(ctx.uow, meeting, priority=PRIORITY_REPLY)
    await _tell_author(ctx, officer, meeting, "cancelled")
    return [ctx.answer("community-meeting-cancel-done", number=meeting.id, count=notified)]


async def _change(
    ctx: FlowContext, officer: Officer, meeting: Announcement, draft: dict[str, Any]
) -> list[Answer]:
    now = ctx.turn.now
    ctx.reset()
    if meeting_state(meeting, now) != "open":
        return [ctx.answer("community-button-gone")]
    before = {
        "starts_at": meeting.starts_at.isoformat() if meeting.starts_at else None,
        "place": meeting.place,
    }
    moved = draft.get("starts_at")
    if moved:
        starts_at = datetime.fromisoformat(moved)
        if starts_at <= now:
            # The confirmation waited past the new time: nothing is changed.
            when = typed_when(ctx.services, meeting.starts_at) if meeting.starts_at else ""
            return [ctx.answer("community-meeting-bad-when", when=when)]
        meeting.starts_at = starts_at
        # Moved more than a day ahead: reminded again the day before; moved closer than that,
        # the notice is the reminder.
        meeting.reminded_at = None if starts_at - now > REMINDER_LEAD else now
    if draft.get("place"):
        meeting.place = str(draft["place"])
        # The pin marked the old place.
        meeting.lat = meeting.lon = None
    was = {
        "was_when": when_text(ctx.services, datetime.fromisoformat(before["starts_at"]))
        if moved and before["starts_at"]
        else "",
        "was_place": (before["place"] or "") if draft.get("place") else "",
    }
    notified = await queue_meeting_notice(ctx.uow, ctx.services, meeting, "changed", was)
    ctx.session.add(
        AuditEvent(
            at=now,
            action=MEETING_CHANGED,
            actor_user_id=ctx.user.id,
            actor_officer_id=officer.id,
            data={
                "announcement": meeting.id,
                "from": before,
                "to": {
                    "starts_at": meeting.starts_at.isoformat() if meeting.starts_at else None,
                    "place": meeting.place,
                },
                "notified": notified,
            },
        )
    )
    await queue_card_edit(ctx.uow, meeting, priority=PRIORITY_REPLY)
    await _tell_author(ctx, officer, meeting, "changed")
    return [ctx.answer("community-meeting-change-done", number=meeting.id, count=notified)]


async def _tell_author(
    ctx: FlowContext, officer: Officer, meeting: Announcement, change: str
) -> None:
    """Tell the meeting's officer when a coordinator changed or cancelled it for them."""
    if meeting.officer_id is None or meeting.officer_id == officer.id:
        return
    author = await ctx.session.get(Officer, meeting.officer_id)
    user = await ctx.session.get(User, author.user_id) if author and author.user_id else None
    if user is None or user.chat_id is None:
        return
    answer = Answer(
        key="community-meeting-changed-by",
        args={
            "number": meeting.id,
            "change": change,
            "actor": officer_name(officer),
            "when": when_text(ctx.services, meeting.starts_at) if meeting.starts_at else "",
            "place": meeting.place or "",
        },
    )
    lang = ctx.services.catalog.language(user.language)
    queue_answer(ctx.uow, user.chat_id, answer, lang, user_id=user.id, priority=PRIORITY_NOTICE)


async def notice_recipients(uow: UnitOfWork, meeting: Announcement) -> list[Recipient]:
    """Return who gets a meeting's change: its audience's subscribers of when it was sent, and
    whoever said they will come (each once; in the language they chose)."""
    session = uow.session
    ids = await queries.audience_district_ids(
        session, meeting.audience, meeting.district_id, meeting.station_id
    )
    found = {
        person.user_id: person
        for person in await recipients(session, ids, subscribed_by=meeting.created_at)
    }
    fallback = await queries.first_district_code(session, ids)
    coming = await queries.writable_attendees(session, meeting.id)
    for user_id, chat_id, lang in coming:
        if user_id in found or chat_id is None:
            continue
        # Unsubscribed since they said they will come: still told, in the meeting's district.
        if fallback is not None:
            found[user_id] = Recipient(user_id, chat_id, lang, fallback)
    return list(found.values())


async def queue_meeting_notice(
    uow: UnitOfWork,
    services: Services,
    meeting: Announcement,
    change: str,
    was: dict[str, Dated | str] | None = None,
) -> int:
    """Queue the notice of a cancelled ("cancelled") or changed ("changed") meeting for each
    resident who received it; return how many. `was`: the date and place before a change
    ("was_when", "was_place"; empty when that did not change)."""
    session = uow.session
    area = await area_of(services, session, meeting)
    officer = await session.get(Officer, meeting.officer_id) if meeting.officer_id else None
    author = officer_name(officer)
    catalog = services.catalog
    people = await notice_recipients(uow, meeting)
    coming = await queries.attendee_ids(session, meeting.id)
    also: list[tuple[str, dict[str, Any]]] = []
    if change == "changed" and meeting.lat is not None and meeting.lon is not None:
        url = services.config.lookup.map_link.format(
            lat=f"{meeting.lat:.6f}", lon=f"{meeting.lon:.6f}"
        )
        also.append(("community-meeting-map", {"url": url}))
    if author:
        also.append(("community-signature", {"author": author}))
    for person in people:
        lang = catalog.language(person.language)
        rows: list[tuple[Option, ...]] = []
        if change == "changed" and person.user_id in coming:
            rows.append((Option("community-withdraw-button", withdraw_value(meeting.id)),))
        elif change == "changed":
            rows.append((Option("community-attend-button", attend_value(meeting.id)),))
        rows.append(
            (Option("community-unsubscribe-button", unsubscribe_value(person.district_code)),)
        )
        answer = Answer(
            key=f"community-meeting-{change}",
            args={
                "meeting": meeting.meeting_kind or "debate",
                "area": area,
                "whole": "all" if meeting.audience is Audience.ALL else "one",
                "when": when_text(services, meeting.starts_at) if meeting.starts_at else "",
                "place": meeting.place or "",
                "coming": "yes" if person.user_id in coming else "no",
                "remind": "yes" if meeting.reminded_at is None else "no",
                "was_when": (was or {}).get("was_when", ""),
                "was_place": (was or {}).get("was_place", ""),
                "moved": "yes" if (was or {}).get("was_when") else "no",
                "replaced": "yes" if (was or {}).get("was_place") else "no",
            },
            options=tuple(rows),
            scope=RESIDENT_SCOPE,
            also=tuple(also),
        )
        queue_answer(
            uow,
            person.chat_id,
            answer,
            lang,
            user_id=person.user_id,
            priority=PRIORITY_BACKGROUND,
        )
    return len(people)
