"""/statystyki: a coordinator gets the charts of their station's reports in the chat.

Three PNGs (by category, by district, by gmina) for the last N days (`/statystyki 30`; 90 by
default) are queued as outbox rows of kind KIND_STATS_CHART; the sender (handlers/community.py)
draws them from the database when they are sent, so a restart loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.conversation import Answer
from bot.outbox import PRIORITY_BACKGROUND, queue_kind, reply
from bot.usecases.flow import FlowContext
from bot.usecases.officers.permissions import linked_officer
from bot.usecases.operations.local_time import local_day
from lookup.directory import OfficerRole

KIND_STATS_CHART = "stats_chart"
DEFAULT_DAYS = 90
MAX_DAYS = 731
# The charts a coordinator gets, in this order.
CHART_GROUPINGS = ("category", "district", "gmina")


def stats_days(args: str) -> int | None:
    """Read the number of days of "/statystyki 30" (None when it is not one)."""
    text = args.strip()
    if not text:
        return DEFAULT_DAYS
    if text.isdigit() and 1 <= int(text) <= MAX_DAYS:
        return int(text)
    return None


class StatsFlow:
    """/statystyki [days]: the station's charts for the coordinator."""

    name = "stats"
    commands = frozenset({"statystyki"})
    scopes: frozenset[str] = frozenset()
    deep_links: frozenset[str] = frozenset()
    resumable = False
    keeps_conversation = True

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Queue the charts, or say who may have them."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None or officer.role is not OfficerRole.COORDINATOR:
            return [ctx.answer("community-stats-coordinators-only")]
        days = stats_days(args)
        if days is None:
            return [ctx.answer("community-stats-bad-days", max=MAX_DAYS)]
        chat_id = ctx.user.chat_id
        if chat_id is None:
            return []
        until = local_day(ctx.services.config, ctx.turn.now)
        # Queued before the charts: the chat's messages go out in order, and this says they come.
        reply(ctx.uow, ctx.user, ctx.answer("community-stats-coming", days=days), ctx.lang)
        for by in CHART_GROUPINGS:
            queue_kind(
                ctx.uow,
                chat_id,
                KIND_STATS_CHART,
                {
                    "by": by,
                    "days": days,
                    "until": until.isoformat(),
                    "station_id": officer.station_id,
                    "lang": ctx.lang,
                },
                user_id=ctx.user.id,
                priority=PRIORITY_BACKGROUND,
            )
        return []

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Nothing to press."""
        return await self.begin(ctx, "")

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Nothing is asked."""
        return []
