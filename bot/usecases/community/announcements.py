"""/ogloszenie: a dzielnicowy or coordinator posts to the residents subscribed to their districts.

A news item, a warning (e.g. a wave of scam phone calls) or a meeting (a debate, a council
session, office hours) with its date, place and an optional map pin. The Polish text is required;
a Ukrainian and an English translation are optional, and each resident gets their language's
when there is one (Polish otherwise). A dzielnicowy posts to their own districts; a coordinator
also to their whole station, or to every station of the directory ("all": the powiat).

The draft is kept in the conversation; the next question is always the first piece still
missing (`_advance`), so a step can be taken in any order the buttons allow. Nothing is sent
before the preview is confirmed: then the announcement is stored and one outbox row per
subscriber is queued in the same transaction, at background priority — the delivery worker paces
them within Telegram's limits, after replies and officers' alerts, and a restart sends what is
left (bot/pipeline/delivery.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.conversation import Answer, Choice, Location, Option, Text
from bot.i18n import Dated
from bot.outbox import PRIORITY_BACKGROUND, queue_answer, reply
from bot.services import Services
from bot.usecases.community import queries
from bot.usecases.community.audience import Recipient, recipients
from bot.usecases.community.meeting_card import (
    area_of,
    meeting_state,
    queue_card_edit,
    show_card,
    when_text,
)
from bot.usecases.community.subscriptions import (
    ATTEND,
    CommunityPress,
    attend_value,
    unsubscribe_value,
    withdraw_value,
)
from bot.usecases.community.subscriptions import SCOPE as RESIDENT_SCOPE
from bot.usecases.flow import FlowContext
from bot.usecases.officers.permissions import linked_officer
from bot.usecases.officers.staff_queries import officer_district_ids
from bot.usecases.operations.local_time import local
from db.models.community import Announcement, AnnouncementKind, Audience, MeetingAttendee
from db.models.directory import Officer, Station
from db.uow import UnitOfWork
from lookup.directory import OfficerRole

FLOW = "announce"
SCOPE = "an"
MEETING_KINDS = ("debate", "council", "office_hours")
TEXT_MAX = 1500
PLACE_MAX = 200
# The translations asked for after the Polish text, in this order.
TRANSLATIONS = ("uk", "en")
# Skipping a translation or the pin stores this, so the question is not asked again.
SKIPPED = ""
SKIP = "skip"
SEND = "send"
CANCEL = "cancel"
# Meetings up to a year ahead; a typed date without a year is the next such day.
MAX_AHEAD = timedelta(days=366)
# 12.12.2026 18:00, 12.12 18.00, 12.12.2026, 18:00
_WHEN = re.compile(
    r"^\s*(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\s*[,\s]\s*(?:godz\.?\s*)?(\d{1,2})[:.](\d{2})\s*$",
    re.IGNORECASE,
)


def parse_when(text: str, now: datetime, timezone: str) -> datetime | None:
    """Read a typed local date and time; return it in UTC, or None when it is not one."""
    match = _WHEN.match(text) if len(text) <= 40 else None
    if match is None:
        return None
    day, month, year, hour, minute = (int(g) if g else None for g in match.groups())
    assert day is not None and month is not None and hour is not None and minute is not None
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone)
    try:
        moment = datetime(year or today.year, month, day, hour, minute, tzinfo=zone)
        if year is None and moment < today:
            moment = moment.replace(year=today.year + 1)
    except ValueError:
        return None
    return moment.astimezone(ZoneInfo("UTC"))


# ---- what residents receive -----------------------------------------------------------------


def officer_name(officer: Officer | None) -> str:
    """Return "asp. sztab. Tomasz Fikcyjny" (empty when the officer is gone)."""
    if officer is None:
        return ""
    return f"{officer.rank} {officer.first_name} {officer.last_name}"


def announcement_answer(
    services: Services,
    announcement: Announcement,
    lang: str,
    *,
    area: str,
    author: str,
    district_code: str | None,
) -> Answer:
    """Build the message one resident receives, in their language where a translation exists.

    `district_code` is the district they get it through (its unsubscribe button); None for the
    officer's preview, which has no buttons.
    """
    texts = announcement.texts or {}
    text = texts.get(lang) or texts.get("pl") or ""
    args: dict[str, Any] = {
        "area": area,
        "whole": "all" if announcement.audience is Audience.ALL else "one",
        "text": text,
        "author": author,
    }
    also: list[tuple[str, dict[str, Any]]] = []
    rows: list[tuple[Option, ...]] = []
    if announcement.kind is AnnouncementKind.MEETING:
        key = "community-meeting"
        args["meeting"] = announcement.meeting_kind or "debate"
        args["when"] = when_text(services, announcement.starts_at) if announcement.starts_at else ""
        args["place"] = announcement.place or ""
        if announcement.lat is not None and announcement.lon is not None:
            url = services.config.lookup.map_link.format(
                lat=f"{announcement.lat:.6f}", lon=f"{announcement.lon:.6f}"
            )
            also.append(("community-meeting-map", {"url": url}))
        if district_code is not None:
            rows.append((Option("community-attend-button", attend_value(announcement.id)),))
    else:
        key = f"community-{announcement.kind.value}"
    also.append(("community-signature", {"author": author}))
    if district_code is not None:
        rows.append((Option("community-unsubscribe-button", unsubscribe_value(district_code)),))
    return Answer(key=key, args=args, options=tuple(rows), scope=RESIDENT_SCOPE, also=tuple(also))


# ---- the officer's flow -------------------------------------------------------------------


class AnnounceFlow:
    """/ogloszenie: kind, audience, text and translations, (meeting: when, where, pin), preview."""

    name = FLOW
    commands = frozenset({"ogloszenie"})
    scopes = frozenset({SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Ask what to post (officers only)."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            if ctx.conversation.flow == FLOW:
                ctx.reset()
            return [ctx.answer("community-officers-only")]
        ctx.goto(FLOW, "kind", {})
        return await _advance(ctx, officer)

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Take a press, a text or a pin for the current question."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            ctx.reset()
            return [ctx.answer("community-officers-only")]
        if ctx.conversation.flow != FLOW:
            return [ctx.answer("community-button-gone")]
        step = ctx.step
        current = ctx.conversation.step or ""
        draft = dict(ctx.conversation.draft or {})
        if isinstance(step, Choice):
            if not ctx.is_current(step):
                return [ctx.answer("button-expired"), *await _question(ctx, officer)]
            return await _pressed(ctx, officer, current, draft, step.value)
        if isinstance(step, Text):
            return await _typed(ctx, officer, current, draft, step.value)
        if isinstance(step, Location) and current == "pin":
            draft.update(lat=step.lat, lon=step.lon, pin=True)
            ctx.conversation.draft = draft
            return await _advance(ctx, officer)
        return [ctx.answer("community-announce-use-buttons"), *await _question(ctx, officer)]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Ask the current question again."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None or ctx.conversation.flow != FLOW:
            return []
        return await _question(ctx, officer)


async def _choices(ctx: FlowContext, officer: Officer) -> list[tuple[str, dict[str, Any]]]:
    """Return the audiences this officer may post to: (value, label args), districts first."""
    ids = await officer_district_ids(ctx.session, officer.id)
    found: list[tuple[str, dict[str, Any]]] = []
    if ids:
        districts = await queries.active_districts_among(ctx.session, ids)
        found += [(AudiencePress(DISTRICT, d.id).encode(), {"name": d.name}) for d in districts]
    if officer.role is OfficerRole.COORDINATOR:
        station = await ctx.session.get(Station, officer.station_id)
        if station is not None:
            found.append((AudiencePress(STATION, station.id).encode(), {"name": station.name}))
        found.append((AudiencePress(EVERYONE).encode(), {"name": ""}))
    return found


# The kinds of `AudiencePress`: one district, one station (with its id), every station.
DISTRICT, STATION, EVERYONE = "d", "s", "all"


@dataclass(frozen=True)
class AudiencePress:
    """Whom an announcement goes to, as pressed (scope "an") and kept in the draft.

    DISTRICT and STATION carry the id, EVERYONE none. The scope's other values (the kind, the
    meeting's kind, skip, send, cancel) are compared whole.
    """

    kind: str
    number: int | None = None

    def encode(self) -> str:
        """Return the value: "d:<district id>", "s:<station id>" or "all"."""
        return self.kind if self.kind == EVERYONE else f"{self.kind}:{self.number}"

    @classmethod
    def parse(cls, value: str) -> AudiencePress | None:
        """Decode a value; None for anything else (a missing or non-numeric id too)."""
        if value == EVERYONE:
            return cls(EVERYONE)
        kind, _, number = value.partition(":")
        if kind in (DISTRICT, STATION) and number.isdigit():
            return cls(kind, int(number))
        return None


def _audience(value: str) -> tuple[Audience, int | None, int | None] | None:
    pressed = AudiencePress.parse(value)
    if pressed is None:
        return None
    if pressed.kind == DISTRICT:
        return Audience.DISTRICT, pressed.number, None
    if pressed.kind == STATION:
        return Audience.STATION, None, pressed.number
    return Audience.ALL, None, None


async def _advance(ctx: FlowContext, officer: Officer) -> list[Answer]:
    """Go to the first question whose answer is still missing, and ask it."""
    draft = dict(ctx.conversation.draft or {})
    meeting = draft.get("kind") == AnnouncementKind.MEETING.value
    if "audience" not in draft:
        choices = await _choices(ctx, officer)
        if not choices:
            ctx.reset()
            return [ctx.answer("community-announce-no-district")]
        if len(choices) == 1:
            # One district: nothing to choose.
            draft["audience"] = choices[0][0]
    order = [
        ("kind", "kind" in draft),
        ("meeting_kind", not meeting or "meeting_kind" in draft),
        ("audience", "audience" in draft),
        ("text", "pl" in draft),
        *((lang, lang in draft) for lang in TRANSLATIONS),
        ("when", not meeting or "starts_at" in draft),
        ("place", not meeting or "place" in draft),
        ("pin", not meeting or "pin" in draft),
    ]
    step = next((name for name, done in order if not done), "preview")
    ctx.goto(FLOW, step, draft)
    return await _question(ctx, officer)


async def _question(ctx: FlowContext, officer: Officer) -> list[Answer]:
    step = ctx.conversation.step
    skip = [[Option("community-announce-skip", SKIP)]]
    if step == "kind":
        rows = [[Option(f"community-kind-{kind.value}", kind.value)] for kind in AnnouncementKind]
        return [ctx.answer("community-announce-kind", rows, scope=SCOPE)]
    if step == "meeting_kind":
        rows = [
            [Option("community-meeting-kind", kind, {"meeting": kind})] for kind in MEETING_KINDS
        ]
        return [ctx.answer("community-announce-meeting-kind", rows, scope=SCOPE)]
    if step == "audience":
        rows = [
            [Option("community-audience-option", value, {**args, "whole": _whole(value)})]
            for value, args in await _choices(ctx, officer)
        ]
        return [ctx.answer("community-announce-audience", rows, scope=SCOPE)]
    if step == "text":
        return [ctx.answer("community-announce-text", max=TEXT_MAX)]
    if step in TRANSLATIONS:
        return [ctx.answer("community-announce-translation", skip, scope=SCOPE, lang=step)]
    if step == "when":
        return [ctx.answer("community-announce-when", example=_example(ctx))]
    if step == "place":
        return [ctx.answer("community-announce-place")]
    if step == "pin":
        return [ctx.answer("community-announce-pin", skip, scope=SCOPE)]
    return await _preview(ctx, officer)


def _whole(value: str) -> str:
    """Return what the audience's label names: "d" (a district), "s" (a station) or "all"."""
    pressed = AudiencePress.parse(value)
    return pressed.kind if pressed is not None else ""


