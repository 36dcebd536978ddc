"""Assemble the pipeline: a receiver (polling or webhook), the dispatcher, the delivery worker."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import literal, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Update

from bot.config import Config
from bot.conversation import Answer
from bot.i18n import DEFAULT_LANGUAGE
from bot.outbox import PRIORITY_NOTICE, answer_row
from bot.pipeline.alerts import incidents, tell_ops_once
from bot.pipeline.delivery import DeliveryWorker
from bot.pipeline.dispatcher import (
    AnyApplication,
    Dispatcher,
    record_failure,
    stop_failed_update,
)
from bot.pipeline.health import Backlog, Health, read_backlog
from bot.pipeline.inbox import purge_done, store_batch
from bot.pipeline.locks import PgLocks
from bot.pipeline.polling import Poller
from bot.pipeline.senders import Sender
from bot.pipeline.webhook import WebhookServer
from db.base import utcnow
from db.models.pipeline import OutboxMessage

log = logging.getLogger(__name__)

# Seconds between purges of handled inbox rows.
PURGE_INTERVAL_SECONDS = 600.0
# Seconds between health checks that may tell the ops chat about an incident.
WATCH_INTERVAL_SECONDS = 30.0
# Seconds a stop keeps delivering what is already due.
STOP_FLUSH_SECONDS = 2.0

Mode = Literal["polling", "webhook", "none"]


def order_error_handlers(application: AnyApplication) -> None:
    """Make `record_failure` the first error handler and `stop_failed_update` the last.

    An earlier handler could stop the rest before the failure is recorded; the stop must come
    after every handler that speaks about the failure. Both are awaited in the handler's task,
    so the claim is still the current one when they run.
    """
    handlers = dict(application.error_handlers)
    handlers.pop(record_failure, None)
    handlers.pop(stop_failed_update, None)
    application.error_handlers.clear()
    application.error_handlers[record_failure] = True
    application.error_handlers.update(handlers)
    application.error_handlers[stop_failed_update] = True


class Pipeline:
    """Receive → inbox → dispatch → outbox → deliver, for one bot process."""

    def __init__(
        self,
        *,
        config: Config,
        application: AnyApplication,
        sessions: async_sessionmaker[AsyncSession],
        senders: Mapping[str, Sender],
        webhook_secret: str | None = None,
        on_undeliverable: Callable[[OutboxMessage], Awaitable[None]] | None = None,
    ) -> None:
        self._config = config
        self._app = application
        self._sessions = sessions
        self._webhook_secret = webhook_secret
        engine = sessions.kw.get("bind")
        postgres = isinstance(engine, AsyncEngine) and engine.dialect.name == "postgresql"
        self._locks = PgLocks(engine) if isinstance(engine, AsyncEngine) and postgres else None
        self.dispatcher = Dispatcher(
            application=application,
            sessions=sessions,
            max_chats_in_flight=config.pipeline.max_chats_in_flight,
            max_attempts=config.pipeline.max_attempts,
            ops_chat_id=config.telegram.ops_chat_id,
            on_outbox=self.wake,
            locks=self._locks,
        )
        self.delivery = DeliveryWorker(
            bot=application.bot,
            sessions=sessions,
            senders=senders,
            config=config.delivery,
            locks=self._locks,
            on_undeliverable=on_undeliverable,
        )
        self._mode: Mode | None = None
        self._poller: Poller | None = None
        self._webhook: WebhookServer | None = None
        self._maintenance: asyncio.Task[None] | None = None
        self._watch: asyncio.Task[None] | None = None
        self._database_ok = True
        self._backlog: Backlog | None = None
        self._told_problems: tuple[str, ...] = ()
        # How many times the health watcher has looked (tests wait for checks, not for time).
        self.health_checks = 0
        self._last_received_at: datetime | None = None

    @property
    def webhook_port(self) -> int | None:
        """Return the port the webhook server listens on (useful with port 0)."""
        return self._webhook.port if self._webhook is not None else None

    def wake(self, outbox_ids: list[int]) -> None:
        """Send these freshly committed outbox rows now (UnitOfWorkFactory's on_outbox)."""
        self.delivery.wake(outbox_ids)

    async def store_updates(self, payloads: list[dict[str, Any]]) -> int:
        """Store raw updates and commit (both receivers call this); return how many were new."""
        stored = await store_batch(self._sessions, payloads)
        if payloads:
            self._last_received_at = utcnow()
        self.dispatcher.offer(stored)
        return len(stored)

    async def start(self, mode: Mode) -> None:
        """Start delivery and dispatch, then receiving ("none": tests store updates themselves)."""
        order_error_handlers(self._app)
        await self._app.initialize()
        self._mode = mode
        if self._locks is not None:
            await self._locks.start()
        await self.delivery.start()
        await self.dispatcher.start()
        self._maintenance = asyncio.create_task(self._maintain(), name="pipeline-maintenance")
        self._watch = asyncio.create_task(self._watch_health(), name="pipeline-health")
        if mode == "polling":
            self._poller = Poller(
                bot=self._app.bot,
                store=self.store_updates,
                poll_timeout=self._config.telegram.poll_timeout,
                alert_after_minutes=self._config.pipeline.polling_alert_after_minutes,
                on_outage=self._tell_ops_polling_fails,
            )
            await self._poller.start()
        elif mode == "webhook":
            await self._start_webhook()
        log.info("pipeline started (%s)", mode)

    async def _start_webhook(self) -> None:
        settings = self._config.webhook
        if not self._webhook_secret:
            raise ValueError("webhook mode needs WEBHOOK_SECRET")
        self._webhook = WebhookServer(
            listen=settings.listen,
            port=settings.port,
            path=settings.path,
            secret=self._webhook_secret,
            store=self.store_updates,
            check=self.check_health,
            ready=self.check_ready,
        )
        await self._webhook.start()
        if settings.public_url:
            url = settings.public_url.rstrip("/") + "/" + settings.path.lstrip("/")
            await self._app.bot.set_webhook(
                url=url, secret_token=self._webhook_secret, allowed_updates=Update.ALL_TYPES
            )
            log.info("webhook registered with Telegram")

    async def stop(self) -> None:
        """Stop receiving, let updates in flight finish, deliver what is due for a moment."""
        if self._poller is not None:
            await self._poller.stop()
            self._poller = None
        if self._webhook is not None:
            await self._webhook.stop()
            self._webhook = None
        await self.dispatcher.stop()
        await self.delivery.stop(STOP_FLUSH_SECONDS)
        for task in (self._maintenance, self._watch):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._maintenance = self._watch = None
        if self._locks is not None:
            await self._locks.close()
        log.info("pipeline stopped")

    def health(self) -> Health:
        """Return the latest health snapshot (refreshed by check_health and periodically)."""
        polling_ok = self._poller.ok if self._poller is not None else True
        now = utcnow()
        backlog = self._backlog
        problems = backlog.problems(now, self._late_after) if backlog is not None else []
        if not self._database_ok:
            problems.insert(0, "the database does not answer")
        if not polling_ok:
            problems.insert(0, "long polling fails")
        oldest = backlog.oldest_unsent if backlog is not None else None
        return Health(
            ok=not problems,
            database=self._database_ok,
            last_update_received_at=self._last_received_at,
            polling_ok=polling_ok,
            telegram_ok=self.delivery.unreachable_since is None,
            pending_inbox=backlog.pending_inbox if backlog is not None else 0,
            pending_outbox=backlog.unsent if backlog is not None else 0,
            failed_outbox=backlog.failed if backlog is not None else 0,
            oldest_unsent_minutes=(
                round((now - oldest).total_seconds() / 60, 1) if oldest is not None else None
            ),
            processes=self.delivery.processes,
            problems=tuple(problems),
        )

    @property
    def _late_after(self) -> timedelta:
        return timedelta(minutes=self._config.delivery.late_after_minutes)

    async def check_health(self) -> Health:
        """Ask the database for fresh counts, then return the snapshot."""
        try:
            async with self._sessions() as session:
                self._backlog = await read_backlog(session)
        except Exception as exc:
            log.warning("health: the database does not answer (%s)", type(exc).__name__)
            self._database_ok = False
        else:
            self._database_ok = True
        return self.health()

    async def check_ready(self) -> bool:
        """Tell a load balancer whether this process can take updates (the database answers)."""
        try:
            async with self._sessions() as session:
                await session.execute(select(literal(1)))
        except Exception as exc:
            log.warning("ready: the database does not answer (%s)", type(exc).__name__)
            return False
        return True

    async def _watch_health(self) -> None:
        """Check health now and then; tell the ops chat once about each new incident."""
        while True:
            await asyncio.sleep(WATCH_INTERVAL_SECONDS)
            self.health_checks += 1
            health = await self.check_health()
            ops_chat = self._config.telegram.ops_chat_id
            if health.problems != self._told_problems:
                # Logged when it changes, not every check.
                self._told_problems = health.problems
                if health.ok:
                    log.info("health: fine again")
                else:
                    log.warning("health: %s", "; ".join(health.problems))
            if health.ok or self._backlog is None:
                continue
            if not ops_chat:
                continue
            found = incidents(self._backlog, utcnow(), self._late_after, health.telegram_ok)
            try:
                queued = await tell_ops_once(self._sessions, ops_chat, found, utcnow())
            except Exception as exc:
                log.warning("health: the ops chat cannot be told (%s)", type(exc).__name__)
                continue
            self.wake(queued)

    async def _maintain(self) -> None:
        while True:
            try:
                await purge_done(self._sessions, self._config.pipeline.inbox_retention_hours)
            except Exception:
                log.warning("inbox purge failed; trying again later", exc_info=True)
            await asyncio.sleep(PURGE_INTERVAL_SECONDS)

    async def _tell_ops_polling_fails(self, minutes: float, error: str) -> None:
        ops_chat = self._config.telegram.ops_chat_id
        if not ops_chat:
            return
        answer = Answer("ops-polling-failing", {"minutes": str(round(minutes)), "error": error})
        async with self._sessions() as session:
            row = answer_row(ops_chat, answer, DEFAULT_LANGUAGE, priority=PRIORITY_NOTICE)
            session.add(row)
            await session.commit()
        self.wake([row.id])
