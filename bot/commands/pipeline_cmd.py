"""`python -m bot health` and `python -m bot outbox status|retry|dismiss`: what waits, what
failed, and what to do about it."""

from __future__ import annotations

import argparse
import asyncio
from datetime import datetime, timedelta

from sqlalchemy import select, update

from bot.commands import Subparsers, add_parser
from bot.config import Config, Secrets
from bot.pipeline.health import Backlog, read_backlog
from bot.pipeline.stats import QueueCounts, read_counts
from db.base import utcnow
from db.engine import create_engine, database_url, session_factory
from db.models.pipeline import InboxStatus, OutboxMessage, OutboxStatus

# Rows listed by `outbox status`.
LAST_PROBLEMS = 20


def register(subparsers: Subparsers) -> None:
    """Add `health` and `outbox status|retry|dismiss`."""
    health = add_parser(subparsers, "health", "check the database and what waits in the pipeline")
    health.add_argument(
        "--max-wait",
        type=float,
        metavar="MINUTES",
        help="a message or update waiting longer than this is late "
        "(default: [delivery] late_after_minutes)",
    )
    health.set_defaults(handler=_health)
    outbox = add_parser(subparsers, "outbox", "the queue of messages to send")
    actions = outbox.add_subparsers(dest="outbox_action", metavar="ACTION", required=True)
    status = add_parser(actions, "status", "counts by state and the latest failed messages")
    status.set_defaults(handler=_outbox_status)
    retry = add_parser(actions, "retry", "queue failed messages again (all, or the ids given)")
    retry.add_argument("ids", nargs="*", type=int, metavar="ID", help="outbox ids")
    retry.set_defaults(handler=_outbox_retry)
    dismiss = add_parser(
        actions, "dismiss", "let failed messages go (all, or the ids given): health turns green"
    )
    dismiss.add_argument("ids", nargs="*", type=int, metavar="ID", help="outbox ids")
    dismiss.set_defaults(handler=_outbox_dismiss)


def _when(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value is not None else "-"


async def _read_health(url: str) -> tuple[QueueCounts, Backlog]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return await read_counts(session), await read_backlog(session)
    finally:
        await engine.dispose()


def _health(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    url = database_url(secrets.database_url, config.database.sqlite_path)
    minutes = args.max_wait if args.max_wait is not None else config.delivery.late_after_minutes
    try:
        counts, backlog = asyncio.run(_read_health(url))
    except Exception as exc:
        print(f"database: NOT answering ({type(exc).__name__})")
        return 1
    print("database: ok")
    print(
        f"inbox: pending {counts.pending_inbox}, failed {counts.inbox.get(InboxStatus.FAILED, 0)}, "
        f"newest received {_when(counts.last_received_at)}"
    )
    outbox = counts.outbox
    print(
        f"outbox: pending {outbox.get(OutboxStatus.PENDING, 0)}, "
        f"sending {outbox.get(OutboxStatus.SENDING, 0)}, "
        f"failed {outbox.get(OutboxStatus.FAILED, 0)}, "
        f"undeliverable {outbox.get(OutboxStatus.UNDELIVERABLE, 0)}, "
        f"dismissed {outbox.get(OutboxStatus.DISMISSED, 0)}, "
        f"oldest unsent {_when(backlog.oldest_unsent)}"
    )
    problems = backlog.problems(utcnow(), timedelta(minutes=minutes))
    for problem in problems:
        print(f"PROBLEM: {problem}")
    if problems:
        return 1
    print(f"nothing failed, nothing waiting longer than {minutes:g} min")
    return 0


async def _read_outbox(url: str) -> tuple[QueueCounts, list[OutboxMessage]]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            problems = await session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.status.in_([OutboxStatus.FAILED, OutboxStatus.UNDELIVERABLE]))
                .order_by(OutboxMessage.id.desc())
                .limit(LAST_PROBLEMS)
            )
            return await read_counts(session), list(problems)
    finally:
        await engine.dispose()


def _outbox_status(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    url = database_url(secrets.database_url, config.database.sqlite_path)
    counts, problems = asyncio.run(_read_outbox(url))
    for status in (
        OutboxStatus.PENDING,
        OutboxStatus.SENDING,
        OutboxStatus.FAILED,
        OutboxStatus.UNDELIVERABLE,
        OutboxStatus.DISMISSED,
    ):
        print(f"{status.value:>13}: {counts.outbox.get(status, 0)}")
    print(f"oldest pending: {_when(counts.oldest_pending_outbox)}")
    if problems:
        print(f"last {len(problems)} failed or undeliverable (message text is never shown):")
        print(f"{'id':>8} {'chat id':>15} {'kind':<12} {'status':<13} {'tries':>5}  last error")
        for row in problems:
            print(
                f"{row.id:>8} {row.chat_id:>15} {row.kind:<12} {row.status.value:<13} "
                f"{row.attempts:>5}  {row.last_error or '-'}"
            )
    return 0


async def _requeue(url: str, ids: list[int], status: OutboxStatus) -> int:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            values: dict[str, object] = {"status": status}
            if status is OutboxStatus.PENDING:
                # A fresh start: tries counted from zero, due now; its age (created_at) stays.
                values |= {"attempts": 0, "not_before": utcnow(), "claimed_by": None}
            statement = update(OutboxMessage).where(OutboxMessage.status == OutboxStatus.FAILED)
            if ids:
                statement = statement.where(OutboxMessage.id.in_(ids))
            result = await session.execute(statement.values(**values))
            await session.commit()
            return int(getattr(result, "rowcount", 0) or 0)
    finally:
        await engine.dispose()


def _outbox_retry(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    url = database_url(secrets.database_url, config.database.sqlite_path)
    count = asyncio.run(_requeue(url, args.ids, OutboxStatus.PENDING))
    print(f"{count} failed message(s) queued again; a running bot sends them within seconds")
    return 0


def _outbox_dismiss(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    url = database_url(secrets.database_url, config.database.sqlite_path)
    count = asyncio.run(_requeue(url, args.ids, OutboxStatus.DISMISSED))
    print(f"{count} failed message(s) dismissed (kept until the retention period ends)")
    return 0
