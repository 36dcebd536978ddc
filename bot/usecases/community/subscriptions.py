"""Subscribe to my district: a resident gets their district's news, warnings and meetings.

A subscription is made from the officer's card ("🔔 News from this district", button value
"sb:<district code>" in the lookup's scope) and ended from /powiadomienia, or from the
"Unsubscribe" button under every announcement. Their values, and "I'll come" under a meeting,
are `CommunityPress` values. Both buttons carry the district's code, not a
conversation version: they only change the person's own subscription, so an old one still does
what it says. Erasing the person (/usun_dane) deletes their subscriptions with the users row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.conversation import Answer, Option
from bot.usecases.community import queries
from bot.usecases.flow import FlowContext
from db.models.community import DistrictSubscription
from db.models.directory import District

# Presses on announcements and on the /powiadomienia list.
SCOPE = "cm"
# The kinds of `CommunityPress`: a district's news (with its code), a meeting (with its id).
SUBSCRIBE, UNSUBSCRIBE = "sb", "un"
ATTEND, WITHDRAW = "go", "no"
# District codes that fit into button data (the directory import enforces this too).
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")


@dataclass(frozen=True)
class CommunityPress:
    """A resident's community button (scope "cm"; the news button on the look-up's card too).

    SUBSCRIBE, UNSUBSCRIBE: district `code`; ATTEND ("I'll come"), WITHDRAW: meeting `number`
    (None when not a number: the meeting is then gone, as for a forged value).
    """

    kind: str
    code: str = ""
    number: int | None = None

    def encode(self) -> str:
        """Return the button's value: "sb:<code>", "un:<code>", "go:<id>" or "no:<id>"."""
        if self.kind in (ATTEND, WITHDRAW):
            return f"{self.kind}:{self.number}"
        return f"{self.kind}:{self.code}"

    @classmethod
    def parse(cls, value: str) -> CommunityPress | None:
        """Decode a button's value; None for anything but these four kinds."""
        kind, colon, rest = value.partition(":")
        if not colon:
            return None
        if kind in (ATTEND, WITHDRAW):
            return cls(kind, number=int(rest) if rest.isdigit() else None)
        if kind in (SUBSCRIBE, UNSUBSCRIBE):
            return cls(kind, code=rest)
        return None


def card_button(district_code: str, subscribed: bool) -> list[Option] | None:
    """Return the officer card's row to subscribe (or, when subscribed, to unsubscribe)."""
    if not CODE_RE.match(district_code):
        return None
    if subscribed:
        return [Option("community-unsubscribe-button", unsubscribe_value(district_code))]
    return [Option("community-subscribe-button", CommunityPress(SUBSCRIBE, district_code).encode())]


def unsubscribe_value(district_code: str) -> str:
    """Return the value of "Unsubscribe" from a district's news."""
    return CommunityPress(UNSUBSCRIBE, district_code).encode()


def attend_value(meeting_id: int) -> str:
    """Return the value of "I'll come" under a meeting."""
    return CommunityPress(ATTEND, number=meeting_id).encode()


def withdraw_value(meeting_id: int) -> str:
    """Return the value of "I won't come after all" under a meeting."""
    return CommunityPress(WITHDRAW, number=meeting_id).encode()


async def _district(ctx: FlowContext, code: str) -> District | None:
    if not CODE_RE.match(code):
        return None
    return await queries.active_district_by_code(ctx.session, code)


async def subscribe(ctx: FlowContext, code: str) -> list[Answer]:
    """Subscribe the person to a district's news (pressing twice subscribes once)."""
    district = await _district(ctx, code)
    if district is None:
        return [ctx.answer("community-district-gone")]
    unsubscribe = [[Option("community-unsubscribe-button", unsubscribe_value(district.code))]]
    if await queries.is_subscribed(ctx.session, ctx.user.id, district.code):
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
    district = await queries.district_by_code(ctx.session, code)
    name = district.name if district is not None else code
    if district is not None:
        await queries.delete_subscription(ctx.session, ctx.user.id, district.id)
    again = card_button(code, subscribed=False) if district is not None else None
    return [
        ctx.answer("community-unsubscribed", [again] if again else [], scope=SCOPE, district=name)
    ]


async def subscriptions_answer(ctx: FlowContext) -> Answer:
    """List the person's subscriptions, each with its Unsubscribe button (/powiadomienia)."""
    districts = await queries.subscribed_districts(ctx.session, ctx.user.id)
    if not districts:
        return ctx.answer("community-no-subscriptions")
    label = "community-unsubscribe-from"
    rows = [
        [Option(label, unsubscribe_value(district.code), {"district": district.name})]
        for district in districts
        if CODE_RE.match(district.code)
    ]
    names = ", ".join(district.name for district in districts)
    return ctx.answer("community-subscriptions", rows, scope=SCOPE, districts=names)


async def press(ctx: FlowContext, pressed: CommunityPress | None) -> list[Answer] | None:
    """Handle a subscribe or unsubscribe press (None when the value is neither)."""
    if pressed is not None and pressed.kind == SUBSCRIBE:
        return await subscribe(ctx, pressed.code)
    if pressed is not None and pressed.kind == UNSUBSCRIBE:
        return await unsubscribe(ctx, pressed.code)
    return None
