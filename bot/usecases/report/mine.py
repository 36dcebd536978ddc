"""My reports (/moje, /my): the resident's reports with reference, date and status, and history."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.callback_data import KindPress
from bot.conversation import REPLACE_PRESSED, Answer, Choice, Option
from bot.i18n import Dated
from bot.usecases.flow import FlowContext
from bot.usecases.places import place_label
from bot.usecases.report import queries
from bot.usecases.report.categories import OTHER, categories
from bot.usecases.report.duplicates import CONFIRMED_ACTION
from bot.usecases.report.follow_up import (
    MINE_PRESSES,
    FollowUpFlow,
    FollowUpPress,
    report_options,
    thread_line,
)
from bot.usecases.report.form import LABEL
from bot.usecases.report.submit import CREATED_ACTION
from db.models.reports import Report, ReportFollower

SCOPE = "my"
# The kinds of `MinePress`: PAGE of the list, the history of REPORT, LEAVE a followed report.
PAGE, REPORT, LEAVE = "p", "r", "l"
PAGE_SIZE = 8


@dataclass(frozen=True)
class MinePress(KindPress):
    """A button of /moje (scope "my"): a kind above with a page or a report's id as `number`;
    the buttons under an own report are the reply window's (`FollowUpPress`, `MINE_PRESSES`)."""


def _back() -> Option:
    return Option("mine-back", MinePress(PAGE, 0).encode())


class MineFlow:
    """Lists and histories; it keeps no state, so an unfinished report is never disturbed."""

    name = "mine"
    commands = frozenset({"moje", "my"})
    scopes = frozenset({SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False
    keeps_conversation = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Show the first page of the resident's reports."""
        return await _list(ctx, 0)

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Open a report's history, another page, or the list again.

        The buttons do not expire with the conversation (a list read yesterday still opens),
        so every press is checked against the owner instead.
        """
        step = ctx.step
        if not isinstance(step, Choice):
            return []
        press = MinePress.parse(step.value)
        number = press.number
        if press.kind == PAGE and number is not None:
            # Paging (and "back to the list") redraws the message that was pressed.
            return await _list(ctx, number, REPLACE_PRESSED)
        if press.kind in MINE_PRESSES:
            # "Add information", "Withdraw" under an own report (checked against the owner).
            return await FollowUpFlow().press(ctx, FollowUpPress.parse(step.value))
        if press.kind == REPORT and number is not None:
            report = await ctx.session.get(Report, number)
            if report is not None and report.user_id == ctx.user.id:
                return await _history(ctx, report)
            follow = await following(ctx, number)
            if report is not None and follow is not None:
                return await _history(ctx, report, followed=True)
        if press.kind == LEAVE and number is not None:
            follow = await following(ctx, number)
            report = await ctx.session.get(Report, number)
            if follow is not None and report is not None:
                follow.left_at = ctx.turn.now
                back = [[_back()]]
                left = ctx.answer(
                    "mine-left", back, scope=SCOPE, replaces=REPLACE_PRESSED,
                    reference=report.reference,
                )  # fmt: skip
                return [left]
        return [ctx.answer("button-expired"), *await _list(ctx, 0)]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Nothing to ask: this flow never becomes the conversation's flow."""
        return []


def _local(ctx: FlowContext, moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo(ctx.services.config.bot.timezone))


def _fragment(ctx: FlowContext, key: str, **args: object) -> str:
    return ctx.fragment(key, **args)


def _status(ctx: FlowContext, status: str) -> str:
    key = f"report-status-{status}"
    # Officers' tools may record steps this version has no name for: show the raw value.
    return _fragment(ctx, key) if ctx.services.catalog.has(key, ctx.lang) else status


async def following(ctx: FlowContext, report_id: int) -> ReportFollower | None:
    """Return the resident's "I see it too" on a report, unless they left it."""
    return await queries.current_follow(ctx.session, report_id, ctx.user.id)


async def _list(ctx: FlowContext, page: int, replaces: str | None = None) -> list[Answer]:
    session = ctx.session
    # The resident's own reports, and those they joined with "I see it too" (marked 👀).
    total = await queries.count_mine(session, ctx.user.id)
    if total == 0:
        start = [[Option("mine-start-report", "report")]]
        return [ctx.answer("mine-empty", start, scope="m")]
    page = min(page, (total - 1) // PAGE_SIZE)
    reports = await queries.mine_page(session, ctx.user.id, page * PAGE_SIZE, PAGE_SIZE)
    rows = []
    for report in reports:
        own = report.user_id == ctx.user.id
        label = _fragment(
            ctx,
            "mine-report-button" if own else "mine-followed-button",
            reference=report.reference,
            date=Dated.day_month(_local(ctx, report.created_at)),
            status=_status(ctx, report.status.value),
        )
        rows.append([Option(LABEL, MinePress(REPORT, report.id).encode(), {"text": label})])
    more = []
    if page > 0:
        more.append(Option("mine-newer", MinePress(PAGE, page - 1).encode()))
    if (page + 1) * PAGE_SIZE < total:
        more.append(Option("mine-older", MinePress(PAGE, page + 1).encode()))
    if more:
        rows.append(more)
    return [ctx.answer("mine-list", rows, scope=SCOPE, replaces=replaces, count=total)]


async def _history(ctx: FlowContext, report: Report, *, followed: bool = False) -> list[Answer]:
    """A report's history: the resident's own in full; a followed one only as the public sees
    it (category, the coarsened public place, statuses), with the button to leave it."""
    session = ctx.session
    events = await queries.report_events(session, report.id)
    lines = []
    for event in events:
        at = Dated.moment(_local(ctx, event.at))
        # The thread with the officer is the reporter's alone: a follower sees statuses only.
        said = None if followed else thread_line(ctx, event, at)
        if said is not None:
            # The officer's questions and comments, and the resident's answers.
            lines.append(html.unescape(said))
        elif event.action == CREATED_ACTION:
            lines.append(_fragment(ctx, "mine-event-created", at=at))
        elif event.action != CONFIRMED_ACTION and event.to_status:
            status = _status(ctx, event.to_status)
            lines.append(_fragment(ctx, "mine-event-status", at=at, status=status))
    confirmations = await queries.count_followers(session, report.id)
    category = categories(ctx.services).name(report.category, ctx.lang)
    if report.category == OTHER and report.category_other and not followed:
        category = f"{category}: {report.category_other}"
    if followed:
        place = place_label(
            ctx.services,
            ctx.lang,
            address=report.public_address,
            lat=report.public_lat,
            lon=report.public_lon,
            point=report.public_address is None,
        )
    else:
        place = place_label(
            ctx.services,
            ctx.lang,
            address=report.address,
            lat=report.lat,
            lon=report.lon,
            point=report.location_source == "point",
        )
    # A followed report is the reporter's, not theirs: only leaving it is theirs to do.
    own = [] if followed else report_options(report)
    back = [*own, [_back()]]
    if followed:
        back.insert(0, [Option("mine-leave", MinePress(LEAVE, report.id).encode())])
    return [
        ctx.answer(
            "mine-followed-report" if followed else "mine-report",
            back,
            scope=SCOPE,
            reference=report.reference,
            category=category,
            place=place,
            created=Dated.moment(_local(ctx, report.created_at)),
            status=_status(ctx, report.status.value),
            confirmations=confirmations or 0,
            history="\n".join(lines),
        )
    ]