def _example(ctx: FlowContext) -> Dated:
    """Return a date a week from now at 18:00, as an officer would type it."""
    day = local(ctx.services.config, ctx.turn.now + timedelta(days=7))
    return Dated.moment(day.replace(hour=18, minute=0))


async def _pressed(
    ctx: FlowContext, officer: Officer, current: str, draft: dict[str, Any], value: str
) -> list[Answer]:
    if current == "kind" and value in {kind.value for kind in AnnouncementKind}:
        draft["kind"] = value
    elif current == "meeting_kind" and value in MEETING_KINDS:
        draft["meeting_kind"] = value
    elif current == "audience" and value in {v for v, _ in await _choices(ctx, officer)}:
        draft["audience"] = value
    elif current in TRANSLATIONS and value == SKIP:
        draft[current] = SKIPPED
    elif current == "pin" and value == SKIP:
        draft["pin"] = False
    elif current == "preview" and value == SEND:
        return await _send(ctx, officer, draft)
    elif current == "preview" and value == CANCEL:
        ctx.reset()
        return [ctx.answer("community-announce-cancelled")]
    else:
        return [ctx.answer("button-expired"), *await _question(ctx, officer)]
    ctx.conversation.draft = draft
    return await _advance(ctx, officer)


async def _typed(
    ctx: FlowContext, officer: Officer, current: str, draft: dict[str, Any], text: str
) -> list[Answer]:
    if current == "text" or current in TRANSLATIONS:
        if len(text) > TEXT_MAX:
            return [ctx.answer("community-announce-too-long", max=TEXT_MAX, length=len(text))]
        draft["pl" if current == "text" else current] = text
    elif current == "when":
        moment = parse_when(text, ctx.turn.now, ctx.services.config.bot.timezone)
        if moment is None or moment <= ctx.turn.now or moment > ctx.turn.now + MAX_AHEAD:
            return [ctx.answer("community-announce-bad-when", example=_example(ctx))]
        draft["starts_at"] = moment.isoformat()
    elif current == "place":
        if len(text) > PLACE_MAX:
            return [ctx.answer("community-announce-too-long", max=PLACE_MAX, length=len(text))]
        draft["place"] = text
    else:
        return [ctx.answer("community-announce-use-buttons"), *await _question(ctx, officer)]
    ctx.conversation.draft = draft
    return await _advance(ctx, officer)


