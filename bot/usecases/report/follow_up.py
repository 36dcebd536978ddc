"""The resident's side of the thread: answering an officer, adding to a report, withdrawing it.

An officer's question opens a short reply window (`[reports] reply_window_hours`): when the
resident is not in the middle of something else, their next text or photo is the answer; the
note also carries "✍️ Odpowiedz", which opens the window later. From /moje the resident adds
information or photos to an open report of theirs, or withdraws it. Every message is kept in the
audit trail (its text in `note`, its photos as report photos named in `data`), shown in the
officers' card and history, and announced to the officer without saying who wrote it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.callback_data import KindPress
from bot.conversation import Answer, Choice, Media, Option, Text
from bot.i18n import Dated
from bot.services import Services
from bot.usecases.flow import FlowContext
from bot.usecases.officers.reporter_messages import (
    INFO_ACTION,
    REPLY_ACTION,
    RESIDENT_ACTIONS,
    announce_resident_message,
    who_hears,
)
from bot.usecases.report import queries
from bot.usecases.report.media import MediaTooLarge, MediaUnavailable
from bot.usecases.report.photos import CleanPhoto, NotAnImage
from bot.usecases.report.submit import prepare_photo
from db.models.conversation import Conversation
from db.models.people import User
from db.models.reports import OPEN_STATUSES, AuditEvent, Report, ReportPhoto, ReportStatus
from db.repositories.conversations import load_conversation
from db.uow import UnitOfWork

log = logging.getLogger(__name__)

FLOW_NAME = "followup"
SCOPE = "fu"
WRITE_STEP = "write"
# The kinds of `FollowUpPress`: REPLY, ADD, WITHDRAW (asks first), WITHDRAW_YES with a report's
# id; WITHDRAW_NO; DONE leaves the window.
REPLY, ADD, WITHDRAW, WITHDRAW_YES, WITHDRAW_NO, DONE = "r", "a", "w", "wy", "wn", "done"


@dataclass(frozen=True)
class FollowUpPress(KindPress):
    """A button of the reply window (scope "fu"), also under an own report in /moje (scope
    "my"): a kind above, with the report's id as `number` where it names one."""


# ---- the window -------------------------------------------------------------------------------


def _window(conversation: Conversation, report_id: int, kind: str, until: datetime) -> None:
    """Put a conversation in the reply window (a new version: older buttons expire)."""
    conversation.flow = FLOW_NAME
    conversation.step = WRITE_STEP
    conversation.draft = {"report_id": report_id, "kind": kind, "until": until.isoformat()}
    conversation.version += 1
    conversation.updated_at = until
    # The window closes itself (on_step); the router's own expiry must not come first.
    conversation.expires_at = until + timedelta(days=1)


async def open_reply_window(
    session: AsyncSession, services: Services, user_id: int, report_id: int, now: datetime
) -> bool:
    """Open the reply window for a reporter who is not in the middle of something; tell if so.

    Called in the officer's transaction when a note is recorded: a resident writing a report
    keeps their draft, and the note's button opens the window later.
    """
    conversation = await load_conversation(session, user_id)
    expired = conversation.expires_at is not None and conversation.expires_at <= now
    if conversation.flow not in (None, FLOW_NAME) and not expired:
        return False
    hours = services.config.reports.reply_window_hours
    _window(conversation, report_id, REPLY_ACTION, now + timedelta(hours=hours))
    conversation.updated_at = now
    return True


def _until(ctx: FlowContext) -> datetime | None:
    raw = ctx.conversation.draft.get("until")
    try:
        return datetime.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None


# ---- the flow -----------------------------------------------------------------------------------


