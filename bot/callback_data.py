"""Our own short callback data: `scope:version:value`, at most 64 bytes, checked on every press.

PTB's arbitrary_callback_data lives in one process's memory; ours survives restarts and works
across processes, and a forged or stale value is recognised instead of trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Self

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


@dataclass(frozen=True)
class KindPress:
    """A button value of the common shape "<kind>" or "<kind>.<number>" (a page, a row's id).

    A scope whose values have this shape subclasses it next to its flow (`LeavePress`,
    `FollowUpPress`...), naming its kinds there, so that its values are built with `encode` and
    read with `parse` only. `parse` never fails: a kind the flow does not know, or a missing
    number, is refused by the flow in its own words, as for any stale or forged press.
    """

    kind: str
    number: int | None = None

    def encode(self) -> str:
        """Return the button's value: "<kind>" or "<kind>.<number>"."""
        return self.kind if self.number is None else f"{self.kind}.{self.number}"

    @classmethod
    def parse(cls, value: str) -> Self:
        """Decode a button's value; the number is None unless it is all digits."""
        kind, _, number = value.partition(".")
        return cls(kind, int(number) if number.isdigit() else None)
