"""Telegram's sending limits as token buckets: one global, one per chat."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from types import TracebackType

from aiolimiter import AsyncLimiter

from bot.config import DeliverySection

# Per-chat buckets idle this long are forgotten (they would be full again anyway).
IDLE_SECONDS = 120.0
# Look for idle buckets when this many are kept.
PRUNE_ABOVE = 1000
# The global budget is handed out in bursts of at most this many seconds' worth (3 messages at
# 30/s), not a whole second's at once: requests then overlap less, so fewer are in flight when
# a process dies (each may arrive twice), and Telegram sees an even stream.
GLOBAL_BURST_SECONDS = 0.1

Clock = Callable[[], float]


def _bucket(per_second: float, burst_seconds: float = 1.0) -> AsyncLimiter:
    # A bucket of at least one message that drains at `per_second`: below 1/s it holds one
    # message per 1/rate seconds, above it allows a burst of `burst_seconds` worth.
    size = max(1.0, per_second * burst_seconds)
    return AsyncLimiter(size, size / per_second)


class ChatBudget:
    """One chat's budget: `burst` messages at once to an idle chat, then `per_second`.

    A token bucket: full (`burst` tokens) when the chat has been quiet, one token back every
    1/per_second seconds. A multi-message answer (place confirmed + next question) therefore
    leaves at once, while a chat that keeps receiving is paced at Telegram's 1/s. The clock is
    injectable so tests can tell the order of events without waiting.
    """

    def __init__(self, per_second: float, burst: int, clock: Clock = time.monotonic) -> None:
        self.per_second = per_second
        self.burst = max(1, burst)
        self._clock = clock
        self._tokens = float(self.burst)
        self._at = clock()
        self._lock = asyncio.Lock()

    def wait_needed(self) -> float:
        """Return the seconds until a message may leave (0: now); takes nothing."""
        self._refill()
        return 0.0 if self._tokens >= 1.0 else (1.0 - self._tokens) / self.per_second

    def try_take(self) -> bool:
        """Take one message's budget if it is there now; tell whether it was."""
        self._refill()
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False

    async def acquire(self) -> None:
        """Wait until one message's budget is there and take it (callers queue in order)."""
        async with self._lock:
            while not self.try_take():  # noqa: ASYNC110 - a clock, not an event, refills it
                await asyncio.sleep(self.wait_needed())

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(float(self.burst), self._tokens + (now - self._at) * self.per_second)
        self._at = now

    async def __aenter__(self) -> None:
        await self.acquire()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        return None


class SendLimits:
    """Hand out the global and per-chat budgets (private chats: per second; groups: per minute).

    The global budget is per bot token: processes sharing one database (PostgreSQL) split it
    evenly among those alive, and the survivors take the whole of it when one is gone.
    """

    def __init__(self, config: DeliverySection, clock: Clock = time.monotonic) -> None:
        self._config = config
        self._clock = clock
        self.processes = 1
        self.global_bucket = _bucket(config.global_per_second, GLOBAL_BURST_SECONDS)
        self._chats: dict[int, tuple[ChatBudget, float]] = {}

    def share_among(self, processes: int) -> None:
        """Use 1/processes of the token's budget from now on."""
        processes = max(processes, 1)
        if processes != self.processes:
            # Rows already waiting finish at the old rate; a new bucket serves the rest.
            self.processes = processes
            self.global_bucket = _bucket(
                self._config.global_per_second / processes, GLOBAL_BURST_SECONDS
            )

    def chat(self, chat_id: int) -> ChatBudget:
        """Return the budget of one chat (groups and channels have negative ids)."""
        now = self._clock()
        entry = self._chats.get(chat_id)
        if entry is None:
            if len(self._chats) > PRUNE_ABOVE:
                self._prune(now)
            if chat_id < 0:
                # Groups: 20 a minute, one at a time (no burst: Telegram counts per minute).
                budget = ChatBudget(self._config.group_per_minute / 60, 1, self._clock)
            else:
                budget = ChatBudget(
                    self._config.private_chat_per_second,
                    self._config.private_chat_burst,
                    self._clock,
                )
            entry = (budget, now)
        self._chats[chat_id] = (entry[0], now)
        return entry[0]

    def _prune(self, now: float) -> None:
        for chat_id, (_, used) in list(self._chats.items()):
            if now - used > IDLE_SECONDS:
                del self._chats[chat_id]
