"""Download residents' photos from Telegram for the report use case (its MediaFetcher)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import Bot
from telegram.error import BadRequest, TelegramError

from bot.usecases.report.media import MediaTooLarge, MediaUnavailable

log = logging.getLogger(__name__)

# At most this many prefetched files are kept (3 photos each for a few residents at once).
MAX_PREFETCHED = 30


class TelegramMediaFetcher:
    """Fetch a file by its Telegram file id, refusing files above `max_bytes`."""

    def __init__(self, bot: Bot, max_bytes: int) -> None:
        self.bot = bot
        self.max_bytes = max_bytes
        # Files downloaded by `prefetch` before a turn's transaction, taken by `fetch` inside it.
        self._prefetched: dict[str, bytes] = {}

    async def prefetch(self, refs: Sequence[str]) -> None:
        """Download files ahead of the turn that needs them; failures are left to `fetch`."""
        for ref in refs:
            if ref in self._prefetched:
                continue
            try:
                self._prefetched[ref] = await self._download(ref)
            except (MediaTooLarge, MediaUnavailable, TelegramError) as exc:
                log.info("prefetch skipped a file: %s", type(exc).__name__)
        # A turn that never came (the process was stopped) must not pin memory for long.
        while len(self._prefetched) > MAX_PREFETCHED:
            self._prefetched.pop(next(iter(self._prefetched)))

    async def fetch(self, ref: str) -> bytes:
        """Return the file's bytes; network errors propagate so the update is retried."""
        data = self._prefetched.pop(ref, None)
        if data is not None:
            return data
        return await self._download(ref)

    async def _download(self, ref: str) -> bytes:
        try:
            file = await self.bot.get_file(ref)
        except BadRequest as exc:
            # Unknown or expired file id ("wrong file_id", "file is too big"): nothing to retry.
            log.info("getFile refused: %s", exc.message)
            if "too big" in exc.message.lower():
                raise MediaTooLarge(ref) from None
            raise MediaUnavailable(ref) from None
        if file.file_size is not None and file.file_size > self.max_bytes:
            raise MediaTooLarge(ref)
        data = await file.download_as_bytearray()
        if len(data) > self.max_bytes:
            raise MediaTooLarge(ref)
        return bytes(data)
