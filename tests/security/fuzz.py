"""The fuzz harness: the real bot in a thread of its own, driven by a synchronous test.

Hypothesis runs examples synchronously, one after another; the bot must keep running across
them (starting it per example would take seconds). So the bot's event loop lives in a
background thread, the local Bot API server in its own, and the test thread sends updates
through the server and reads the bot's SQLite file directly (WAL: readers never block it).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.runtime import BotRuntime
from bot.config import Config, Secrets
from devtools.localapi import LocalBotApi
from handlers.gatekeeper import gate_of

# Updates must be handled within this many seconds (under load: generous, never a timing claim).
HANDLED_WITHIN = 30.0


@dataclass
class Stats:
    """What a fuzz run did, printed at the end of the test session."""

    cases: int = 0
    updates: int = 0
    private_updates: int = 0
    dropped_by_flood: int = 0
    reports: int = 0
    failures: int = 0
    actions: dict[str, int] = field(default_factory=dict)


STATS = Stats()


class ErrorLog(logging.Handler):
    """Collect ERROR records of the bot's loggers (an unhandled exception logs one)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class BotThread:
    """The real BotRuntime on an event loop in a background thread."""

    def __init__(self, config: Config, secrets: Secrets) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.runtime = BotRuntime(config, secrets)

    def start(self) -> None:
        """Start the loop and the bot; return once it polls."""
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.runtime.start(), self.loop).result(60)

    def stop(self) -> None:
        """Stop the bot and the loop."""
        try:
            asyncio.run_coroutine_threadsafe(self.runtime.stop(), self.loop).result(60)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)

    def gate_counters(self) -> tuple[int, int]:
        """Return (flood-dropped, blocked-dropped) so far (plain ints, read across threads)."""
        services = self.runtime.services
        assert services is not None
        counters = gate_of(services).counters
        return counters.flood_dropped, counters.blocked_dropped


class Database:
    """Read-only looks at the bot's SQLite file from the test thread."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        try:
            yield conn
        finally:
            conn.close()

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Run a query and return its rows."""
        with self._connect() as conn:
            return list(conn.execute(sql, params).fetchall())

    def value(self, sql: str, *params: Any) -> Any:
        """Run a query that returns one value."""
        found = self.rows(sql, *params)
        return found[0][0] if found else None

    def wait_handled(self, update_ids: list[int]) -> None:
        """Block until every one of these updates is stored and no longer pending."""
        if not update_ids:
            return
        marks = ",".join("?" for _ in update_ids)
        deadline = time.monotonic() + HANDLED_WITHIN
        while True:
            done = self.value(
                f"SELECT count(*) FROM inbox WHERE status != 'pending' AND update_id IN ({marks})",
                *update_ids,
            )
            if done == len(update_ids):
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"updates {update_ids} not handled within {HANDLED_WITHIN} s")
            time.sleep(0.01)

    def answered(self, update_id: int) -> bool:
        """Tell whether handling the update queued at least one message."""
        return bool(
            self.value(
                "SELECT count(*) FROM outbox JOIN inbox ON outbox.inbox_id = inbox.id "
                "WHERE inbox.update_id = ?",
                update_id,
            )
        )

    def errors(self, update_ids: list[int]) -> list[tuple[Any, ...]]:
        """Return those of the updates that raised (retried or failed): there must be none."""
        if not update_ids:
            return []
        marks = ",".join("?" for _ in update_ids)
        return self.rows(
            "SELECT update_id, status, attempts, last_error FROM inbox "
            f"WHERE (last_error IS NOT NULL OR status = 'failed') AND update_id IN ({marks})",
            *update_ids,
        )

    def parked(self, telegram_id: int) -> tuple[str | None, dict[str, Any]]:
        """Return the flow and draft a look-up put aside (None, {} when nothing is parked)."""
        import json

        row = self.rows(
            "SELECT c.parked FROM conversations c JOIN users u ON u.id = c.user_id "
            "WHERE u.external_id = ?",
            str(telegram_id),
        )
        raw = row[0][0] if row else None
        parked = json.loads(raw) if isinstance(raw, str) else (raw or {})
        return parked.get("flow"), parked.get("draft") or {}

    def failed_sends(self) -> list[tuple[Any, ...]]:
        """Return outgoing messages Telegram refused for good (a rendering bug, if any)."""
        return self.rows(
            "SELECT id, chat_id, kind, last_error, substr(payload, 1, 300) FROM outbox"
            " WHERE status = 'failed'"
        )

    def pending_sends(self, chat_id: int) -> int:
        """Count messages to a chat not sent yet."""
        return int(
            self.value(
                "SELECT count(*) FROM outbox WHERE chat_id = ? AND status IN ('pending','sending')",
                chat_id,
            )
            or 0
        )

    def draft(self, telegram_id: int) -> tuple[str | None, dict[str, Any]]:
        """Return a person's flow and draft (None, {} when they have none)."""
        import json

        row = self.rows(
            "SELECT c.flow, c.draft FROM conversations c JOIN users u ON u.id = c.user_id "
            "WHERE u.external_id = ?",
            str(telegram_id),
        )
        if not row:
            return None, {}
        flow, draft = row[0]
        return flow, json.loads(draft) if isinstance(draft, str) else (draft or {})


def start_fuzz_bot(api: LocalBotApi, config: Config, token: str) -> BotThread:
    """Start the bot against the local server in its own thread."""
    bot = BotThread(config, Secrets(bot_token=token, database_url=None, webhook_secret=None))
    bot.start()
    return bot
