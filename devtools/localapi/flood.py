"""Telegram's flood limits, enforced on request (off unless a test or benchmark turns them on).

Telegram documents about 30 messages a second per bot, about one a second per private chat
("short bursts" allowed) and 20 a minute per group, and answers 429 with retry_after beyond
them. Here each is a token bucket checked when a message-creating call arrives. The server
allows `slack_seconds` of clock difference: the bot paces by its own clock when it starts a
request, the server counts when the request arrives, and the two differ by the request's
varying travel time.
"""

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from devtools.localapi.errors import ApiError

# Calls that put a message in a chat and so count against the limits.
COUNTED = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendMediaGroup",
        "sendLocation",
        "sendVenue",
        "sendContact",
    }
)
# Messages a group may receive at once before its per-minute pace applies.
GROUP_BURST = 3.0


@dataclass(frozen=True)
class FloodLimits:
    """The limits to enforce: rates, and how much may be spent at once after a quiet time."""

    global_per_second: float = 30.0
    private_per_second: float = 1.0
    private_burst: int = 3
    group_per_minute: float = 20.0
    slack_seconds: float = 0.25


class _Bucket:
    def __init__(self, per_second: float, size: float, at: float) -> None:
        self.per_second = per_second
        self.size = size
        self.tokens = size
        self.at = at

    def take(self, now: float, slack: float) -> float:
        """Take one token; return 0, or the seconds to wait when there is none (nothing taken)."""
        self.tokens = min(self.size, self.tokens + (now - self.at) * self.per_second)
        self.at = now
        if self.tokens + slack * self.per_second >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.per_second


class FloodControl:
    """Count message-creating calls per bot and per chat; refuse the ones over the limits."""

    def __init__(self, limits: FloodLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._global: dict[str, _Bucket] = {}
        self._chats: dict[tuple[str, int], _Bucket] = {}
        self.refused = 0

    def check(self, token: str, method: str, chat_id: int | None) -> None:
        """Raise Telegram's 429 when this call would go over a limit; count it otherwise."""
        if method not in COUNTED:
            return
        limits = self.limits
        with self._lock:
            now = self._clock()
            chat = None
            if chat_id is not None:
                chat = self._chats.get((token, chat_id))
                if chat is None:
                    if chat_id < 0:
                        chat = _Bucket(limits.group_per_minute / 60, GROUP_BURST, now)
                    else:
                        rate = limits.private_per_second
                        chat = _Bucket(rate, float(limits.private_burst), now)
                    self._chats[(token, chat_id)] = chat
            whole = self._global.get(token)
            if whole is None:
                whole = self._global[token] = _Bucket(
                    limits.global_per_second, limits.global_per_second, now
                )
            wait = chat.take(now, limits.slack_seconds) if chat is not None else 0.0
            if wait == 0.0:
                wait = whole.take(now, limits.slack_seconds)
                if wait and chat is not None:
                    chat.tokens += 1.0  # refused: the chat's token was not spent
            if wait:
                self.refused += 1
                seconds = max(1, math.ceil(wait))
                raise ApiError(
                    429,
                    f"Too Many Requests: retry after {seconds}",
                    {"retry_after": seconds},
                )