class FollowUpFlow:
    """Answers to officers, additions to a report, withdrawals (buttons and the reply window)."""

    name = FLOW_NAME
    commands: frozenset[str] = frozenset()
    scopes = frozenset({SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Nothing starts this flow by name: its buttons and the officer's note do."""
        return []

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Take a press of this flow's buttons, or the text or photo written in the window."""
        step = ctx.step
        if isinstance(step, Choice) and step.scope == SCOPE:
            return await self._press(ctx, step)
        report = await self._window_report(ctx)
        if report is None:
            return [ctx.answer("desk-followup-closed"), *await _menu(ctx)]
        kind = str(ctx.conversation.draft.get("kind") or INFO_ACTION)
        if isinstance(step, Text):
            limit = ctx.services.config.reports.description_max_length
            if len(step.value) > limit:
                return [ctx.answer("desk-followup-too-long", limit=limit)]
            by = await record_resident_message(
                ctx.uow, ctx.services, ctx.user, report, kind, step.value
            )
            return [_sent(ctx, report, "desk-followup-sent", by)]
        if isinstance(step, Media):
            return await self._photos(ctx, report, kind, step)
        return [_hint(ctx, report)]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Say again what the window waits for."""
        report = await self._window_report(ctx)
        if report is None:
            return []
        return [_hint(ctx, report)]

    async def _window_report(self, ctx: FlowContext) -> Report | None:
        """Return the report the open window writes to; close a window that ran out."""
        if ctx.conversation.flow != FLOW_NAME:
            return None
        until = _until(ctx)
        report_id = ctx.conversation.draft.get("report_id")
        report = await ctx.session.get(Report, int(report_id)) if report_id else None
        if until is None or until <= ctx.turn.now or report is None:
            ctx.reset()
            return None
        if report.user_id != ctx.user.id:
            ctx.reset()
            return None
        return report

    async def _photos(
        self, ctx: FlowContext, report: Report, kind: str, step: Media
    ) -> list[Answer]:
        settings = ctx.services.config.reports
        added = await _added_photos(ctx.session, report.id)
        if added >= settings.max_photos:
            return [ctx.answer("desk-followup-photos-limit", max=settings.max_photos)]
        prepared = ctx.services.prepared_photos
        clean: list[CleanPhoto] = []
        for ref, size in zip(step.refs, step.sizes or (0,) * len(step.refs), strict=False):
            if size > settings.max_photo_bytes:
                return [ctx.answer("desk-followup-not-a-photo")]
            ready = prepared.pop(ref, None)
            try:
                clean.append(ready or await prepare_photo(ctx.services, ref))
            except (MediaTooLarge, MediaUnavailable, NotAnImage) as exc:
                log.info("a follow-up photo was refused: %s", type(exc).__name__)
                return [ctx.answer("desk-followup-not-a-photo")]
        clean = clean[: settings.max_photos - added]
        by = await record_resident_message(
            ctx.uow, ctx.services, ctx.user, report, kind, None, photos=clean
        )
        return [_sent(ctx, report, "desk-followup-photo-sent", by)]

    async def _press(self, ctx: FlowContext, step: Choice) -> list[Answer]:
        return await self.press(ctx, FollowUpPress.parse(step.value))

    async def press(self, ctx: FlowContext, press: FollowUpPress) -> list[Answer]:
        """Act on a button of this flow (also offered under a report in /moje)."""
        what, number = press.kind, press.number
        if what == DONE:
            report = await self._window_report(ctx)
            if ctx.conversation.flow == FLOW_NAME:
                ctx.reset()
            reference = report.reference if report is not None else ""
            return [ctx.answer("desk-followup-done", reference=reference)]
        if what == WITHDRAW_NO:
            return [ctx.answer("desk-withdraw-kept")]
        report = await ctx.session.get(Report, number) if number is not None else None
        if report is None or report.user_id != ctx.user.id:
            # Buttons outlive conversations; each press is checked against the owner.
            return [ctx.answer("button-expired")]
        if what == REPLY:
            return await self._open(ctx, report, REPLY_ACTION)
        if report.status not in OPEN_STATUSES:
            return [_closed(ctx, report)]
        if what == ADD:
            return await self._open(ctx, report, INFO_ACTION)
        if what == WITHDRAW:
            options = [
                [Option("desk-btn-withdraw-yes", FollowUpPress(WITHDRAW_YES, report.id).encode())],
                [Option("desk-btn-withdraw-no", FollowUpPress(WITHDRAW_NO).encode())],
            ]
            return [
                ctx.answer("desk-withdraw-ask", options, scope=SCOPE, reference=report.reference)
            ]
        if what == WITHDRAW_YES:
            await withdraw(ctx.uow, ctx.services, report, ctx.user, ctx.turn.now)
            return [ctx.answer("desk-withdrawn", reference=report.reference)]
        return [ctx.answer("button-expired")]

    async def _open(self, ctx: FlowContext, report: Report, kind: str) -> list[Answer]:
        conversation = ctx.conversation
        if conversation.flow not in (None, FLOW_NAME):
            # A report half-written stays: the resident finishes or cancels it first.
            return [ctx.answer("desk-followup-busy")]
        hours = ctx.services.config.reports.reply_window_hours
        _window(conversation, report.id, kind, ctx.turn.now + timedelta(hours=hours))
        done = [[Option("desk-btn-followup-done", FollowUpPress(DONE).encode())]]
        reference, most = report.reference, ctx.services.config.reports.max_photos
        if kind != REPLY_ACTION:
            return [
                ctx.answer(
                    "desk-followup-ask-info", done, scope=SCOPE, reference=reference, max=most
                )
            ]
        # A reply is promised to reach only its reader: say whose.
        by = await who_hears(ctx.session, ctx.services, report, answer=True)
        return [
            ctx.answer(
                "desk-followup-ask-reply", done, scope=SCOPE, reference=reference, max=most, by=by
            )
        ]


def _sent(ctx: FlowContext, report: Report, key: str, by: str) -> Answer:
    done = [[Option("desk-btn-followup-done", FollowUpPress(DONE).encode())]]
    return ctx.answer(key, done, scope=SCOPE, reference=report.reference, by=by)


def _hint(ctx: FlowContext, report: Report) -> Answer:
    done = [[Option("desk-btn-followup-done", FollowUpPress(DONE).encode())]]
    return ctx.answer("desk-followup-hint", done, scope=SCOPE, reference=report.reference)


def _closed(ctx: FlowContext, report: Report) -> Answer:
    status = ctx.text(f"officers-resident-state-{report.status.value}")
    return ctx.answer("desk-followup-report-closed", reference=report.reference, status=status)


async def _menu(ctx: FlowContext) -> list[Answer]:
    from bot.usecases.home import menu_answer

    return [menu_answer(ctx)]


async def _added_photos(session: AsyncSession, report_id: int) -> int:
    """Count the photos a resident added after sending the report."""
    return await queries.added_photo_count(session, report_id, RESIDENT_ACTIONS)


# ---- what a message does --------------------------------------------------------------------


async def record_resident_message(
    uow: UnitOfWork,
    services: Services,
    user: User,
    report: Report,
    kind: str,
    text: str | None,
    *,
    photos: Sequence[CleanPhoto] = (),
) -> str:
    """Attach the resident's answer or addition to the report; the officers see and hear of it.

    Returns who heard of it, "district" or "police", as the resident is told."""
    session = uow.session
    position = await queries.last_photo_position(session, report.id)
    rows = []
    for offset, photo in enumerate(photos, start=1):
        row = ReportPhoto(
            report_id=report.id,
            position=(position if position is not None else -1) + offset,
            content=photo.content,
            mime_type=photo.mime_type,
            sha256=photo.sha256,
            width=photo.width,
            height=photo.height,
        )
        session.add(row)
        rows.append(row)
    await session.flush()
    data: dict[str, Any] = {"photo_ids": [row.id for row in rows]}
    event = AuditEvent(
        at=services.clock(),
        action=kind if kind in RESIDENT_ACTIONS else INFO_ACTION,
        actor_user_id=user.id,
        report_id=report.id,
        from_status=report.status.value,
        note=text,
        data=data,
    )
    session.add(event)
    report.updated_at = event.at
    await session.flush()
    return await announce_resident_message(uow, services, report, event)


async def withdraw(
    uow: UnitOfWork, services: Services, report: Report, user: User, now: datetime
) -> None:
    """The reporter withdraws an open report: closed, views redrawn, the officer told."""
    from bot.usecases.officers.reporter_messages import tell_officer_withdrawn
    from bot.usecases.officers.status_changes import STATUS_ACTION, notify_residents

    previous = report.status
    report.status = ReportStatus.WITHDRAWN
    report.closed_at = now
    report.updated_at = now
    uow.session.add(
        AuditEvent(
            at=now,
            action=STATUS_ACTION,
            actor_user_id=user.id,
            report_id=report.id,
            from_status=previous.value,
            to_status=ReportStatus.WITHDRAWN.value,
        )
    )
    await uow.session.flush()
    await tell_officer_withdrawn(uow, services, report)
    # Those who said "I see it too" hear how it ended (the reporter knows).
    await notify_residents(
        uow, services, report, "desk-resident-withdrawn", skip_user_id=user.id, followers=True
    )


# ---- /moje: the thread and the buttons under an own report -------------------------------------

POLICE_ACTIONS = ("note", "comment")
# The kinds of the buttons this flow puts under an own report in /moje (`report_options`).
MINE_PRESSES = (ADD, WITHDRAW, WITHDRAW_YES, WITHDRAW_NO)


def thread_line(ctx: FlowContext, event: AuditEvent, at: Dated) -> str | None:
    """Describe a message of the thread for the resident's history (None: not one)."""
    if event.action in POLICE_ACTIONS:
        return ctx.text("desk-mine-police", at=at, note=event.note or "")
    if event.action in RESIDENT_ACTIONS:
        photos = len(event.data.get("photo_ids") or [])
        has_text = "yes" if event.note else "no"
        return ctx.text(
            "desk-mine-you", at=at, note=event.note or "", has_text=has_text, photos=photos
        )
    return None


def report_options(report: Report) -> list[list[Option]]:
    """Buttons under an open report of one's own: add information or photos, withdraw it."""
    if report.status not in OPEN_STATUSES:
        return []
    return [
        [Option("desk-btn-add-info", FollowUpPress(ADD, report.id).encode())],
        [Option("desk-btn-withdraw", FollowUpPress(WITHDRAW, report.id).encode())],
    ]
