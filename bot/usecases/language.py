"""The language choice: offered on first contact and by /jezyk; stored in User.language."""

from __future__ import annotations

from collections.abc import Sequence

from bot.conversation import Answer, Choice, Option
from bot.outbox import PRIORITY_BACKGROUND, queue_kind
from bot.usecases.flow import FlowContext
from bot.usecases.router import Home

LANGUAGE_SCOPE = "l"
# Outbox kind whose sender sets the chat's own command list (handlers/bot_commands.py).
CHAT_COMMANDS_KIND = "chat_commands"


def language_choice(ctx: FlowContext, *, first: bool = False) -> Answer:
    """Offer every language by its own name, the current one (or the app's) ticked."""
    catalog = ctx.services.catalog
    current = ctx.user.language or catalog.language(ctx.turn.language_hint)
    rows = [
        [
            Option(
                "language-option-current" if lang == current else "language-option",
                lang,
                {"name": catalog.render(lang, "language-native")},
            )
        ]
        for lang in catalog.languages
    ]
    key = "language-choose-first" if first else "language-choose"
    return ctx.answer(key, rows, scope=LANGUAGE_SCOPE)


def set_language(ctx: FlowContext, lang: str) -> None:
    """Store the choice and, when Telegram would show another language's commands, fix them."""
    user = ctx.user
    previous = user.language
    user.language = lang
    ctx.turn.lang = lang
    # Telegram shows the command list of the app's language; a chat-scoped list overrides it.
    # Queue one when the choice differs from the app's, or to replace an earlier override.
    app_lang = ctx.services.catalog.language(ctx.turn.language_hint)
    overridden = previous is not None and previous != app_lang
    if user.chat_id is not None and (lang != app_lang or overridden) and previous != lang:
        queue_kind(
            ctx.uow,
            user.chat_id,
            CHAT_COMMANDS_KIND,
            {"lang": lang, "role": str(user.role)},
            user_id=user.id,
            priority=PRIORITY_BACKGROUND,
        )


class LanguageFlow:
    """/jezyk (/language): pick one of the configured languages; "/jezyk en" picks at once."""

    name = "language"
    commands = frozenset({"jezyk", "language"})
    scopes = frozenset({LANGUAGE_SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False
    keeps_conversation = True

    def __init__(self, home: Home) -> None:
        self.home = home

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Offer the languages, or take the one named in the command."""
        wanted = args.strip().lower()
        if wanted in ctx.services.catalog.languages:
            return await self._choose(ctx, wanted)
        return [language_choice(ctx)]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Take a pressed language; anything else is an expired or forged button."""
        step = ctx.step
        # Any version is accepted: an old language button still says what the person wants,
        # and changing the language loses nothing.
        if isinstance(step, Choice) and step.value in ctx.services.catalog.languages:
            return await self._choose(ctx, step.value)
        return [ctx.answer("button-expired"), language_choice(ctx)]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Offer the languages again."""
        return [language_choice(ctx)]

    async def _choose(self, ctx: FlowContext, lang: str) -> Sequence[Answer]:
        first = ctx.user.language is None
        set_language(ctx, lang)
        if first:
            staff = _staff_help(ctx)
            if staff is not None:
                # An officer linked by an invite before choosing: their desk, not the residents'
                # welcome.
                return [ctx.answer("language-set"), staff, *await self.home.menu(ctx)]
            # First contact: the language was the only question; now the real welcome.
            return await self.home.welcome(ctx)
        if ctx.conversation.flow is not None:
            # A report (or another flow) is in progress: keep it, tell how to go back to it.
            return [ctx.answer("language-set", also=[("home-flow-waiting", {})])]
        return [ctx.answer("language-set"), *await self.home.menu(ctx)]


def _staff_help(ctx: FlowContext) -> Answer | None:
    """The officers' own help in the chosen language, for staff (None for residents)."""
    from bot.usecases.officers.help import officer_help

    found = officer_help(ctx.services, ctx.user, ctx.lang)
    if found is None:
        return None
    key, values = found
    return ctx.answer(key, **values)
