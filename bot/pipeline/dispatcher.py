"""Feed inbox rows to the Application: in update_id order per chat, one at a time per chat,
chats in parallel, across any number of processes.

On SQLite (one process) the rows in memory are the truth: the receiver hands over what it
stored, and a scan every few seconds finds what is left from before. On PostgreSQL several
processes share the inbox: a process owns a chat through an advisory lock (bot/pipeline/locks.py)
and, once it owns it, reads the chat's pending rows afresh from the database, in update_id order,
whoever received them. What it knew before is only a hint that the chat has work, and so is a
row it stores itself while it owns the chat: it reads the chat again before handling that row,
as another process may have stored an earlier one meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from bisect import insort
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, CallbackContext

from bot.conversation import Answer
from bot.i18n import DEFAULT_LANGUAGE
from bot.outbox import PRIORITY_NOTICE, PRIORITY_REPLY, answer_row
from bot.pipeline.inbox import StoredUpdate
from bot.pipeline.locks import ChatKey, ChatLocks
from db.base import utcnow
from db.errors import is_transient
from db.models.people import User
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage
from db.uow import READ_ALONE, AlreadyHandled, InboxClaim, current_inbox

log = logging.getLogger(__name__)

# Seconds before the first retry of a failed update; doubled for each further try.
RETRY_BASE_SECONDS = 0.5
# Seconds before a chat is tried again after the database itself failed, by how many times in
# a row it failed: a dropped connection is replaced at once, a server restart takes longer.
DATABASE_RETRY_SECONDS = (0.1, 0.5, 1.0, 2.0, 5.0)
# Seconds before asking again for a chat another process owns (PostgreSQL), by how many times
# in a row it was refused: it is usually free again once that process's current update is done.
OWNED_RETRY_SECONDS = (0.05, 0.1, 0.2, 0.5, 1.0, 2.0)
# Seconds between full scans (rows retried by others, rows of chats another process had).
SCAN_INTERVAL_SECONDS = 2.0
# Rows of one chat handled before its turn passes to a waiting chat (a flood must not starve).
FAIR_BATCH = 16
# Rows held in memory at most; the rest wait in the database for the next scan.
MAX_QUEUED = 5000
# Ids of rows handled lately, which a scan that read them just before they were marked done must
# not queue again.
RECENTLY_HANDLED = 4096
# Longest stored error text: class name and a short reason, never the update's text.
MAX_ERROR_CHARS = 200

# PTB's Application with every type parameter left open: the one alias the code uses.
AnyApplication = Application[Any, Any, Any, Any, Any, Any]


@dataclass
class DispatchClaim(InboxClaim):
    """An InboxClaim that the error handler marks with the exception the handler raised."""

    error: BaseException | None = None


async def record_failure(update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Mark the update being dispatched as failed (register first with add_error_handler)."""
    claim = current_inbox.get()
    if isinstance(claim, DispatchClaim) and context.error is not None and claim.error is None:
        claim.error = context.error


