"""The periodic jobs: intervals from the configuration; a failing run is logged, not raised."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Config
from bot.i18n import Catalog
from bot.services import Services
from bot.usecases.operations.jobs import PeriodicJob, periodic_jobs, run_job
from db.base import utcnow
from db.engine import session_factory
from db.models.operations import JobRun
from db.uow import UnitOfWorkFactory


def test_jobs_and_their_intervals_come_from_the_configuration() -> None:
    config = Config(
        deadlines={"scan_interval_minutes": 5}, privacy={"retention_interval_minutes": 30}
    )

    jobs = {job.name: job.interval_seconds for job in periodic_jobs(config)}

    assert jobs == {"deadlines": 300, "digest": 300, "retention": 1800, "meeting_reminders": 300}


async def test_a_failing_job_is_logged_and_runs_again_next_time(
    officer_services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[datetime] = []

    async def broken(services: Services, now: datetime) -> None:
        seen.append(now)
        raise RuntimeError("database is locked")

    job = PeriodicJob("deadlines", 600, broken)

    assert await run_job(job, officer_services) is False
    assert await run_job(job, officer_services) is False

    assert seen == [officer_services.clock()] * 2
    assert [r.getMessage() for r in caplog.records] == [
        "job deadlines failed; it runs again in 600 s"
    ] * 2


async def test_of_several_processes_one_runs_a_job_per_interval(engine: AsyncEngine) -> None:
    # Two processes' services on one database (SQLite has only ever one process).
    processes = [
        Services(
            config=Config(),
            catalog=Catalog(("pl", "uk", "en")),
            uow=UnitOfWorkFactory(session_factory(engine)),
            clock=utcnow,
        )
        for _ in range(2)
    ]
    runs: list[datetime] = []

    async def job_run(services: Services, now: datetime) -> None:
        runs.append(now)

    # Every process fires every job; two firings within half an interval are two processes.
    # A long interval, so that a slow machine cannot make the second firing late enough to count
    # as the next interval's; the next interval comes by moving the stored run back in time.
    job = PeriodicJob("deadlines", 60, job_run)

    first = await run_job(job, processes[0])
    second = await run_job(job, processes[1])
    async with processes[0].uow() as uow:
        half_an_interval_ago = utcnow() - timedelta(seconds=31)
        await uow.session.execute(update(JobRun).values(ran_at=half_an_interval_ago))
        await uow.commit()
    third = await run_job(job, processes[1])

    shared = engine.dialect.name == "postgresql"
    assert (first, second, third) == ((True, False, True) if shared else (True, True, True))
    assert len(runs) == (2 if shared else 3)
