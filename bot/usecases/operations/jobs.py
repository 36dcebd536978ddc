"""The periodic jobs: deadlines, the daily digest, retention; plain functions of (services, now).

handlers/operations.py runs them from PTB's JobQueue; tests call them with a controllable clock.
Each job's effects are claimed in SQL (see deadlines.py, digest.py, retention.py), so running
them in several bot processes, or twice, does each thing once. On top of that, every process
schedules every job, but a run is claimed first (a `job_runs` row per job holds when it last
ran): of several processes only one runs a job per interval, and when it is gone another
takes over at its next firing.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from bot.services import Services
from bot.usecases.community.meetings import send_meeting_reminders
from bot.usecases.operations import queries
from bot.usecases.operations.deadlines import run_deadlines
from bot.usecases.operations.digest import send_digest
from bot.usecases.operations.retention import run_retention
from db.base import utcnow
from db.models.operations import JobRun

log = logging.getLogger(__name__)

# The job_runs row that says when a job last ran: name "tick:<job>", period "last".
TICK_PREFIX = "tick:"
TICK_PERIOD = "last"


@dataclass(frozen=True)
class PeriodicJob:
    """A job and how often it runs."""

    name: str
    interval_seconds: float
    run: Callable[[Services, datetime], Awaitable[object]]


def periodic_jobs(config: Config) -> list[PeriodicJob]:
    """Return the jobs with their intervals from the configuration."""
    scan = config.deadlines.scan_interval_minutes * 60
    return [
        PeriodicJob("deadlines", scan, run_deadlines),
        # Checked as often as deadlines: it sends only once a day, at the first run after the hour.
        PeriodicJob("digest", scan, send_digest),
        PeriodicJob("retention", config.privacy.retention_interval_minutes * 60, run_retention),
        # Meetings: the reminder the day before, to those who will come (claimed per meeting).
        PeriodicJob("meeting_reminders", scan, send_meeting_reminders),
    ]


async def run_job(job: PeriodicJob, services: Services) -> bool:
    """Run a job once at the services' clock; a failure is logged and retried next time.

    Returns False when it failed, or when another process has run it within half an interval.
    """
    if not _shared(services):
        # SQLite serves one process: nobody else could have run it.
        return await _run(job, services, None)
    try:
        claimed, claim = await _claim_run(job, services)
    except Exception:
        log.warning("job %s: its run cannot be claimed; next time", job.name, exc_info=True)
        return False
    if not claimed:
        log.debug("job %s: another process ran it a moment ago", job.name)
        return False
    return await _run(job, services, claim)


async def _run(job: PeriodicJob, services: Services, claim: _Claim | None) -> bool:
    try:
        await job.run(services, services.clock())
    except Exception:
        log.warning(
            "job %s failed; it runs again in %.0f s", job.name, job.interval_seconds, exc_info=True
        )
        if claim is not None:
            # Give the run back, so the next firing (here or in another process) does not wait.
            with contextlib.suppress(Exception):
                await _give_back(job, services, claim.previous)
        return False
    return True


def _shared(services: Services) -> bool:
    """Tell whether other processes may run the same jobs (PostgreSQL; SQLite has one)."""
    bind = services.uow.sessions.kw.get("bind")
    return isinstance(bind, AsyncEngine) and bind.dialect.name != "sqlite"


def _tick(job: PeriodicJob) -> str:
    return f"{TICK_PREFIX}{job.name}"


@dataclass(frozen=True)
class _Claim:
    """This process's claim on a job's run: when the run before it was."""

    previous: datetime | None


async def _claim_run(job: PeriodicJob, services: Services) -> tuple[bool, _Claim]:
    """Claim this job's run for this process; return whether it did, and the previous run's time.

    Wall-clock time, not the services' clock: this is about when processes fire, not about the
    business time the job works with (tests move that one).
    """
    now = utcnow()
    recent = now - timedelta(seconds=job.interval_seconds / 2)
    async with services.uow() as uow:
        session = uow.session
        previous = await queries.last_job_run(session, _tick(job), TICK_PERIOD)
        if previous is None:
            session.add(JobRun(name=_tick(job), period=TICK_PERIOD, ran_at=now))
        else:
            claimed = await queries.claim_job_run(
                session, _tick(job), TICK_PERIOD, previous, recent, now
            )
            if not claimed:
                return False, _Claim(previous)
        try:
            await uow.commit()
        except IntegrityError:
            # Another process inserted the first row a moment ago: it runs this one.
            return False, _Claim(previous)
    return True, _Claim(previous)


async def _give_back(job: PeriodicJob, services: Services, previous: datetime | None) -> None:
    async with services.uow() as uow:
        await queries.restore_job_run(uow.session, _tick(job), TICK_PERIOD, previous)
        await uow.commit()
