"""Telegram's sending limits as leaky buckets: one global, one per chat."""

from __future__ import annotations

import time

from aiolimiter import AsyncLimiter

from bot.config import DeliverySection

# Per-chat buckets idle this long are forgotten (they would be full again anyway).
IDLE_SECONDS = 120.0
# Look for idle buckets when this many are kept.
PRUNE_ABOVE = 1000


def _bucket(per_second: float) -> AsyncLimiter:
    # A bucket of at least one message that drains at `per_second`: below 1/s it holds one
    # message per 1/rate seconds, above it allows a one-second burst.
    size = max(1.0, per_second)
    return AsyncLimiter(size, size / per_second)


class SendLimits:
    """Hand out the global and per-chat budgets (private chats: per second; groups: per minute)."""

    def __init__(self, config: DeliverySection) -> None:
        self._config = config
        self.global_bucket = _bucket(config.global_per_second * config.share)
        self._chats: dict[int, tuple[AsyncLimiter, float]] = {}

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
