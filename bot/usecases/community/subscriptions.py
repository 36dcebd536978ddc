"""Subscribe to my district: a resident gets their district's news, warnings and meetings.

A subscription is made from the officer's card ("🔔 News from this district", button value
"sb:<district code>" in the lookup's scope) and ended from /powiadomienia, or from the
"Unsubscribe" button under every announcement. Both buttons carry the district's code, not a
conversation version: they only change the person's own subscription, so an old one still does
what it says. Erasing the person (/usun_dane) deletes their subscriptions with the users row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import Answer, Choice, Option
from bot.usecases.flow import FlowContext
from db.models.community import DistrictSubscription
from db.models.directory import District
from db.models.people import User

# Presses on announcements and on the /powiadomienia list.
SCOPE = "cm"
SUBSCRIBE = "sb:"
UNSUBSCRIBE = "un:"
# District codes that fit into button data (the directory import enforces this too).
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")


async def subscribed_districts(session: AsyncSession, user_id: int) -> list[District]:
    """Return the districts a person is subscribed to, by name."""
    rows = await session.scalars(
        select(District)
        .join(DistrictSubscription, DistrictSubscription.district_id == District.id)
        .where(DistrictSubscription.user_id == user_id)
        .order_by(District.name)
    )
    return list(rows)


async def is_subscribed(session: AsyncSession, user_id: int, district_code: str) -> bool:
    """Tell whether a person gets a district's news."""
    found = await session.scalar(
        select(func.count())
        .select_from(DistrictSubscription)
        .join(District, District.id == DistrictSubscription.district_id)
        .where(DistrictSubscription.user_id == user_id, District.code == district_code)
    )
    return bool(found)


async def subscriber_count(session: AsyncSession, district_ids: Sequence[int]) -> int:
    """Return how many people get the news of any of these districts (each counted once)."""
    if not district_ids:
        return 0
    count = await session.scalar(
        select(func.count(func.distinct(DistrictSubscription.user_id)))
        .join(User, User.id == DistrictSubscription.user_id)
        .where(
            DistrictSubscription.district_id.in_(list(district_ids)),
            User.blocked.is_(False),
            User.undeliverable.is_(False),
        )
    )
    return int(count or 0)


def card_button(district_code: str, subscribed: bool) -> list[Option] | None:
    """Return the officer card's row to subscribe (or, when subscribed, to unsubscribe)."""
    if not CODE_RE.match(district_code):
        return None
    if subscribed:
        return [Option("community-unsubscribe-button", f"{UNSUBSCRIBE}{district_code}")]
    return [Option("community-subscribe-button", f"{SUBSCRIBE}{district_code}")]


async def _district(ctx: FlowContext, code: str) -> District | None:
    if not CODE_RE.match(code):
        return None
    return await ctx.session.scalar(
        select(District).where(District.code == code, District.active.is_(True))
    )


async def subscribe(ctx: FlowContext, code: str) -> list[Answer]:
    """Subscribe the person to a district's news (pressing twice subscribes once)."""
    district = await _district(ctx, code)
    if district is None:
        return [ctx.answer("community-district-gone")]
    unsubscribe = [[Option("community-unsubscribe-button", f"{UNSUBSCRIBE}{district.code}")]]
    if await is_subscribed(ctx.session, ctx.user.id, district.code):
        already = "community-already-subscribed"
        return [ctx.answer(already, unsubscribe, scope=SCOPE, district=district.name)]
    ctx.session.add(
        DistrictSubscription(
            user_id=ctx.user.id, district_id=district.id, created_at=ctx.turn.now, lang=ctx.lang
        )
    )
    return [ctx.answer("community-subscribed", unsubscribe, scope=SCOPE, district=district.name)]


async def unsubscribe(ctx: FlowContext, code: str) -> list[Answer]:
    """End a subscription; an unknown or already ended one is answered the same way."""
    district = await ctx.session.scalar(select(District).where(District.code == code))
    name = district.name if district is not None else code
    if district is not None:
        await ctx.session.execute(
            delete(DistrictSubscription).where(
                DistrictSubscription.user_id == ctx.user.id,
                DistrictSubscription.district_id == district.id,
            )
        )
    again = card_button(code, subscribed=False) if district is not None else None
    return [
        ctx.answer("community-unsubscribed", [again] if again else [], scope=SCOPE, district=name)
    ]


async def subscriptions_answer(ctx: FlowContext) -> Answer:
    """List the person's subscriptions, each with its Unsubscribe button (/powiadomienia)."""
    districts = await subscribed_districts(ctx.session, ctx.user.id)
    if not districts:
        return ctx.answer("community-no-subscriptions")
    label = "community-unsubscribe-from"
    rows = [
        [Option(label, f"{UNSUBSCRIBE}{district.code}", {"district": district.name})]
        for district in districts
        if CODE_RE.match(district.code)
    ]
    names = ", ".join(district.name for district in districts)
    return ctx.answer("community-subscriptions", rows, scope=SCOPE, districts=names)


async def press(ctx: FlowContext, choice: Choice) -> list[Answer] | None:
    """Handle a subscribe or unsubscribe press (None when the value is neither)."""
    value = choice.value
    if value.startswith(SUBSCRIBE):
        return await subscribe(ctx, value.removeprefix(SUBSCRIBE))
    if value.startswith(UNSUBSCRIBE):
        return await unsubscribe(ctx, value.removeprefix(UNSUBSCRIBE))
    return None