def _build(officer: Officer, draft: dict[str, Any], now: datetime) -> Announcement | None:
    target = _audience(str(draft.get("audience", "")))
    if target is None or not draft.get("pl"):
        return None
    audience, district_id, station_id = target
    starts = draft.get("starts_at")
    texts = {lang: draft[lang] for lang in ("pl", *TRANSLATIONS) if draft.get(lang)}
    return Announcement(
        officer_id=officer.id,
        kind=AnnouncementKind(draft["kind"]),
        meeting_kind=draft.get("meeting_kind"),
        audience=audience,
        district_id=district_id,
        station_id=station_id,
        texts=texts,
        starts_at=datetime.fromisoformat(starts) if starts else None,
        place=draft.get("place"),
        lat=draft.get("lat") if draft.get("pin") else None,
        lon=draft.get("lon") if draft.get("pin") else None,
        created_at=now,
    )


async def _preview(ctx: FlowContext, officer: Officer) -> list[Answer]:
    draft = dict(ctx.conversation.draft or {})
    announcement = _build(officer, draft, ctx.turn.now)
    if announcement is None:
        ctx.reset()
        return [ctx.answer("community-button-gone")]
    area = await area_of(ctx.services, ctx.session, announcement)
    # In the officer's language, as residents who read it will see it (its text if translated).
    shown = announcement_answer(
        ctx.services,
        announcement,
        ctx.lang,
        area=area,
        author=officer_name(officer),
        district_code=None,
    )
    ids = await queries.audience_district_ids(
        ctx.session, announcement.audience, announcement.district_id, announcement.station_id
    )
    count = await queries.subscriber_count(ctx.session, ids)
    names = [ctx.fragment("community-translation-name", lang=lang) for lang in TRANSLATIONS]
    translated = ", ".join(
        name for lang, name in zip(TRANSLATIONS, names, strict=True) if draft.get(lang)
    ) or ctx.fragment("community-translations-none")
    confirm = ctx.answer(
        "community-announce-confirm",
        [[Option("community-announce-send", SEND)], [Option("community-announce-cancel", CANCEL)]],
        scope=SCOPE,
        count=count,
        translations=translated,
    )
    return [ctx.answer("community-announce-preview"), shown, confirm]


