"""Our own short callback data: `scope:version:value`, at most 64 bytes, checked on every press.

PTB's arbitrary_callback_data lives in one process's memory; ours survives restarts and works
across processes, and a forged or stale value is recognised instead of trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 64
_FORMAT = re.compile(
    r"^(?P<scope>[a-z]{1,3}):(?P<version>\d{1,9}):(?P<value>[A-Za-z0-9_.:=-]{0,56})$"
)


class InvalidCallbackData(ValueError):
    """The data was not made by this bot (forged, truncated or from an old version)."""


@dataclass(frozen=True)
class CallbackData:
    """A decoded button press: which conversation scope, at which version, which value."""

    scope: str
    version: int
    value: str

    def encode(self) -> str:
        """Encode, refusing anything Telegram would reject or `decode` would not accept."""
        data = f"{self.scope}:{self.version}:{self.value}"
        if len(data.encode()) > MAX_BYTES or not _FORMAT.match(data):
            raise ValueError(f"cannot encode callback data {data!r}")
        return data


def decode(data: str | None) -> CallbackData:
    """Decode and validate; raise InvalidCallbackData for anything else."""
    if not data or len(data.encode()) > MAX_BYTES:
        raise InvalidCallbackData("empty or too long")
    match = _FORMAT.match(data)
    if match is None:
        raise InvalidCallbackData("malformed")
    return CallbackData(match["scope"], int(match["version"]), match["value"])
