"""`python -m bot health` and `python -m bot outbox status`: what waits, what failed."""

from __future__ import annotations

import argparse
import asyncio
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.commands import Subparsers, add_parser
from bot.config import Config, Secrets
from bot.pipeline.stats import QueueCounts, read_counts
from db.base import utcnow
from db.engine import create_engine, database_url, session_factory
from db.models.pipeline import InboxStatus, InboxUpdate, OutboxMessage, OutboxStatus

# Rows listed by `outbox status`.
LAST_PROBLEMS = 20


def register(subparsers: Subparsers) -> None:
    """Add `health` and `outbox status`."""
    health = add_parser(subparsers, "health", "check the database and what waits in the pipeline")
    health.add_argument(
        "--max-wait",
        type=float,
        default=5.0,
        metavar="MINUTES",
        help="an update or a due message waiting longer than this counts as stuck (default 5)",
    )
    health.set_defaults(handler=_health)
    outbox = add_parser(subparsers, "outbox", "the queue of messages to send")
    actions = outbox.add_subparsers(dest="outbox_action", metavar="ACTION", required=True)
    status = add_parser(actions, "status", "counts by state and the latest failed messages")
    status.set_defaults(handler=_outbox_status)


def _when(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value is not None else "-"


async def _stuck(session: AsyncSession, max_wait: timedelta) -> tuple[int, int]:
    """Count updates and due messages waiting longer than `max_wait`."""
    cutoff = utcnow() - max_wait
    inbox = await session.scalar(
        select(func.count())
        .select_from(InboxUpdate)
        .where(InboxUpdate.status == InboxStatus.PENDING, InboxUpdate.received_at < cutoff)
    )
    # A `sending` row's not_before is its lease: past the cutoff, its sender is gone.
    outbox = await session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(
            or_(
                OutboxMessage.status == OutboxStatus.PENDING,
                OutboxMessage.status == OutboxStatus.SENDING,
            ),
            OutboxMessage.not_before < cutoff,
        )
    )
    return int(inbox or 0), int(outbox or 0)


async def _read_health(url: str, max_wait: timedelta) -> tuple[QueueCounts, tuple[int, int]]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return await read_counts(session), await _stuck(session, max_wait)
    finally:
        await engine.dispose()


def _health(args: argparse.Namespace, config: Config, secrets: Secrets) -> int:
    url = database_url(secrets.database_url, config.database.sqlite_path)
    try:
        counts, (stuck_inbox, stuck_outbox) = asyncio.run(
            _read_health(url, timedelta(minutes=args.max_wait))
        )
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
        f"undeliverable {outbox.get(OutboxStatus.UNDELIVERABLE, 0)}"
    )
    if stuck_inbox or stuck_outbox:
        print(
            f"STUCK: {stuck_inbox} update(s) and {stuck_outbox} message(s) "
            f"waiting longer than {args.max_wait:g} min"
        )
        return 1
    print("nothing stuck")
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