async def _send(ctx: FlowContext, officer: Officer, draft: dict[str, Any]) -> list[Answer]:
    announcement = _build(officer, draft, ctx.turn.now)
    if announcement is None:
        ctx.reset()
        return [ctx.answer("community-button-gone")]
    if announcement.starts_at is not None and announcement.starts_at <= ctx.turn.now:
        # The preview waited past the meeting's start: ask for the time again.
        draft.pop("starts_at", None)
        ctx.conversation.draft = draft
        return [
            ctx.answer("community-announce-bad-when", example=_example(ctx)),
            *await _advance(ctx, officer),
        ]
    session = ctx.session
    session.add(announcement)
    await session.flush()
    ids = await queries.audience_district_ids(
        session, announcement.audience, announcement.district_id, announcement.station_id
    )
    people = await recipients(session, ids)
    # Queued first: the officer may be a subscriber too, and their chat's messages keep order.
    announcement.recipients = len(people)
    if announcement.kind is AnnouncementKind.MEETING:
        # The card the officer changes or cancels the meeting from, kept up to date.
        await show_card(
            ctx.uow, ctx.services, ctx.user, ctx.lang, announcement, ctx.turn.now, live=True
        )
    else:
        confirmation = ctx.answer(
            "community-announce-sent", count=len(people), number=announcement.id
        )
        reply(ctx.uow, ctx.user, confirmation, ctx.lang)
    await queue_announcement(ctx.uow, ctx.services, announcement, officer, people)
    ctx.reset()
    return []


