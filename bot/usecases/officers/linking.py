"""The officers' flow: redeem an invite (deep link), register a duty group, commands, notes.

`/start inv_<code>` in a private chat links the officer; `/start grp_<code>` in a group (the
?startgroup= link) registers the station's duty group. Both are single use, expire, are counted
against the user's failed attempts, audited, and announced to the station's coordinators and
the ops chat, so a leaked invite is noticed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from bot.conversation import Answer, Choice, Command, Text
from bot.outbox import PRIORITY_NOTICE, queue_answer
from bot.services import Services
from bot.turn import Turn
from bot.usecases.flow import FlowContext
from bot.usecases.officers import notes, queries, report_commands, staff_queries
from bot.usecases.officers.alert_view import officer_name
from bot.usecases.officers.invites import (
    GROUP_PREFIX,
    OFFICER_PREFIX,
    PURPOSE_GROUP,
    PURPOSE_OFFICER,
    find_invite,
    queue_commands,
)
from bot.usecases.officers.permissions import linked_officer
from bot.usecases.officers.presses import QUERY_SCOPE, QueryPress
from bot.usecases.officers.reachability import reachable
from bot.usecases.operations.local_time import local_day
from bot.usecases.operations.queries import officer_district_names
from db.models.directory import Officer, Station, StationChat
from db.models.officers import Invite
from db.models.people import Role, User
from db.models.reports import AuditEvent, Report
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

LIST_COMMAND = "zgloszenia"
DETAILS_COMMAND = "zgloszenie"


class OfficersFlow:
    """Officers' side of the conversation (private chats)."""

    name = notes.FLOW_NAME
    commands = frozenset({LIST_COMMAND, DETAILS_COMMAND})
    scopes = frozenset({QUERY_SCOPE})
    deep_links = frozenset({OFFICER_PREFIX, GROUP_PREFIX})
    resumable = False

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Redeem a deep link, or answer /zgloszenia and /zgloszenie."""
        step = ctx.step
        if isinstance(step, Command) and step.name == "start":
            if args.startswith(GROUP_PREFIX + "_"):
                return [ctx.answer("officers-group-link-private")]
            return await redeem_officer_invite(ctx.uow, ctx.services, ctx.turn, args)
        if ctx.conversation.flow == self.name:
            # A command leaves an unfinished note behind.
            ctx.reset()
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            return [ctx.answer("officers-only")]
        if isinstance(step, Command) and step.name == DETAILS_COMMAND:
            return await self._details(ctx, officer, args)
        today = local_day(ctx.services.config, ctx.turn.now)
        page = await report_commands.open_reports(ctx.session, officer, 0, today)
        return [report_commands.list_answer(ctx.services, ctx.lang, page, ctx.turn.now)]

    async def _details(self, ctx: FlowContext, officer: Officer, args: str) -> list[Answer]:
        reference = args.strip()
        if not reference:
            return [ctx.answer("officers-details-usage")]
        report = await queries.find_report(ctx.session, reference)
        if report is None or ctx.user.chat_id is None:
            return [ctx.answer("officers-report-unknown", reference=reference[:32])]
        return await report_commands.show_report(
            ctx.uow, ctx.services, ctx.user, officer, report, ctx.user.chat_id, ctx.lang
        )

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Handle the list's buttons, or the note or comment an officer is typing."""
        step = ctx.step
        if isinstance(step, Choice) and step.scope == QUERY_SCOPE:
            return await self._list_press(ctx, step)
        draft = ctx.conversation.draft
        waiting = ctx.conversation.step
        if waiting in (notes.NOTE_STEP, notes.COMMENT_STEP) and isinstance(step, Text):
            # A note is as long as a report's description may be (a product limit).
            limit = ctx.services.config.reports.description_max_length
            if not step.value or len(step.value) > limit:
                return [ctx.answer("officers-note-too-long", limit=limit)]
            ctx.reset()
            record = notes.record_note if waiting == notes.NOTE_STEP else notes.record_comment
            answer = await record(
                ctx.uow, ctx.services, ctx.turn, int(draft.get("report_id", 0)), step.value
            )
            return [answer]
        return await self.current_question(ctx)

    async def _list_press(self, ctx: FlowContext, step: Choice) -> list[Answer]:
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            log.info("officer list press refused: user %s is no officer", ctx.user.id)
            return [ctx.answer("officers-only")]
        press = QueryPress.parse(step.value)
        if press.kind == QueryPress.PAGE and press.number is not None:
            today = local_day(ctx.services.config, ctx.turn.now)
            page = await report_commands.open_reports(ctx.session, officer, press.number, today)
            return [report_commands.list_answer(ctx.services, ctx.lang, page, ctx.turn.now)]
        number = press.number
        report = await ctx.session.get(Report, number) if number is not None else None
        if press.kind == QueryPress.DETAILS and report is not None and ctx.user.chat_id is not None:
            return await report_commands.show_report(
                ctx.uow, ctx.services, ctx.user, officer, report, ctx.user.chat_id, ctx.lang
            )
        return [ctx.answer("button-expired")]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Ask for the note or comment again (the only steps that wait for the officer)."""
        waiting = ctx.conversation.step
        if waiting in (notes.NOTE_STEP, notes.COMMENT_STEP):
            report = await ctx.session.get(Report, int(ctx.conversation.draft.get("report_id", 0)))
            if report is not None and waiting == notes.NOTE_STEP:
                return [notes.note_prompt(report)]
            if report is not None:
                return [notes.comment_prompt(report)]
        ctx.reset()
        return []


# ---- invites ---------------------------------------------------------------------------------


async def invite_failed(uow: UnitOfWork, services: Services, turn: Turn, why: str) -> list[Answer]:
    turn.user.invite_failures += 1
    log.info("invite refused for user %s: %s (%d)", turn.user.id, why, turn.user.invite_failures)
    uow.session.add(
        AuditEvent(
            at=turn.now,
            action="invite_failed",
            actor_user_id=turn.user.id,
            data={"reason": why, "failures": turn.user.invite_failures},
        )
    )
    return [Answer(key="officers-invite-invalid")]


def locked_out(services: Services, user: User) -> bool:
    return user.invite_failures >= services.config.officers.max_invite_failures


def locked_answer(services: Services, user: User) -> list[Answer]:
    """Say "locked" to the first attempt after the lockout only; later ones get no answer.

    Answering every attempt would let a script use the bot as an echo (and the group a
    registration is tried in would fill with refusals); the count keeps growing for the audit.
    """
    user.invite_failures += 1
    if user.invite_failures == services.config.officers.max_invite_failures + 1:
        return [Answer(key="officers-invite-locked")]
    return []


async def redeem_officer_invite(
    uow: UnitOfWork, services: Services, turn: Turn, code: str
) -> list[Answer]:
    """Link the user to the invite's officer: role, commands, audit, announcement."""
    user = turn.user
    if locked_out(services, user):
        log.info("invite refused for user %s: too many failed attempts", user.id)
        return locked_answer(services, user)
    session = uow.session
    invite = await find_invite(session, code, PURPOSE_OFFICER, turn.now)
    officer = (
        await session.get(Officer, invite.officer_id) if invite and invite.officer_id else None
    )
    if invite is None or officer is None or not officer.active:
        return await invite_failed(uow, services, turn, "unknown, used or expired")
    other = await staff_queries.other_officer_of_user(session, user.id, officer.id)
    if other is not None:
        # One account, one officer: an account cannot collect several officers' rights.
        log.info("invite refused for user %s: already linked to officer %s", user.id, other.id)
        return [Answer(key="officers-invite-other-officer")]
    replaced = await session.get(User, officer.user_id) if officer.user_id else None
    if replaced is not None and replaced.id != user.id:
        replaced.role = Role.RESIDENT
        queue_commands(uow, replaced, Role.RESIDENT)
    role = Role.COORDINATOR if officer.coordinator else Role.OFFICER
    if user.role is not Role.ADMIN:
        user.role = role
    officer.user_id = user.id
    officer.linked_at = turn.now
    _use(invite, user, turn)
    user.invite_failures = 0
    session.add(
        AuditEvent(
            at=turn.now,
            action="officer_linked",
            actor_user_id=user.id,
            actor_officer_id=officer.id,
            data={
                "officer": officer.code,
                "role": role.value,
                "replaced_user_id": replaced.id if replaced and replaced.id != user.id else None,
            },
        )
    )
    await session.flush()
    queue_commands(uow, user, role)
    station = await session.get(Station, officer.station_id)
    await announce(
        uow,
        services,
        officer.station_id,
        "officers-linked-announce",
        {
            "officer": officer_name(officer),
            "code": officer.code,
            "role": officer.role.value,
            "station": station.name if station else "—",
            "account": user.external_id,
            "replaced": "yes" if replaced is not None and replaced.id != user.id else "no",
        },
        skip_chat=user.chat_id,
    )
    districts = await officer_district_names(session, officer.id)
    # Coordinators and duty officers usually have no districts: their unit is named instead.
    names = ", ".join(districts) or "none"
    linked = Answer(
        key="officers-linked",
        args={
            "officer": officer_name(officer),
            "role": officer.role.value,
            "districts": names,
            "station": station.name if station else "—",
        },
    )
    if user.chat_id is None:
        return [linked]
    # Nothing waits unseen: what went to the duty group meanwhile is offered in one message.
    today = local_day(services.config, turn.now)
    waiting = await report_commands.waiting_unseen(session, officer, user.chat_id, today)
    if not waiting.total:
        return [linked]
    lang = services.catalog.language(user.language or turn.lang)
    offer = report_commands.list_answer(services, lang, waiting, turn.now, key="desk-waiting")
    return [linked, offer]


