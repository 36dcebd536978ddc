"""Download residents' photos from Telegram for the report use case (its MediaFetcher)."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import BadRequest, NetworkError, TelegramError

from bot.usecases.report.media import MediaTooLarge, MediaUnavailable

log = logging.getLogger(__name__)


class TelegramMediaFetcher:
    """Fetch a file by its Telegram file id, refusing files above `max_bytes`."""

    def __init__(self, bot: Bot, max_bytes: int) -> None:
        self.bot = bot
        self.max_bytes = max_bytes

    async def fetch(self, ref: str) -> bytes:
        """Return the file's bytes; network errors propagate so the update is retried.

        Any other refusal means this file will never come: the report goes on without it
        (a Send must never fail forever because of one photo).
        """
        try:
            file = await self.bot.get_file(ref)
            if file.file_size is not None and file.file_size > self.max_bytes:
                raise MediaTooLarge(ref)
            data = await file.download_as_bytearray()
        except BadRequest as exc:
            # Unknown or expired file id ("wrong file_id", "file is too big"): nothing to retry.
            log.info("getFile refused: %s", exc.message)
            if "too big" in exc.message.lower():
                raise MediaTooLarge(ref) from None
            raise MediaUnavailable(ref) from None
        except NetworkError:
            raise
        except TelegramError as exc:
            log.info("a file could not be fetched: %s", type(exc).__name__)
            raise MediaUnavailable(ref) from None
        if len(data) > self.max_bytes:
            raise MediaTooLarge(ref)
        return bytes(data)
