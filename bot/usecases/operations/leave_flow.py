"""/urlop and /zastepstwa: leave and substitutes, entered by officers and coordinators in chat.

/urlop shows the officer's own current and planned leave with "Add" and "Cancel" buttons;
"/urlop 1.12-14.12" goes straight to the substitute. /zastepstwa (coordinators) lists the
station's leave and enters leave for any officer of the station. Steps: (officer →) dates →
substitute, then it is saved. Buttons of the lists (add, pick, cancel) are checked against the
database at every press; the steps' buttons against the conversation's version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.callback_data import KindPress
from bot.conversation import Answer, Choice, Command, Option, Text
from bot.i18n import Dated
from bot.usecases.flow import FlowContext
from bot.usecases.officers.alert_view import officer_name
from bot.usecases.officers.permissions import linked_officer
from bot.usecases.operations import leave, queries
from bot.usecases.operations.leave import MAX_DAYS, Period, absence_args
from bot.usecases.operations.local_time import local_day
from db.models.directory import Officer
from db.models.operations import OfficerAbsence

OWN_COMMAND = "urlop"
STATION_COMMAND = "zastepstwa"
SCOPE = "ul"
WHO_STEP = "who"
DATES_STEP = "dates"
SUBSTITUTE_STEP = "substitute"
PAGE_SIZE = 8
NO_SUBSTITUTE = 0


@dataclass(frozen=True)
class LeavePress(KindPress):
    """The value of a /urlop or /zastepstwa button (scope "ul"): built and parsed only as this.

    `kind` says what it does: "add" (own leave), "pick" (a coordinator's list, page `number`),
    "x" (cancel absence `number`), "who"/"sub" (officer or substitute `number`; NO_SUBSTITUTE:
    none), "whop"/"subp" (their lists' page `number`). An unknown kind or a missing number is
    refused by the flow.
    """


class LeaveFlow:
    """Officers' leave and substitutes, entered in chat."""

    name = "leave"
    commands = frozenset({OWN_COMMAND, STATION_COMMAND})
    scopes = frozenset({SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Show the officer's (or, for /zastepstwa, the station's) leave; dates in args go on."""
        if ctx.conversation.flow == self.name:
            ctx.reset()
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            return [ctx.answer("operations-officers-only")]
        step = ctx.step
        if isinstance(step, Command) and step.name == STATION_COMMAND:
            if not officer.coordinator:
                return [ctx.answer("operations-coordinators-only")]
            return [await self._station_overview(ctx, officer)]
        if args.strip():
            ctx.goto(self.name, DATES_STEP, {"officer_id": officer.id})
            return await self._dates(ctx, officer, officer, args.strip())
        return [await self._own_overview(ctx, officer)]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Handle the lists' and the steps' buttons, and the typed dates."""
        actor = await linked_officer(ctx.session, ctx.user)
        if actor is None:
            if ctx.conversation.flow == self.name:
                ctx.reset()
            return [ctx.answer("operations-officers-only")]
        step = ctx.step
        if isinstance(step, Choice):
            return await self._press(ctx, actor, step)
        current = ctx.conversation.step if ctx.conversation.flow == self.name else None
        if current == DATES_STEP and isinstance(step, Text):
            target = await self._target(ctx, actor)
            if target is None:
                ctx.reset()
                return [ctx.answer("button-expired")]
            return await self._dates(ctx, actor, target, step.value)
        hint = ctx.answer("operations-leave-use-buttons" if current else "button-expired")
        return [hint, *await self.current_question(ctx)]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Ask the current step's question again."""
        actor = await linked_officer(ctx.session, ctx.user)
        current = ctx.conversation.step if ctx.conversation.flow == self.name else None
        if actor is None or current is None:
            if ctx.conversation.flow == self.name:
                ctx.reset()
            return []
        if current == WHO_STEP:
            return [await self._officer_page(ctx, actor, 0)]
        target = await self._target(ctx, actor)
        if target is None:
            ctx.reset()
            return []
        if current == DATES_STEP:
            return [self._dates_question(ctx, actor, target)]
        period = _draft_period(ctx)
        if current == SUBSTITUTE_STEP and period is not None:
            return [await self._substitute_page(ctx, target, period, 0)]
        ctx.reset()
        return []

    # ---- presses ---------------------------------------------------------------------------

    async def _press(self, ctx: FlowContext, actor: Officer, choice: Choice) -> list[Answer]:
        press = LeavePress.parse(choice.value)
        kind, number = press.kind, press.number
        # List buttons: valid whatever the version, checked against the database.
        if kind == "add":
            ctx.goto(self.name, DATES_STEP, {"officer_id": actor.id})
            return [self._dates_question(ctx, actor, actor)]
        if kind == "pick" and number is not None:
            if not actor.coordinator:
                return [ctx.answer("operations-coordinators-only")]
            ctx.goto(self.name, WHO_STEP, {})
            return [await self._officer_page(ctx, actor, number)]
        if kind == "x" and number is not None:
            return await self._cancel(ctx, actor, number)
        # Step buttons: only the current step's.
        current = ctx.conversation.step if ctx.conversation.flow == self.name else None
        if not ctx.is_current(choice) or number is None or current is None:
            return [ctx.answer("button-expired"), *await self.current_question(ctx)]
        if kind == "who" and current == WHO_STEP:
            target = await ctx.session.get(Officer, number)
            if target is None or not target.active or not leave.may_manage(actor, target):
                return [ctx.answer("button-expired"), *await self.current_question(ctx)]
            ctx.goto(self.name, DATES_STEP, {"officer_id": target.id})
            return [self._dates_question(ctx, actor, target)]
        if kind == "whop" and current == WHO_STEP:
            return [await self._officer_page(ctx, actor, number)]
        target = await self._target(ctx, actor)
        period = _draft_period(ctx)
        if current == SUBSTITUTE_STEP and target is not None and period is not None:
            if kind == "subp":
                return [await self._substitute_page(ctx, target, period, number)]
            if kind == "sub":
                return await self._save(ctx, actor, target, period, number)
        return [ctx.answer("button-expired"), *await self.current_question(ctx)]

    async def _target(self, ctx: FlowContext, actor: Officer) -> Officer | None:
        """Return the officer whose leave is being entered, if the actor still may."""
        officer_id = ctx.conversation.draft.get("officer_id")
        target = await ctx.session.get(Officer, int(officer_id)) if officer_id else None
        if target is None or not target.active or not leave.may_manage(actor, target):
            return None
        return target

    # ---- steps -----------------------------------------------------------------------------

    def _today(self, ctx: FlowContext) -> date:
        return local_day(ctx.services.config, ctx.turn.now)

    def _dates_question(self, ctx: FlowContext, actor: Officer, target: Officer) -> Answer:
        return ctx.answer(
            "operations-leave-dates-ask",
            scope=SCOPE,
            officer=officer_name(target),
            own="yes" if actor.id == target.id else "no",
        )

    async def _dates(
        self, ctx: FlowContext, actor: Officer, target: Officer, text: str
    ) -> list[Answer]:
        parsed = leave.parse_period(text, self._today(ctx))
        if not isinstance(parsed, Period):
            return [
                ctx.answer("operations-leave-dates-bad", problem=parsed, days=MAX_DAYS),
                self._dates_question(ctx, actor, target),
            ]
        clash = await queries.overlapping_absence(
            ctx.session, target.id, parsed.starts_on, parsed.ends_on
        )
        if clash is not None:
            return [
                ctx.answer(
                    "operations-leave-overlap",
                    officer=officer_name(target),
                    start=Dated.day(clash.starts_on),
                    end=Dated.day(clash.ends_on),
                ),
                self._dates_question(ctx, actor, target),
            ]
        ctx.goto(
            self.name,
            SUBSTITUTE_STEP,
            {
                "officer_id": target.id,
                "from": parsed.starts_on.isoformat(),
                "to": parsed.ends_on.isoformat(),
            },
        )
        return [await self._substitute_page(ctx, target, parsed, 0)]

    async def _officer_page(self, ctx: FlowContext, actor: Officer, page: int) -> Answer:
        officers = await queries.active_station_officers(ctx.session, actor.station_id)
        rows = _paged(
            [
                Option(
                    "operations-leave-officer",
                    LeavePress("who", o.id).encode(),
                    {"name": officer_name(o)},
                )
                for o in officers
            ],
            page,
            "whop",
        )
        return ctx.answer("operations-leave-who", rows, scope=SCOPE)

    async def _substitute_page(
        self, ctx: FlowContext, target: Officer, period: Period, page: int
    ) -> Answer:
        candidates = await leave.substitute_candidates(
            ctx.session, target, period.starts_on, period.ends_on
        )
        rows = _paged(
            [
                Option(
                    "operations-leave-officer",
                    LeavePress("sub", o.id).encode(),
                    {"name": officer_name(o)},
                )
                for o in candidates
            ],
            page,
            "subp",
        )
        rows.append(
            (Option("operations-leave-btn-none", LeavePress("sub", NO_SUBSTITUTE).encode()),)
        )
        return ctx.answer(
            "operations-leave-substitute-ask",
            rows,
            scope=SCOPE,
            officer=officer_name(target),
            start=Dated.day(period.starts_on),
            end=Dated.day(period.ends_on),
            candidates=len(candidates),
        )

    async def _save(
        self, ctx: FlowContext, actor: Officer, target: Officer, period: Period, substitute_id: int
    ) -> list[Answer]:
        session = ctx.session
        if period.ends_on < self._today(ctx):
            ctx.reset()
            return [ctx.answer("operations-leave-dates-bad", problem="past", days=MAX_DAYS)]
        substitute = None
        if substitute_id != NO_SUBSTITUTE:
            candidates = await leave.substitute_candidates(
                session, target, period.starts_on, period.ends_on
            )
            substitute = next((o for o in candidates if o.id == substitute_id), None)
            if substitute is None:
                return [
                    ctx.answer("button-expired"),
                    await self._substitute_page(ctx, target, period, 0),
                ]
        clash = await queries.overlapping_absence(
            session, target.id, period.starts_on, period.ends_on
        )
        if clash is not None:
            # Entered meanwhile (another chat, another coordinator).
            ctx.goto(self.name, DATES_STEP, {"officer_id": target.id})
            return [
                ctx.answer(
                    "operations-leave-overlap",
                    officer=officer_name(target),
                    start=Dated.day(clash.starts_on),
                    end=Dated.day(clash.ends_on),
                ),
                self._dates_question(ctx, actor, target),
            ]
        absence = await leave.record_absence(
            ctx.uow, actor, target, period.starts_on, period.ends_on, substitute, ctx.turn.now
        )
        ctx.reset()
        args = absence_args(target, absence, substitute)
        cancel = Option("operations-leave-btn-cancel", LeavePress("x", absence.id).encode(), args)
        return [ctx.answer("operations-leave-saved", [[cancel]], scope=SCOPE, **args)]

    async def _cancel(self, ctx: FlowContext, actor: Officer, absence_id: int) -> list[Answer]:
        session = ctx.session
        absence = await session.get(OfficerAbsence, absence_id)
        officer = await session.get(Officer, absence.officer_id) if absence else None
        if absence is None or officer is None or not leave.may_manage(actor, officer):
            return [ctx.answer("button-expired")]
        substitute = (
            await session.get(Officer, absence.substitute_officer_id)
            if absence.substitute_officer_id
            else None
        )
        args = absence_args(officer, absence, substitute)
        if absence.cancelled_at is not None:
            return [ctx.answer("operations-leave-cancel-already", **args)]
        if absence.ends_on < self._today(ctx):
            return [ctx.answer("operations-leave-cancel-over", **args)]
        await leave.cancel_absence(ctx.uow, actor, absence, ctx.turn.now)
        if ctx.conversation.flow == self.name:
            ctx.reset()
        return [ctx.answer("operations-leave-cancelled", **args)]

    # ---- lists -----------------------------------------------------------------------------

    async def _own_overview(self, ctx: FlowContext, officer: Officer) -> Answer:
        found = await queries.upcoming_absences(ctx.session, [officer.id], self._today(ctx))
        lines, cancels = await self._lines(ctx, found)
        rows = [(Option("operations-leave-btn-add", LeavePress("add").encode()),), *cancels]
        return ctx.answer("operations-leave-mine", rows, scope=SCOPE, also=lines, count=len(found))

    async def _station_overview(self, ctx: FlowContext, officer: Officer) -> Answer:
        ids = await queries.station_officer_ids(ctx.session, officer.station_id)
        found = await queries.upcoming_absences(ctx.session, ids, self._today(ctx))
        lines, cancels = await self._lines(ctx, found)
        rows = [(Option("operations-leave-btn-pick", LeavePress("pick", 0).encode()),), *cancels]
        return ctx.answer(
            "operations-leave-station", rows, scope=SCOPE, also=lines, count=len(found)
        )

    async def _lines(
        self, ctx: FlowContext, found: Sequence[OfficerAbsence]
    ) -> tuple[list[tuple[str, dict[str, Any]]], list[tuple[Option, ...]]]:
        lines: list[tuple[str, dict[str, Any]]] = []
        cancels: list[tuple[Option, ...]] = []
        for absence in found:
            officer = await ctx.session.get(Officer, absence.officer_id)
            substitute = (
                await ctx.session.get(Officer, absence.substitute_officer_id)
                if absence.substitute_officer_id
                else None
            )
            if officer is None:
                continue
            args = absence_args(officer, absence, substitute)
            lines.append(("operations-leave-line", args))
            cancels.append(
                (Option("operations-leave-btn-cancel", LeavePress("x", absence.id).encode(), args),)
            )
        return lines, cancels


def _draft_period(ctx: FlowContext) -> Period | None:
    draft = ctx.conversation.draft
    try:
        return Period(date.fromisoformat(draft["from"]), date.fromisoformat(draft["to"]))
    except (KeyError, TypeError, ValueError):
        return None


def _paged(options: list[Option], page: int, kind: str) -> list[tuple[Option, ...]]:
    pages = max((len(options) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    page = min(max(page, 0), pages - 1)
    shown = options[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    rows: list[tuple[Option, ...]] = [(option,) for option in shown]
    paging = []
    if page > 0:
        paging.append(Option("operations-btn-prev", LeavePress(kind, page - 1).encode()))
    if page + 1 < pages:
        paging.append(Option("operations-btn-next", LeavePress(kind, page + 1).encode()))
    if paging:
        rows.append(tuple(paging))
    return rows
