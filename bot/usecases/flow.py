"""Flows: the conversations a person can be in (report, lookup, language...), and their context."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer, Choice, Option, Step
from bot.services import Services
from bot.turn import Turn
from db.models.conversation import Conversation
from db.models.people import User
from db.uow import UnitOfWork


@dataclass
class FlowContext:
    """Everything one step of a flow may use; changes are committed with the turn."""

    uow: UnitOfWork
    turn: Turn
    conversation: Conversation
    services: Services

    @property
    def session(self) -> AsyncSession:
        """Return the unit of work's session."""
        return self.uow.session

    @property
    def user(self) -> User:
        """Return the person taking this turn."""
        return self.turn.user

    @property
    def step(self) -> Step:
        """Return what the person sent."""
        return self.turn.step

    @property
    def lang(self) -> str:
        """Return the language to answer in."""
        return self.turn.lang

    def text(self, key: str, **args: Any) -> str:
        """Render a catalog text in the person's language (e.g. a reply-keyboard label)."""
        return self.services.catalog.render(self.lang, key, args)

    def fragment(self, key: str, **args: Any) -> str:
        """Render a catalog fragment as plain text, to go into another answer's arguments.

        That answer's rendering escapes it, so it is escaped exactly once (`Catalog.plain`); an
        argument that is already HTML is passed as `bot.i18n.Raw` instead.
        """
        return self.services.catalog.plain(self.lang, key, args)

    def answer(
        self,
        key: str,
        options: Sequence[Sequence[Option]] = (),
        *,
        scope: str = "",
        keyboard: str = "inline",
        also: Sequence[tuple[str, Mapping[str, Any]]] = (),
        replaces: str | None = None,
        **args: Any,
    ) -> Answer:
        """Build an Answer stamped with the flow's scope and the conversation's current version."""
        return Answer(
            key=key,
            args=args,
            options=tuple(tuple(row) for row in options),
            keyboard=keyboard,  # type: ignore[arg-type]
            scope=scope or "m",
            version=self.conversation.version,
            also=tuple(also),
            replaces=replaces,
        )

    def goto(self, flow: str, step: str, draft: dict[str, Any] | None = None) -> None:
        """Move to a step; older buttons stop working (the version changes)."""
        self.conversation.flow = flow
        self.conversation.step = step
        if draft is not None:
            self.conversation.draft = draft
        self.touch()

    def touch(self) -> None:
        """Note a change of state: new version, new expiry."""
        self.conversation.version += 1
        self.conversation.updated_at = self.turn.now
        ttl = timedelta(days=self.services.config.reports.draft_ttl_days)
        self.conversation.expires_at = self.turn.now + ttl if self.conversation.flow else None

    def touch_quietly(self) -> None:
        """Note a change of the draft without a new version: the buttons on screen keep working
        (e.g. the photos of one album, each its own update)."""
        self.conversation.updated_at = self.turn.now
        ttl = timedelta(days=self.services.config.reports.draft_ttl_days)
        self.conversation.expires_at = self.turn.now + ttl if self.conversation.flow else None

    def reset(self) -> None:
        """Leave any flow: back to the main menu, draft discarded (a parked flow stays)."""
        self.conversation.flow = None
        self.conversation.step = None
        self.conversation.draft = {}
        self.touch()

    def discard_all(self) -> None:
        """Leave the flow and drop a parked one too (/anuluj, an expired draft, "discard")."""
        self.conversation.parked = None
        self.reset()

    def park(self) -> None:
        """Put the current flow aside, to continue it after another one (see Router._begin)."""
        conversation = self.conversation
        conversation.parked = {
            "flow": conversation.flow,
            "step": conversation.step,
            "draft": conversation.draft,
        }

    @property
    def parked_flow(self) -> str | None:
        """Return the name of the flow put aside, if any."""
        parked = self.conversation.parked
        return str(parked.get("flow")) if isinstance(parked, dict) and parked.get("flow") else None

    def unpark(self) -> bool:
        """Continue the flow put aside (the current one ends); False when there is none."""
        parked = self.conversation.parked
        if not isinstance(parked, dict) or not parked.get("flow"):
            return False
        self.conversation.parked = None
        self.goto(
            str(parked["flow"]), str(parked.get("step") or ""), dict(parked.get("draft") or {})
        )
        return True

    def is_current(self, choice: Choice) -> bool:
        """Tell whether a pressed button belongs to the conversation's current step."""
        return choice.version == self.conversation.version


class Flow(Protocol):
    """A conversation flow. Names, commands, scopes and deep-link prefixes are unique per flow."""

    # Stored in Conversation.flow while the person is in this flow.
    name: str
    # Commands that start it, without the slash (e.g. {"zglos", "report"}).
    commands: frozenset[str]
    # Callback-data scopes whose presses this flow handles (1-3 lowercase letters).
    scopes: frozenset[str]
    # /start payload prefixes this flow handles (e.g. officer invites "inv").
    deep_links: frozenset[str]
    # Whether /start during this flow offers Continue / Discard (True for long forms).
    resumable: bool
    # Optional (default False): True for flows that never change the conversation state (help,
    # privacy, language, lists), which may start during a resumable flow without asking first.
    # Optional (default False): `parks_unfinished`, True for a quick look-up that may run during
    # a resumable flow, which is put aside (Conversation.parked) and continued afterwards.
    # Optional: `describe(ctx, draft) -> str`, what an unfinished draft holds, in plain words,
    # for prompts that ask whether to discard it; and `parked_notice(ctx) -> Answer`, said when
    # the flow is put aside.

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Start the flow (from a command, a menu button, or a deep link with `args`)."""
        ...

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Handle a step while the person is in this flow, or a press in one of its scopes."""
        ...

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Ask the current step's question again (after an expired button, or on resume)."""
        ...
