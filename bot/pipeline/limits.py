"""Telegram's sending limits as leaky buckets: one global, one per chat."""

from __future__ import annotations

import time

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


def _bucket(per_second: float, burst_seconds: float = 1.0) -> AsyncLimiter:
    # A bucket of at least one message that drains at `per_second`: below 1/s it holds one
    # message per 1/rate seconds, above it allows a burst of `burst_seconds` worth.
    size = max(1.0, per_second * burst_seconds)
    return AsyncLimiter(size, size / per_second)


class SendLimits:
    """Hand out the global and per-chat budgets (private chats: per second; groups: per minute).

    The global budget is per bot token: processes sharing one database (PostgreSQL) split it
    evenly among those alive, and the survivors take the whole of it when one is gone.
    """

    def __init__(self, config: DeliverySection) -> None:
        self._config = config
        self.processes = 1
        self.global_bucket = _bucket(config.global_per_second, GLOBAL_BURST_SECONDS)
        self._chats: dict[int, tuple[AsyncLimiter, float]] = {}

    def share_among(self, processes: int) -> None:
        """Use 1/processes of the token's budget from now on."""
        processes = max(processes, 1)
        if processes != self.processes:
            # Rows already waiting finish at the old rate; a new bucket serves the rest.
            self.processes = processes
            self.global_bucket = _bucket(
                self._config.global_per_second / processes, GLOBAL_BURST_SECONDS
            )

    def chat(self, chat_id: int) -> AsyncLimiter:
        """Return the bucket of one chat (groups and channels have negative ids)."""
        now = time.monotonic()
        entry = self._chats.get(chat_id)
        if entry is None:
            if len(self._chats) > PRUNE_ABOVE:
                self._prune(now)
            per_second = (
                self._config.group_per_minute / 60
                if chat_id < 0
                else self._config.private_chat_per_second
            )
            entry = (_bucket(per_second), now)
        self._chats[chat_id] = (entry[0], now)
        return entry[0]

    def _prune(self, now: float) -> None:
        for chat_id, (_, used) in list(self._chats.items()):
            if now - used > IDLE_SECONDS:
                del self._chats[chat_id]
