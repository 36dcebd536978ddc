"""The gatekeeper's rules without Telegram: flood control, group hints, blocked and gone users.

Its statements (the sender's row, the blocked notice, a chat's deliverability) are in
`bot/usecases/gatekeeper_queries.py`.
"""

from __future__ import annotations

import enum
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.services import Services

# A group is told "write to me privately" at most this often.
GROUP_HINT_INTERVAL = timedelta(hours=1)
# Flows that answer edited messages themselves (handlers/report.py re-asks its question);
# elsewhere the gatekeeper answers that edits are not read.
FLOWS_ANSWERING_EDITS = frozenset({"report"})


@dataclass
class GateCounters:
    """What the gatekeeper dropped since start (for `python -m bot health` and tests)."""

    # Updates without a user or chat: polls, channel posts, ...
    without_sender: int = 0
    group_hints: int = 0
    group_dropped: int = 0
    flood_warnings: int = 0
    flood_dropped: int = 0
    blocked_dropped: int = 0
    edits_answered: int = 0


class Flood(enum.Enum):
    """What to do with one more message or press from a person."""

    ALLOW = "allow"
    # Allowed, but past half the allowance: the answer waits behind officers' alerts.
    SLOW = "slow"
    # Over the limit for the first time in this window: say "slow down" once, drop the message.
    WARN = "warn"
    DROP = "drop"

    @property
    def passes(self) -> bool:
        """Tell whether the update goes on to the flows."""
        return self in (Flood.ALLOW, Flood.SLOW)


# What is counted: messages (texts, photos, commands, edits, locations...) and button presses.
# Presses have an allowance of their own, so a resident tapping quickly through the report's
# buttons is never cut off at "Send" by the taps that led there.
MESSAGE = "message"
PRESS = "press"


@dataclass
class _Window:
    times: deque[datetime] = field(default_factory=deque)
    warned_at: datetime | None = None
    album: str | None = None


class FloodControl:
    """A sliding-window log per person and kind: more than its allowance within `window`.

    Kept in memory per process: a restart forgets it, and with several processes each counts
    only what it handles. That is enough for a guard against floods (it is not a quota).
    """

    # Forget idle people when this many are remembered.
    PRUNE_ABOVE = 10_000

    def __init__(self, limit: int, window: timedelta, press_limit: int | None = None) -> None:
        self.limits = {MESSAGE: limit, PRESS: press_limit if press_limit is not None else limit}
        self.window = window
        self._people: dict[tuple[int, str], _Window] = {}

    @property
    def limit(self) -> int:
        """Return the messages' allowance per window."""
        return self.limits[MESSAGE]

    def check(
        self, person: int, now: datetime, album: str | None = None, kind: str = MESSAGE
    ) -> Flood:
        """Count one message or press (the photos of one album count once) and judge it."""
        if len(self._people) > self.PRUNE_ABOVE:
            self._prune(now)
        limit = self.limits[kind]
        state = self._people.setdefault((person, kind), _Window())
        start = now - self.window
        while state.times and state.times[0] <= start:
            state.times.popleft()
        if album is not None and album == state.album:
            return Flood.ALLOW
        if len(state.times) >= limit:
            if state.warned_at is None or state.warned_at <= start:
                state.warned_at = now
                return Flood.WARN
            return Flood.DROP
        state.times.append(now)
        state.album = album
        return Flood.SLOW if 2 * len(state.times) > limit else Flood.ALLOW

    def _prune(self, now: datetime) -> None:
        start = now - self.window
        for key, state in list(self._people.items()):
            if not state.times or state.times[-1] <= start:
                del self._people[key]


class GroupHints:
    """When each group was last told to write privately (memory, per process, like floods)."""

    PRUNE_ABOVE = 1_000

    def __init__(self, interval: timedelta = GROUP_HINT_INTERVAL) -> None:
        self.interval = interval
        self._told: dict[int, datetime] = {}

    def due(self, chat_id: int, now: datetime) -> bool:
        """Tell whether the group may be told now, and if so note that it is."""
        last = self._told.get(chat_id)
        if last is not None and now - last < self.interval:
            return False
        if len(self._told) > self.PRUNE_ABOVE:
            self._told = {c: t for c, t in self._told.items() if now - t < self.interval}
        self._told[chat_id] = now
        return True


@dataclass(frozen=True)
class Person:
    """What the gatekeeper needs to know about the sender, read in one small query."""

    user_id: int
    blocked: bool
    language: str | None
    flow: str | None
    flow_expires_at: datetime | None

    def flow_at(self, now: datetime) -> str | None:
        """Return the flow the person is in, unless it expired."""
        expires = self.flow_expires_at
        return None if expires is not None and expires <= now else self.flow

    def answers_edits_itself(self, now: datetime) -> bool:
        """Tell whether the person's current flow answers edited messages on its own."""
        return self.flow_at(now) in FLOWS_ANSWERING_EDITS


class Gate:
    """The gatekeeper's memory in this process: flood windows, group hints, counters."""

    def __init__(self, services: Services) -> None:
        reports = services.config.reports
        self.flood = FloodControl(
            reports.flood_messages,
            timedelta(seconds=reports.flood_window_seconds),
            press_limit=reports.flood_presses,
        )
        self.group_hints = GroupHints()
        self.counters = GateCounters()
