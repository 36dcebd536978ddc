"""Describe failures that tests inject into the local Bot API server."""

from dataclasses import dataclass
from typing import Literal

FaultKind = Literal["retry_after", "server_error", "slow", "drop", "blocked"]
FAULT_KINDS: tuple[FaultKind, ...] = ("retry_after", "server_error", "slow", "drop", "blocked")


@dataclass
class Fault:
    """Fail the next `times` matching calls in one way; `fired` counts how often it did."""

    kind: FaultKind
    method: str | None = None
    chat_id: int | None = None
    times: int = 1
    retry_after: int = 1
    delay: float = 0.0
    fired: int = 0

    @property
    def remaining(self) -> int:
        """Return how many more calls this fault will affect."""
        return max(self.times - self.fired, 0)

    def matches(self, method: str, chat_id: int | None) -> bool:
        """Tell whether this fault applies to a call of `method` addressed to `chat_id`."""
        if self.remaining == 0:
            return False
        if self.method is not None and self.method.lower() != method.lower():
            return False
        return self.chat_id is None or self.chat_id == chat_id
