"""What a resident sends outside any conversation is not thrown away.

A photo, a shared location or a few words sent with no report open are kept in the draft of
this small flow, and the bot offers to start a report with them (for a place, also to show the
district officer). More photos, another place or other words sent meanwhile are added. Pressing
"Report" (or the menu's report button, or /zglos) starts the report with everything kept; the
offer ends, like any flow that is not resumable, when the resident does something else.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from bot.conversation import Answer, Choice, Location, Media, Option, Text
from bot.usecases.flow import FlowContext
from bot.usecases.lookup_flow import show_card
from bot.usecases.places import (
    Place,
    about_distance,
    place_from_point,
    place_from_text,
    place_label,
)
from bot.usecases.report.album import answer_once_per_album, keep_photos, with_caption
from bot.usecases.report.draft import Photo
from bot.usecases.report.report_flow import OFFER_FLOW, offered_draft, start

FLOW = OFFER_FLOW
SCOPE = "of"
# Fewer words than this, not being an address ("hej", "dzień dobry"), are no description.
MIN_WORDS = 3


class OfferFlow:
    """Keep what was sent outside a conversation and offer to report (or look up) with it."""

    name = FLOW
    commands: frozenset[str] = frozenset()
    scopes = frozenset({SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Nothing starts this flow by name; show what is kept, if anything."""
        return await self.current_question(ctx)

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Add what was sent to the offer, or act on a press."""
        step = ctx.step
        if not isinstance(step, Choice):
            offered = await offer(ctx)
            if offered is not None:
                return offered
            # A sticker, a phone number, "hej": answered as outside any flow; the offer stays.
            from bot.usecases.home import HomeFlow  # the home flow offers this flow: no cycle

            return await HomeFlow().unknown(ctx)
        if ctx.conversation.flow != FLOW or not ctx.is_current(step):
            return [ctx.answer("button-expired"), *await self.current_question(ctx)]
        kept = dict(ctx.conversation.draft or {})
        if step.value == "report":
            return await start(ctx, None, offered_draft(kept))
        place = _place(kept)
        if step.value == "officer" and place is not None:
            return await show_card(ctx, place)
        ctx.reset()
        from bot.usecases.home import menu_answer  # the home flow offers this flow: no cycle

        return [menu_answer(ctx, "offer-dropped", also="home-menu")]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Show what is kept and the choices again."""
        if ctx.conversation.flow != FLOW:
            return []
        return [_question(ctx, dict(ctx.conversation.draft or {}))]


async def offer(ctx: FlowContext) -> list[Answer] | None:
    """Keep a photo, a location or words sent outside a report; None: nothing worth keeping."""
    step = ctx.step
    services = ctx.services
    settings = services.config.reports
    ongoing = ctx.conversation.flow == FLOW
    kept: dict[str, Any] = dict(ctx.conversation.draft or {}) if ongoing else {}
    notices: list[tuple[str, dict[str, Any]]] = []
    if isinstance(step, Media):
        photos = [Photo(**p) for p in kept.get("photos") or []]
        notices += [(k, dict(a)) for k, a in keep_photos(settings, photos, step)]
        kept["photos"] = [dataclasses.asdict(p) for p in photos]
        joined = with_caption(
            kept.get("description"), step.caption, settings.description_max_length
        )
        if joined is not None:
            kept["description"] = joined
    elif isinstance(step, Location):
        found = place_from_point(services, step.lat, step.lon, step.title, step.address)
        if not found.found or found.place is None:
            if found.distance_m is None:
                return None
            distance, unit = about_distance(found.distance_m)
            return [ctx.answer("lookup-outside-area", distance=distance, unit=unit)]
        kept["place"] = found.place.to_json()
    elif isinstance(step, Text):
        # Without a directory (a bot for officers only) words are words, never an address.
        typed = place_from_text(services, step.value) if services.gazetteer is not None else None
        if typed is not None and typed.found and typed.place is not None:
            kept["place"] = typed.place.to_json()
        elif len(step.value.split()) >= MIN_WORDS and (
            len(step.value) <= settings.description_max_length
        ):
            kept["description"] = step.value
        else:
            return None
    else:
        return None
    if ongoing:
        # More of the same offer (an album's next photo): the buttons on screen keep working.
        ctx.conversation.draft = kept
        ctx.touch_quietly()
    else:
        ctx.goto(FLOW, "offer", kept)
    question = _question(ctx, kept)
    question = dataclasses.replace(question, also=(*question.also, *notices))
    group = step.group if isinstance(step, Media) else None
    answers, album = await answer_once_per_album(ctx, kept.get("album") or {}, group, [question])
    # A new dict: the flush above wrote the draft, and only a new value is seen as a change.
    ctx.conversation.draft = {**kept, "album": album}
    return answers


def _place(kept: dict[str, Any]) -> Place | None:
    raw = kept.get("place")
    try:
        return Place.from_json(raw) if isinstance(raw, dict) else None
    except TypeError:
        return None


def _question(ctx: FlowContext, kept: dict[str, Any]) -> Answer:
    """Say what is kept, then offer to report with it (and, for a place, the officer's card)."""
    parts: list[tuple[str, dict[str, Any]]] = []
    if kept.get("photos"):
        parts.append(("offer-kept-photos", {"count": len(kept["photos"])}))
    place = _place(kept)
    if place is not None:
        label = place_label(
            ctx.services,
            ctx.lang,
            address=place.address,
            lat=place.lat,
            lon=place.lon,
            point=place.source == "point",
        )
        parts.append(("offer-kept-place", {"place": label, "district": place.district_name or ""}))
    if kept.get("description"):
        parts.append(("offer-kept-text", {"text": kept["description"]}))
    rows = [[Option("offer-report", "report")]]
    if place is not None:
        rows.append([Option("offer-officer", "officer")])
    rows.append([Option("offer-drop", "drop")])
    parts.append(("offer-question", {}))
    (key, args), rest = parts[0], parts[1:]
    return ctx.answer(key, rows, scope=SCOPE, also=rest, **args)
