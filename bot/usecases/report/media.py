"""Fetch residents' photos by the channel's reference, without the use case knowing Telegram."""

from __future__ import annotations

from typing import Protocol

from bot.services import Services


class MediaTooLarge(Exception):
    """The file is larger than the configured limit (it was not downloaded)."""


class MediaUnavailable(Exception):
    """The file cannot be fetched any more (e.g. the channel forgot the reference)."""


class MediaFetcher(Protocol):
    """Download one file by the channel's reference (a Telegram file id)."""

    max_bytes: int

    async def fetch(self, ref: str) -> bytes:
        """Return the file's bytes; raise MediaTooLarge or MediaUnavailable."""
        ...


def media_fetcher(services: Services) -> MediaFetcher:
    """Return the process's fetcher (set by app.assembly.connected)."""
    found = services.media_fetcher
    if found is None:
        raise RuntimeError("no media fetcher (app.assembly.connected did not run)")
    return found