async def stop_failed_update(update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Let no later handler group run once one failed (register last with add_error_handler).

    PTB goes on with the next group after an error: a failed gatekeeper check (blocks, flood
    limits) would let the update through unchecked. Stopped here, it is retried whole.
    """
    claim = current_inbox.get()
    if isinstance(claim, DispatchClaim) and claim.error is not None:
        raise ApplicationHandlerStop


@dataclass
class _Row:
    id: int
    update_id: int
    chat_id: int | None
    # None: a hint on PostgreSQL (found by a scan, or just stored by this process); the owner
    # reads the chat's rows itself before it handles this one.
    payload: dict[str, Any] | None
    attempts: int

    @property
    def order(self) -> tuple[int, int]:
        """Telegram's order within a chat (the row id only breaks ties)."""
        return (self.update_id, self.id)


@dataclass
class _Chat:
    # Sorted by update_id; a row is removed by identity once handled, never by position, as a
    # scan may insert an earlier row while the head is being handled.
    rows: list[_Row] = field(default_factory=list)
    not_before: float = 0.0
    running: bool = False
    waiting: bool = False
    # Transient database failures in a row (each waits a little longer before the next try).
    database_failures: int = 0
    # Refusals in a row because another process owns the chat (PostgreSQL).
    refusals: int = 0

    def database_delay(self) -> float:
        """Count one more transient failure; return how long to wait before trying again."""
        self.database_failures += 1
        return DATABASE_RETRY_SECONDS[min(self.database_failures, len(DATABASE_RETRY_SECONDS)) - 1]

    def refused_delay(self) -> float:
        """Count one more refusal; return how long to wait before asking again."""
        self.refusals += 1
        return OWNED_RETRY_SECONDS[min(self.refusals, len(OWNED_RETRY_SECONDS)) - 1]

    def remove(self, row: _Row) -> None:
        """Drop this very row (the list may have changed while it was handled)."""
        for index, queued in enumerate(self.rows):
            if queued is row:
                del self.rows[index]
                return


def describe_error(exc: BaseException, payload: dict[str, Any]) -> str:
    """Return "ClassName: short reason" with any text of the update cut out."""
    reason = str(exc)
    for value in payload.values():
        if isinstance(value, dict):
            for key in ("text", "caption", "data", "query"):
                part = value.get(key)
                if isinstance(part, str) and part and part in reason:
                    reason = reason.replace(part, "…")
    text = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
    return text[:MAX_ERROR_CHARS]


def _key(row: _Row) -> ChatKey:
    return ("chat", row.chat_id) if row.chat_id is not None else ("row", row.id)


_COLUMNS = (
    InboxUpdate.id,
    InboxUpdate.update_id,
    InboxUpdate.chat_id,
    InboxUpdate.payload,
    InboxUpdate.attempts,
)


class Dispatcher:
    """Hand pending inbox rows to `Application.process_update` and record the outcome."""

    def __init__(
        self,
        *,
        application: AnyApplication,
        sessions: async_sessionmaker[AsyncSession],
        max_chats_in_flight: int,
        max_attempts: int,
        ops_chat_id: int,
        on_outbox: Callable[[list[int]], None],
        locks: ChatLocks | None = None,
    ) -> None:
        self._app = application
        self._sessions = sessions
        self._max_in_flight = max_chats_in_flight
        self._max_attempts = max_attempts
        self._ops_chat_id = ops_chat_id
        self._on_outbox = on_outbox
        self._locks = locks
        self._chats: dict[ChatKey, _Chat] = {}
        self._waiting: deque[ChatKey] = deque()
        self._known: set[int] = set()
        self._handled: deque[int] = deque(maxlen=RECENTLY_HANDLED)
        self._handled_set: set[int] = set()
        self._workers: set[asyncio.Task[None]] = set()
        self._wakeup = asyncio.Event()
        self._stopping = False
        self._loop_task: asyncio.Task[None] | None = None
        self.handled = 0

    def offer(self, stored: Sequence[StoredUpdate]) -> None:
        """Queue rows this process has just stored (no query needed to find them).

        On PostgreSQL a row stored here is only a hint, like a scan's: the owner reads the chat
        before handling it. Another process may have stored an earlier row of the chat since
        the owner last read it (that process is refused the chat meanwhile), and the owner
        would otherwise take this row, the only one it knows, before that earlier one.
        """
        for row in stored:
            if row.id in self._known or len(self._known) >= MAX_QUEUED:
                continue
            payload = row.payload if self._locks is None else None
            self._enqueue(_Row(row.id, row.update_id, row.chat_id, payload, 0))
        self._launch()

    def wake(self) -> None:
        """Scan the inbox now (e.g. after rows were put back by hand)."""
        self._wakeup.set()

    async def start(self) -> None:
        """Start scanning the inbox."""
        self._stopping = False
        self._loop_task = asyncio.create_task(self._run(), name="inbox-dispatcher")

    async def stop(self, grace_seconds: float = 30.0) -> None:
        """Start nothing new and let the updates being handled finish."""
        self._stopping = True
        if self._loop_task is not None:
            self._loop_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
            self._loop_task = None
        if self._workers:
            _done, pending = await asyncio.wait(set(self._workers), timeout=grace_seconds)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def _run(self) -> None:
        while True:
            try:
                await self._scan()
            except Exception as exc:
                log.warning("inbox: scan failed (%s); trying again shortly", type(exc).__name__)
            self._launch()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), SCAN_INTERVAL_SECONDS)
            self._wakeup.clear()

    async def _scan(self) -> None:
        """Queue pending rows not known yet: left from before, retried, or another process's."""
        room = MAX_QUEUED - len(self._known)
        if room <= 0:
            return
        # On PostgreSQL a scan only finds which chats have work: the owner reads the rows.
        columns = _COLUMNS if self._locks is None else _COLUMNS[:3]
        async with self._sessions() as session:
            found = (
                await session.execute(
                    select(InboxUpdate.id)
                    .where(InboxUpdate.status == InboxStatus.PENDING)
                    .order_by(InboxUpdate.id)
                    .limit(room + len(self._known))
                )
            ).scalars()
            fresh = [row_id for row_id in found if row_id not in self._known][:room]
            if not fresh:
                return
            rows = (
                await session.execute(
                    select(*columns).where(
                        InboxUpdate.id.in_(fresh), InboxUpdate.status == InboxStatus.PENDING
                    )
                )
            ).all()
        for values in rows:
            if values[0] in self._known or values[0] in self._handled_set:
                # Queued, or handled, while this scan waited for the database.
                continue
            if self._locks is None:
                row_id, update_id, chat_id, payload, attempts = values
                self._enqueue(_Row(row_id, update_id, chat_id, payload, attempts))
            else:
                row_id, update_id, chat_id = values
                self._enqueue(_Row(row_id, update_id, chat_id, None, 0))

    def _enqueue(self, row: _Row) -> None:
        self._known.add(row.id)
        key = _key(row)
        chat = self._chats.setdefault(key, _Chat())
        insort(chat.rows, row, key=lambda queued: queued.order)
        self._make_ready(key)

    def _make_ready(self, key: ChatKey) -> None:
        chat = self._chats.get(key)
        if chat is None or chat.running or chat.waiting or not chat.rows:
            return
        if chat.not_before > time.monotonic():
            return
        chat.waiting = True
        self._waiting.append(key)

    def _launch(self) -> None:
        while self._waiting and len(self._workers) < self._max_in_flight and not self._stopping:
            key = self._waiting.popleft()
            chat = self._chats.get(key)
            if chat is None:
                continue
            chat.waiting = False
            chat.running = True
            task = asyncio.create_task(self._work(key, chat), name=f"inbox-chat-{key[1]}")
            self._workers.add(task)
            task.add_done_callback(self._workers.discard)

    def _retry_later(self, key: ChatKey, chat: _Chat, delay: float) -> None:
        chat.not_before = time.monotonic() + delay

        def ready() -> None:
            self._make_ready(key)
            self._launch()

        asyncio.get_running_loop().call_later(delay, ready)

    async def _work(self, key: ChatKey, chat: _Chat) -> None:
        try:
            if self._locks is not None and not await self._locks.acquire(key):
                # Another process is handling this chat; ask again soon (it keeps its order:
                # whoever owns the chat next reads its pending rows afresh).
                self._retry_later(key, chat, chat.refused_delay())
                return
            chat.refusals = 0
            try:
                await self._work_owned(key, chat)
            finally:
                if self._locks is not None:
                    await self._locks.release(key)
        except Exception as exc:
            if is_transient(exc):
                log.warning("inbox: chat %s: database busy (%s)", key[1], type(exc).__name__)
            else:
                log.exception("inbox: chat %s: database trouble; trying again later", key[1])
            self._retry_later(key, chat, chat.database_delay())
        finally:
            chat.running = False
            if not chat.rows:
                self._chats.pop(key, None)
            else:
                self._make_ready(key)
            self._launch()

    async def _work_owned(self, key: ChatKey, chat: _Chat) -> None:
        if self._locks is not None:
            await self._reload(key, chat)
        handled = 0
        while chat.rows and not self._stopping:
            if chat.not_before > time.monotonic():
                return
            row = chat.rows[0]
            if row.payload is None:
                # A row stored or found since the last read (PostgreSQL): read the chat again,
                # as rows another process stored meanwhile may come before it.
                await self._reload(key, chat)
                continue
            delay = await self._handle(row, chat)
            if delay is not None:
                self._retry_later(key, chat, delay)
                return
            chat.remove(row)
            self._known.discard(row.id)
            self._note_handled(row.id)
            self.handled += 1
            handled += 1
            if handled >= FAIR_BATCH:
                # Give waiting chats a turn; this one goes to the back of the line.
                return

    def _note_handled(self, row_id: int) -> None:
        if len(self._handled) == self._handled.maxlen:
            self._handled_set.discard(self._handled[0])
        self._handled.append(row_id)
        self._handled_set.add(row_id)

    async def _reload(self, key: ChatKey, chat: _Chat) -> None:
        """Read the chat's pending rows, now that this process owns it (PostgreSQL).

        Another process may have handled rows this one knew of, or stored rows it did not know
        of: the database says which are left, in update_id order. Rows queued while the query
        ran stay as hints (it may not have seen them yet), read again before they are handled.
        One more row than a fair batch is read, so a chat with more left stays in line.
        """
        before = {id(row) for row in chat.rows}
        kind, value = key
        where = InboxUpdate.chat_id == value if kind == "chat" else InboxUpdate.id == value
        async with self._sessions() as session:
            # One read on its own: no BEGIN and ROLLBACK round trips around it.
            await session.connection(execution_options=READ_ALONE)
            found = (
                await session.execute(
                    select(*_COLUMNS)
                    .where(InboxUpdate.status == InboxStatus.PENDING, where)
                    .order_by(InboxUpdate.update_id, InboxUpdate.id)
                    .limit(FAIR_BATCH + 1)
                )
            ).all()
        read = [_Row(*values) for values in found]
        ids = {row.id for row in read}
        arrived = [row for row in chat.rows if id(row) not in before and row.id not in ids]
        for row in chat.rows:
            if id(row) in before:
                self._known.discard(row.id)
        chat.rows = sorted([*read, *arrived], key=lambda row: row.order)
        self._known.update(row.id for row in chat.rows)

    async def _handle(self, row: _Row, chat: _Chat) -> float | None:
        """Run one update; return None when finished, else seconds until the next try."""
        assert row.payload is not None
        claim = DispatchClaim(row.id)
        token = current_inbox.set(claim)
        try:
            update_obj = Update.de_json(row.payload, self._app.bot)
            await self._app.process_update(update_obj)
        except Exception as exc:
            if claim.error is None:
                claim.error = exc
        finally:
            current_inbox.reset(token)
        if claim.error is None:
            if not claim.done:
                await self._mark_done(row.id)
            chat.database_failures = 0
            return None
        if isinstance(claim.error, AlreadyHandled):
            # Handled meanwhile (a commit whose answer was lost, or another process): its
            # effects are there once already, and this run's were rolled back.
            log.info("update %s (chat %s) was already handled", row.update_id, row.chat_id)
            chat.database_failures = 0
            return None
        if claim.done:
            log.warning(
                "update %s (chat %s) raised %s after its commit; not retried",
                row.update_id,
                row.chat_id,
                type(claim.error).__name__,
            )
            return None
        if is_transient(claim.error):
            # Not the update's fault: try again later without using up one of its tries.
            log.warning(
                "update %s (chat %s): database busy (%s); trying again",
                row.update_id,
                row.chat_id,
                type(claim.error).__name__,
            )
            return chat.database_delay()
        chat.database_failures = 0
        return await self._failed(row, claim.error)

    async def _mark_done(self, row_id: int) -> None:
        async with self._sessions() as session:
            await session.execute(
                update(InboxUpdate)
                .where(InboxUpdate.id == row_id, InboxUpdate.status == InboxStatus.PENDING)
                .values(status=InboxStatus.DONE, processed_at=utcnow())
            )
            await session.commit()

    async def _failed(self, row: _Row, error: BaseException) -> float | None:
        attempts = row.attempts + 1
        final = attempts >= self._max_attempts
        reason = describe_error(error, row.payload or {})
        log.warning(
            "update %s (chat %s) failed, try %d of %d: %s",
            row.update_id,
            row.chat_id,
            attempts,
            self._max_attempts,
            type(error).__name__,
            exc_info=(type(error), error, error.__traceback__)
            if log.isEnabledFor(logging.DEBUG)
            else None,
        )
        async with self._sessions() as session:
            values: dict[str, Any] = {"attempts": attempts, "last_error": reason}
            if final:
                values |= {"status": InboxStatus.FAILED, "processed_at": utcnow()}
            await session.execute(
                update(InboxUpdate).where(InboxUpdate.id == row.id).values(**values)
            )
            notices = await self._notices(session, row, reason) if final else []
            await session.flush()
            ids = [notice.id for notice in notices]
            await session.commit()
        row.attempts = attempts
        if ids:
            self._on_outbox(ids)
        if final:
            log.error("update %s (chat %s) marked failed", row.update_id, row.chat_id)
            return None
        return float(RETRY_BASE_SECONDS * 2 ** (attempts - 1))

    async def _notices(self, session: AsyncSession, row: _Row, reason: str) -> list[OutboxMessage]:
        """Tell the resident (private chats only) and the ops chat that an update failed."""
        notices = []
        if row.chat_id is not None and row.chat_id > 0:
            user = (
                await session.execute(
                    select(User.id, User.language).where(User.chat_id == row.chat_id).limit(1)
                )
            ).first()
            notices.append(
                answer_row(
                    row.chat_id,
                    Answer("update-failed"),
                    (user[1] if user else None) or DEFAULT_LANGUAGE,
                    user_id=user[0] if user else None,
                    priority=PRIORITY_REPLY,
                    inbox_id=row.id,
                )
            )
        if self._ops_chat_id:
            # The ops chat gets the error's class only: a message could quote what a resident
            # typed (the fuller reason stays in inbox.last_error, purged with the row).
            error_class = reason.split(":", 1)[0]
            answer = Answer(
                "ops-update-failed", {"update_id": str(row.update_id), "error": error_class}
            )
            notices.append(
                answer_row(
                    self._ops_chat_id,
                    answer,
                    DEFAULT_LANGUAGE,
                    priority=PRIORITY_NOTICE,
                    inbox_id=row.id,
                )
            )
        session.add_all(notices)
        return notices