async def queue_announcement(
    uow: UnitOfWork,
    services: Services,
    announcement: Announcement,
    officer: Officer,
    people: Sequence[Recipient],
) -> int:
    """Queue a stored announcement for each recipient in their language; return how many.

    One outbox row per person, in the caller's transaction, at background priority: replies and
    officers' alerts go first, and the delivery worker paces the rest within Telegram's limits
    (bench/announcement_bench.py measures this transaction).
    """
    area = await area_of(services, uow.session, announcement)
    author = officer_name(officer)
    catalog = services.catalog
    for person in people:
        lang = catalog.language(person.language)
        answer = announcement_answer(
            services,
            announcement,
            lang,
            area=area,
            author=author,
            district_code=person.district_code,
        )
        queue_answer(
            uow,
            person.chat_id,
            answer,
            lang,
            user_id=person.user_id,
            priority=PRIORITY_BACKGROUND,
        )
    announcement.recipients = len(people)
    return len(people)


# ---- "I'll come" --------------------------------------------------------------------------


async def attend(ctx: FlowContext, pressed: CommunityPress) -> list[Answer]:
    """Take "I'll come" (ATTEND) or its withdrawal (WITHDRAW) under a meeting."""
    coming = pressed.kind == ATTEND
    number = pressed.number
    meeting = await ctx.session.get(Announcement, number) if number is not None else None
    if meeting is None or meeting.kind is not AnnouncementKind.MEETING or meeting.starts_at is None:
        return [ctx.answer("community-button-gone")]
    when = when_text(ctx.services, meeting.starts_at)
    state = meeting_state(meeting, ctx.turn.now)
    if state == "cancelled":
        return [ctx.answer("community-meeting-cancelled-attend", when=when)]
    if state == "over":
        return [ctx.answer("community-meeting-over", when=when)]
    existing = await queries.attendance(ctx.session, meeting.id, ctx.user.id)
    if coming:
        if existing is None:
            ctx.session.add(
                MeetingAttendee(
                    announcement_id=meeting.id,
                    user_id=ctx.user.id,
                    lang=ctx.lang,
                    created_at=ctx.turn.now,
                )
            )
            await ctx.session.flush()
            await queue_card_edit(ctx.uow, meeting)
        back = [[Option("community-withdraw-button", withdraw_value(meeting.id))]]
        return [
            ctx.answer(
                "community-attending",
                back,
                scope=RESIDENT_SCOPE,
                when=when,
                place=meeting.place or "",
            )
        ]
    if existing is not None:
        await ctx.session.delete(existing)
        await ctx.session.flush()
        await queue_card_edit(ctx.uow, meeting)
    return [ctx.answer("community-not-attending", when=when)]
