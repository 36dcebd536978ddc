"""Tell the ops chat once per incident, not once per message, that sending needs a person.

An incident is named by the row that started it: the first failed message, the oldest late
message, the oldest late update. A `job_runs` row (name "ops-alert", that name as period) is
inserted in the transaction that queues the notice, so of several processes, and over many
health checks, one notice goes out per incident; a new incident (after `outbox retry`, or the
next outage) is told again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.conversation import Answer
from bot.i18n import DEFAULT_LANGUAGE
from bot.outbox import PRIORITY_NOTICE, answer_row
from bot.pipeline.health import Backlog
from db.models.operations import JobRun

ALERT_JOB = "ops-alert"


def incidents(
    backlog: Backlog, now: datetime, late_after: timedelta, telegram_ok: bool
) -> list[tuple[str, Answer]]:
    """Return (incident name, notice) for each thing that needs a person now."""
    found = []
    if backlog.failed and backlog.first_failed_id is not None:
        found.append(
            (
                f"failed:{backlog.first_failed_id}",
                Answer("ops-outbox-failed", {"count": str(backlog.failed)}),
            )
        )
    oldest = backlog.oldest_unsent
    if oldest is not None and backlog.oldest_unsent_id is not None and now - oldest > late_after:
        args = {
            "count": str(backlog.unsent),
            "minutes": str(round((now - oldest).total_seconds() / 60)),
            "telegram": "ok" if telegram_ok else "unreachable",
        }
        found.append((f"late:{backlog.oldest_unsent_id}", Answer("ops-outbox-late", args)))
    update = backlog.oldest_pending_update
    if update is not None and now - update > late_after:
        args = {
            "count": str(backlog.pending_inbox),
            "minutes": str(round((now - update).total_seconds() / 60)),
        }
        # Named by its time: the row id is not read (the inbox query stays an aggregate).
        found.append((f"updates:{update.isoformat()[:19]}", Answer("ops-updates-late", args)))
    return found


async def tell_ops_once(
    sessions: async_sessionmaker[AsyncSession],
    ops_chat_id: int,
    found: list[tuple[str, Answer]],
    now: datetime,
) -> list[int]:
    """Queue a notice for each incident not told yet; return the new outbox ids."""
    queued = []
    for incident, answer in found:
        async with sessions() as session:
            session.add(JobRun(name=ALERT_JOB, period=incident[:32], ran_at=now))
            row = answer_row(ops_chat_id, answer, DEFAULT_LANGUAGE, priority=PRIORITY_NOTICE)
            session.add(row)
            try:
                await session.flush()
                await session.commit()
            except IntegrityError:
                # Told already (by this process earlier, or by another).
                await session.rollback()
                continue
            queued.append(row.id)
    return queued
