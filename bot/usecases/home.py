"""The main menu and what belongs to no flow: welcome, help, privacy notice, hints, cancel."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.conversation import (
    Answer,
    Command,
    Contact,
    Location,
    Media,
    Option,
    Text,
    Unsupported,
)
from bot.usecases.flow import Flow, FlowContext
from bot.usecases.language import language_choice
from bot.usecases.offer import offer
from bot.usecases.router import MENU_SCOPE, RESUME_SCOPE

# The main menu: label key and the name of the flow a press begins (router.by_name).
MENU = (
    (("menu-report", "report"),),
    (("menu-lookup", "lookup"), ("menu-mine", "mine")),
    (("menu-help", "help"),),
)
# Unsupported kinds with a hint of their own in home-unknown-media; the rest get "other".
MEDIA_HINTS = frozenset({"sticker", "voice", "video"})


def menu_options() -> tuple[tuple[Option, ...], ...]:
    """Return the main menu's buttons; their values are flow names."""
    return tuple(tuple(Option(label, value) for label, value in row) for row in MENU)


def menu_answer(
    ctx: FlowContext, key: str = "home-menu", *, also: str | None = None, **args: Any
) -> Answer:
    """Build a message with the main menu under it (menu presses work at any version)."""
    extra: list[tuple[str, Mapping[str, Any]]] = [(also, {})] if also else []
    return ctx.answer(key, menu_options(), scope=MENU_SCOPE, also=extra, **args)


class HomeFlow:
    """The main menu (/menu) and the router's Home: the answers outside any flow."""

    name = "home"
    commands = frozenset({"menu"})
    scopes: frozenset[str] = frozenset()
    deep_links: frozenset[str] = frozenset()
    resumable = False
    keeps_conversation = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Show the main menu."""
        return await self.menu(ctx)

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Answer like outside any flow (the home flow keeps no state)."""
        return await self.unknown(ctx)

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Show the main menu."""
        return await self.menu(ctx)

    async def welcome(self, ctx: FlowContext) -> Sequence[Answer]:
        """Ask for the language on first contact; afterwards welcome with the menu."""
        if ctx.user.language is None:
            return [language_choice(ctx, first=True)]
        return [menu_answer(ctx, "home-welcome")]

    async def menu(self, ctx: FlowContext) -> Sequence[Answer]:
        """Show the main menu."""
        return [menu_answer(ctx)]

    async def unknown(self, ctx: FlowContext) -> Sequence[Answer]:
        """Say why the message was not understood, then show the menu."""
        step = ctx.step
        if isinstance(step, Unsupported):
            kind = step.kind if step.kind in MEDIA_HINTS else "other"
            return [
                ctx.answer(
                    "home-unknown-media",
                    menu_options(),
                    scope=MENU_SCOPE,
                    also=[("home-menu", {})],
                    kind=kind,
                )
            ]
        if isinstance(step, Command):
            return [menu_answer(ctx, "home-unknown-command", also="home-menu")]
        if isinstance(step, Location | Media | Text):
            # A photo, a place or a few words: kept, with the offer to report with them.
            offered = await offer(ctx)
            if offered is not None:
                return offered
        if isinstance(step, Contact):
            # Nothing asked for it: the number is not stored (only the report flow keeps one).
            return [menu_answer(ctx, "home-unknown-contact", also="home-menu")]
        if isinstance(step, Text):
            return [menu_answer(ctx, "home-unknown-text")]
        return await self.menu(ctx)

    async def cancelled(self, ctx: FlowContext, had_flow: bool) -> Sequence[Answer]:
        """Confirm /anuluj (the router already discarded the flow), then show the menu."""
        key = "home-cancelled" if had_flow else "home-nothing-to-cancel"
        return [menu_answer(ctx, key, also="home-menu")]

    async def resume_offer(
        self, ctx: FlowContext, flow: Flow, draft: dict[str, Any]
    ) -> Sequence[Answer]:
        """Offer Continue / Discard for an unfinished flow, saying what would be discarded."""
        options = [
            [Option("home-resume-continue", "continue")],
            [Option("home-resume-discard", "discard")],
        ]
        describe = getattr(flow, "describe", None)
        what = describe(ctx, draft) if describe is not None else ""
        return [ctx.answer("home-resume-offer", options, scope=RESUME_SCOPE, what=what)]

    async def draft_expired(self, ctx: FlowContext) -> Sequence[Answer]:
        """Tell that an unfinished draft expired and was discarded."""
        return [ctx.answer("home-draft-expired", days=ctx.services.config.reports.draft_ttl_days)]


class HelpFlow:
    """/pomoc (/help) and the menu's Help button: what the bot does, its commands, 112."""

    name = "help"
    commands = frozenset({"pomoc", "help"})
    scopes: frozenset[str] = frozenset()
    deep_links: frozenset[str] = frozenset()
    resumable = False
    keeps_conversation = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Show the help with the menu; mention a conversation left waiting."""
        waiting = "home-flow-waiting" if ctx.conversation.flow else None
        photos = ctx.services.config.reports.max_photos
        answers = [menu_answer(ctx, "home-help", also=waiting, photos=photos)]
        # Officers also read their own commands (a message of its own: the help is long).
        from bot.usecases.officers.help import officer_help

        extra = officer_help(ctx.services, ctx.user, ctx.lang)
        if extra is not None:
            key, values = extra
            answers.insert(0, ctx.answer(key, **values))
        return answers

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Show the help again (the help flow keeps no state)."""
        return await self.begin(ctx, "")

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Show the help again."""
        return await self.begin(ctx, "")


class PrivacyFlow:
    """/prywatnosc (/privacy): the privacy notice, with the figures from [privacy]."""

    name = "privacy"
    commands = frozenset({"prywatnosc", "privacy"})
    scopes: frozenset[str] = frozenset()
    deep_links: frozenset[str] = frozenset()
    resumable = False
    keeps_conversation = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Show the privacy notice with the menu."""
        config = ctx.services.config
        privacy = config.privacy
        notice = ctx.answer(
            "home-privacy",
            menu_options(),
            scope=MENU_SCOPE,
            also=[
                # The later periods and the rights one can use in the chat (privacy.ftl).
                (
                    "privacy-notice-more",
                    {
                        "max_days": privacy.report_max_age_days,
                        "user_days": privacy.user_retention_days,
                    },
                ),
                # District news: what a subscription keeps (community.ftl).
                ("community-privacy-notice", {}),
                *([("home-flow-waiting", {})] if ctx.conversation.flow else []),
            ],
            controller=privacy.controller,
            dpo=privacy.dpo_contact,
            report_days=privacy.report_retention_days,
            # The periods the code enforces, not copies of them (docs/privacy.md).
            draft_days=config.reports.draft_ttl_days,
            inbox_hours=config.pipeline.inbox_retention_hours,
        )
        return [notice]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Show the notice again (the privacy flow keeps no state)."""
        return await self.begin(ctx, "")

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Show the notice again."""
        return await self.begin(ctx, "")
