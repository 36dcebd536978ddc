"""Long polling: store each batch and commit, and only then acknowledge it (the next offset)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import warnings
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBUserWarning

from bot.pipeline.inbox import StoreUpdates
from bot.pipeline.senders import retry_seconds
from db.base import utcnow

log = logging.getLogger(__name__)

BACKOFF_START_SECONDS = 0.5
BACKOFF_MAX_SECONDS = 30.0
# Seconds beyond the long-poll timeout to wait for getUpdates' answer.
READ_MARGIN = 10.0
ALL_TYPES = list(Update.ALL_TYPES)

# Called once when polling has failed for the configured time: (minutes, error class name).
OnOutage = Callable[[float, str], Awaitable[None]]


class Poller:
    """Call getUpdates in a loop; a batch is acknowledged only after it is in the database."""

    def __init__(
        self,
        *,
        bot: Bot,
        store: StoreUpdates,
        poll_timeout: int,
        alert_after_minutes: float,
        on_outage: OnOutage,
    ) -> None:
        self._bot = bot
        self._store = store
        self._poll_timeout = poll_timeout
        self._alert_after = alert_after_minutes * 60
        self._on_outage = on_outage
        self._offset: int | None = None
        # We call getUpdates through do_api_request on purpose (raw JSON, see poll_once).
        warnings.filterwarnings(
            "ignore", message=r"Please use 'Bot\.getUpdates'", category=PTBUserWarning
        )
        self._task: asyncio.Task[None] | None = None
        self._failing_since: float | None = None
        self._alerted = False
        self.last_received_at: datetime | None = None
        self.last_error: str | None = None

    @property
    def ok(self) -> bool:
        """Tell whether the last getUpdates call succeeded."""
        return self._failing_since is None

    async def start(self) -> None:
        """Remove any webhook (getUpdates refuses to work beside one) and start polling."""
        await self._bot.delete_webhook(drop_pending_updates=False)
        self._task = asyncio.create_task(self._run(), name="telegram-polling")

    async def stop(self) -> None:
        """Stop polling; an unacknowledged batch is delivered again to the next process."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        backoff = BACKOFF_START_SECONDS
        while True:
            try:
                await self.poll_once()
                backoff = BACKOFF_START_SECONDS
                continue
            except RetryAfter as exc:
                await self._failed(exc)
                await asyncio.sleep(retry_seconds(exc))
                continue
            except (NetworkError, Conflict, InvalidToken, TelegramError) as exc:
                await self._failed(exc)
            except Exception as exc:
                # The database refused the batch: it is not acknowledged, so it comes again.
                log.exception("polling: storing a batch failed")
                await self._failed(exc)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, BACKOFF_MAX_SECONDS)

    async def poll_once(self) -> int:
        """Fetch one batch, store it, move the offset past it; return the batch size."""
        # Raw JSON, not PTB's get_updates: the inbox keeps exactly what Telegram sent, and one
        # update PTB cannot parse fails alone in the dispatcher instead of stalling receiving.
        kwargs: dict[str, Any] = {"timeout": self._poll_timeout, "allowed_updates": ALL_TYPES}
        if self._offset is not None:
            kwargs["offset"] = self._offset
        payloads: list[dict[str, Any]] = await self._bot.do_api_request(
            "getUpdates", api_kwargs=kwargs, read_timeout=self._poll_timeout + READ_MARGIN
        )
        self._recovered()
        if not payloads:
            return 0
        new = await self._store(payloads)
        # Only now, with the batch committed, may the next call acknowledge it.
        self._offset = max(int(p["update_id"]) for p in payloads) + 1
        self.last_received_at = utcnow()
        log.debug("polling: %d updates (%d new), offset %s", len(payloads), new, self._offset)
        return len(payloads)

    def _recovered(self) -> None:
        if self._failing_since is not None:
            log.info("polling: getUpdates works again")
        self._failing_since = None
        self._alerted = False
        self.last_error = None

    async def _failed(self, exc: BaseException) -> None:
        now = time.monotonic()
        if self._failing_since is None:
            self._failing_since = now
        self.last_error = type(exc).__name__
        log.warning("polling: getUpdates failed (%s)", type(exc).__name__)
        failing_for = now - self._failing_since
        if not self._alerted and failing_for >= self._alert_after:
            self._alerted = True
            try:
                await self._on_outage(failing_for / 60, type(exc).__name__)
            except Exception:
                log.exception("polling: could not queue the outage notice")
