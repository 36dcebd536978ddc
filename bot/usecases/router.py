"""Route each step to the flow it belongs to; the one use case every resident message goes to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from bot.conversation import Answer, Choice, Command
from bot.services import Services
from bot.turn import Turn
from bot.usecases.flow import Flow, FlowContext
from db.repositories.conversations import load_conversation
from db.uow import UnitOfWork

# Main-menu presses carry the flow name as value; they work whatever the version.
MENU_SCOPE = "m"
# "Continue / Discard" after /start during an unfinished flow.
RESUME_SCOPE = "r"
CANCEL_COMMANDS = frozenset({"anuluj", "cancel"})


class Home(Protocol):
    """The main menu and the answers that belong to no flow."""

    async def welcome(self, ctx: FlowContext) -> Sequence[Answer]:
        """Answer /start: welcome (and the language choice on first contact) and the menu."""
        ...

    async def menu(self, ctx: FlowContext) -> Sequence[Answer]:
        """Show the main menu."""
        ...

    async def unknown(self, ctx: FlowContext) -> Sequence[Answer]:
        """Answer something unexpected outside any flow: a friendly hint and the menu."""
        ...

    async def cancelled(self, ctx: FlowContext, had_flow: bool) -> Sequence[Answer]:
        """Answer /anuluj."""
        ...

    async def resume_offer(
        self, ctx: FlowContext, flow: Flow, draft: dict[str, Any]
    ) -> Sequence[Answer]:
        """Offer Continue / Discard (scope RESUME_SCOPE) for an unfinished flow and its draft."""
        ...

    async def draft_expired(self, ctx: FlowContext) -> Sequence[Answer]:
        """Tell that an unfinished draft expired and was discarded."""
        ...


class Router:
    """Send commands, presses and messages to the right flow."""

    def __init__(self, flows: Sequence[Flow], home: Home) -> None:
        self.home = home
        self.by_name: dict[str, Flow] = {}
        self.by_command: dict[str, Flow] = {}
        self.by_scope: dict[str, Flow] = {}
        self.by_deep_link: dict[str, Flow] = {}
        reserved = {MENU_SCOPE, RESUME_SCOPE}
        for flow in flows:
            _claim(self.by_name, {flow.name}, flow, set())
            _claim(self.by_command, set(flow.commands), flow, set(CANCEL_COMMANDS) | {"start"})
            _claim(self.by_scope, set(flow.scopes), flow, reserved)
            _claim(self.by_deep_link, set(flow.deep_links), flow, set())

    async def handle(self, uow: UnitOfWork, turn: Turn, services: Services) -> Sequence[Answer]:
        """Handle one step of one person."""
        conversation = await load_conversation(uow.session, turn.user.id)
        ctx = FlowContext(uow, turn, conversation, services)
        notices: list[Answer] = []
        expires = conversation.expires_at
        if conversation.flow and expires is not None and expires <= turn.now:
            ctx.discard_all()
            notices.extend(await self.home.draft_expired(ctx))
        step = turn.step
        if isinstance(step, Command):
            return [*notices, *await self._command(ctx, step)]
        if isinstance(step, Choice):
            return [*notices, *await self._choice(ctx, step)]
        active = self.by_name.get(conversation.flow or "")
        if active is not None:
            return [*notices, *await active.on_step(ctx)]
        return [*notices, *await self.home.unknown(ctx)]

    async def _command(self, ctx: FlowContext, command: Command) -> Sequence[Answer]:
        if command.name == "start":
            if command.args:
                target = self.by_deep_link.get(command.args.split("_", 1)[0])
                if target is not None:
                    return await target.begin(ctx, command.args)
            unfinished = self._unfinished(ctx)
            if unfinished is not None:
                return await self.home.resume_offer(ctx, *unfinished)
            if ctx.conversation.flow is not None:
                ctx.reset()
            return await self.home.welcome(ctx)
        if command.name in CANCEL_COMMANDS:
            had_flow = ctx.conversation.flow is not None or ctx.parked_flow is not None
            ctx.discard_all()
            return await self.home.cancelled(ctx, had_flow)
        target = self.by_command.get(command.name)
        if target is not None:
            return await self._begin(ctx, target, command.args)
        return await self.home.unknown(ctx)

    async def _choice(self, ctx: FlowContext, choice: Choice) -> Sequence[Answer]:
        if choice.scope == MENU_SCOPE:
            target = self.by_name.get(choice.value)
            if target is not None:
                return await self._begin(ctx, target, "")
            return await self.home.menu(ctx)
        active = self.by_name.get(ctx.conversation.flow or "")
        if choice.scope == RESUME_SCOPE:
            unfinished = self._unfinished(ctx)
            if unfinished is None or not ctx.is_current(choice):
                return await self.expired(ctx)
            if choice.value == "continue":
                if unfinished[0] is not active:
                    ctx.unpark()
                ctx.touch()
                return await unfinished[0].current_question(ctx)
            ctx.discard_all()
            return await self.home.menu(ctx)
        target = self.by_scope.get(choice.scope)
        if target is not None:
            return await target.on_step(ctx)
        return await self.expired(ctx)

    async def _begin(self, ctx: FlowContext, target: Flow, args: str) -> Sequence[Answer]:
        """Start a flow, unless that would silently discard an unfinished resumable one."""
        active = self.by_name.get(ctx.conversation.flow or "")
        takes_over = not getattr(target, "keeps_conversation", False)
        if active is not None and active is not target and active.resumable and takes_over:
            if getattr(target, "parks_unfinished", False):
                # A quick look-up: the report waits aside and is continued afterwards.
                ctx.park()
                notice = getattr(active, "parked_notice", None)
                answers = list(await target.begin(ctx, args))
                return [*answers, notice(ctx)] if notice is not None else answers
            # A report half-written must not vanish because the menu was pressed: ask first.
            return await self.home.resume_offer(ctx, active, dict(ctx.conversation.draft or {}))
        if ctx.parked_flow == target.name:
            # Back to the report put aside: it goes on where it was.
            ctx.unpark()
        return await target.begin(ctx, args)

    def _unfinished(self, ctx: FlowContext) -> tuple[Flow, dict[str, Any]] | None:
        """Return the unfinished resumable flow and its draft: the current one, or one parked."""
        active = self.by_name.get(ctx.conversation.flow or "")
        if active is not None and active.resumable:
            return active, dict(ctx.conversation.draft or {})
        parked = self.by_name.get(ctx.parked_flow or "")
        if parked is not None and parked.resumable and ctx.conversation.parked is not None:
            return parked, dict(ctx.conversation.parked.get("draft") or {})
        return None

    async def expired(self, ctx: FlowContext) -> Sequence[Answer]:
        """Answer a stale or forged button: say so, then ask the current step again."""
        active = self.by_name.get(ctx.conversation.flow or "")
        follow = await (active.current_question(ctx) if active else self.home.menu(ctx))
        return [ctx.answer("button-expired"), *follow]


def _claim(table: dict[str, Flow], keys: set[str], flow: Flow, reserved: set[str]) -> None:
    for key in keys:
        if key in reserved or key in table:
            raise ValueError(f"flow {flow.name!r}: {key!r} is already taken")
        table[key] = flow


def router_of(services: Services) -> Router:
    """Return the process's router (built by app.assembly.prepare)."""
    if services.router is None:
        raise RuntimeError("no router (app.assembly.prepare did not run)")
    return services.router
