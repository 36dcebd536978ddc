"""Quiet hours: when an officer's alerts arrive without sound (/cisza). Escalations never do."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Config
from bot.conversation import Answer, Choice, Command, Option, Text
from bot.usecases.flow import FlowContext
from bot.usecases.officers.permissions import linked_officer
from bot.usecases.operations import queries
from bot.usecases.operations.local_time import local
from db.models.directory import Officer

MINUTES_PER_DAY = 24 * 60
# Offered as buttons: (from, to) in minutes after midnight.
PRESETS: tuple[tuple[int, int], ...] = ((22 * 60, 6 * 60), (22 * 60, 7 * 60), (23 * 60, 7 * 60))
# The alert reason of escalations (deadlines.py): never silent, whatever the hour.
ESCALATION = "overdue"
SCOPE = "qh"
HOURS_STEP = "hours"
OFF = "off"
# Comma-separated words that, typed, turn quiet hours off (every language's list counts).
OFF_WORDS = "operations-quiet-off-words"

_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_SPAN = re.compile(rf"^\s*(?:od\s+)?{_TIME}\s*(?:-|–|—|do|to|до)\s*{_TIME}\s*$", re.IGNORECASE)


def is_quiet(quiet_from: int | None, quiet_to: int | None, minute: int) -> bool:
    """Tell whether a minute of the day falls in quiet hours (a span may cross midnight)."""
    if quiet_from is None or quiet_to is None or quiet_from == quiet_to:
        return False
    if quiet_from < quiet_to:
        return quiet_from <= minute < quiet_to
    return minute >= quiet_from or minute < quiet_to


def officer_is_quiet(config: Config, officer: Officer, now: datetime) -> bool:
    """Tell whether the officer's quiet hours are on now (in the unit's time zone)."""
    moment = local(config, now)
    return is_quiet(officer.quiet_from, officer.quiet_to, moment.hour * 60 + moment.minute)


async def chat_is_quiet(session: AsyncSession, config: Config, chat_id: int, now: datetime) -> bool:
    """Tell whether a private chat is an officer's in quiet hours now (groups never are)."""
    officer = await queries.officer_of_chat(session, chat_id)
    return officer is not None and officer_is_quiet(config, officer, now)


async def alert_is_silent(
    session: AsyncSession, config: Config, chat_id: int, reason: str | None, now: datetime
) -> bool:
    """Tell whether an alert goes out without sound: quiet hours on, and not an escalation."""
    return reason != ESCALATION and await chat_is_quiet(session, config, chat_id, now)


