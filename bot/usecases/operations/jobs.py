"""The periodic jobs: deadlines, the daily digest, retention; plain functions of (services, now).

handlers/operations.py runs them from PTB's JobQueue; tests call them with a controllable clock.
Each job's effects are claimed in SQL (see deadlines.py, digest.py, retention.py), so running
them in several bot processes, or twice, does each thing once.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from bot.config import Config
from bot.services import Services
from bot.usecases.operations.deadlines import run_deadlines
from bot.usecases.operations.digest import send_digest
from bot.usecases.operations.retention import run_retention

log = logging.getLogger(__name__)


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
    ]


async def run_job(job: PeriodicJob, services: Services) -> bool:
    """Run a job once at the services' clock; a failure is logged and retried next time."""
    try:
        await job.run(services, services.clock())
    except Exception:
        log.warning(
            "job %s failed; it runs again in %.0f s", job.name, job.interval_seconds, exc_info=True
        )
        return False
    return True