async def announce(
    uow: UnitOfWork,
    services: Services,
    station_id: int,
    key: str,
    args: dict[str, Any],
    *,
    skip_chat: int | None = None,
) -> int:
    """Tell the station's coordinators and the ops chat (a leaked invite gets noticed)."""
    return await announce_to_station(
        uow,
        station_id,
        Answer(key=key, args=args),
        ops_chat_id=services.config.telegram.ops_chat_id,
        ops_lang=services.catalog.default,
        skip_chat=skip_chat,
    )


async def announce_to_station(
    uow: UnitOfWork,
    station_id: int,
    answer: Answer,
    *,
    ops_chat_id: int,
    ops_lang: str,
    skip_chat: int | None = None,
) -> int:
    """Queue an answer for the station's reachable coordinators and the ops chat; count them."""
    chats: dict[int, str] = {}
    for officer, user in await staff_queries.station_coordinators(uow.session, [station_id]):
        if user is not None and reachable(officer, user) and user.chat_id is not None:
            chats.setdefault(user.chat_id, user.language or "pl")
    if ops_chat_id:
        chats.setdefault(ops_chat_id, ops_lang)
    count = 0
    for chat_id, lang in chats.items():
        if chat_id == skip_chat:
            continue
        queue_answer(uow, chat_id, answer, lang, priority=PRIORITY_NOTICE)
        count += 1
    return count


