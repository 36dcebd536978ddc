"""Send outbox rows: claim due rows, mark them `sending`, call their sender, mark them `sent`.

Several processes may deliver from one PostgreSQL database. A claimed row carries its process's
owner id (`claimed_by`); the others put it back in line as soon as that process is gone
(bot/pipeline/locks.py), and share Telegram's budget among the processes that are alive.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError

from bot.config import DeliverySection
from bot.outbox import PRIORITY_REPLY
from bot.pipeline.limits import SendLimits
from bot.pipeline.locks import PgLocks
from bot.pipeline.senders import Senders, retry_seconds
from bot.services import OnUndeliverable
from db.base import utcnow
from db.errors import is_transient
from db.models.people import User
from db.models.pipeline import OutboxMessage, OutboxStatus
from db.repositories.outbox import Handover, first_in_line, mark_sent_and_commit

log = logging.getLogger(__name__)

# Rows being sent at once by this process (each waits for its chat's and the global budget).
MAX_SENDING = 64
# Requests to Telegram at once, once a row has its budget. httpx keeps a connection per
# concurrent request and checks every pooled connection on each request, so a pool grown to
# MAX_SENDING costs more CPU than the request itself (measured: 64 at once ≈ 2x the CPU of 4);
# 8 calls of ~150 ms each still allow ~50 messages/s, above Telegram's 30/s per token.
MAX_REQUESTS = 8
# Longest wait for one of those requests: a row waits while `sending`, and goes back in line
# rather than sit on a row (and its chat) Telegram is too slow to take.
REQUEST_WAIT_SECONDS = 30.0
# Seconds before a row whose send failed on the network is tried again; doubled per try up to
# [delivery] backoff_max_seconds, each wait shortened by up to a quarter at random, so that the
# rows of a long outage do not all knock at the same moment.
BACKOFF_BASE_SECONDS = 0.5
BACKOFF_JITTER = 0.25
# Seconds between getMe calls while Telegram cannot be reached: the first that succeeds brings
# every row waiting out its back-off forward, so the backlog drains within seconds of the end
# of an outage, not a back-off (up to a minute) later.
PROBE_SECONDS = 5.0
# The lease written in not_before while a row is `sending`. Processes of this release look at
# claimed_by instead; the lease keeps a process of the previous release (during a rolling
# upgrade) from taking our rows, and lets us take back its rows once it is gone.
LEASE_SECONDS = 120.0
# Seconds between looks for rows of processes that are gone, and for how many are alive (the
# share of the budget) (PostgreSQL).
RECLAIM_INTERVAL_SECONDS = 2.0
MAX_ERROR_CHARS = 200
# Seconds to let more wake-ups arrive before claiming, so that one transaction serves several
# rows under load. A claim is one statement now (UPDATE ... RETURNING), so this is kept short:
# every resident's answer waits it out (it was 10 ms). (Sent marks are written at once: see
# _flush_loop.)
COALESCE_SECONDS = 0.002
# Seconds between tries to record an outcome while the database fails; the row stays `sending`
# (and ours) meanwhile, so nobody else sends it.
RECORD_RETRY_SECONDS = (0.1, 0.5, 1.0, 2.0, 5.0)
# Seconds before a row whose sender's database read failed for a moment is tried again.
DATABASE_RETRY_SECONDS = 1.0
# Seconds between looks for `sending` rows of this process that it does not hold and whose lease
# ran out (a claim whose commit reported an error yet happened leaves one; nothing else would
# ever send it).
SWEEP_INTERVAL_SECONDS = 30.0
# Announced row ids remembered at most (beyond: every sent mark looks for due rows once more).
MAX_ANNOUNCED = 10_000


@dataclass
class DeliveryStats:
    """What this worker did since it started."""

    reset_at_start: int = 0
    sent: int = 0
    outages: int = 0
    rescheduled: int = 0
    failed: int = 0
    undeliverable: int = 0


class _NoRequestSlot(Exception):
    """No request to Telegram could start within REQUEST_WAIT_SECONDS."""


def _error(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return text[:MAX_ERROR_CHARS]


class DeliveryWorker:
    """Deliver the outbox at least once: replies first, in order per chat, within the limits."""

    def __init__(
        self,
        *,
        bot: Bot,
        sessions: async_sessionmaker[AsyncSession],
        senders: Senders,
        config: DeliverySection,
        locks: PgLocks | None = None,
        on_undeliverable: OnUndeliverable | None = None,
    ) -> None:
        self._bot = bot
        self._sessions = sessions
        self._senders = senders
        self._config = config
        # Other processes may deliver from the same database (PostgreSQL): lock rows when
        # claiming, mark them with our owner id, and take back only rows of processes gone.
        self._locks = locks
        self._shared = locks is not None
        self._owner = locks.owner if locks is not None else None
        self._on_undeliverable = on_undeliverable
        self._limits = SendLimits(config)
        self._sending: set[asyncio.Task[None]] = set()
        self._requests = asyncio.Semaphore(MAX_REQUESTS)
        self._sent_buffer: list[dict[str, Any]] = []
        self._wakeup = asyncio.Event()
        self._flush_wakeup = asyncio.Event()
        self._loop_task: asyncio.Task[None] | None = None
        self._flush_task: asyncio.Task[None] | None = None
        self._claiming = False
        self._stopping = False
        # Rows this process claimed whose outcome is not recorded yet: they are `sending` in the
        # database because of us, and no sweep may put them back in line.
        self._held: set[int] = set()
        # Rows announced by wake() and not claimed yet (a later row of a chat waits for the
        # earlier one to be sent): a sent mark looks for more rows only while some wait, so
        # that a reply's sent mark does not cost a claim that finds nothing.
        self._announced: set[int] = set()
        self._unknown_waiting = False
        # Since when (UTC) Telegram could not be reached, with no success since; the probe.
        self.unreachable_since: datetime | None = None
        self._probe_task: asyncio.Task[None] | None = None
        self._random = random.Random()
        self.stats = DeliveryStats()

    @property
    def processes(self) -> int:
        """How many bot processes share the budget (1 on SQLite), as last seen."""
        return self._limits.processes

    def wake(self, outbox_ids: list[int]) -> None:
        """Send newly committed rows right away (sync: called from UnitOfWork.commit)."""
        if outbox_ids:
            if len(self._announced) < MAX_ANNOUNCED:
                self._announced.update(outbox_ids)
            else:
                # Forget the hints: the next sent mark looks for due rows anyway.
                self._announced.clear()
                self._unknown_waiting = True
            self._wakeup.set()

    def offer(self, rows: Sequence[OutboxMessage]) -> Handover | None:
        """Take a turn's replies to send them right after its commit (db/uow.py, DirectSend).

        Called before the commit: the rows offered are held from now on, so that no sweep puts
        them back in line between the commit (which claims them, `sending`) and `taken`. Only
        replies (PRIORITY_REPLY: a flooding person's go through the line) that are due, and in
        each chat only those no other of the turn's rows precedes; the commit's claim checks
        that no earlier row of the chat is waiting. Other rows are claimed as before.

        Not with several processes (PostgreSQL): there it measured no gain, and in the test of
        two processes sharing one chat's updates it let a reply overtake the one before (a
        commit the check cannot see yet); the worker's claim keeps their order.
        """
        if self._shared or not self._claiming or len(self._sending) >= MAX_SENDING:
            return None
        now = utcnow()
        ids = first_in_line(
            rows,
            lambda row: (
                row.priority == PRIORITY_REPLY
                and row.status is OutboxStatus.PENDING
                and row.not_before <= now
                and row.kind in self._senders
            ),
        )
        if not ids:
            return None
        self._held.update(ids)
        return Handover(tuple(ids), self._owner, now + timedelta(seconds=LEASE_SECONDS))

    def taken(self, handover: Handover, rows: Sequence[OutboxMessage]) -> None:
        """Send the rows a turn's commit claimed (a chat's rows one after another)."""
        claimed = {row.id for row in rows}
        self._held.difference_update(set(handover.ids) - claimed)
        chats: dict[int, list[OutboxMessage]] = {}
        for row in sorted(rows, key=lambda row: row.id):
            chats.setdefault(row.chat_id, []).append(row)
        for line in chats.values():
            task = asyncio.create_task(self._deliver_line(line), name=f"send-{line[0].id}")
            self._sending.add(task)
            task.add_done_callback(self._sent_done)

    def withdraw(self, handover: Handover) -> None:
        """A turn's commit failed: its rows were never claimed."""
        self._held.difference_update(handover.ids)

    async def start(self) -> int:
        """Put rows a crash left `sending` back in line, then start; return how many."""
        self._stopping = False
        if self._locks is not None:
            self._owner = self._locks.owner
        reset = await self._reclaim(at_start=True)
        self.stats.reset_at_start = reset
        if reset:
            log.warning(
                "outbox: %d message(s) were being sent when the bot stopped; "
                "they are sent again and may arrive twice",
                reset,
            )
        self._claiming = True
        self._loop_task = asyncio.create_task(self._run(), name="outbox-delivery")
        self._flush_task = asyncio.create_task(self._flush_loop(), name="outbox-flush")
        return reset

    async def stop(self, flush_seconds: float = 2.0) -> None:
        """Keep sending what is due for up to `flush_seconds`, then stop and record results."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + flush_seconds
        while loop.time() < deadline and (self._sending or await self._due_count()):
            self._wakeup.set()
            await asyncio.sleep(0.02)
        self._stopping = True
        self._claiming = False
        if self._loop_task is not None:
            self._loop_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
        if self._sending:
            _done, pending = await asyncio.wait(
                set(self._sending), timeout=max(deadline - loop.time(), 0.1)
            )
            for task in pending:
                # Left `sending`: the next start sends it again.
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        if self._probe_task is not None:
            self._probe_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._probe_task
            self._probe_task = None
        if self._flush_task is not None:
            self._flush_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flush_task
        with contextlib.suppress(Exception):
            await self._flush()

    async def _due_count(self) -> int:
        try:
            async with self._sessions() as session:
                count = await session.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(
                        OutboxMessage.status == OutboxStatus.PENDING,
                        OutboxMessage.not_before <= utcnow(),
                    )
                )
        except Exception:
            # Stopping goes on without the database: what is due is sent after the next start.
            log.warning("outbox: cannot count due messages while stopping", exc_info=True)
            return 0
        return int(count or 0)

    async def _reclaim(self, *, at_start: bool = False) -> int:
        """Put `sending` rows back in line that nobody will finish; return how many.

        SQLite (one process): every such row this worker does not hold. PostgreSQL: rows of
        processes that are gone (their owner lock is free), rows of an older release whose lease
        ran out, and rows marked ours that this worker does not hold. Called between claims, so
        every row this worker claimed is in `_held`; a turn's commit claims rows for it too
        (offer), and one may commit between the moment `_held` is read here and this statement,
        so after the start a row of ours goes back only once its lease ran out as well.
        """
        now = utcnow()
        own: list[ColumnElement[bool]] = (
            [OutboxMessage.id.not_in(sorted(self._held))] if self._held else []
        )
        if not at_start:
            own.append(OutboxMessage.not_before < now)
        if self._locks is None:
            orphaned: ColumnElement[bool] = and_(*own) if own else true()
        else:
            live = await self._locks.live_owners()
            self._limits.share_among(len(live))
            orphaned = or_(
                and_(OutboxMessage.claimed_by.is_(None), OutboxMessage.not_before < now),
                OutboxMessage.claimed_by.not_in(sorted(live)),
                and_(OutboxMessage.claimed_by == self._owner, *own),
            )
        async with self._sessions() as session:
            result = await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.SENDING, orphaned)
                .values(status=OutboxStatus.PENDING, not_before=now, claimed_by=None)
            )
            await session.commit()
        return int(getattr(result, "rowcount", 0) or 0)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        next_reclaim = loop.time() + RECLAIM_INTERVAL_SECONDS
        while self._claiming:
            self._wakeup.clear()
            claimed = 0
            room = MAX_SENDING - len(self._sending)
            try:
                interval = RECLAIM_INTERVAL_SECONDS if self._shared else SWEEP_INTERVAL_SECONDS
                if loop.time() >= next_reclaim:
                    next_reclaim = loop.time() + interval
                    if reclaimed := await self._reclaim():
                        log.warning(
                            "outbox: %d message(s) left `sending` by a process that is gone put "
                            "back in line; they may arrive twice",
                            reclaimed,
                        )
                if room > 0:
                    rows = await self._claim(room)
                    claimed = len(rows)
                    self._held.update(row.id for row in rows)
                    for row in rows:
                        task = asyncio.create_task(self._deliver(row), name=f"send-{row.id}")
                        self._sending.add(task)
                        task.add_done_callback(self._sent_done)
            except Exception as exc:
                if is_transient(exc):
                    log.warning("outbox: database busy (%s); trying again", type(exc).__name__)
                else:
                    log.exception("outbox: claiming failed; trying again shortly")
            if claimed and claimed == room:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), self._config.poll_interval)
                await asyncio.sleep(COALESCE_SECONDS)

    def _sent_done(self, task: asyncio.Task[None]) -> None:
        self._sending.discard(task)

    async def _claim(self, limit: int) -> list[OutboxMessage]:
        """Take due rows that are first in their chat's line, replies first, and mark them."""
        now = utcnow()
        # The first unsent row of every chat: a later row never overtakes an earlier one.
        heads = (
            select(func.min(OutboxMessage.id))
            .where(OutboxMessage.status.in_([OutboxStatus.PENDING, OutboxStatus.SENDING]))
            .group_by(OutboxMessage.chat_id)
        )
        due = (
            select(OutboxMessage.id)
            .where(
                OutboxMessage.id.in_(heads),
                OutboxMessage.status == OutboxStatus.PENDING,
                OutboxMessage.not_before <= now,
            )
            .order_by(OutboxMessage.priority, OutboxMessage.id)
            .limit(limit)
        )
        if self._shared:
            due = due.with_for_update(skip_locked=True)
        # Chosen and marked in one statement (UPDATE ... RETURNING): one round trip per claim.
        claim = (
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(due.scalar_subquery()))
            .values(
                status=OutboxStatus.SENDING,
                claimed_by=self._owner,
                not_before=now + timedelta(seconds=LEASE_SECONDS),
            )
            .returning(OutboxMessage)
            .execution_options(synchronize_session=False)
        )
        async with self._sessions() as session:
            rows = list((await session.scalars(claim)).all())
            await session.commit()
        # RETURNING keeps no order: replies first, then in the order they were queued.
        rows.sort(key=lambda row: (row.priority, row.id))
        self._announced.difference_update(row.id for row in rows)
        return rows

    async def _deliver(self, row: OutboxMessage) -> None:
        try:
            await self._send(row)
        except Exception:
            # Only while stopping with the database down: the row stays `sending`, and the next
            # start puts it back in line (it may then arrive twice).
            log.warning("outbox: the outcome of row %s was not recorded", row.id, exc_info=True)

    async def _deliver_line(self, rows: list[OutboxMessage]) -> None:
        """Send one chat's claimed rows in order; a row put back in line holds the rest."""
        for index, row in enumerate(rows):
            try:
                done = await self._send(row)
            except Exception:
                # As in _deliver: this row and the rest stay `sending` until the next start.
                log.warning("outbox: the outcome of row %s was not recorded", row.id, exc_info=True)
                return
            if not done:
                back = {"status": OutboxStatus.PENDING, "claimed_by": None}
                for later in rows[index + 1 :]:
                    await self._record(later, back | {"not_before": utcnow()})
                self._wakeup.set()
                return

    async def _send(self, row: OutboxMessage) -> bool:
        """Send a claimed row and record the outcome; False: it is back in line (pending)."""
        sender = self._senders.get(row.kind)
        if sender is None:
            await self._finish(row, OutboxStatus.FAILED, f"no sender for kind {row.kind!r}")
            return True
        try:
            async with self._limits.chat(row.chat_id), self._limits.global_bucket:
                try:
                    async with asyncio.timeout(REQUEST_WAIT_SECONDS):
                        await self._requests.acquire()
                except TimeoutError:
                    raise _NoRequestSlot from None
                try:
                    message_id = await sender(self._bot, row)
                except BaseException:
                    self._requests.release()
                    raise
                # A sent message keeps its slot until its mark is committed (_flush): a crash
                # can repeat only messages holding a slot, so at most MAX_REQUESTS.
        except asyncio.CancelledError:
            raise
        except _NoRequestSlot:
            # Telegram is slow for everyone: not this row's fault, so no try is used.
            await self._reschedule(row, 0.0, "waited for a request slot", count=False)
            return False
        except RetryAfter as exc:
            # Telegram's flood control for this chat: wait as told, without counting a try.
            await self._reschedule(row, retry_seconds(exc), _error(exc), count=False)
            return False
        except Forbidden as exc:
            await self._undeliverable(row, _error(exc))
        except (BadRequest, ChatMigrated) as exc:
            # The message or the chat is wrong: no try will ever succeed.
            await self._finish(row, OutboxStatus.FAILED, _error(exc))
        except TelegramError as exc:
            # Unreachable, 5xx, timed out, even a revoked token (an operator will fix it):
            # Telegram may take it later, so it is tried until it is too old to matter.
            self._unreachable()
            return await self._retry_until_too_old(row, exc)
        except Exception as exc:
            if is_transient(exc):
                # The sender's own database read failed for a moment: not the row's fault.
                log.warning("outbox: sender %r: database busy (%s)", row.kind, type(exc).__name__)
                await self._reschedule(row, DATABASE_RETRY_SECONDS, _error(exc), count=False)
                return False
            log.exception("outbox: sender %r raised for row %s", row.kind, row.id)
            return await self._retry_or_fail(row, exc)
        else:
            # Marked first: the mark gives the request slot back (_flush).
            self._sent_buffer.append(
                {
                    "id": row.id,
                    "message_id": message_id,
                    "sent_at": utcnow(),
                    "attempts": row.attempts + 1,
                }
            )
            self._flush_wakeup.set()
            if self.unreachable_since is not None:
                await self._reachable_again()
        return True

    async def _flush_loop(self) -> None:
        # No waiting for more: a sent message not yet marked is sent again after a crash, so
        # it is marked at once; rows sent while a mark is being written go in the next one.
        while True:
            await self._flush_wakeup.wait()
            self._flush_wakeup.clear()
            try:
                await self._flush()
            except Exception:
                log.exception("outbox: recording sent messages failed; trying again")
                await asyncio.sleep(1.0)
                self._flush_wakeup.set()

    async def _flush(self) -> None:
        """Record sent rows in one transaction (a crash before it means a resend, not a loss)."""
        if not self._sent_buffer:
            return
        batch, self._sent_buffer = self._sent_buffer, []
        try:
            async with self._sessions() as session:
                await mark_sent_and_commit(session, batch)
        except BaseException:
            self._sent_buffer[:0] = batch
            raise
        self._held.difference_update(int(values["id"]) for values in batch)
        for _ in batch:
            self._requests.release()
        self.stats.sent += len(batch)
        if self._announced or self._unknown_waiting:
            # A sent row may have been holding back the next row of its chat.
            self._unknown_waiting = False
            self._wakeup.set()

    def _backoff(self, attempts: int) -> float:
        doubled = BACKOFF_BASE_SECONDS * 2.0 ** min(attempts - 1, 30)
        delay = min(doubled, self._config.backoff_max_seconds)
        return float(delay * (1 - BACKOFF_JITTER * self._random.random()))

    async def _retry_or_fail(self, row: OutboxMessage, exc: BaseException) -> bool:
        """A sender that raised something unexpected (a bug): a few tries, then failed.

        Returns False when the row is back in line (as _send)."""
        attempts = row.attempts + 1
        if attempts >= self._config.max_attempts:
            await self._finish(row, OutboxStatus.FAILED, _error(exc))
            return True
        await self._reschedule(row, self._backoff(attempts), _error(exc), count=True)
        return False

    async def _retry_until_too_old(self, row: OutboxMessage, exc: BaseException) -> bool:
        """Telegram could not take it now: try again later, unless it is too old to matter.

        Returns False when the row is back in line (as _send)."""
        age = utcnow() - row.created_at
        if age > timedelta(hours=self._config.max_age_hours):
            error = f"{_error(exc)} (older than {self._config.max_age_hours:g} h)"
            await self._finish(row, OutboxStatus.FAILED, error[:MAX_ERROR_CHARS])
            return True
        attempts = row.attempts + 1
        await self._reschedule(row, self._backoff(attempts), _error(exc), count=True)
        return False

    def _unreachable(self) -> None:
        """Note that Telegram could not be reached; start probing for its return."""
        if self.unreachable_since is None:
            self.unreachable_since = utcnow()
            self.stats.outages += 1
            log.warning("outbox: Telegram cannot be reached; messages wait and are retried")
        if self._probe_task is None or self._probe_task.done():
            self._probe_task = asyncio.create_task(self._probe(), name="outbox-probe")

    async def _probe(self) -> None:
        while self.unreachable_since is not None and not self._stopping:
            await asyncio.sleep(PROBE_SECONDS)
            try:
                await self._bot.get_me()
            except TelegramError:
                continue
            except Exception:
                log.warning("outbox: probing Telegram failed", exc_info=True)
                continue
            await self._reachable_again()

    async def _reachable_again(self) -> None:
        """Telegram answers again: every row waiting out a back-off is due now."""
        if self.unreachable_since is None:
            return
        since, self.unreachable_since = self.unreachable_since, None
        try:
            async with self._sessions() as session:
                result = await session.execute(
                    update(OutboxMessage)
                    .where(
                        OutboxMessage.status == OutboxStatus.PENDING,
                        OutboxMessage.not_before > utcnow(),
                        OutboxMessage.last_error.is_not(None),
                        # Telegram's flood control still counts: those wait as told.
                        OutboxMessage.last_error.not_like("RetryAfter%"),
                    )
                    .values(not_before=utcnow())
                )
                await session.commit()
        except Exception:
            log.warning("outbox: cannot bring waiting messages forward", exc_info=True)
            return
        waiting = int(getattr(result, "rowcount", 0) or 0)
        log.warning(
            "outbox: Telegram answers again after %.0f s; %d waiting message(s) are due now",
            (utcnow() - since).total_seconds(),
            waiting,
        )
        self._wakeup.set()

    async def _reschedule(
        self, row: OutboxMessage, seconds: float, error: str, *, count: bool
    ) -> None:
        attempts = row.attempts + 1 if count else row.attempts
        log.info(
            "outbox: row %s to chat %s rescheduled in %.1f s (%s)",
            row.id,
            row.chat_id,
            seconds,
            error.split(":", 1)[0],
        )
        values = {
            "status": OutboxStatus.PENDING,
            "claimed_by": None,
            "attempts": attempts,
            "last_error": error,
            "not_before": utcnow() + timedelta(seconds=seconds),
        }
        await self._record(row, values)
        self.stats.rescheduled += 1
        asyncio.get_running_loop().call_later(seconds, self._wakeup.set)

    async def _finish(self, row: OutboxMessage, status: OutboxStatus, error: str) -> None:
        log.warning("outbox: row %s to chat %s %s: %s", row.id, row.chat_id, status.value, error)
        values = {"status": status, "attempts": row.attempts + 1, "last_error": error}
        await self._record(row, values, undeliverable=status is OutboxStatus.UNDELIVERABLE)
        if status is OutboxStatus.FAILED:
            self.stats.failed += 1
        self._wakeup.set()

    async def _record(
        self, row: OutboxMessage, values: dict[str, Any], *, undeliverable: bool = False
    ) -> None:
        """Write a row's outcome, trying again while the database fails (never leave it sending).

        While it fails the row stays `sending` and held by this process, so nobody sends it
        again; if the process stops first, the next start puts it back in line.
        """
        for attempt in itertools.count():
            try:
                async with self._sessions() as session:
                    await session.execute(
                        update(OutboxMessage).where(OutboxMessage.id == row.id).values(**values)
                    )
                    if undeliverable:
                        await session.execute(
                            update(User)
                            .where(User.channel == row.channel, User.chat_id == row.chat_id)
                            .values(undeliverable=True)
                        )
                    await session.commit()
            except Exception as exc:
                if self._stopping:
                    raise
                delay = RECORD_RETRY_SECONDS[min(attempt, len(RECORD_RETRY_SECONDS) - 1)]
                log.warning(
                    "outbox: recording row %s failed (%s); trying again in %.1f s",
                    row.id,
                    type(exc).__name__,
                    delay,
                )
                await asyncio.sleep(delay)
                continue
            self._held.discard(row.id)
            return

    async def _undeliverable(self, row: OutboxMessage, error: str) -> None:
        await self._finish(row, OutboxStatus.UNDELIVERABLE, error)
        self.stats.undeliverable += 1
        row.status = OutboxStatus.UNDELIVERABLE
        row.last_error = error
        if self._on_undeliverable is not None:
            try:
                await self._on_undeliverable(row)
            except Exception:
                log.exception("outbox: on_undeliverable failed for row %s", row.id)
