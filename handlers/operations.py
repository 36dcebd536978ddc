"""Officer operations on Telegram: periodic jobs (deadlines, digest, retention) on the JobQueue.

The commands (/urlop, /zastepstwa, /cisza, /blokuj, /odblokuj) are router flows
(bot/usecases/registry.py); their messages go out as ordinary "answer" rows.
"""

from __future__ import annotations

import logging

from bot.pipeline import AnyApplication
from bot.services import Services
from bot.usecases.operations.jobs import PeriodicJob, periodic_jobs, run_job
from handlers.context import BotContext

log = logging.getLogger(__name__)


async def on_job(context: BotContext) -> None:
    """Run one periodic job (the job's data says which)."""
    job = context.job
    if job is not None and isinstance(job.data, PeriodicJob):
        await run_job(job.data, context.services)


def register(application: AnyApplication) -> None:
    job_queue = application.job_queue
    if job_queue is None:
        # Without the job-queue extra no deadline would ever be checked: say so loudly.
        log.error("PTB's JobQueue is missing (install python-telegram-bot[job-queue])")
        return
    services: Services = application.bot_data["services"]
    for job in periodic_jobs(services.config):
        # The first run waits one interval: the bot is up and the pipeline receiving by then.
        job_queue.run_repeating(
            on_job,
            interval=job.interval_seconds,
            first=job.interval_seconds,
            name=f"operations:{job.name}",
            data=job,
        )
