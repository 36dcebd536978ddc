"""/powiadomienia (/notifications): the districts whose news a person gets, and the presses under
announcements (unsubscribe, "I'll come") — none of them changes the conversation in progress."""

from __future__ import annotations

from collections.abc import Sequence

from bot.conversation import Answer, Choice
from bot.usecases.community import announcements, subscriptions
from bot.usecases.community.subscriptions import ATTEND, WITHDRAW, CommunityPress
from bot.usecases.flow import FlowContext


class NotificationsFlow:
    """List and end subscriptions; take the presses of scope "cm" wherever they are made."""

    name = "notifications"
    commands = frozenset({"powiadomienia", "notifications"})
    scopes = frozenset({subscriptions.SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False
    # A report in progress stays where it is: this only shows a list.
    keeps_conversation = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Show the person's subscriptions."""
        return [await subscriptions.subscriptions_answer(ctx)]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Handle a press under an announcement or on the list (their values carry what they do)."""
        step = ctx.step
        if isinstance(step, Choice):
            answered = await press(ctx, step)
            if answered is not None:
                return answered
        return [ctx.answer("community-button-gone")]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Nothing is asked: show the list again."""
        return [await subscriptions.subscriptions_answer(ctx)]


async def press(ctx: FlowContext, choice: Choice) -> list[Answer] | None:
    """Route a community press by its value; None for a value nobody knows."""
    pressed = CommunityPress.parse(choice.value)
    if pressed is not None and pressed.kind in (ATTEND, WITHDRAW):
        return await announcements.attend(ctx, pressed)
    return await subscriptions.press(ctx, pressed)