def parse_hours(text: str) -> tuple[int, int] | None:
    """Read "22-7", "22:00–07:00", "od 22.30 do 6.30"; None for anything else."""
    match = _SPAN.match(text) if len(text) <= 40 else None
    if match is None:
        return None
    h1, m1, h2, m2 = (int(g) if g else 0 for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        return None
    start, end = h1 * 60 + m1, h2 * 60 + m2
    return None if start == end else (start, end)


def hours_text(minute: int) -> str:
    """Return 22:00 for 1320."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


class QuietHoursFlow:
    """/cisza: an officer picks or types the hours their alerts come silently, or turns it off."""

    name = "quiet"
    commands = frozenset({"cisza"})
    scopes = frozenset({SCOPE})
    deep_links: frozenset[str] = frozenset()
    resumable = False

    async def begin(self, ctx: FlowContext, args: str) -> Sequence[Answer]:
        """Show the current setting and ask; "/cisza 22-7" or "/cisza off" sets it at once."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            if ctx.conversation.flow == self.name:
                ctx.reset()
            return [ctx.answer("operations-officers-only")]
        if args.strip():
            return self._typed(ctx, officer, args.strip())
        ctx.goto(self.name, HOURS_STEP, {})
        return [self._question(ctx, officer)]

    async def on_step(self, ctx: FlowContext) -> Sequence[Answer]:
        """Take a preset, "off", or typed hours; anything else gets the example again."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            ctx.reset()
            return [ctx.answer("operations-officers-only")]
        step = ctx.step
        if isinstance(step, Choice):
            # The presets carry their own values, so an older list still sets what it says.
            press = QuietPress.parse(step.value)
            if press is None:
                return [ctx.answer("button-expired"), self._question(ctx, officer)]
            return self._save(ctx, officer, press.hours)
        if isinstance(step, Text) and ctx.conversation.step == HOURS_STEP:
            return self._typed(ctx, officer, step.value)
        if isinstance(step, Command):
            return [self._question(ctx, officer)]
        return [ctx.answer("operations-quiet-bad"), self._question(ctx, officer)]

    async def current_question(self, ctx: FlowContext) -> Sequence[Answer]:
        """Ask again."""
        officer = await linked_officer(ctx.session, ctx.user)
        if officer is None:
            ctx.reset()
            return []
        return [self._question(ctx, officer)]

    def _typed(self, ctx: FlowContext, officer: Officer, text: str) -> list[Answer]:
        if text.strip().casefold() in _off_words(ctx):
            return self._save(ctx, officer, None)
        parsed = parse_hours(text)
        if parsed is None:
            ctx.goto(self.name, HOURS_STEP, {})
            return [ctx.answer("operations-quiet-bad"), self._question(ctx, officer)]
        return self._save(ctx, officer, parsed)

    def _save(
        self, ctx: FlowContext, officer: Officer, hours: tuple[int, int] | None
    ) -> list[Answer]:
        officer.quiet_from, officer.quiet_to = hours if hours else (None, None)
        ctx.reset()
        if hours is None:
            return [ctx.answer("operations-quiet-off")]
        return [
            ctx.answer(
                "operations-quiet-saved", start=hours_text(hours[0]), end=hours_text(hours[1])
            )
        ]

    def _question(self, ctx: FlowContext, officer: Officer) -> Answer:
        rows = [
            [
                Option(
                    "operations-quiet-preset",
                    QuietPress((a, b)).encode(),
                    {"start": hours_text(a), "end": hours_text(b)},
                )
            ]
            for a, b in PRESETS
        ]
        rows.append([Option("operations-quiet-btn-off", QuietPress(None).encode())])
        if officer.quiet_from is not None and officer.quiet_to is not None:
            return ctx.answer(
                "operations-quiet-ask",
                rows,
                scope=SCOPE,
                state="on",
                start=hours_text(officer.quiet_from),
                end=hours_text(officer.quiet_to),
            )
        return ctx.answer("operations-quiet-ask", rows, scope=SCOPE, state="off", start="", end="")


def _off_words(ctx: FlowContext) -> set[str]:
    """Return the words that turn quiet hours off, in every language of the catalog."""
    catalog = ctx.services.catalog
    words = {OFF}
    for lang in catalog.languages:
        listed = catalog.render(lang, OFF_WORDS).split(",")
        words.update(word.strip().casefold() for word in listed if word.strip())
    return words


@dataclass(frozen=True)
class QuietPress:
    """The value of a /cisza button (scope "qh"): a span in minutes of the day, or None (off).

    Built and parsed only here: "1320.420" is 22:00–07:00, "off" turns quiet hours off.
    """

    hours: tuple[int, int] | None

    def encode(self) -> str:
        """Return the button's value."""
        return OFF if self.hours is None else f"{self.hours[0]}.{self.hours[1]}"

    @classmethod
    def parse(cls, value: str) -> QuietPress | None:
        """Decode a button's value; None for anything this version never made."""
        if value == OFF:
            return cls(None)
        first, _, second = value.partition(".")
        if not (first.isdigit() and second.isdigit()):
            return None
        start, end = int(first), int(second)
        if start >= MINUTES_PER_DAY or end >= MINUTES_PER_DAY or start == end:
            return None
        return cls((start, end))