async def register_duty_group(
    uow: UnitOfWork, services: Services, turn: Turn, chat_id: int, title: str | None, code: str
) -> list[Answer]:
    """Register the group as its station's duty group (answers go to the group)."""
    user = turn.user
    if locked_out(services, user):
        log.info("group invite refused for user %s: too many failed attempts", user.id)
        return locked_answer(services, user)
    session = uow.session
    invite = await find_invite(session, code, PURPOSE_GROUP, turn.now)
    if invite is None or invite.station_id is None:
        return await invite_failed(uow, services, turn, "unknown, used or expired group code")
    officer = await linked_officer(session, user)
    if officer is None or not officer.coordinator or officer.station_id != invite.station_id:
        # The link alone is not enough: the station's linked coordinator must add the bot.
        return await invite_failed(uow, services, turn, "group code used by someone else")
    station = await session.get(Station, invite.station_id)
    existing = await staff_queries.station_group(session, invite.station_id, chat_id)
    if existing is None:
        session.add(
            StationChat(
                station_id=invite.station_id, chat_id=chat_id, title=title, created_at=turn.now
            )
        )
    else:
        existing.active = True
        existing.title = title
    _use(invite, user, turn)
    user.invite_failures = 0
    session.add(
        AuditEvent(
            at=turn.now,
            action="duty_group_registered",
            actor_user_id=user.id,
            actor_officer_id=officer.id,
            data={"chat_id": chat_id, "station": station.code if station else None},
        )
    )
    await session.flush()
    station_name = station.name if station else "—"
    await announce(
        uow,
        services,
        invite.station_id,
        "officers-group-announce",
        {"officer": officer_name(officer), "station": station_name, "group": title or "—"},
        skip_chat=chat_id,
    )
    return [Answer(key="officers-group-registered", args={"station": station_name})]


def _use(invite: Invite, user: User, turn: Turn) -> None:
    invite.used_at = turn.now
    invite.used_by_user_id = user.id
